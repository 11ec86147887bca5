#include "common/Confirmation.h"

namespace SurrealQt {

void confirmThen(QWidget *parent,
                 QMessageBox::Icon icon,
                 const QString &title,
                 const QString &text,
                 std::function<void()> onYes)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Yes | QMessageBox::Cancel, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::accepted, parent, std::move(onYes));
    box->open();
}

} // namespace SurrealQt

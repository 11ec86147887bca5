#include "common/StatusText.h"

#include <QtWidgets/QLabel>

namespace SurrealQt {

void showStatusText(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace SurrealQt

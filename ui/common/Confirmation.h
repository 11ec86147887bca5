#pragma once

#include <QtWidgets/QMessageBox>

#include <functional>

namespace SurrealQt {

// Asks Yes / Cancel in a window-modal box that does not block the event loop (Cancel is the
// default) and calls `onYes` if the answer is Yes. Tests find the box among the parent's
// children and click its buttons.
void confirmThen(QWidget *parent,
                 QMessageBox::Icon icon,
                 const QString &title,
                 const QString &text,
                 std::function<void()> onYes);

} // namespace SurrealQt

#pragma once

class QLabel;
class QString;

namespace SurrealQt {

// Shows a status or outcome in `label`: in the error colour when `error`, else plainly.
void showStatusText(QLabel *label, const QString &text, bool error = false);

} // namespace SurrealQt

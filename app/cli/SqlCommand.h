#pragma once

#include <QtCore/QStringList>

namespace SurrealQt::Cli {

// `surrealqt sql`: runs SurrealQL (an argument, -f FILE or stdin) with bound --var values and
// prints each statement's result as JSON, SurrealQL or a table. Exit status: 0 when every
// statement succeeded, 1 when one failed or the connection did, 2 for a usage error.
int runSqlCommand(const QStringList &arguments);

} // namespace SurrealQt::Cli

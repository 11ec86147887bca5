#pragma once

#include <surrealqt/schema/Schema.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <functional>

namespace SurrealQt {

// The migration commands of `surrealqt` (makemigrations, migrate, rollback, sqlmigrate, status,
// inspectdb, schemadiff) as a library call, so any program can offer them: the CLI dispatches
// here, and an application's own "manage" tool passes the schema its C++ models describe.
//
//   int main(int argc, char *argv[])
//   {
//       QCoreApplication app(argc, argv);
//       return SurrealQt::runMigrationCommand(app.arguments().mid(1), [] { return mySchema(); });
//   }
//
// `arguments` starts with the command's name (`{"migrate", "--ns", "app", "--db", "app"}`).
// When `desiredSchema` is set, makemigrations and schemadiff use it when --schema is absent.
// Output goes to stdout, progress and errors (one line each) to stderr. Runs an event loop
// until the command is done: call it from the main thread with a Q(Core)Application, not from
// a slot that must return quickly.
//
// Returns the exit status: 0 ok, 1 failure or difference, 2 usage error.
SURREALQT_CORE_EXPORT int runMigrationCommand(const QStringList &arguments,
                                              const std::function<Schema()> &desiredSchema = {});

// The commands runMigrationCommand knows, with a one-line summary each.
SURREALQT_CORE_EXPORT QList<std::pair<QString, QString>> migrationCommands();

} // namespace SurrealQt

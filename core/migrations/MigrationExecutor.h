#pragma once

#include "MigrationHistory.h"
#include "MigrationSet.h"

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

#include <atomic>

namespace SurrealQt {

class Connection;

// What MigrationExecutor::migrate and rollback may do instead of a plain run.
struct MigrationRunOptions
{
    bool fake = false;   // record the migrations as applied without running them
    bool dryRun = false; // run nothing: return the SurrealQL that would run
};

// What a run did.
struct MigrationRun
{
    QStringList migrations; // applied or rolled back (or, for a dry run, planned), in order
    QString surql;          // dry run: every transaction that would run
    bool cancelled = false;
    QStringList warnings; // applied files whose checksum changed
};

// Applies and rolls back migrations on a live database. Each migration runs as one transaction
// (MigrationScript::transaction), so a failure leaves schema, data and history as they were;
// the run stops at the first failure. Progress is reported through signals, and cancel() stops
// the run before the next migration (the one running finishes or fails as a whole).
//
// Call from the connection's thread, after `use` chose the namespace and database.
class SURREALQT_CORE_EXPORT MigrationExecutor : public QObject
{
    Q_OBJECT

public:
    using Options = MigrationRunOptions;
    using Run = MigrationRun;

    explicit MigrationExecutor(Connection *connection, QObject *parent = nullptr);

    // Applies the pending migrations in order, up to and including `target` (a name, a number
    // like "0002", or empty for all). A target that is already applied with later ones applied
    // is an error: roll back to it instead.
    QFuture<Result<Run>> migrate(const MigrationSet &set,
                                 const QString &target = {},
                                 Options options = {});
    // Rolls back the applied migrations after `target` (a name or "zero" for all), last first.
    QFuture<Result<Run>> rollback(const MigrationSet &set,
                                  const QString &target,
                                  Options options = {});

    // Stops the run before its next migration.
    void cancel() { m_cancelled = true; }

Q_SIGNALS:
    // `done` of `total` migrations of this run have finished; `name` is the one that started.
    void progress(int done, int total, const QString &name);
    void migrationStarted(const QString &name);
    void migrationFinished(const QString &name);
    void warning(const QString &message);

private:
    QPointer<Connection> m_connection;
    std::atomic_bool m_cancelled = false;
};

} // namespace SurrealQt

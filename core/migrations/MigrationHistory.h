#pragma once

#include <surrealqt/rpc/Result.h>
#include <surrealqt/schema/Schema.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QString>

namespace SurrealQt {

class Connection;

// The history table in the database: one record per applied migration, its id the migration's
// name, with the file's checksum and when it was applied. The executor writes and deletes these
// records inside each migration's own transaction.
class SURREALQT_CORE_EXPORT MigrationHistory
{
public:
    struct Entry
    {
        QString name;
        QString checksum;
        QString appliedAt; // ISO 8601, as the server prints the datetime

        friend bool operator==(const Entry &, const Entry &) = default;
    };

    static QString tableName();
    // Reads the applied migrations, by name. A database without the table has applied none.
    static QFuture<Result<QList<Entry>>> read(Connection *connection);

    // The statement that records a migration (binds $surrealqt_name, $surrealqt_checksum; see
    // recordVariables) and the one that forgets it (binds $surrealqt_name).
    static QString recordStatement();
    static QString forgetStatement();
    static QCborMap variables(const QString &name, const QString &checksum = {});

    // The schema without the history table: what inspectdb, status and schemadiff compare.
    static Schema withoutHistory(Schema schema);
};

} // namespace SurrealQt

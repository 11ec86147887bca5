#pragma once

#include "Migration.h"

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>

namespace SurrealQt {

// The SurrealQL of a migration.
//
// Applying one is a single query: BEGIN; the operations; the type checks of changed fields; the
// history record; COMMIT. SurrealDB 3 runs DEFINE and REMOVE inside the transaction and rolls
// them back with the data when any statement fails (checked against the engine in
// tst_migration_executor), so a failure leaves schema, data and history as they were.
class SURREALQT_CORE_EXPORT MigrationScript
{
public:
    enum class Direction { Forward, Backward };

    // The operations only, each preceded by a `-- Type table.name` comment line: what
    // sqlmigrate prints. Backward runs the backward SurrealQL in reverse order.
    static QString operations(const Migration &migration, Direction direction);
    // The operations with, when `withGuards`, the type checks of AlterFields (TypeCheck).
    static QString text(const Migration &migration, Direction direction, bool withGuards);
    // The whole transaction the executor sends (history statements bind the variables of
    // MigrationHistory::variables).
    static QString transaction(const Migration &migration, Direction direction);
    // The statement error that explains a failed transaction (not the "not executed" ones).
    static RpcError failure(const QueryResponse &response);
};

} // namespace SurrealQt

#pragma once

#include "Schema.h"

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QString>

namespace SurrealQt {

class Connection;

// Reads the schema of the connection's current database: INFO FOR DB, then INFO FOR TABLE for
// every table in one query (the table name bound as a parameter), parsed with SchemaParser.
class SURREALQT_CORE_EXPORT SchemaIntrospector
{
public:
    // Call from the connection's thread, after `use` chose the namespace and database. Resolves
    // with the schema, or with the RpcError of the query (a reply that does not parse is a
    // Protocol error naming the statement).
    static QFuture<Result<Schema>> introspect(Connection *connection);

    // Builds the schema from INFO's replies: the INFO FOR DB map and, per table name, the INFO
    // FOR TABLE map.
    static Result<Schema> fromInfo(const QCborMap &database,
                                   const QList<std::pair<QString, QCborMap>> &tables);
    // The statement that reads one table: `INFO FOR TABLE $<parameter>`.
    static QString tableInfoStatement(const QString &parameter);
};

} // namespace SurrealQt

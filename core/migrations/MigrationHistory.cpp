#include "MigrationHistory.h"

#include <surrealqt/client/Connection.h>

#include <QtCore/QCborArray>
#include <QtCore/QPromise>

#include <memory>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

QString MigrationHistory::tableName()
{
    return u"surrealqt_migrations"_s;
}

QFuture<Result<QList<MigrationHistory::Entry>>> MigrationHistory::read(Connection *connection)
{
    auto promise = std::make_shared<QPromise<Result<QList<Entry>>>>();
    promise->start();
    QFuture<Result<QList<Entry>>> future = promise->future();
    const auto finish = [promise](Result<QList<Entry>> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    if (!connection) {
        finish(RpcError(RpcError::Kind::Internal, u"no connection"_s));
        return future;
    }
    connection
        ->query(u"SELECT name, checksum, <string> applied_at AS applied_at FROM "_s + tableName()
                + u" ORDER BY name"_s)
        .then(connection, [finish](const Result<QueryResponse> &reply) {
            if (!reply)
                return finish(reply.error());
            const RpcError error = reply->firstError();
            if (error.message().contains(tableName())
                && (error.kind() == RpcError::Kind::NotFound
                    || error.message().contains(u"does not exist"_s)))
                return finish(QList<Entry>{}); // never migrated
            if (error.isError())
                return finish(error);
            QList<Entry> entries;
            for (const QCborValue &row : reply->value(0).toArray()) {
                const QCborMap map = row.toMap();
                entries.append({map.value(u"name"_s).toString(),
                                map.value(u"checksum"_s).toString(),
                                map.value(u"applied_at"_s).toString()});
            }
            finish(entries);
        });
    return future;
}

QString MigrationHistory::recordStatement()
{
    return u"CREATE type::record('"_s + tableName()
           + u"', $surrealqt_name) CONTENT { name: $surrealqt_name, checksum: "
             "$surrealqt_checksum, applied_at: time::now() } RETURN NONE"_s;
}

QString MigrationHistory::forgetStatement()
{
    return u"DELETE type::record('"_s + tableName() + u"', $surrealqt_name)"_s;
}

QCborMap MigrationHistory::variables(const QString &name, const QString &checksum)
{
    QCborMap vars;
    vars.insert(u"surrealqt_name"_s, name);
    if (!checksum.isEmpty())
        vars.insert(u"surrealqt_checksum"_s, checksum);
    return vars;
}

Schema MigrationHistory::withoutHistory(Schema schema)
{
    schema.tables.removeIf([](const TableDef &t) { return t.name == tableName(); });
    return schema;
}

} // namespace SurrealQt

#include "SchemaIntrospector.h"

#include "SchemaParser.h"

#include <surrealqt/client/Connection.h>

#include <QtCore/QPointer>
#include <QtCore/QPromise>

#include <algorithm>
#include <memory>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

using SchemaPromise = std::shared_ptr<QPromise<Result<Schema>>>;

void finish(const SchemaPromise &promise, Result<Schema> result)
{
    promise->addResult(std::move(result));
    promise->finish();
}

RpcError protocolError(const QString &message)
{
    return RpcError(RpcError::Kind::Protocol, message);
}

// Collects the definition strings of one of INFO's groups (a map of name → DEFINE …).
bool collect(QStringList &statements, const QCborValue &group, QString *error)
{
    if (group.isUndefined() || group.isNull())
        return true;
    if (!group.isMap()) {
        *error = u"INFO returned a group that is not a map"_s;
        return false;
    }
    const QCborMap map = group.toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!it.value().isString()) {
            *error = u"INFO returned a definition that is not a string"_s;
            return false;
        }
        statements.append(it.value().toString());
    }
    return true;
}

} // namespace

QString SchemaIntrospector::tableInfoStatement(const QString &parameter)
{
    return u"INFO FOR TABLE $"_s + parameter;
}

Result<Schema> SchemaIntrospector::fromInfo(const QCborMap &database,
                                            const QList<std::pair<QString, QCborMap>> &tables)
{
    QStringList statements;
    QString error;
    // Functions before the analyzers that call them, tables before their fields.
    for (const char16_t *group :
         {u"params", u"functions", u"analyzers", u"accesses", u"users", u"tables"}) {
        if (!collect(statements, database.value(QString::fromUtf16(group)), &error))
            return protocolError(error);
    }
    for (const auto &[name, info] : tables) {
        for (const char16_t *group : {u"fields", u"indexes", u"events"}) {
            if (!collect(statements, info.value(QString::fromUtf16(group)), &error))
                return protocolError(error);
        }
    }
    // One parse for everything; an error's line tells which statement it was.
    QString text;
    QList<int> firstLines;
    int line = 1;
    for (const QString &statement : std::as_const(statements)) {
        firstLines.append(line);
        text += statement + u";\n"_s;
        line += int(statement.count(u'\n')) + 1;
    }
    SchemaParseError parseError;
    auto schema = SchemaParser::parse(text, &parseError, SchemaParser::Origin::Info);
    if (!schema) {
        const auto at = std::upper_bound(firstLines.begin(), firstLines.end(), parseError.line);
        const qsizetype index = qMax<qsizetype>(0, (at - firstLines.begin()) - 1);
        parseError.line -= index < firstLines.size() ? firstLines.at(index) - 1 : 0;
        return protocolError(
            u"cannot read the server's definition \"%1\": %2"_s.arg(statements.value(index),
                                                                    parseError.message()));
    }
    return *schema;
}

QFuture<Result<Schema>> SchemaIntrospector::introspect(Connection *connection)
{
    auto promise = std::make_shared<QPromise<Result<Schema>>>();
    promise->start();
    QFuture<Result<Schema>> future = promise->future();
    if (!connection) {
        finish(promise, RpcError(RpcError::Kind::Internal, u"no connection"_s));
        return future;
    }
    QPointer<Connection> guard(connection);
    connection->query(u"INFO FOR DB"_s)
        .then(connection, [promise, guard](const Result<QueryResponse> &reply) {
            if (!reply)
                return finish(promise, reply.error());
            if (!reply->isOk())
                return finish(promise, reply->firstError());
            const QCborMap database = reply->value(0).toMap();
            const QCborMap tables = database.value(u"tables"_s).toMap();
            if (tables.isEmpty())
                return finish(promise, fromInfo(database, {}));
            if (!guard) {
                return finish(promise,
                              RpcError(RpcError::Kind::ConnectionLost,
                                       u"the connection was destroyed"_s));
            }
            QStringList statements;
            QCborMap vars;
            QStringList names;
            for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
                const QString parameter = u"t%1"_s.arg(names.size());
                names.append(it.key().toString());
                vars.insert(parameter, names.last());
                statements.append(tableInfoStatement(parameter));
            }
            guard->query(statements.join(u";\n"_s), vars)
                .then(guard.data(), [promise, database, names](const Result<QueryResponse> &r) {
                    if (!r)
                        return finish(promise, r.error());
                    if (!r->isOk())
                        return finish(promise, r->firstError());
                    if (r->size() != names.size()) {
                        return finish(promise,
                                      protocolError(u"INFO FOR TABLE returned %1 results for %2 "
                                                    "tables"_s.arg(r->size())
                                                        .arg(names.size())));
                    }
                    QList<std::pair<QString, QCborMap>> infos;
                    for (qsizetype i = 0; i < names.size(); ++i)
                        infos.append({names.at(i), r->value(i).toMap()});
                    finish(promise, fromInfo(database, infos));
                });
        });
    return future;
}

} // namespace SurrealQt

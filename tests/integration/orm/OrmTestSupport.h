#pragma once

// What the ORM integration tests share: a connection that counts the requests it forwards (the
// N+1 tests count queries with it), and the schema of the test models applied to a database.

#include "../../common/TestSupport.h"
#include "../../unit/orm/TestModels.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/orm/ModelMeta.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QCborArray>
#include <QtCore/QStringList>

#include <algorithm>
#include <memory>

namespace OrmTest {

using namespace Qt::Literals::StringLiterals;

// Forwards to a real connection and remembers every query request it sends.
class CountingConnection : public SurrealQt::Connection
{
public:
    explicit CountingConnection(SurrealQt::Connection *inner)
        : m_inner(inner)
    {}

    QFuture<SurrealQt::Result<QCborValue>> call(const QString &method,
                                                const QCborArray &params,
                                                const SurrealQt::CallOptions &options) override
    {
        if (method == u"query"_s) {
            texts.append(params.at(0).toString());
            vars.append(params.at(1).toMap());
        }
        return m_inner->call(method, params, options);
    }

    qsizetype queries() const { return texts.size(); }
    void reset()
    {
        texts.clear();
        vars.clear();
    }

    QStringList texts;
    QList<QCborMap> vars;

private:
    SurrealQt::Connection *m_inner;
};

inline std::unique_ptr<SurrealQt::WebSocketConnection> openRoot(const QString &database)
{
    SurrealQt::ConnectionOptions options;
    options.endpoint = SurrealQt::Test::serverUrl();
    auto connection = std::make_unique<SurrealQt::WebSocketConnection>(options);
    const auto opened = SurrealQt::Test::wait(connection->open());
    if (!opened || !opened->isOk())
        return nullptr;
    const auto signedIn = SurrealQt::Test::wait(
        connection->signin(SurrealQt::Credentials::root(u"root"_s, u"root"_s)));
    if (!signedIn || !signedIn->isOk())
        return nullptr;
    const auto used = SurrealQt::Test::wait(connection->use(u"orm"_s, database));
    if (!used || !used->isOk())
        return nullptr;
    return connection;
}

// Runs SurrealQL and reports whether every statement succeeded (warning with the error if not).
inline bool run(SurrealQt::Connection *connection, const QString &surql, const QCborMap &vars = {})
{
    const auto response = SurrealQt::Test::wait(connection->query(surql, vars));
    if (!response || !response->isOk() || !response->value().isOk()) {
        qWarning() << surql << (response ? response->error() : SurrealQt::RpcError())
                   << (response && response->isOk() ? response->value().firstError()
                                                    : SurrealQt::RpcError());
        return false;
    }
    return true;
}

// The value of the last statement of `surql`.
inline QCborValue value(SurrealQt::Connection *connection,
                        const QString &surql,
                        const QCborMap &vars = {})
{
    const auto response = SurrealQt::Test::wait(connection->query(surql, vars));
    if (!response || !response->isOk() || response->value().statements().isEmpty())
        return {};
    return response->value().statements().last().result();
}

// Drops the test tables and defines them from the models (the DEFINE statements the models
// stand for, through SchemaPrinter).
inline bool defineTestModels(SurrealQt::Connection *connection)
{
    SurrealQt::Schema schema;
    for (const SurrealQt::ModelMeta &meta : {SurrealQt::ModelMeta::of<Author>(),
                                             SurrealQt::ModelMeta::of<Tag>(),
                                             SurrealQt::ModelMeta::of<Book>(),
                                             SurrealQt::ModelMeta::of<Wrote>(),
                                             SurrealQt::ModelMeta::of<Member>()}) {
        schema.tables.append(meta.tableDef());
        if (const auto access = meta.accessDef())
            schema.accesses.append(*access);
    }
    QStringList statements{u"REMOVE TABLE IF EXISTS author"_s,
                           u"REMOVE TABLE IF EXISTS tag"_s,
                           u"REMOVE TABLE IF EXISTS book"_s,
                           u"REMOVE TABLE IF EXISTS wrote"_s,
                           u"REMOVE TABLE IF EXISTS member"_s,
                           u"REMOVE ACCESS IF EXISTS member_access ON DATABASE"_s};
    statements += SurrealQt::SchemaPrinter::statements(schema);
    return std::ranges::all_of(statements, [connection](const QString &statement) {
        return run(connection, statement);
    });
}

inline const QStringList &hostileStrings()
{
    static const QStringList strings{
        u"it's \"quoted\" and 'single'"_s,
        u"`author`; REMOVE TABLE author; `"_s,
        u"⟨x⟩ ⟩; DELETE author; ⟨"_s,
        u"; ; RETURN 1; --"_s,
        QString::fromUtf8("a\0b\0", 4),
        u"🦀🧪 \U0001F600 zero\u200Bwidth"_s,
        u"$p0 $data $id {{x}} ${y}"_s,
        u"\\ \\n \\\" %_ .* (?i)"_s,
    };
    return strings;
}

} // namespace OrmTest

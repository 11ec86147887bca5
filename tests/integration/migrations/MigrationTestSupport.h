#pragma once

// Shared by the migration integration tests: a signed-in connection, migration files written
// from schemas the way makemigrations does, and the live schema without the history table.

#include "../../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/migrations/MigrationHistory.h>
#include <surrealqt/migrations/MigrationSet.h>
#include <surrealqt/migrations/MigrationState.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QCborArray>

#include <memory>
#include <optional>

namespace SurrealQt::Test {

inline std::unique_ptr<WebSocketConnection> connectRoot(const QUrl &endpoint)
{
    ConnectionOptions options;
    options.endpoint = endpoint;
    options.reconnect.enabled = false;
    auto connection = std::make_unique<WebSocketConnection>(options);
    const auto opened = wait(connection->open());
    if (!opened || !opened->isOk())
        return nullptr;
    const auto signin = wait(
        connection->signin(Credentials::root(QStringLiteral("root"), QStringLiteral("root"))));
    if (!signin || !signin->isOk())
        return nullptr;
    return connection;
}

inline bool useDatabase(Connection *connection, const QString &ns, const QString &db)
{
    const auto used = wait(connection->use(ns, db));
    return used && used->isOk();
}

// Runs SurrealQL; empty on success, else the first error.
inline QString runSurql(Connection *connection, const QString &surql, const QCborMap &vars = {})
{
    const auto reply = wait(connection->query(surql, vars));
    if (!reply)
        return QStringLiteral("timeout");
    if (!reply->isOk())
        return reply->error().toString();
    const RpcError error = reply->value().firstError();
    return error.isError() ? error.toString() : QString();
}

inline QCborValue queryValue(Connection *connection, const QString &surql)
{
    const auto reply = wait(connection->query(surql));
    if (!reply || !reply->isOk())
        return {};
    return reply->value().value(0);
}

// The live schema, normalized, without the history table.
inline std::optional<Schema> liveSchema(Connection *connection)
{
    const auto schema = wait(SchemaIntrospector::introspect(connection));
    if (!schema || !schema->isOk())
        return std::nullopt;
    return SchemaNormalizer::normalized(MigrationHistory::withoutHistory(schema->value()));
}

inline Schema parseSchema(const QString &text)
{
    SchemaParseError error;
    auto parsed = SchemaParser::parse(text, &error);
    if (!parsed)
        qWarning().noquote() << error.message();
    return parsed.value_or(Schema());
}

// Writes the next migration of `set` towards `desired` (as makemigrations does) and reloads.
inline bool writeNext(MigrationSet &set,
                      const Schema &desired,
                      const QString &name,
                      QList<SchemaOperation> extra = {})
{
    QString error;
    const auto state = MigrationState::replay(set.migrations(), -1, &error);
    if (!state) {
        qWarning().noquote() << error;
        return false;
    }
    Migration migration;
    migration.name = Migration::fileStem(set.nextNumber(), name);
    if (!set.isEmpty())
        migration.dependencies.append(set.migrations().last().name);
    migration.operations = SchemaDiff::diff(*state, desired) + extra;
    if (!migration.writeTo(set.directory(), &error)) {
        qWarning().noquote() << error;
        return false;
    }
    auto reloaded = MigrationSet::load(set.directory(), &error);
    if (!reloaded) {
        qWarning().noquote() << error;
        return false;
    }
    set = *reloaded;
    return true;
}

inline QStringList historyNames(Connection *connection)
{
    const auto history = wait(MigrationHistory::read(connection));
    QStringList names;
    if (history && history->isOk()) {
        for (const auto &entry : history->value())
            names.append(entry.name);
    }
    return names;
}

} // namespace SurrealQt::Test

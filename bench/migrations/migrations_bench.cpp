// The migration engine at scale: a schema of N tables × F fields × I indexes. Measures the
// diff (planning the first migration from nothing, and a change to every table), applying the
// first migration through the executor (one transaction), and introspecting the live database.
// Prints one JSON line.

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/migrations/MigrationExecutor.h>
#include <surrealqt/migrations/MigrationSet.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaNormalizer.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFuture>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

namespace {

template<typename T>
std::optional<T> wait(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    if (future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

Schema makeSchema(int tables, int fields, int indexes, bool changed)
{
    static const QStringList kinds{u"string"_s,
                                   u"int"_s,
                                   u"option<float>"_s,
                                   u"bool"_s,
                                   u"datetime"_s,
                                   u"option<string>"_s,
                                   u"array<string>"_s,
                                   u"record<t0>"_s,
                                   u"decimal"_s,
                                   u"option<object>"_s};
    Schema schema;
    for (int t = 0; t < tables; ++t) {
        TableDef table;
        table.name = u"t%1"_s.arg(t);
        table.type = TableDef::Type::Normal;
        table.schemafull = true;
        for (int f = 0; f < fields; ++f) {
            FieldDef field;
            field.path = {u"f%1"_s.arg(f)};
            // The change: every table's first field becomes optional and gets a comment.
            const QString kind = changed && f == 0 ? u"option<string>"_s
                                                   : kinds.at(f % kinds.size());
            field.kind = FieldKind::parse(kind);
            if (changed && f == 0)
                field.comment = u"changed"_s;
            table.fields.append(field);
        }
        for (int i = 0; i < indexes; ++i) {
            IndexDef index;
            index.name = u"i%1"_s.arg(i);
            index.fields = {{u"f%1"_s.arg(i % fields)}};
            index.type = i == 0 ? IndexDef::Type::Plain : IndexDef::Type::Unique;
            table.indexes.append(index);
        }
        schema.tables.append(table);
    }
    return schema;
}

double medianMs(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "migrations_bench: " << message << '\n';
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption url(u"url"_s, u"Server"_s, u"url"_s, u"ws://127.0.0.1:8000/rpc"_s);
    const QCommandLineOption user(u"user"_s, u"User"_s, u"user"_s, u"root"_s);
    const QCommandLineOption pass(u"pass"_s, u"Password"_s, u"pass"_s, u"root"_s);
    const QCommandLineOption db(u"db"_s, u"Database"_s, u"db"_s, u"migrations"_s);
    const QCommandLineOption tables(u"tables"_s, u"Tables"_s, u"n"_s, u"500"_s);
    const QCommandLineOption fields(u"fields"_s, u"Fields per table"_s, u"n"_s, u"10"_s);
    const QCommandLineOption indexes(u"indexes"_s, u"Indexes per table"_s, u"n"_s, u"2"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"Diff rounds"_s, u"n"_s, u"5"_s);
    parser.addOptions({url, user, pass, db, tables, fields, indexes, rounds});
    parser.process(app);
    const int nTables = parser.value(tables).toInt();
    const int nFields = parser.value(fields).toInt();
    const int nIndexes = parser.value(indexes).toInt();
    const int nRounds = std::max(1, parser.value(rounds).toInt());

    const Schema desired = makeSchema(nTables, nFields, nIndexes, false);
    const Schema changed = makeSchema(nTables, nFields, nIndexes, true);
    QList<double> initialDiff;
    QList<double> changeDiff;
    QList<SchemaOperation> plan;
    qsizetype changeOps = 0;
    for (int r = 0; r < nRounds; ++r) {
        QElapsedTimer clock;
        clock.start();
        plan = SchemaDiff::diff(Schema(), desired);
        initialDiff.append(double(clock.nsecsElapsed()) / 1e6);
        clock.restart();
        changeOps = SchemaDiff::diff(desired, changed).size();
        changeDiff.append(double(clock.nsecsElapsed()) / 1e6);
    }

    ConnectionOptions options;
    options.endpoint = QUrl(parser.value(url));
    options.reconnect.enabled = false;
    WebSocketConnection connection(options);
    const auto opened = wait(connection.open());
    if (!opened || !opened->isOk())
        return fail(u"cannot connect"_s);
    if (!wait(connection.signin(Credentials::root(parser.value(user), parser.value(pass))))->isOk())
        return fail(u"cannot sign in"_s);
    if (!wait(connection.use(u"bench"_s, parser.value(db)))->isOk())
        return fail(u"cannot use the database"_s);

    QTemporaryDir dir;
    Migration migration;
    migration.name = u"0001_initial"_s;
    migration.operations = plan;
    QString error;
    if (!migration.writeTo(dir.path(), &error))
        return fail(error);
    const auto set = MigrationSet::load(dir.path(), &error);
    if (!set)
        return fail(error);
    MigrationExecutor executor(&connection);
    QElapsedTimer clock;
    clock.start();
    const auto applied = wait(executor.migrate(*set));
    const double applyMs = double(clock.nsecsElapsed()) / 1e6;
    if (!applied || !applied->isOk())
        return fail(applied ? applied->error().message() : u"no result"_s);

    clock.restart();
    const auto live = wait(SchemaIntrospector::introspect(&connection));
    const double introspectMs = double(clock.nsecsElapsed()) / 1e6;
    if (!live || !live->isOk())
        return fail(u"introspection failed"_s);
    Schema liveSchema = live->value();
    liveSchema.tables.removeIf([](const TableDef &t) { return t.name == u"surrealqt_migrations"; });
    const bool same = SchemaNormalizer::normalized(liveSchema)
                      == SchemaNormalizer::normalized(desired);

    QJsonObject out{{u"tables"_s, nTables},
                    {u"fieldsPerTable"_s, nFields},
                    {u"indexesPerTable"_s, nIndexes},
                    {u"operations"_s, plan.size()},
                    {u"diffInitialMs"_s, medianMs(initialDiff)},
                    {u"diffChangeMs"_s, medianMs(changeDiff)},
                    {u"changeOperations"_s, changeOps},
                    {u"applyMs"_s, applyMs},
                    {u"introspectMs"_s, introspectMs},
                    {u"liveEqualsPlan"_s, same}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    return same ? 0 : fail(u"the live schema differs from the planned one"_s);
}

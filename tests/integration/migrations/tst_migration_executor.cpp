// MigrationExecutor against the engine: one transaction per migration (a failure halfway leaves
// schema, data and history exactly as they were), type checks with counts, conversions, progress,
// cancel, dry run, fake apply, rollback to a target, changed checksums.

#include "MigrationTestSupport.h"

#include <surrealqt/migrations/MigrationExecutor.h>

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace SurrealQt::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kHostileTable = u"we'ird ⟩`; -- 🦀"_s;

QString v1()
{
    const QString t = SurqlSyntax::quoteIdentifier(kHostileTable);
    return u"DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string; "
           "DEFINE FIELD age ON person TYPE option<int>; DEFINE INDEX by_name ON person FIELDS "
           "name; DEFINE TABLE "_s
           + t + u" SCHEMALESS; DEFINE FIELD `a;b` ON "_s + t + u" TYPE option<string>"_s;
}

} // namespace

class tst_MigrationExecutor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;
    int m_db = 0;

    // A fresh database for each test, and a fresh migrations folder.
    bool freshDatabase()
    {
        return useDatabase(m_connection.get(), u"migrations"_s, u"exec%1"_s.arg(++m_db));
    }

    std::optional<MigrationRun> migrate(MigrationExecutor &executor,
                                        const MigrationSet &set,
                                        const QString &target = {},
                                        MigrationRunOptions options = {},
                                        QString *error = nullptr)
    {
        const auto run = wait(executor.migrate(set, target, options), std::chrono::seconds(60));
        if (!run)
            return std::nullopt;
        if (!run->isOk()) {
            if (error)
                *error = run->error().message();
            return std::nullopt;
        }
        return run->value();
    }

    std::optional<MigrationRun> rollback(MigrationExecutor &executor,
                                         const MigrationSet &set,
                                         const QString &target,
                                         MigrationRunOptions options = {})
    {
        const auto run = wait(executor.rollback(set, target, options), std::chrono::seconds(60));
        if (!run || !run->isOk())
            return std::nullopt;
        return run->value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_connection = connectRoot(serverUrl());
        QVERIFY(m_connection);
    }

    void cleanupTestCase() { m_connection.reset(); }

    // What the executor relies on, checked on the engine itself: DEFINE, REMOVE and data
    // changes inside BEGIN … COMMIT are all undone when a later statement fails.
    void engineRollsBackSchemaChangesInATransaction()
    {
        QVERIFY(freshDatabase());
        QCOMPARE(runSurql(m_connection.get(),
                          u"DEFINE TABLE a SCHEMAFULL; DEFINE FIELD x ON a TYPE int; "
                          "DEFINE INDEX ix ON a FIELDS x; CREATE a:1 SET x = 1"_s),
                 QString());
        const auto before = liveSchema(m_connection.get());
        QVERIFY(before);
        const QString failed = runSurql(
            m_connection.get(),
            u"BEGIN; DEFINE TABLE b; DEFINE FIELD y ON a TYPE option<string>; REMOVE INDEX ix "
            "ON a; REMOVE FIELD x ON a; DEFINE FUNCTION fn::f() { RETURN 1 }; UPDATE a SET y = "
            "'z'; CREATE b:1; THROW 'boom'; COMMIT;"_s);
        QVERIFY(!failed.isEmpty());
        QCOMPARE(*liveSchema(m_connection.get()), *before);
        QCOMPARE(queryValue(m_connection.get(), u"SELECT * FROM a"_s).toArray().size(), 1);
        QCOMPARE(queryValue(m_connection.get(), u"SELECT VALUE y FROM a WHERE y != NONE"_s),
                 QCborValue(QCborArray()));
    }

    void migrateAndRollBackStepByStep()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        const Schema s1 = parseSchema(v1());
        const Schema s2 = parseSchema(
            v1() + u"; DEFINE FIELD email ON person TYPE option<string>; DEFINE TABLE post"_s);
        const Schema s3 = parseSchema(u"DEFINE TABLE post SCHEMAFULL"_s);
        QVERIFY(writeNext(set, s1, u"initial"_s));
        QVERIFY(writeNext(set, s2, u"email"_s));
        QVERIFY(writeNext(set, s3, u"shrink"_s));

        MigrationExecutor executor(m_connection.get());
        QSignalSpy progress(&executor, &MigrationExecutor::progress);
        QSignalSpy finished(&executor, &MigrationExecutor::migrationFinished);
        QString error;
        auto run = migrate(executor, set, u"0002"_s, {}, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->migrations, (QStringList{u"0001_initial"_s, u"0002_email"_s}));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(progress.last().at(0).toInt(), 2);
        QCOMPARE(progress.last().at(1).toInt(), 2);
        QCOMPARE(*liveSchema(m_connection.get()), SchemaNormalizer::normalized(s2));
        QCOMPARE(historyNames(m_connection.get()), run->migrations);

        run = migrate(executor, set, {}, {}, &error);
        QVERIFY2(run, qPrintable(error));
        QCOMPARE(run->migrations, QStringList{u"0003_shrink"_s});
        QCOMPARE(*liveSchema(m_connection.get()), SchemaNormalizer::normalized(s3));
        // Nothing left: a second run applies nothing.
        QCOMPARE(migrate(executor, set)->migrations, QStringList());
        // A target before applied migrations is refused: that is a rollback.
        QVERIFY(!migrate(executor, set, u"0001"_s, {}, &error));
        QVERIFY2(error.contains(u"rollback"_s), qPrintable(error));

        run = rollback(executor, set, u"0001_initial"_s);
        QVERIFY(run);
        QCOMPARE(run->migrations, (QStringList{u"0003_shrink"_s, u"0002_email"_s}));
        QCOMPARE(*liveSchema(m_connection.get()), SchemaNormalizer::normalized(s1));
        QCOMPARE(historyNames(m_connection.get()), QStringList{u"0001_initial"_s});
        QVERIFY(rollback(executor, set, u"zero"_s));
        QCOMPARE(*liveSchema(m_connection.get()), Schema());
        QCOMPARE(historyNames(m_connection.get()), QStringList());
    }

    void failureHalfwayLeavesEverythingAsItWas()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        QVERIFY(writeNext(set, parseSchema(v1()), u"initial"_s));
        MigrationExecutor executor(m_connection.get());
        QVERIFY(migrate(executor, set));
        QCOMPARE(runSurql(m_connection.get(),
                          u"CREATE person:1 SET name = 'Ann', age = 30; CREATE person:2 SET name "
                          "= 'Bob'; CREATE type::record($t, 1) SET `a;b` = 'x'"_s,
                          QCborMap{{u"t"_s, kHostileTable}}),
                 QString());
        const auto schemaBefore = liveSchema(m_connection.get());
        const QCborValue dataBefore = queryValue(m_connection.get(),
                                                 u"SELECT * FROM person ORDER BY id"_s);
        const auto historyBefore = wait(MigrationHistory::read(m_connection.get()));
        QVERIFY(schemaBefore && historyBefore && historyBefore->isOk());

        // Schema and data changes, a removal that drops values, then a failing statement.
        const Schema target = parseSchema(
            u"DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string; "
            "DEFINE TABLE extra; DEFINE FIELD n ON extra TYPE int"_s);
        QVERIFY(writeNext(set,
                          target,
                          u"breaks"_s,
                          {SchemaOperation::runSurql(u"UPDATE person SET name = 'changed'; "
                                                     "CREATE extra SET n = 1"_s,
                                                     {}),
                           SchemaOperation::runSurql(u"THROW 'boom halfway'"_s, {})}));
        QVERIFY(writeNext(set, parseSchema(u"DEFINE TABLE later"_s), u"never"_s));
        QString error;
        QVERIFY(!migrate(executor, set, {}, {}, &error));
        QVERIFY2(error.contains(u"0002_breaks"_s) && error.contains(u"boom halfway"_s),
                 qPrintable(error));
        QCOMPARE(*liveSchema(m_connection.get()), *schemaBefore);
        QCOMPARE(queryValue(m_connection.get(), u"SELECT * FROM person ORDER BY id"_s), dataBefore);
        const auto historyAfter = wait(MigrationHistory::read(m_connection.get()));
        QVERIFY(historyAfter && historyAfter->isOk());
        QCOMPARE(historyAfter->value(), historyBefore->value());
    }

    void changedTypeIsRefusedWithTheCount()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        QVERIFY(writeNext(set, parseSchema(v1()), u"initial"_s));
        MigrationExecutor executor(m_connection.get());
        QVERIFY(migrate(executor, set));
        QCOMPARE(runSurql(m_connection.get(),
                          u"CREATE person SET name = 'a', age = 1; CREATE person SET name = 'b', "
                          "age = 2; CREATE person SET name = 'c'"_s),
                 QString());
        const Schema retyped = parseSchema(
            QString(v1()).replace(u"option<int>"_s, u"option<string>"_s));
        QVERIFY(writeNext(set, retyped, u"age_text"_s));
        QCOMPARE(set.migrations().last().operations.size(), 1);
        QVERIFY(set.migrations().last().operations.front().destructive);
        QString error;
        QVERIFY(!migrate(executor, set, {}, {}, &error));
        // Two records hold an int; the one without an age fits option<string>.
        QVERIFY2(error.contains(u"2 records do not fit"_s) && error.contains(u"person.age"_s),
                 qPrintable(error));
        QCOMPARE(historyNames(m_connection.get()), QStringList{u"0001_initial"_s});

        // With a conversion in the file, it applies and converts.
        QString path = set.migrations().last().fileName;
        Migration edited = set.migrations().last();
        edited.operations.front().convert = u"<string> age"_s;
        QVERIFY(QFile::remove(path));
        QVERIFY(edited.writeTo(dir.path()));
        set = *MigrationSet::load(dir.path());
        QVERIFY2(migrate(executor, set, {}, {}, &error), qPrintable(error));
        QCOMPARE(queryValue(m_connection.get(),
                            u"SELECT VALUE age FROM person WHERE age != NONE ORDER BY age"_s),
                 QCborValue(QCborArray{u"1"_s, u"2"_s}));

        // A RunSurql after the AlterField counts as the conversion too.
        QVERIFY(rollback(executor, set, u"0001"_s));
        QVERIFY(QFile::remove(path));
        edited.operations.front().convert.clear();
        edited.operations.append(
            SchemaOperation::runSurql(u"UPDATE person SET age = <string> age WHERE age != NONE"_s,
                                      u"UPDATE person SET age = <int> age WHERE age != NONE"_s));
        QVERIFY(edited.writeTo(dir.path()));
        set = *MigrationSet::load(dir.path());
        QVERIFY2(migrate(executor, set, {}, {}, &error), qPrintable(error));
        QCOMPARE(queryValue(m_connection.get(), u"SELECT VALUE age FROM person WHERE name = 'b'"_s),
                 QCborValue(QCborArray{u"2"_s}));
    }

    void cancelBetweenMigrations()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        QVERIFY(writeNext(set, parseSchema(u"DEFINE TABLE a"_s), u"a"_s));
        QVERIFY(writeNext(set, parseSchema(u"DEFINE TABLE a; DEFINE TABLE b"_s), u"b"_s));
        QVERIFY(writeNext(set,
                          parseSchema(u"DEFINE TABLE a; DEFINE TABLE b; DEFINE TABLE c"_s),
                          u"c"_s));
        MigrationExecutor executor(m_connection.get());
        connect(&executor,
                &MigrationExecutor::migrationFinished,
                &executor,
                [&](const QString &name) {
                    if (name == u"0001_a")
                        executor.cancel();
                });
        const auto run = migrate(executor, set);
        QVERIFY(run);
        QVERIFY(run->cancelled);
        QCOMPARE(run->migrations, QStringList{u"0001_a"_s});
        QCOMPARE(historyNames(m_connection.get()), QStringList{u"0001_a"_s});
        QCOMPARE(*liveSchema(m_connection.get()),
                 SchemaNormalizer::normalized(parseSchema(u"DEFINE TABLE a"_s)));
    }

    void dryRunAndFake()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        QVERIFY(writeNext(set, parseSchema(v1()), u"initial"_s));
        MigrationExecutor executor(m_connection.get());
        MigrationRunOptions dry;
        dry.dryRun = true;
        auto run = migrate(executor, set, {}, dry);
        QVERIFY(run);
        QCOMPARE(run->migrations, QStringList{u"0001_initial"_s});
        QVERIFY(run->surql.contains(u"BEGIN TRANSACTION;\n"_s));
        QVERIFY(run->surql.contains(u"DEFINE TABLE person"_s));
        QCOMPARE(*liveSchema(m_connection.get()), Schema());
        QCOMPARE(historyNames(m_connection.get()), QStringList());

        MigrationRunOptions fake;
        fake.fake = true;
        run = migrate(executor, set, {}, fake);
        QVERIFY(run);
        QCOMPARE(historyNames(m_connection.get()), QStringList{u"0001_initial"_s});
        QCOMPARE(*liveSchema(m_connection.get()), Schema());
        QVERIFY(rollback(executor, set, u"zero"_s, fake));
        QCOMPARE(historyNames(m_connection.get()), QStringList());
    }

    void changedFileIsReported()
    {
        QVERIFY(freshDatabase());
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        QVERIFY(writeNext(set, parseSchema(u"DEFINE TABLE a"_s), u"a"_s));
        MigrationExecutor executor(m_connection.get());
        QVERIFY(migrate(executor, set));
        QFile file(set.migrations().front().fileName);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n");
        file.close();
        set = *MigrationSet::load(dir.path());
        QSignalSpy warnings(&executor, &MigrationExecutor::warning);
        const auto run = migrate(executor, set);
        QVERIFY(run);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.front().front().toString().contains(u"0001_a.json was changed"_s));
        QCOMPARE(run->warnings.size(), 1);
        // A history entry without its file is refused.
        QVERIFY(QFile::remove(set.migrations().front().fileName));
        set = *MigrationSet::load(dir.path());
        QString error;
        QVERIFY(!migrate(executor, set, {}, {}, &error));
        QVERIFY2(error.contains(u"0001_a, which has no file"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_MigrationExecutor)
#include "tst_migration_executor.moc"

// A server killed (SIGKILL) in the middle of a migration: the test runs its own dev server with
// surrealkv storage, starts a migration that takes seconds, kills the server while it runs,
// restarts it on the same port and storage, and finds the migrations before it applied and
// nothing of the one that was running (schema, data, history).

#include "../../common/RestartableDevServer.h"
#include "MigrationTestSupport.h"

#include <surrealqt/migrations/MigrationExecutor.h>

#include <QtCore/QTimer>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace SurrealQt::Test;
using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

class tst_MigrationCrash : public QObject
{
    Q_OBJECT

private:
    Test::RestartableDevServer m_server;

    QUrl endpoint() const { return m_server.endpoint(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.isValid());
        QVERIFY(m_server.start());
    }

    void cleanupTestCase() { m_server.stop(); }

    void killedMidMigrationLeavesNoPartialMigration()
    {
        QTemporaryDir dir;
        MigrationSet set = *MigrationSet::load(dir.path());
        const Schema first = parseSchema(u"DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON "
                                         "person TYPE string"_s);
        const Schema second = parseSchema(
            u"DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string; DEFINE "
            "FIELD age ON person TYPE option<int>; DEFINE TABLE big SCHEMAFULL; DEFINE FIELD n ON "
            "big TYPE int"_s);
        QVERIFY(writeNext(set, first, u"first"_s));
        // Seconds of work inside the second migration's transaction.
        QVERIFY(writeNext(set,
                          second,
                          u"slow"_s,
                          {SchemaOperation::runSurql(
                              u"FOR $i IN 0..400000 { CREATE big SET n = $i }; UPDATE person SET "
                              "age = 1"_s,
                              u"DELETE big"_s)}));

        {
            auto connection = connectRoot(endpoint());
            QVERIFY(connection);
            QVERIFY(useDatabase(connection.get(), u"crash"_s, u"crash"_s));
            MigrationExecutor executor(connection.get());
            const auto applied = wait(executor.migrate(set, u"0001"_s));
            QVERIFY(applied && applied->isOk());
            QCOMPARE(runSurql(connection.get(), u"CREATE person:1 SET name = 'kept'"_s), QString());
            bool killed = false;
            connect(&executor, &MigrationExecutor::migrationStarted, this, [&](const QString &name) {
                if (name != u"0002_slow")
                    return;
                // Kill while the transaction runs: well after it was sent, long before its end.
                QTimer::singleShot(1000, this, [&] {
                    m_server.crash();
                    killed = true;
                });
            });
            const auto run = wait(executor.migrate(set), 60s);
            QVERIFY2(killed, run && !run->isOk() ? qPrintable(run->error().message()) : "");
            QVERIFY(run);
            QVERIFY2(!run->isOk(), "the migration finished before the kill: make it slower");
            QVERIFY2(run->error().message().startsWith(u"0002_slow"_s),
                     qPrintable(run->error().message()));
        }

        QVERIFY(m_server.start());
        auto connection = connectRoot(endpoint());
        QVERIFY(connection);
        QVERIFY(useDatabase(connection.get(), u"crash"_s, u"crash"_s));
        QCOMPARE(historyNames(connection.get()), QStringList{u"0001_first"_s});
        const auto live = liveSchema(connection.get());
        QVERIFY(live);
        QCOMPARE(*live, SchemaNormalizer::normalized(first));
        QCOMPARE(queryValue(connection.get(), u"SELECT VALUE name FROM person"_s),
                 QCborValue(QCborArray{u"kept"_s}));
        QCOMPARE(queryValue(connection.get(), u"SELECT VALUE age FROM person WHERE age != NONE"_s),
                 QCborValue(QCborArray()));

        // The interrupted migration applies cleanly after the restart.
        MigrationExecutor executor(connection.get());
        // Under a loaded CI machine the 400,000 writes can take minutes: wait long, and say why
        // when it fails.
        const auto run = wait(executor.migrate(set), 240s);
        QVERIFY2(run, "the re-applied migration did not finish in 240 s");
        QVERIFY2(run->isOk(), qPrintable(run->error().message()));
        QCOMPARE(historyNames(connection.get()), (QStringList{u"0001_first"_s, u"0002_slow"_s}));
        QCOMPARE(*liveSchema(connection.get()), SchemaNormalizer::normalized(second));
    }
};

QTEST_GUILESS_MAIN(tst_MigrationCrash)
#include "tst_migration_crash.moc"

// Randomized round trip through migration files and the executor: for 200 random pairs of
// schemas A and B (each in a fresh database), the files makemigrations would write for A then B
// migrate the database to INFO equal to B, the replayed state equals B, and rolling back to the
// first migration gives INFO equal to A.

#include "../SchemaGenerator.h"
#include "MigrationTestSupport.h"

#include <surrealqt/migrations/MigrationExecutor.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace SurrealQt::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr quint32 kSeed = 20261124;
constexpr int kPairs = 200;

} // namespace

class tst_MigrationRoundTrip : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;

    bool compare(const Schema &live, const Schema &expected, const QString &where)
    {
        if (live == expected)
            return true;
        qWarning().noquote() << where << "\n-- live:\n"
                             << SchemaPrinter::print(live, SchemaPrinter::Mode::Info)
                             << "\n-- expected:\n"
                             << SchemaPrinter::print(expected, SchemaPrinter::Mode::Info)
                             << "\n-- first difference:" << difference(live, expected);
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_connection = connectRoot(serverUrl());
        QVERIFY(m_connection);
    }

    void cleanupTestCase() { m_connection.reset(); }

    void randomPairs()
    {
        SchemaGenerator generator(kSeed);
        QElapsedTimer clock;
        clock.start();
        qsizetype operations = 0;
        for (int i = 0; i < kPairs; ++i) {
            const Schema a = generator.next();
            const Schema b = generator.next();
            const QString where = u"seed %1, pair %2"_s.arg(kSeed).arg(i);
            QVERIFY(useDatabase(m_connection.get(), u"roundtrip"_s, u"p%1"_s.arg(i)));
            QTemporaryDir dir;
            MigrationSet set = *MigrationSet::load(dir.path());
            QVERIFY2(writeNext(set, a, u"a"_s), qPrintable(where));
            QVERIFY2(writeNext(set, b, u"b"_s), qPrintable(where));
            operations += set.migrations().at(1).operations.size();
            QString error;
            const auto state = MigrationState::replay(set.migrations(), -1, &error);
            QVERIFY2(state, qPrintable(where + u": "_s + error));
            QVERIFY2(SchemaDiff::diff(*state, b).isEmpty(),
                     qPrintable(where + u": the replayed state is not B: "_s
                                + SchemaDiff::forwardScript(SchemaDiff::diff(*state, b))));

            MigrationExecutor executor(m_connection.get());
            const auto migrated = wait(executor.migrate(set), std::chrono::seconds(30));
            QVERIFY2(migrated && migrated->isOk(),
                     qPrintable(where + u": "_s
                                + (migrated ? migrated->error().message() : u"timeout"_s)));
            const auto liveB = liveSchema(m_connection.get());
            QVERIFY(liveB);
            QVERIFY2(compare(*liveB, SchemaNormalizer::normalized(b), where + u" (B)"_s),
                     qPrintable(where));

            const auto back = wait(executor.rollback(set, u"0001"_s), std::chrono::seconds(30));
            QVERIFY2(back && back->isOk(),
                     qPrintable(where + u": "_s + (back ? back->error().message() : u"timeout"_s)));
            const auto liveA = liveSchema(m_connection.get());
            QVERIFY(liveA);
            QVERIFY2(compare(*liveA, SchemaNormalizer::normalized(a), where + u" (A)"_s),
                     qPrintable(where));
            QCOMPARE(historyNames(m_connection.get()), QStringList{set.migrations().front().name});
            // Leave the server small: the next pair uses its own database.
            QCOMPARE(runSurql(m_connection.get(), u"REMOVE DATABASE `p%1`"_s.arg(i)), QString());
        }
        // Not degenerate: the B migrations hold many operations.
        QVERIFY2(operations > 3 * kPairs, qPrintable(QString::number(operations)));
        qInfo("%d pairs, %lld operations in the second migrations, %lld ms",
              kPairs,
              qlonglong(operations),
              qlonglong(clock.elapsed()));
    }
};

QTEST_GUILESS_MAIN(tst_MigrationRoundTrip)
#include "tst_migration_roundtrip.moc"

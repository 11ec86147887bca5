// Property test: random schemas (seeded, reproducible) printed as .surql, defined on the dev
// server in a fresh database, introspected: the model that comes back equals the one printed
// (both normalized: the server adds the implied fields and hides secret keys).

#include "../common/TestSupport.h"
#include "SchemaGenerator.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;
using Test::difference;
using Test::SchemaGenerator;
using Test::wait;

namespace {

constexpr quint32 kSeed = 20260414;
constexpr int kSchemas = 50;
constexpr int kPairs = 100;

} // namespace

class tst_SchemaProperty : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;

    // Runs SurrealQL; an empty string on success, else the error.
    QString run(const QString &surql)
    {
        if (surql.isEmpty())
            return {};
        const auto reply = wait(m_connection->query(surql));
        if (!reply)
            return u"timeout"_s;
        if (!reply->isOk())
            return reply->error().toString();
        const RpcError error = reply->value().firstError();
        return error.isError() ? error.toString() : QString();
    }

    std::optional<Schema> live()
    {
        const auto schema = wait(SchemaIntrospector::introspect(m_connection.get()));
        if (!schema || !schema->isOk())
            return std::nullopt;
        return schema->value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        ConnectionOptions options;
        options.endpoint = Test::serverUrl();
        m_connection = std::make_unique<WebSocketConnection>(options);
        const auto opened = wait(m_connection->open());
        QVERIFY(opened && opened->isOk());
        const auto signin = wait(m_connection->signin(Credentials::root(u"root"_s, u"root"_s)));
        QVERIFY(signin && signin->isOk());
    }

    void cleanupTestCase() { m_connection.reset(); }

    // Random pairs: define A, apply diff(A, B) → the live schema is B; apply the backward
    // operations → it is A again.
    void diffRoundTrip()
    {
        SchemaGenerator generator(kSeed + 1);
        qsizetype operations = 0;
        for (int i = 0; i < kPairs; ++i) {
            const Schema a = generator.next();
            const Schema b = generator.next();
            const auto used = wait(m_connection->use(u"property"_s, u"d%1"_s.arg(i)));
            QVERIFY(used && used->isOk());
            QString error = run(SchemaPrinter::print(a));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const auto liveA = live();
            QVERIFY(liveA);
            const QList<SchemaOperation> ops = SchemaDiff::diff(*liveA, b);
            operations += ops.size();
            const QString forward = SchemaDiff::forwardScript(ops);
            const QString backward = SchemaDiff::backwardScript(ops);
            const QString where
                = u"seed %1, pair %2\n-- A:\n%3\n-- B:\n%4\n-- forward:\n%5\n"
                  "-- backward:\n%6"_s.arg(kSeed + 1)
                      .arg(i)
                      .arg(SchemaPrinter::print(a), SchemaPrinter::print(b), forward, backward);
            error = run(forward);
            if (!error.isEmpty())
                qWarning().noquote() << where;
            QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + where));
            const auto liveB = live();
            QVERIFY(liveB);
            const Schema expectedB = SchemaNormalizer::normalized(b);
            const Schema actualB = SchemaNormalizer::normalized(*liveB);
            if (!(actualB == expectedB)) {
                qWarning().noquote() << where;
                QCOMPARE(SchemaPrinter::print(actualB, SchemaPrinter::Mode::Info),
                         SchemaPrinter::print(expectedB, SchemaPrinter::Mode::Info));
                QFAIL(qPrintable(u"B differs: "_s + difference(actualB, expectedB)));
            }
            error = run(backward);
            if (!error.isEmpty())
                qWarning().noquote() << where;
            QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_s + where));
            const auto back = live();
            QVERIFY(back);
            const Schema expectedA = SchemaNormalizer::normalized(*liveA);
            const Schema actualA = SchemaNormalizer::normalized(*back);
            if (!(actualA == expectedA)) {
                qWarning().noquote() << where;
                QCOMPARE(SchemaPrinter::print(actualA, SchemaPrinter::Mode::Info),
                         SchemaPrinter::print(expectedA, SchemaPrinter::Mode::Info));
                QFAIL(qPrintable(u"A differs after the rollback: "_s
                                 + difference(actualA, expectedA)));
            }
        }
        QVERIFY2(operations > 5 * kPairs, qPrintable(QString::number(operations)));
    }

    void printDefineIntrospect()
    {
        SchemaGenerator generator(kSeed);
        qsizetype definitions = 0;
        for (int i = 0; i < kSchemas; ++i) {
            const Schema schema = generator.next();
            definitions += SchemaPrinter::statements(schema).size();
            const QString surql = SchemaPrinter::print(schema);
            const QString where = u"seed %1, schema %2:\n%3"_s.arg(kSeed).arg(i).arg(surql);
            const auto used = wait(m_connection->use(u"property"_s, u"s%1"_s.arg(i)));
            QVERIFY(used && used->isOk());
            const auto defined = wait(m_connection->query(surql));
            QVERIFY2(defined && defined->isOk(), qPrintable(where));
            QVERIFY2(!defined->value().firstError().isError(),
                     qPrintable(defined->value().firstError().toString() + u"\n"_s + where));
            const auto live = wait(SchemaIntrospector::introspect(m_connection.get()));
            QVERIFY2(live && live->isOk(), qPrintable(where));
            const Schema expected = SchemaNormalizer::normalized(schema);
            const Schema actual = SchemaNormalizer::normalized(live->value());
            if (!(actual == expected)) {
                qWarning().noquote() << where;
                QCOMPARE(SchemaPrinter::print(actual, SchemaPrinter::Mode::Info),
                         SchemaPrinter::print(expected, SchemaPrinter::Mode::Info));
                QFAIL(qPrintable(u"the schemas differ in something the printer does not show: "_s
                                 + difference(actual, expected)));
            }
        }
        // The generator is not degenerate: the 50 schemas hold hundreds of definitions.
        QVERIFY2(definitions > 10 * kSchemas, qPrintable(QString::number(definitions)));
    }
};

QTEST_GUILESS_MAIN(tst_SchemaProperty)
#include "tst_schema_property.moc"

// The schema printer against the real engine: for each clause, define it on the dev server, read
// INFO back, parse every definition and print it again: the text must be exactly INFO's. The
// introspected schema must print as the whole of INFO, and survive a print → define → introspect
// round trip in a fresh database.

#include "../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;
using Test::wait;

class tst_SchemaRoundtrip : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;
    int m_database = 0;

    bool useFreshDatabase()
    {
        const auto used = wait(m_connection->use(u"schema"_s, u"rt%1"_s.arg(++m_database)));
        return used && used->isOk();
    }

    // Every definition string INFO shows for the current database.
    QStringList infoStatements()
    {
        QStringList out;
        const auto db = wait(m_connection->query(u"INFO FOR DB"_s));
        if (!db || !db->isOk())
            return {u"<INFO FOR DB failed>"_s};
        const QCborMap info = db->value().value(0).toMap();
        for (const QString &group :
             {u"analyzers"_s, u"functions"_s, u"params"_s, u"accesses"_s, u"users"_s, u"tables"_s}) {
            const QCborMap map = info.value(group).toMap();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it)
                out.append(it.value().toString());
        }
        const QCborMap tables = info.value(u"tables"_s).toMap();
        for (auto it = tables.constBegin(); it != tables.constEnd(); ++it) {
            const auto table = wait(
                m_connection->query(u"INFO FOR TABLE $t"_s, {{u"t"_s, it.key().toString()}}));
            if (!table || !table->isOk())
                return {u"<INFO FOR TABLE failed>"_s};
            const QCborMap tableInfo = table->value().value(0).toMap();
            for (const QString &group : {u"fields"_s, u"indexes"_s, u"events"_s}) {
                const QCborMap map = tableInfo.value(group).toMap();
                for (auto f = map.constBegin(); f != map.constEnd(); ++f)
                    out.append(f.value().toString());
            }
        }
        out.sort();
        return out;
    }

    bool run(const QString &surql, QString *error)
    {
        const auto reply = wait(m_connection->query(surql));
        if (!reply) {
            *error = u"timeout"_s;
            return false;
        }
        if (!reply->isOk()) {
            *error = reply->error().toString();
            return false;
        }
        if (reply->value().firstError().isError()) {
            *error = reply->value().firstError().toString();
            return false;
        }
        return true;
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

    void clause_data()
    {
        QTest::addColumn<QString>("surql");
        const auto row = [](const char *name, const char16_t *surql) {
            QTest::newRow(name) << QString::fromUtf16(surql);
        };
        // Tables
        row("table plain", u"DEFINE TABLE person");
        row("table normal schemafull drop", u"DEFINE TABLE t SCHEMAFULL TYPE NORMAL DROP");
        row("table any schemaless", u"DEFINE TABLE t TYPE ANY SCHEMALESS");
        row("table relation", u"DEFINE TABLE likes TYPE RELATION");
        row("table relation in out enforced",
            u"DEFINE TABLE likes TYPE RELATION IN person | `user-x` OUT post ENFORCED");
        row("table relation from to", u"DEFINE TABLE likes TYPE RELATION FROM a TO b");
        row("table view",
            u"DEFINE TABLE person; DEFINE TABLE adults AS SELECT count() AS n, age FROM person "
            u"WHERE age >= 18 GROUP BY age");
        row("table view drop changefeed comment",
            u"DEFINE TABLE person; DEFINE TABLE v DROP AS SELECT * FROM person CHANGEFEED 1d "
            u"COMMENT 'view'");
        row("table changefeed", u"DEFINE TABLE t CHANGEFEED 90m");
        row("table changefeed include original", u"DEFINE TABLE t CHANGEFEED 10d INCLUDE ORIGINAL");
        row("table permissions none", u"DEFINE TABLE t PERMISSIONS NONE");
        row("table permissions full", u"DEFINE TABLE t PERMISSIONS FULL");
        row("table permissions mixed",
            u"DEFINE TABLE t PERMISSIONS FOR select FULL, FOR create WHERE $auth.id = owner, "
            u"FOR update NONE, FOR delete WHERE $auth.admin = true");
        row("table permissions grouped",
            u"DEFINE TABLE t PERMISSIONS FOR select, create, update, delete WHERE published");
        row("table permissions delete full",
            u"DEFINE TABLE t PERMISSIONS FOR select WHERE true FOR update, delete FULL");
        row("table comment", u"DEFINE TABLE t COMMENT \"it's fine\"");
        row("table comment quotes", u"DEFINE TABLE t COMMENT \"it's \\\"quoted\\\"\"");
        row("table everything",
            u"DEFINE TABLE t TYPE NORMAL DROP SCHEMAFULL CHANGEFEED 3d INCLUDE ORIGINAL "
            u"PERMISSIONS FOR select FULL, FOR create WHERE $auth.id = id, FOR update NONE "
            u"COMMENT 'all'");
        row("table hostile names",
            u"DEFINE TABLE `select`; DEFINE TABLE `a-b`; DEFINE TABLE `a\\`b`; DEFINE TABLE `ü`; "
            u"DEFINE TABLE `1abc`; DEFINE TABLE `NaN`; DEFINE TABLE `back\\\\slash`; "
            u"DEFINE TABLE ⟨x y⟩; DEFINE TABLE `tab\\tx`; DEFINE TABLE `from`; DEFINE TABLE _x");
        // Fields
        row("field kinds",
            u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD a ON t TYPE option<array<record<user>>>; "
            u"DEFINE FIELD b ON TABLE t TYPE object FLEXIBLE; DEFINE FIELD c ON t TYPE string | "
            u"int | none; DEFINE FIELD d ON t TYPE array<string, 5>; DEFINE FIELD e ON t TYPE "
            u"set<int>; DEFINE FIELD f ON t TYPE geometry<point|polygon>; DEFINE FIELD g ON t "
            u"TYPE 'a' | 'b' | 1; DEFINE FIELD h ON t TYPE { b: int, a: string }; DEFINE FIELD i "
            u"ON t TYPE [string, int]; DEFINE FIELD j ON t TYPE table<user|post>; DEFINE FIELD k "
            u"ON t TYPE record; DEFINE FIELD l ON t TYPE 1.5 | 2; DEFINE FIELD m ON t TYPE 1h | "
            u"90m; DEFINE FIELD n ON t TYPE array<int> | array<string>; DEFINE FIELD o ON t TYPE "
            u"option<array>; DEFINE FIELD p ON t TYPE array<array<int>>; DEFINE FIELD q ON t "
            u"TYPE null | bool | bytes | datetime | decimal | duration | float | number | uuid "
            u"| regex | range | file | function; DEFINE FIELD r ON t TYPE any");
        row("field clauses",
            u"DEFINE FIELD c ON t DEFAULT ALWAYS 5 ASSERT $value > 1 READONLY COMMENT \"x\"; "
            u"DEFINE FIELD d ON t VALUE time::now(); DEFINE FIELD e ON t COMPUTED 1+2; "
            u"DEFINE FIELD f ON t TYPE string DEFAULT 'x' VALUE string::lowercase($value) ASSERT "
            u"$value != '' READONLY COMMENT 'all'");
        row("field nested paths",
            u"DEFINE FIELD address.city ON t TYPE string; DEFINE FIELD tags[*] ON t TYPE "
            u"string; DEFINE FIELD `a-b`.`c d`[*].x ON t TYPE int; DEFINE FIELD obj.select ON t");
        row("field references",
            u"DEFINE FIELD a ON t TYPE option<record<user>> REFERENCE; DEFINE FIELD b ON t TYPE "
            u"record<user> REFERENCE ON DELETE REJECT; DEFINE FIELD c ON t TYPE "
            u"option<record<user>> REFERENCE ON DELETE UNSET; DEFINE FIELD d ON t TYPE "
            u"record<user> REFERENCE ON DELETE CASCADE; DEFINE FIELD e ON t TYPE record<user> "
            u"REFERENCE ON DELETE THEN { CREATE log SET x = $this }");
        row("field permissions",
            u"DEFINE FIELD a ON t PERMISSIONS NONE; DEFINE FIELD b ON t PERMISSIONS FULL; "
            u"DEFINE FIELD c ON t PERMISSIONS FOR select WHERE true FOR update NONE; DEFINE "
            u"FIELD d ON t PERMISSIONS FOR select, create, update WHERE $auth.id = id");
        row("field hostile names",
            u"DEFINE FIELD `a-b` ON `a b` TYPE string; DEFINE FIELD `tb` ON `a b` TYPE int; "
            u"DEFINE FIELD `1x` ON `a b`; DEFINE FIELD `0` ON `a b`");
        row("relation fields overwritten",
            u"DEFINE TABLE r TYPE RELATION IN a OUT b; DEFINE FIELD OVERWRITE in ON r TYPE "
            u"record<a> COMMENT 'from'");
        // Indexes
        row("index plain unique count",
            u"DEFINE INDEX i1 ON t FIELDS a; DEFINE INDEX i2 ON t FIELDS a, b.c, tags[*] UNIQUE; "
            u"DEFINE INDEX i3 ON t COUNT; DEFINE INDEX i4 ON t COLUMNS x UNIQUE COMMENT 'u'; "
            u"DEFINE INDEX i5 ON t COUNT WHERE a > 1");
        row("index fulltext",
            u"DEFINE ANALYZER an TOKENIZERS blank; DEFINE INDEX f1 ON t FIELDS c FULLTEXT "
            u"ANALYZER an; DEFINE INDEX f2 ON t FIELDS d FULLTEXT ANALYZER an BM25(1.5,0.6) "
            u"HIGHLIGHTS; DEFINE INDEX f3 ON t FIELDS e FULLTEXT ANALYZER an BM25 HIGHLIGHTS");
        row("index hnsw",
            u"DEFINE INDEX h1 ON t FIELDS v HNSW DIMENSION 3; DEFINE INDEX h2 ON t FIELDS v2 "
            u"HNSW DIMENSION 128 DIST COSINE TYPE I16 EFC 100 M 8 M0 16 LM 0.5 EXTEND_CANDIDATES "
            u"KEEP_PRUNED_CONNECTIONS; DEFINE INDEX h3 ON t FIELDS v3 HNSW DIMENSION 4 DIST "
            u"MINKOWSKI 3; DEFINE INDEX h4 ON t FIELDS v4 HNSW DIMENSION 4 M 16");
        row("index hostile names",
            u"DEFINE INDEX `select` ON `a-b` FIELDS `value`, obj.`select`, `x y`");
        // Events
        row("events",
            u"DEFINE EVENT e1 ON t THEN (CREATE log); DEFINE EVENT e2 ON t WHEN $before != "
            u"$after THEN (CREATE log), (CREATE log2); DEFINE EVENT e3 ON t WHEN $event = "
            u"\"CREATE\" THEN { LET $x = 1; CREATE log SET x = $x; } COMMENT 'c'");
        row("events async",
            u"DEFINE EVENT a1 ON t ASYNC THEN (CREATE log); DEFINE EVENT a2 ON t ASYNC RETRY 5 "
            u"MAXDEPTH 2 WHEN true THEN (CREATE log)");
        // Database level
        row("analyzers",
            u"DEFINE ANALYZER a1 TOKENIZERS blank,class,camel,punct FILTERS ascii,lowercase,"
            u"uppercase,edgengram(1,3),ngram(2,4),snowball(french) COMMENT 'x'; DEFINE FUNCTION "
            u"fn::tok($s: string) -> array<string> { RETURN string::split($s, ' '); }; DEFINE "
            u"ANALYZER a2 FUNCTION fn::tok TOKENIZERS blank; DEFINE ANALYZER a3");
        row("functions",
            u"DEFINE FUNCTION fn::a() { RETURN 1; }; DEFINE FUNCTION fn::b::c($x: int, $y: "
            u"option<string>) -> string { LET $z = $x * 2; RETURN <string> $z; } PERMISSIONS "
            u"WHERE $auth.admin = true COMMENT \"it's\"; DEFINE FUNCTION fn::d($x: any) { "
            u"RETURN $x; } PERMISSIONS NONE");
        row("params",
            u"DEFINE PARAM $o VALUE { a: 1, b: [1, 2, 'x'] }; DEFINE PARAM $s VALUE \"str\" "
            u"COMMENT 'c' PERMISSIONS NONE; DEFINE PARAM $w VALUE 1 PERMISSIONS WHERE true; "
            u"DEFINE PARAM $`a-b` VALUE NONE");
        row("access record",
            u"DEFINE ACCESS acc ON DATABASE TYPE RECORD SIGNUP (CREATE user SET email = $email) "
            u"SIGNIN (SELECT * FROM user WHERE email = $email) DURATION FOR TOKEN 15m, FOR "
            u"SESSION 12h");
        row("access record refresh authenticate",
            u"DEFINE ACCESS r3 ON DATABASE TYPE RECORD WITH REFRESH DURATION FOR GRANT 10d, FOR "
            u"TOKEN 5m, FOR SESSION 1d; DEFINE ACCESS r4 ON DATABASE TYPE RECORD AUTHENTICATE { "
            u"RETURN $auth; } COMMENT 'cm'");
        row("access jwt",
            u"DEFINE ACCESS j1 ON DATABASE TYPE JWT ALGORITHM HS512 KEY 'secret'; DEFINE ACCESS "
            u"j2 ON DATABASE TYPE JWT URL 'https://example.com/jwks.json'; DEFINE ACCESS j3 ON "
            u"DATABASE TYPE JWT ALGORITHM RS256 KEY '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END "
            u"PUBLIC KEY-----' DURATION FOR SESSION 2h");
        row("access bearer",
            u"DEFINE ACCESS b1 ON DATABASE TYPE BEARER FOR USER; DEFINE ACCESS b2 ON DATABASE "
            u"TYPE BEARER FOR RECORD DURATION FOR GRANT 1d");
        row("users",
            u"DEFINE USER u1 ON DATABASE PASSHASH '$argon2id$v=19$m=19456,t=2,p=1$abc$def' ROLES "
            u"OWNER, EDITOR COMMENT 'c'; DEFINE USER u2 ON DATABASE PASSWORD 'y' ROLES VIEWER "
            u"DURATION FOR TOKEN 15m, FOR SESSION 2h");
    }

    void clause()
    {
        QFETCH(QString, surql);
        QVERIFY(useFreshDatabase());
        QString error;
        QVERIFY2(run(surql, &error), qPrintable(error));
        const QStringList info = infoStatements();
        QVERIFY(!info.isEmpty());

        // Each definition alone: parse, print, get INFO's text back.
        for (const QString &statement : info) {
            SchemaParseError parseError;
            const auto schema = SchemaParser::parse(statement,
                                                    &parseError,
                                                    SchemaParser::Origin::Info);
            QVERIFY2(schema, qPrintable(statement + u"\n"_s + parseError.message()));
            const QStringList printed = SchemaPrinter::statements(*schema,
                                                                  SchemaPrinter::Mode::Info);
            QVERIFY2(printed.contains(statement),
                     qPrintable(u"INFO:    "_s + statement + u"\nprinted: "_s
                                + printed.join(u"\n         "_s)));
        }

        // The introspected schema prints as the whole of INFO.
        const auto introspected = wait(SchemaIntrospector::introspect(m_connection.get()));
        QVERIFY(introspected);
        QVERIFY2(introspected->isOk(), qPrintable(introspected->error().toString()));
        QStringList printed = SchemaPrinter::statements(introspected->value(),
                                                        SchemaPrinter::Mode::Info);
        printed.sort();
        QCOMPARE(printed, info);

        // And it recreates itself: run the printed .surql in a fresh database, read it back.
        const QString script = SchemaPrinter::print(introspected->value());
        QVERIFY(useFreshDatabase());
        QVERIFY2(run(script, &error), qPrintable(error + u"\n"_s + script));
        const auto again = wait(SchemaIntrospector::introspect(m_connection.get()));
        QVERIFY(again && again->isOk());
        const Schema expected = SchemaNormalizer::normalized(introspected->value());
        const Schema actual = SchemaNormalizer::normalized(again->value());
        if (!(actual == expected)) {
            QCOMPARE(SchemaPrinter::print(actual, SchemaPrinter::Mode::Info),
                     SchemaPrinter::print(expected, SchemaPrinter::Mode::Info));
            QFAIL("the schemas differ but print the same");
        }
    }
};

QTEST_GUILESS_MAIN(tst_SchemaRoundtrip)
#include "tst_schema_roundtrip.moc"

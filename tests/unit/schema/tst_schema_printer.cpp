// SchemaPrinter: INFO's own text (recorded from SurrealDB 3.0.2) parses and prints back exactly;
// whole schemas print in a stable order; the normalizer adds what the server adds.

#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

class tst_SchemaPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void infoText_data()
    {
        QTest::addColumn<QString>("info");
        const QStringList golden{
            u"DEFINE TABLE a TYPE ANY SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE b TYPE NORMAL DROP SCHEMAFULL COMMENT 'hi' CHANGEFEED 3d INCLUDE "
            "ORIGINAL PERMISSIONS FOR select FULL, FOR create WHERE $auth.id = id, FOR update, "
            "delete NONE"_s,
            u"DEFINE TABLE r TYPE RELATION IN user OUT post | comment ENFORCED SCHEMALESS "
            "PERMISSIONS NONE"_s,
            u"DEFINE TABLE t6 TYPE RELATION SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE v TYPE ANY SCHEMALESS AS SELECT count() AS c, name FROM person GROUP "
            "BY name PERMISSIONS NONE"_s,
            u"DEFINE TABLE v TYPE ANY DROP SCHEMALESS COMMENT 'view' AS SELECT * FROM person "
            "WHERE age > 18 CHANGEFEED 1d PERMISSIONS NONE"_s,
            u"DEFINE TABLE t TYPE ANY SCHEMALESS PERMISSIONS FOR select, create, update, delete "
            "WHERE published = true"_s,
            u"DEFINE TABLE t10 TYPE ANY SCHEMALESS PERMISSIONS FOR select, create WHERE true, "
            "FOR update FULL"_s,
            u"DEFINE TABLE t3 TYPE ANY SCHEMALESS PERMISSIONS FOR select FULL, FOR create, "
            "update NONE, FOR delete WHERE $auth.admin"_s,
            u"DEFINE TABLE t9 TYPE ANY SCHEMALESS COMMENT \"it's\" PERMISSIONS NONE"_s,
            u"DEFINE TABLE `select` TYPE ANY SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE `a\\`b` TYPE ANY SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE `back\\\\slash` TYPE ANY SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE `tab\\tx` TYPE ANY SCHEMALESS PERMISSIONS NONE"_s,
            u"DEFINE TABLE `select` TYPE RELATION IN select | `a-b` OUT value SCHEMALESS "
            "PERMISSIONS NONE"_s,
            u"DEFINE FIELD a ON t TYPE none | array<record<user>> PERMISSIONS FULL"_s,
            u"DEFINE FIELD a.* ON t TYPE record<user> PERMISSIONS FULL"_s,
            u"DEFINE FIELD c ON t DEFAULT ALWAYS 5 READONLY ASSERT $value > 1 COMMENT 'x' "
            "PERMISSIONS FULL"_s,
            u"DEFINE FIELD e ON t COMPUTED 1 + 2 PERMISSIONS FULL"_s,
            u"DEFINE FIELD f ON t TYPE record<user> REFERENCE ON DELETE CASCADE PERMISSIONS FULL"_s,
            u"DEFINE FIELD e ON t TYPE record<user> REFERENCE ON DELETE THEN { CREATE log SET x "
            "= $this } PERMISSIONS FULL"_s,
            u"DEFINE FIELD g ON t PERMISSIONS FOR select WHERE true, FOR create FULL, FOR update "
            "NONE"_s,
            u"DEFINE FIELD f ON person TYPE string DEFAULT 'x' READONLY VALUE "
            "string::lowercase($value) ASSERT $value != '' COMMENT 'all' PERMISSIONS FOR select "
            "FULL, FOR create, update WHERE $auth.id = id"_s,
            u"DEFINE FIELD obj ON t TYPE object FLEXIBLE PERMISSIONS FULL"_s,
            u"DEFINE FIELD lit ON t TYPE 'a' | 'b' | 1 PERMISSIONS FULL"_s,
            u"DEFINE FIELD lf ON t TYPE  1.5f | 2 PERMISSIONS FULL"_s,
            u"DEFINE FIELD ol ON t TYPE { a: string, b: int } PERMISSIONS FULL"_s,
            u"DEFINE FIELD al ON t TYPE [string, int] PERMISSIONS FULL"_s,
            u"DEFINE FIELD `tb` ON t TYPE table<user | post> PERMISSIONS FULL"_s,
            u"DEFINE FIELD `a-b`.`c d`.*.x ON `select` TYPE int PERMISSIONS FULL"_s,
            u"DEFINE FIELD obj.select ON `select` TYPE record<select | `a-b`> PERMISSIONS FULL"_s,
            u"DEFINE FIELD c4 ON t COMMENT \"both ' and \\\"\" PERMISSIONS FULL"_s,
            u"DEFINE FIELD m.* ON t TYPE int | string PERMISSIONS FULL"_s,
            u"DEFINE FIELD du ON t TYPE duration DEFAULT 1h30m PERMISSIONS FULL"_s,
            u"DEFINE INDEX i1 ON t FIELDS a"_s,
            u"DEFINE INDEX i2 ON t FIELDS a, b UNIQUE"_s,
            u"DEFINE INDEX i3 ON t COUNT"_s,
            u"DEFINE INDEX cnt ON person COUNT WHERE a > 1"_s,
            u"DEFINE INDEX i4 ON t FIELDS c FULLTEXT ANALYZER an BM25(1.2,0.75) HIGHLIGHTS"_s,
            u"DEFINE INDEX i2 ON t FIELDS d FULLTEXT ANALYZER an BM25(1.5,0.6)"_s,
            u"DEFINE INDEX i3 ON t FIELDS e, f.g, tags.*"_s,
            u"DEFINE INDEX i4 ON t FIELDS x UNIQUE COMMENT 'u'"_s,
            u"DEFINE INDEX i5 ON t FIELDS v HNSW DIMENSION 4 DIST COSINE TYPE F32 EFC 150 M 12 "
            "M0 24 LM 0.40242960438184466f"_s,
            u"DEFINE INDEX i6 ON t FIELDS v2 HNSW DIMENSION 128 DIST EUCLIDEAN TYPE I16 EFC 100 "
            "M 8 M0 16 LM 0.5f EXTEND_CANDIDATES KEEP_PRUNED_CONNECTIONS"_s,
            u"DEFINE INDEX i7 ON t FIELDS v3 HNSW DIMENSION 3 DIST MINKOWSKI 3 TYPE F32 EFC 150 "
            "M 12 M0 24 LM 0.40242960438184466f"_s,
            u"DEFINE INDEX `select` ON `select` FIELDS `value`, obj.select, `a-b`"_s,
            u"DEFINE INDEX ft ON `select` FIELDS y FULLTEXT ANALYZER select BM25(1.2,0.75)"_s,
            u"DEFINE EVENT e ON t WHEN $event = 'CREATE' THEN (CREATE log SET x = 1)"_s,
            u"DEFINE EVENT e2 ON t ASYNC RETRY 3 MAXDEPTH 2 WHEN true THEN { CREATE log }"_s,
            u"DEFINE EVENT e2 ON t WHEN $before != $after THEN (CREATE log), (CREATE log2)"_s,
            u"DEFINE EVENT e4 ON t ASYNC RETRY 5 MAXDEPTH 3 WHEN true THEN (CREATE log) COMMENT "
            "'c'"_s,
            u"DEFINE EVENT e5 ON t WHEN $event INSIDE ['CREATE', 'UPDATE'] THEN { LET $x = 1; "
            "CREATE log SET x = $x; }"_s,
            u"DEFINE EVENT `e-6` ON t WHEN true THEN http::post('http://x', $after)"_s,
            u"DEFINE EVENT ev ON person ASYNC RETRY 1 MAXDEPTH 5 WHEN true THEN {  }"_s,
            u"DEFINE ANALYZER an TOKENIZERS BLANK,CLASS FILTERS LOWERCASE, SNOWBALL(ENGLISH)"_s,
            u"DEFINE ANALYZER a1 TOKENIZERS BLANK,CLASS,CAMEL,PUNCT FILTERS ASCII, LOWERCASE, "
            "UPPERCASE, EDGENGRAM(1,3), NGRAM(2,4), SNOWBALL(FRENCH) COMMENT 'x'"_s,
            u"DEFINE ANALYZER a2 FUNCTION fn::tok TOKENIZERS BLANK"_s,
            u"DEFINE ANALYZER a3"_s,
            u"DEFINE ANALYZER `a-b` TOKENIZERS BLANK"_s,
            u"DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello ' + $name } COMMENT 'g' "
            "PERMISSIONS FULL"_s,
            u"DEFINE FUNCTION fn::b::c($x: int, $y: none | string) -> string { LET $z = $x * 2; "
            "RETURN <string> $z; } COMMENT \"it's\" PERMISSIONS WHERE $auth.admin = true"_s,
            u"DEFINE FUNCTION fn::select::`a-b`() { RETURN 1 } PERMISSIONS FULL"_s,
            u"DEFINE PARAM $p VALUE 42 PERMISSIONS FULL"_s,
            u"DEFINE PARAM $o VALUE { a: 1, b: [1, 2, 'x'], \"c d\": true } PERMISSIONS FULL"_s,
            u"DEFINE PARAM $s VALUE 'str' COMMENT 'c' PERMISSIONS NONE"_s,
            u"DEFINE PARAM $`a-b` VALUE 1 PERMISSIONS WHERE true"_s,
            u"DEFINE ACCESS acc ON DATABASE TYPE RECORD SIGNUP (CREATE user SET email = $email) "
            "SIGNIN (SELECT * FROM user WHERE email = $email) WITH JWT ALGORITHM HS512 KEY "
            "'[REDACTED]' WITH ISSUER KEY '[REDACTED]' DURATION FOR TOKEN 15m, FOR SESSION 12h"_s,
            u"DEFINE ACCESS b ON DATABASE TYPE BEARER FOR USER DURATION FOR GRANT 4w2d, FOR "
            "TOKEN 1h, FOR SESSION NONE"_s,
            u"DEFINE ACCESS j ON DATABASE TYPE JWT ALGORITHM HS512 KEY '[REDACTED]' WITH ISSUER "
            "KEY '[REDACTED]' DURATION FOR TOKEN 1h, FOR SESSION NONE"_s,
            u"DEFINE ACCESS j2 ON DATABASE TYPE JWT URL 'https://example.com/jwks.json' DURATION "
            "FOR SESSION NONE"_s,
            u"DEFINE ACCESS j3 ON DATABASE TYPE JWT ALGORITHM RS256 KEY '-----BEGIN PUBLIC "
            "KEY-----\\nabc\\n-----END PUBLIC KEY-----' DURATION FOR SESSION NONE"_s,
            u"DEFINE ACCESS r3 ON DATABASE TYPE RECORD WITH REFRESH WITH JWT ALGORITHM HS512 KEY "
            "'[REDACTED]' WITH ISSUER KEY '[REDACTED]' DURATION FOR GRANT 1w3d, FOR TOKEN 5m, FOR "
            "SESSION 1d"_s,
            u"DEFINE ACCESS r4 ON DATABASE TYPE RECORD WITH JWT ALGORITHM HS512 KEY '[REDACTED]' "
            "WITH ISSUER KEY '[REDACTED]' AUTHENTICATE { RETURN $auth } DURATION FOR TOKEN 1h, "
            "FOR SESSION NONE COMMENT 'cm'"_s,
            u"DEFINE ACCESS ra ON DATABASE TYPE RECORD WITH JWT ALGORITHM RS256 KEY 'pub' WITH "
            "ISSUER KEY '[REDACTED]' DURATION FOR TOKEN 1h, FOR SESSION NONE"_s,
            u"DEFINE USER u1 ON DATABASE PASSHASH '$argon2id$v=19$m=19456,t=2,p=1$Sy3sh7h$a7wdb' "
            "ROLES OWNER, EDITOR DURATION FOR TOKEN 1h, FOR SESSION NONE COMMENT 'c'"_s,
            u"DEFINE USER `a-b` ON DATABASE PASSHASH 'x' ROLES VIEWER DURATION FOR TOKEN 1h, FOR "
            "SESSION NONE"_s,
        };
        for (const QString &info : golden)
            QTest::newRow(qPrintable(info.left(60))) << info;
    }

    void infoText()
    {
        QFETCH(QString, info);
        SchemaParseError error;
        const auto schema = SchemaParser::parse(info, &error, SchemaParser::Origin::Info);
        QVERIFY2(schema, qPrintable(error.message()));
        const QStringList printed = SchemaPrinter::statements(*schema, SchemaPrinter::Mode::Info);
        QVERIFY2(printed.contains(info), qPrintable(printed.join(u"\n"_s)));
    }

    void schemaOrder()
    {
        const auto schema = SchemaParser::parse(
            u"DEFINE INDEX i ON b FIELDS x; DEFINE TABLE v AS SELECT * FROM b; DEFINE FIELD x.* "
            "ON b TYPE int ASSERT $value > 0; DEFINE FIELD x ON b TYPE array<int>; DEFINE FIELD "
            "y ON b TYPE array<int>; DEFINE FIELD y.* ON b TYPE int; DEFINE FIELD ab ON b; DEFINE "
            "TABLE a; DEFINE PARAM $p VALUE 1; DEFINE ANALYZER an; DEFINE FUNCTION fn::f() { "
            "RETURN 1 }; DEFINE EVENT e ON a THEN (CREATE x)"_s);
        QVERIFY(schema);
        const QString expected
            = u"DEFINE PARAM $p VALUE 1 PERMISSIONS FULL;\n"
              "DEFINE FUNCTION fn::f() { RETURN 1 } PERMISSIONS FULL;\n"
              "DEFINE ANALYZER an;\n"
              "\n"
              "DEFINE TABLE a TYPE ANY SCHEMALESS PERMISSIONS NONE;\n"
              "DEFINE EVENT e ON a WHEN true THEN (CREATE x);\n"
              "\n"
              "DEFINE TABLE b TYPE ANY SCHEMALESS PERMISSIONS NONE;\n"
              "DEFINE FIELD ab ON b PERMISSIONS FULL;\n"
              "DEFINE FIELD x ON b TYPE array<int> PERMISSIONS FULL;\n"
              "DEFINE FIELD OVERWRITE x.* ON b TYPE int ASSERT $value > 0 PERMISSIONS FULL;\n"
              "DEFINE FIELD y ON b TYPE array<int> PERMISSIONS FULL;\n"
              "DEFINE INDEX i ON b FIELDS x;\n"
              "\n"
              "DEFINE TABLE v TYPE ANY SCHEMALESS AS SELECT * FROM b PERMISSIONS NONE;\n"_s;
        QCOMPARE(SchemaPrinter::print(*schema), expected);
        // The printed text reads back as the same schema, once the server's own fields are in.
        const auto again = SchemaParser::parse(expected);
        QVERIFY(again);
        QVERIFY(!(*again == *schema)); // y.* is left out: the server defines it
        QCOMPARE(SchemaNormalizer::normalized(*again), SchemaNormalizer::normalized(*schema));
    }

    void surqlModeWritesWhatInfoLeavesOut()
    {
        const auto schema = SchemaParser::parse(
            u"DEFINE TABLE t PERMISSIONS FOR select WHERE true, FOR create, update, delete FULL; "
            "DEFINE ACCESS r ON DATABASE TYPE RECORD SIGNIN (SELECT 1)"_s);
        QVERIFY(schema);
        const TableDef &t = schema->tables.front();
        QCOMPARE(SchemaPrinter::printTable(t),
                 u"DEFINE TABLE t TYPE ANY SCHEMALESS PERMISSIONS FOR select WHERE true, FOR "
                 "create, update FULL"_s);
        QCOMPARE(SchemaPrinter::printTable(t, SchemaPrinter::Mode::Surql),
                 u"DEFINE TABLE t TYPE ANY SCHEMALESS PERMISSIONS FOR select WHERE true, FOR "
                 "create, update, delete FULL"_s);
        const AccessDef &r = schema->accesses.front();
        QCOMPARE(SchemaPrinter::printAccess(r, SchemaPrinter::Mode::Surql),
                 u"DEFINE ACCESS r ON DATABASE TYPE RECORD SIGNIN (SELECT 1) DURATION FOR TOKEN "
                 "1h, FOR SESSION NONE"_s);
    }

    void normalizerAddsImpliedFields()
    {
        const auto schema = SchemaParser::parse(
            u"DEFINE TABLE r TYPE RELATION IN a OUT b | c; DEFINE FIELD in ON r TYPE record<a> "
            "COMMENT 'mine'; DEFINE FIELD tags ON t TYPE option<array<array<string>>>; DEFINE "
            "FIELD any ON t TYPE array; DEFINE FIELD opt ON t TYPE option<array>; DEFINE FIELD "
            "x ON t TYPE array<int>; DEFINE FIELD x.* ON t TYPE int ASSERT $value > 0"_s);
        QVERIFY(schema);
        const Schema n = SchemaNormalizer::normalized(*schema);
        const TableDef *r = n.table(u"r"_s);
        QCOMPARE(r->fields.size(), 2);
        QCOMPARE(r->field({u"in"_s})->comment, u"mine"_s);
        QCOMPARE(r->field({u"out"_s})->kind->toString(), u"record<b | c>"_s);
        const TableDef *t = n.table(u"t"_s);
        QCOMPARE(t->field({u"tags"_s, u"*"_s})->kind->toString(), u"array<string>"_s);
        QCOMPARE(t->field({u"tags"_s, u"*"_s, u"*"_s})->kind->toString(), u"string"_s);
        QVERIFY(!t->field({u"any"_s, u"*"_s}));
        QCOMPARE(t->field({u"opt"_s, u"*"_s})->kind->toString(), u"any"_s);
        QCOMPARE(t->field({u"x"_s, u"*"_s})->assertion, u"$value > 0"_s);
        QVERIFY(SchemaNormalizer::isImpliedField(*t, *t->field({u"tags"_s, u"*"_s, u"*"_s})));
        QVERIFY(SchemaNormalizer::isImpliedField(*r, *r->field({u"out"_s})));
        QVERIFY(!SchemaNormalizer::isImpliedField(*t, *t->field({u"x"_s})));
        // Normalizing twice changes nothing.
        QCOMPARE(SchemaNormalizer::normalized(n), n);
    }

    void normalizerRedactsSecrets()
    {
        const auto file = SchemaParser::parse(
            u"DEFINE ACCESS j ON DATABASE TYPE JWT ALGORITHM HS256 KEY 'secret'; DEFINE ACCESS k "
            "ON DATABASE TYPE JWT ALGORITHM RS256 KEY 'public' DURATION FOR TOKEN 5m"_s);
        const auto info = SchemaParser::parse(
            u"DEFINE ACCESS j ON DATABASE TYPE JWT ALGORITHM HS256 KEY '[REDACTED]' WITH ISSUER "
            "KEY '[REDACTED]' DURATION FOR TOKEN 1h, FOR SESSION NONE; DEFINE ACCESS k ON "
            "DATABASE TYPE JWT ALGORITHM RS256 KEY 'public' DURATION FOR SESSION NONE"_s,
            nullptr,
            SchemaParser::Origin::Info);
        QVERIFY(file && info);
        QVERIFY(!(*file == *info));
        QCOMPARE(SchemaNormalizer::normalized(*file), SchemaNormalizer::normalized(*info));
    }

    void equalityIgnoresOrder()
    {
        const auto a = SchemaParser::parse(
            u"DEFINE TABLE x; DEFINE TABLE y; DEFINE FIELD f ON x; DEFINE FIELD g ON x"_s);
        const auto b = SchemaParser::parse(
            u"DEFINE FIELD g ON x; DEFINE TABLE y; DEFINE FIELD f ON x; DEFINE TABLE OVERWRITE "
            "x"_s);
        QVERIFY(a && b);
        QCOMPARE(*a, *b);
        const auto c = SchemaParser::parse(u"DEFINE TABLE x; DEFINE TABLE y; DEFINE FIELD f ON x"_s);
        QVERIFY(!(*a == *c));
    }
};

QTEST_GUILESS_MAIN(tst_SchemaPrinter)
#include "tst_schema_printer.moc"

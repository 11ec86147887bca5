// SchemaParser: every clause into the model, OVERWRITE / IF NOT EXISTS, comments, error
// positions, and garbage that must fail cleanly.

#include <surrealqt/schema/SchemaParser.h>

#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

namespace {

Schema parsed(const QString &text, SchemaParser::Origin origin = SchemaParser::Origin::File)
{
    SchemaParseError error;
    auto schema = SchemaParser::parse(text, &error, origin);
    if (!schema)
        qWarning().noquote() << text << "\n" << error.message();
    return schema.value_or(Schema());
}

} // namespace

class tst_SchemaParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table()
    {
        const Schema s = parsed(
            u"DEFINE TABLE OVERWRITE t TYPE RELATION IN a | `b-c` OUT d ENFORCED DROP SCHEMAFULL "
            "CHANGEFEED 90m INCLUDE ORIGINAL PERMISSIONS FOR select FULL, FOR create WHERE "
            "$auth.id = id FOR update, delete NONE COMMENT 'hi'"_s);
        QCOMPARE(s.tables.size(), 1);
        const TableDef &t = s.tables.front();
        QCOMPARE(t.name, u"t"_s);
        QCOMPARE(t.type, TableDef::Type::Relation);
        QCOMPARE(t.relationIn, (QStringList{u"a"_s, u"b-c"_s}));
        QCOMPARE(t.relationOut, QStringList{u"d"_s});
        QVERIFY(t.enforced && t.drop && t.schemafull);
        QCOMPARE(t.changefeed, u"1h30m"_s);
        QVERIFY(t.changefeedIncludeOriginal);
        QCOMPARE(t.permissions.select, Permission::full());
        QCOMPARE(t.permissions.create, Permission::where(u"$auth.id = id"_s));
        QCOMPARE(t.permissions.update, Permission::none());
        QCOMPARE(t.permissions.remove, Permission::none());
        QCOMPARE(t.comment, u"hi"_s);
    }

    void tableDefaults()
    {
        const TableDef t = parsed(u"DEFINE TABLE t"_s).tables.value(0);
        QCOMPARE(t.type, TableDef::Type::Any);
        QVERIFY(!t.schemafull && !t.drop && !t.isView() && !t.changefeed && !t.comment);
        QCOMPARE(t.permissions, Permissions::none());
    }

    void tableView()
    {
        const Schema s = parsed(u"DEFINE TABLE v AS SELECT count() AS n, type FROM person GROUP "
                                "BY type PERMISSIONS FULL; DEFINE TABLE w AS (SELECT * FROM x)"_s);
        QCOMPARE(s.table(u"v"_s)->view, u"SELECT count() AS n, type FROM person GROUP BY type"_s);
        QCOMPARE(s.table(u"v"_s)->permissions, Permissions::full());
        QCOMPARE(s.table(u"w"_s)->view, u"SELECT * FROM x"_s);
    }

    // INFO leaves out a FULL delete rule; a person who leaves it out means NONE.
    void tablePermissionsByOrigin()
    {
        const QString text = u"DEFINE TABLE t PERMISSIONS FOR select, create WHERE true, FOR "
                             "update FULL"_s;
        QCOMPARE(parsed(text).tables.value(0).permissions.remove, Permission::none());
        QCOMPARE(parsed(text, SchemaParser::Origin::Info).tables.value(0).permissions.remove,
                 Permission::full());
    }

    void field()
    {
        const Schema s = parsed(
            u"DEFINE FIELD IF NOT EXISTS address.city ON TABLE person TYPE option<string> "
            "DEFAULT ALWAYS 'x' READONLY VALUE string::lowercase($value) ASSERT $value != NONE "
            "AND string::len($value) > 1 PERMISSIONS FOR select WHERE true FOR update NONE "
            "COMMENT \"it's\""_s);
        const TableDef *t = s.table(u"person"_s);
        QVERIFY(t);
        QCOMPARE(t->fields.size(), 1);
        const FieldDef &f = t->fields.front();
        QCOMPARE(f.path, (QStringList{u"address"_s, u"city"_s}));
        QCOMPARE(f.name(), u"address.city"_s);
        QCOMPARE(f.kind->toString(), u"none | string"_s);
        QCOMPARE(f.defaultValue, u"'x'"_s);
        QVERIFY(f.defaultAlways && f.readonly);
        QCOMPARE(f.value, u"string::lowercase($value)"_s);
        QCOMPARE(f.assertion, u"$value != NONE AND string::len($value) > 1"_s);
        QCOMPARE(f.permissions.select, Permission::where(u"true"_s));
        QCOMPARE(f.permissions.create, Permission::full());
        QCOMPARE(f.permissions.update, Permission::none());
        QCOMPARE(f.comment, u"it's"_s);
        // An implicitly created table takes the server's defaults.
        QCOMPARE(t->type, TableDef::Type::Any);
        QCOMPARE(t->permissions, Permissions::none());
    }

    void fieldPaths()
    {
        const Schema s = parsed(u"DEFINE FIELD tags[*] ON t; DEFINE FIELD tags.*.x ON t; "
                                "DEFINE FIELD `a-b`.`c d` ON t; DEFINE FIELD obj.select ON t"_s);
        const TableDef *t = s.table(u"t"_s);
        QVERIFY(t);
        QVERIFY(t->field({u"tags"_s, u"*"_s}));
        QVERIFY(t->field({u"tags"_s, u"*"_s, u"x"_s}));
        QCOMPARE(t->field({u"a-b"_s, u"c d"_s})->name(), u"`a-b`.`c d`"_s);
        QCOMPARE(t->field({u"obj"_s, u"select"_s})->name(), u"obj.select"_s);
    }

    void fieldFlexibleComputedReference()
    {
        const Schema s = parsed(
            u"DEFINE FIELD o ON t TYPE object FLEXIBLE; DEFINE FIELD c ON t COMPUTED 1 + 2; "
            "DEFINE FIELD r ON t TYPE record<user> REFERENCE; DEFINE FIELD r2 ON t TYPE "
            "record<user> REFERENCE ON DELETE THEN { DELETE $this } COMMENT 'x'"_s);
        const TableDef *t = s.table(u"t"_s);
        QVERIFY(t->field({u"o"_s})->flexible);
        QCOMPARE(t->field({u"c"_s})->computed, u"1 + 2"_s);
        QCOMPARE(t->field({u"r"_s})->reference->onDelete, FieldDef::Reference::OnDelete::Ignore);
        const FieldDef *r2 = t->field({u"r2"_s});
        QCOMPARE(r2->reference->onDelete, FieldDef::Reference::OnDelete::Then);
        QCOMPARE(r2->reference->then, u"{ DELETE $this }"_s);
        QCOMPARE(r2->comment, u"x"_s);
    }

    void indexes()
    {
        const Schema s = parsed(
            u"DEFINE INDEX u ON t FIELDS a, b.c UNIQUE COMMENT 'c'; DEFINE INDEX n ON t COUNT "
            "WHERE a > 1; DEFINE INDEX f ON t FIELDS body FULLTEXT ANALYZER en BM25(1.5, 0.6) "
            "HIGHLIGHTS; DEFINE INDEX g ON t FIELDS body SEARCH ANALYZER en BM25; DEFINE INDEX "
            "h ON t FIELDS v HNSW DIMENSION 4 DIST MINKOWSKI 3 M 16 EXTEND_CANDIDATES"_s);
        const TableDef *t = s.table(u"t"_s);
        QVERIFY(t);
        QCOMPARE(t->index(u"u"_s)->type, IndexDef::Type::Unique);
        QCOMPARE(t->index(u"u"_s)->fields, (QList<QStringList>{{u"a"_s}, {u"b"_s, u"c"_s}}));
        QCOMPARE(t->index(u"n"_s)->countCondition, u"a > 1"_s);
        const IndexDef *f = t->index(u"f"_s);
        QCOMPARE(f->type, IndexDef::Type::FullText);
        QCOMPARE(f->fullText.analyzer, u"en"_s);
        QCOMPARE(f->fullText.k1, 1.5f);
        QCOMPARE(f->fullText.b, 0.6f);
        QVERIFY(f->fullText.highlights);
        QCOMPARE(t->index(u"g"_s)->fullText.k1, 1.2f);
        const IndexDef::Hnsw &h = t->index(u"h"_s)->hnsw;
        QCOMPARE(h.dimension, 4);
        QCOMPARE(h.distance, u"MINKOWSKI 3"_s);
        QCOMPARE(h.m, 16);
        QCOMPARE(h.m0, 32);
        QCOMPARE(h.lm, u"0.36067376022224085f"_s);
        QVERIFY(h.extendCandidates);
    }

    void events()
    {
        const Schema s = parsed(
            u"DEFINE EVENT e ON t WHEN $event IN ['CREATE'] THEN (CREATE log), { LET $x = 1; "
            "CREATE log SET x = $x; } COMMENT 'c'; DEFINE EVENT a ON TABLE t ASYNC RETRY 5 THEN "
            "http::post('http://x', $after); DEFINE EVENT i ON t WHEN IF $a THEN true ELSE "
            "false END THEN (CREATE x)"_s);
        const TableDef *t = s.table(u"t"_s);
        const EventDef *e = t->event(u"e"_s);
        QCOMPARE(e->when, u"$event IN ['CREATE']"_s);
        QCOMPARE(e->then,
                 (QStringList{u"(CREATE log)"_s, u"{ LET $x = 1; CREATE log SET x = $x; }"_s}));
        QCOMPARE(e->comment, u"c"_s);
        const EventDef *a = t->event(u"a"_s);
        QVERIFY(a->async);
        QCOMPARE(a->retry, 5);
        QCOMPARE(a->maxDepth, 3);
        QCOMPARE(a->when, u"true"_s);
        QCOMPARE(t->event(u"i"_s)->when, u"IF $a THEN true ELSE false END"_s);
        QCOMPARE(t->event(u"i"_s)->then, QStringList{u"(CREATE x)"_s});
    }

    void accesses()
    {
        const Schema s = parsed(
            u"DEFINE ACCESS r ON DATABASE TYPE RECORD SIGNUP (CREATE user SET e = $e) SIGNIN "
            "(SELECT * FROM user WHERE e = $e) WITH REFRESH AUTHENTICATE { RETURN $auth } "
            "DURATION FOR GRANT 10d, FOR TOKEN 15m, FOR SESSION 12h COMMENT 'x'; DEFINE ACCESS j "
            "ON DB TYPE JWT ALGORITHM hs256 KEY 'k'; DEFINE ACCESS k ON DATABASE TYPE JWT "
            "ALGORITHM RS256 KEY 'pub'; DEFINE ACCESS u ON DATABASE TYPE JWT URL 'https://x'; "
            "DEFINE ACCESS b ON DATABASE TYPE BEARER FOR RECORD"_s);
        QCOMPARE(s.accesses.size(), 5);
        const AccessDef &r = s.accesses.at(0);
        QCOMPARE(r.type, AccessDef::Type::Record);
        QCOMPARE(r.signup, u"(CREATE user SET e = $e)"_s);
        QCOMPARE(r.signin, u"(SELECT * FROM user WHERE e = $e)"_s);
        QVERIFY(r.withRefresh);
        QCOMPARE(r.authenticate, u"{ RETURN $auth }"_s);
        QCOMPARE(r.grantDuration, u"1w3d"_s);
        QCOMPARE(r.tokenDuration, u"15m"_s);
        QCOMPARE(r.sessionDuration, u"12h"_s);
        QCOMPARE(r.jwt.key, u"[REDACTED]"_s);
        const AccessDef &j = s.accesses.at(1);
        QCOMPARE(j.jwt.algorithm, u"HS256"_s);
        QCOMPARE(j.jwt.issuerKey, u"k"_s);
        QVERIFY(!s.accesses.at(2).jwt.issuerKey);
        QCOMPARE(s.accesses.at(3).jwt.verify, AccessDef::Jwt::Verify::Url);
        QCOMPARE(s.accesses.at(3).jwt.url, u"https://x"_s);
        QCOMPARE(s.accesses.at(4).bearerFor, u"RECORD"_s);
    }

    void databaseLevel()
    {
        const Schema s = parsed(
            u"DEFINE ANALYZER a FUNCTION fn::tok TOKENIZERS blank, class FILTERS lowercase, "
            "edgengram(1, 3), snowball(english), mapper('/x.txt'); DEFINE FUNCTION fn::b::c($x: "
            "int, $y: option<string>) -> string { RETURN $y ?? <string> $x; } PERMISSIONS "
            "WHERE $auth.admin COMMENT 'c'; DEFINE PARAM $p VALUE { a: [1, 2] } PERMISSIONS NONE; "
            "DEFINE USER u ON DATABASE PASSWORD 'pw' ROLES owner, editor DURATION FOR SESSION "
            "2h"_s);
        const AnalyzerDef &a = s.analyzers.value(0);
        QCOMPARE(a.function, u"tok"_s);
        QCOMPARE(a.tokenizers, (QStringList{u"BLANK"_s, u"CLASS"_s}));
        QCOMPARE(a.filters,
                 (QStringList{u"LOWERCASE"_s,
                              u"EDGENGRAM(1,3)"_s,
                              u"SNOWBALL(ENGLISH)"_s,
                              u"MAPPER('/x.txt')"_s}));
        const FunctionDef &f = s.functions.value(0);
        QCOMPARE(f.name, u"b::c"_s);
        QCOMPARE(f.arguments.size(), 2);
        QCOMPARE(f.arguments.at(1).kind.toString(), u"none | string"_s);
        QCOMPARE(f.returns->toString(), u"string"_s);
        QCOMPARE(f.body, u"{ RETURN $y ?? <string> $x; }"_s);
        QCOMPARE(f.permission, Permission::where(u"$auth.admin"_s));
        const ParamDef &p = s.params.value(0);
        QCOMPARE(p.name, u"p"_s);
        QCOMPARE(p.value, u"{ a: [1, 2] }"_s);
        QCOMPARE(p.permission, Permission::none());
        const UserDef &u = s.users.value(0);
        QCOMPARE(u.password, u"pw"_s);
        QCOMPARE(u.roles, (QStringList{u"OWNER"_s, u"EDITOR"_s}));
        QCOMPARE(u.tokenDuration, u"1h"_s);
        QCOMPARE(u.sessionDuration, u"2h"_s);
    }

    void commentsAndOptions()
    {
        const Schema s = parsed(u"-- a comment\nOPTION IMPORT;\n# another\n/* block\n comment */ "
                                "DEFINE TABLE a; // trailing\n;;\nDEFINE TABLE b -- end"_s);
        QCOMPARE(s.tables.size(), 2);
    }

    void overwriteAndIfNotExists()
    {
        Schema s = parsed(u"DEFINE TABLE t COMMENT 'one'; DEFINE TABLE IF NOT EXISTS t COMMENT "
                          "'two'"_s);
        QCOMPARE(s.tables.value(0).comment, u"one"_s);
        s = parsed(u"DEFINE TABLE t COMMENT 'one'; DEFINE FIELD f ON t; DEFINE TABLE OVERWRITE t "
                   "COMMENT 'two'"_s);
        QCOMPARE(s.tables.size(), 1);
        QCOMPARE(s.tables.value(0).comment, u"two"_s);
        QCOMPARE(s.tables.value(0).fields.size(), 1);
        // A table first created by its field is defined by the later DEFINE TABLE.
        s = parsed(u"DEFINE FIELD f ON t; DEFINE TABLE t SCHEMAFULL"_s);
        QVERIFY(s.tables.value(0).schemafull);
        QCOMPARE(s.tables.value(0).fields.size(), 1);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not define") << u"SELECT * FROM t"_s << 1 << 1 << u"DEFINE or OPTION"_s;
        QTest::newRow("unknown define")
            << u"DEFINE TABEL t"_s << 1 << 8
            << u"TABLE, FIELD, INDEX, EVENT, ACCESS, ANALYZER, FUNCTION, PARAM or USER after "
               "DEFINE"_s;
        QTest::newRow("missing name") << u"DEFINE TABLE ;"_s << 1 << 14 << u"a table name"_s;
        QTest::newRow("bad clause")
            << u"DEFINE TABLE t\n  SCHEMAFUL"_s << 2 << 3
            << u"DROP, SCHEMAFULL, SCHEMALESS, TYPE, AS, CHANGEFEED, PERMISSIONS, COMMENT or "
               "';'"_s;
        QTest::newRow("bad type") << u"DEFINE FIELD f ON t TYPE strin"_s << 1 << 26 << u"a type"_s;
        QTest::newRow("unclosed kind")
            << u"DEFINE FIELD f ON t TYPE array<int"_s << 1 << 35 << u"'>', '|' or ','"_s;
        QTest::newRow("permissions")
            << u"DEFINE TABLE t PERMISSIONS SOME"_s << 1 << 28 << u"NONE, FULL or FOR"_s;
        QTest::newRow("permission action") << u"DEFINE TABLE t PERMISSIONS FOR read FULL"_s << 1
                                           << 32 << u"select, create, update or delete"_s;
        QTest::newRow("duration") << u"DEFINE TABLE t CHANGEFEED soon"_s << 1 << 27
                                  << u"a duration"_s;
        QTest::newRow("missing expression")
            << u"DEFINE FIELD f ON t VALUE ;"_s << 1 << 27 << u"an expression"_s;
        QTest::newRow("unterminated string")
            << u"DEFINE TABLE t COMMENT 'abc"_s << 1 << 24 << u"a string after COMMENT"_s;
        QTest::newRow("event without then")
            << u"DEFINE EVENT e ON t WHEN true"_s << 1 << 30 << u"THEN"_s;
        QTest::newRow("duplicate") << u"DEFINE TABLE t;\nDEFINE TABLE t"_s << 2 << 14
                                   << u"a table defined once (or OVERWRITE, IF NOT EXISTS)"_s;
        QTest::newRow("missing semicolon") << u"DEFINE TABLE a DEFINE TABLE b"_s << 1 << 16
                                           << u"DROP, SCHEMAFULL, SCHEMALESS, TYPE, AS, "
                                              "CHANGEFEED, PERMISSIONS, COMMENT or ';'"_s;
        QTest::newRow("function body")
            << u"DEFINE FUNCTION fn::f() RETURN 1"_s << 1 << 25 << u"the function body '{ … }'"_s;
        QTest::newRow("unclosed body") << u"DEFINE FUNCTION fn::f() { RETURN 1"_s << 1 << 35
                                       << u"'}' closing the function body"_s;
        QTest::newRow("hnsw dimension")
            << u"DEFINE INDEX i ON t FIELDS v HNSW DIST COSINE"_s << 1 << 46 << u"DIMENSION"_s;
        QTest::newRow("unterminated comment")
            << u"DEFINE TABLE t; /* never"_s << 1 << 17 << u"DEFINE or OPTION"_s;
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, expected);
        SchemaParseError error;
        QVERIFY(!SchemaParser::parse(text, &error));
        QVERIFY(error.isError());
        QCOMPARE(error.expected, expected);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QVERIFY(
            error.message().startsWith(u"line %1, column %2: expected "_s.arg(line).arg(column)));
        QVERIFY(!error.found.isEmpty());
    }

    void parseIntoKeepsSchemaOnError()
    {
        Schema schema = parsed(u"DEFINE TABLE a"_s);
        QVERIFY(!SchemaParser::parseInto(schema, u"DEFINE TABLE b; DEFINE TABLE"_s));
        QCOMPARE(schema.tables.size(), 1);
        QVERIFY(SchemaParser::parseInto(schema, u"DEFINE TABLE b"_s));
        QCOMPARE(schema.tables.size(), 2);
        QVERIFY(!SchemaParser::parseInto(schema, u"DEFINE TABLE b"_s));
    }

    // Garbage: random text, and valid statements cut or mutated at random points. The parser must
    // return (either way) without crashing, and an error must carry a position.
    void garbage()
    {
        const QString valid = u"DEFINE TABLE t TYPE RELATION IN a OUT b SCHEMAFULL PERMISSIONS "
                              "FOR select WHERE $auth.id = id; DEFINE FIELD a.b[*] ON t TYPE "
                              "option<array<record<user>, 3>> DEFAULT ALWAYS { x: [1, (2)] } "
                              "ASSERT $value != NONE; DEFINE INDEX i ON t FIELDS a HNSW "
                              "DIMENSION 3; DEFINE EVENT e ON t WHEN true THEN { CREATE x; }; "
                              "DEFINE FUNCTION fn::f($a: int) -> int { RETURN $a; }; DEFINE "
                              "ACCESS r ON DATABASE TYPE RECORD SIGNIN (SELECT 1) DURATION FOR "
                              "TOKEN 1h; DEFINE ANALYZER x TOKENIZERS blank FILTERS ngram(1,2)"_s;
        QVERIFY(SchemaParser::parse(valid));
        const QString alphabet = u"DEFINTABLOW ;:,.()[]{}<>|`'\"$*-/#\\⟨⟩\n\t0123456789"_s;
        QRandomGenerator random(20240601);
        for (int round = 0; round < 3000; ++round) {
            QString text;
            switch (round % 3) {
            case 0: {
                const int length = int(random.bounded(200));
                for (int i = 0; i < length; ++i)
                    text += alphabet.at(int(random.bounded(alphabet.size())));
                break;
            }
            case 1:
                text = valid.left(int(random.bounded(valid.size())));
                break;
            default: {
                text = valid;
                for (int k = 0; k < 3; ++k) {
                    const int at = int(random.bounded(text.size()));
                    text[at] = alphabet.at(int(random.bounded(alphabet.size())));
                }
                break;
            }
            }
            SchemaParseError error;
            const auto schema = SchemaParser::parse(text, &error);
            if (!schema) {
                QVERIFY2(error.line > 0 && error.column > 0, qPrintable(text));
                QVERIFY(!error.expected.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_SchemaParser)
#include "tst_schema_parser.moc"

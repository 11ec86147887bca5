// SchemaDiff: the order of the operations, their SurrealQL both ways, and the destructive flags.

#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaParser.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

namespace {

Schema schema(const QString &text)
{
    SchemaParseError error;
    auto parsed = SchemaParser::parse(text, &error);
    if (!parsed)
        qWarning().noquote() << error.message();
    return parsed.value_or(Schema());
}

QStringList describe(const QList<SchemaOperation> &ops)
{
    QStringList out;
    for (const SchemaOperation &op : ops)
        out.append(op.description());
    return out;
}

const QString kFull = u"DEFINE PARAM $p VALUE 1; DEFINE FUNCTION fn::f() { RETURN 1 }; "
                      "DEFINE ANALYZER an TOKENIZERS blank; DEFINE ACCESS a ON DATABASE TYPE "
                      "JWT URL 'u'; DEFINE USER u ON DATABASE PASSHASH 'h'; "
                      "DEFINE TABLE v AS SELECT * FROM t; DEFINE TABLE t SCHEMAFULL; "
                      "DEFINE FIELD name ON t TYPE string; DEFINE FIELD address ON t TYPE object; "
                      "DEFINE FIELD address.city ON t TYPE string; "
                      "DEFINE INDEX ft ON t FIELDS name FULLTEXT ANALYZER an; "
                      "DEFINE EVENT e ON t THEN (CREATE log)"_s;

} // namespace

class tst_SchemaDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalSchemasNeedNothing()
    {
        QVERIFY(SchemaDiff::diff(schema(kFull), schema(kFull)).isEmpty());
        // Order and the server's own fields do not matter.
        const Schema a = schema(u"DEFINE TABLE r TYPE RELATION IN x OUT y; DEFINE FIELD tags ON "
                                "r TYPE array<string>"_s);
        const Schema b = schema(u"DEFINE FIELD tags ON r TYPE array<string>; DEFINE TABLE "
                                "OVERWRITE r TYPE RELATION IN x OUT y; DEFINE FIELD in ON r TYPE "
                                "record<x>; DEFINE FIELD tags.* ON r TYPE string"_s);
        QVERIFY(SchemaDiff::diff(a, b).isEmpty());
    }

    void createOrder()
    {
        const auto ops = SchemaDiff::diff(Schema(), schema(kFull));
        QCOMPARE(describe(ops),
                 (QStringList{u"DefineParam p"_s,
                              u"DefineFunction f"_s,
                              u"DefineAnalyzer an"_s,
                              u"DefineAccess a"_s,
                              u"DefineUser u"_s,
                              u"CreateTable t"_s,
                              u"CreateTable v"_s,
                              u"AddField t.address"_s,
                              u"AddField t.address.city"_s,
                              u"AddField t.name"_s,
                              u"CreateIndex t.ft"_s,
                              u"DefineEvent t.e"_s}));
        for (const SchemaOperation &op : ops)
            QVERIFY2(!op.destructive, qPrintable(op.description()));
        QCOMPARE(ops.at(5).forward, u"DEFINE TABLE t TYPE ANY SCHEMAFULL PERMISSIONS NONE"_s);
        QCOMPARE(ops.at(5).backward, u"REMOVE TABLE t"_s);
        QCOMPARE(ops.at(8).backward, u"REMOVE FIELD address.city ON t"_s);
        QCOMPARE(ops.at(10).backward, u"REMOVE INDEX ft ON t"_s);
        QCOMPARE(ops.at(1).backward, u"REMOVE FUNCTION fn::f"_s);
        QCOMPARE(ops.at(3).backward, u"REMOVE ACCESS a ON DATABASE"_s);
    }

    void dropOrder()
    {
        const auto ops = SchemaDiff::diff(schema(kFull), Schema());
        QCOMPARE(describe(ops),
                 (QStringList{u"DropTable v"_s,
                              u"DropTable t"_s,
                              u"RemoveUser u"_s,
                              u"RemoveAccess a"_s,
                              u"RemoveAnalyzer an"_s,
                              u"RemoveFunction f"_s,
                              u"RemoveParam p"_s}));
        QVERIFY(ops.at(1).destructive);
        QCOMPARE(ops.at(1).forward, u"REMOVE TABLE t"_s);
        // Undoing a drop recreates the table with its fields, indexes and events.
        QCOMPARE(ops.at(1).backward,
                 u"DEFINE TABLE t TYPE ANY SCHEMAFULL PERMISSIONS NONE;\n"
                 "DEFINE FIELD address ON t TYPE object PERMISSIONS FULL;\n"
                 "DEFINE FIELD address.city ON t TYPE string PERMISSIONS FULL;\n"
                 "DEFINE FIELD name ON t TYPE string PERMISSIONS FULL;\n"
                 "DEFINE INDEX ft ON t FIELDS name FULLTEXT ANALYZER an BM25(1.2,0.75);\n"
                 "DEFINE EVENT e ON t WHEN true THEN (CREATE log)"_s);
    }

    void removalsWithinTables()
    {
        const auto ops = SchemaDiff::diff(schema(kFull), schema(u"DEFINE TABLE t SCHEMAFULL"_s));
        const QStringList names = describe(ops);
        QCOMPARE(names.mid(0, 5),
                 (QStringList{u"DropIndex t.ft"_s,
                              u"RemoveEvent t.e"_s,
                              u"RemoveField t.name"_s,
                              u"RemoveField t.address.city"_s,
                              u"RemoveField t.address"_s}));
        // Indexes go before the analyzer they use.
        QVERIFY(names.indexOf(u"DropIndex t.ft"_s) < names.indexOf(u"RemoveAnalyzer an"_s));
        QVERIFY(!ops.at(0).destructive); // an index holds no data
        QVERIFY(ops.at(2).destructive);  // a schemafull table loses the values
        QCOMPARE(ops.at(2).backward, u"DEFINE FIELD name ON t TYPE string PERMISSIONS FULL"_s);
    }

    void alterations()
    {
        const auto ops = SchemaDiff::diff(
            schema(u"DEFINE TABLE t; DEFINE FIELD a ON t TYPE int; DEFINE FIELD b ON t TYPE "
                   "string; DEFINE INDEX i ON t FIELDS a"_s),
            schema(u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD a ON t TYPE string; DEFINE FIELD b "
                   "ON t TYPE string COMMENT 'x'; DEFINE INDEX i ON t FIELDS a UNIQUE"_s));
        QCOMPARE(describe(ops),
                 (QStringList{u"AlterTable t"_s,
                              u"DropIndex t.i"_s,
                              u"AlterField t.a"_s,
                              u"AlterField t.b"_s,
                              u"CreateIndex t.i"_s}));
        QVERIFY(ops.at(0).destructive);
        QVERIFY(ops.at(0).reason.contains(u"SCHEMAFULL"));
        QCOMPARE(ops.at(0).forward,
                 u"DEFINE TABLE OVERWRITE t TYPE ANY SCHEMAFULL PERMISSIONS NONE"_s);
        QCOMPARE(ops.at(0).backward,
                 u"DEFINE TABLE OVERWRITE t TYPE ANY SCHEMALESS PERMISSIONS NONE"_s);
        // A changed index is removed before the fields change and defined again after them.
        QCOMPARE(ops.at(1).forward, u"REMOVE INDEX i ON t"_s);
        QCOMPARE(ops.at(1).backward, u"DEFINE INDEX i ON t FIELDS a"_s);
        QVERIFY(ops.at(2).destructive);
        QCOMPARE(ops.at(2).reason,
                 u"the type changes from int to string: existing records may not fit it"_s);
        QCOMPARE(ops.at(2).forward, u"DEFINE FIELD OVERWRITE a ON t TYPE string PERMISSIONS FULL"_s);
        QCOMPARE(ops.at(2).backward, u"DEFINE FIELD OVERWRITE a ON t TYPE int PERMISSIONS FULL"_s);
        QVERIFY(!ops.at(3).destructive);
        QCOMPARE(ops.at(4).forward, u"DEFINE INDEX i ON t FIELDS a UNIQUE"_s);
        QCOMPARE(ops.at(4).backward, u"REMOVE INDEX i ON t"_s);
    }

    // The server defines `tags.*` itself when `tags` becomes an array: no operation of its own,
    // and undoing the parent removes it again.
    void impliedFieldsFollowTheirParent()
    {
        auto ops = SchemaDiff::diff(schema(u"DEFINE TABLE t"_s),
                                    schema(u"DEFINE TABLE t; DEFINE FIELD tags ON t TYPE "
                                           "array<array<string>>"_s));
        QCOMPARE(describe(ops), QStringList{u"AddField t.tags"_s});
        QCOMPARE(ops.front().backward,
                 u"REMOVE FIELD tags.*.* ON t;\nREMOVE FIELD tags.* ON t;\nREMOVE FIELD tags ON t"_s);
        // Back to a plain type: the stale `tags.*` definitions are removed first (the server
        // checks nested fields against their parent), and come back with the parent when undone.
        ops = SchemaDiff::diff(schema(u"DEFINE FIELD tags ON t TYPE array<array<string>>"_s),
                               schema(u"DEFINE FIELD tags ON t TYPE string"_s));
        QCOMPARE(describe(ops),
                 (QStringList{u"RemoveField t.tags.*.*"_s,
                              u"RemoveField t.tags.*"_s,
                              u"AlterField t.tags"_s}));
        QVERIFY(ops.at(0).backward.isEmpty());
        QVERIFY(ops.at(1).backward.isEmpty());
        QCOMPARE(SchemaDiff::backwardScript(ops),
                 u"DEFINE FIELD OVERWRITE tags ON t TYPE array<array<string>> PERMISSIONS FULL;\n"_s);
        // A relation's in/out come with the table.
        ops = SchemaDiff::diff(Schema(), schema(u"DEFINE TABLE r TYPE RELATION IN a OUT b"_s));
        QCOMPARE(describe(ops), QStringList{u"CreateTable r"_s});
    }

    // The server keeps a view tied to its old source after OVERWRITE: a changed view is removed
    // and defined again.
    void changedViewIsRedefined()
    {
        const auto ops
            = SchemaDiff::diff(schema(u"DEFINE TABLE a; DEFINE TABLE v AS SELECT * FROM a"_s),
                               schema(u"DEFINE TABLE b; DEFINE TABLE v AS SELECT * FROM b"_s));
        QCOMPARE(describe(ops),
                 (QStringList{u"CreateTable b"_s, u"AlterTable v"_s, u"DropTable a"_s}));
        QCOMPARE(ops.at(1).forward,
                 u"REMOVE TABLE v;\nDEFINE TABLE v TYPE ANY SCHEMALESS AS SELECT * FROM b "
                 "PERMISSIONS NONE"_s);
        QCOMPARE(ops.at(1).backward,
                 u"REMOVE TABLE v;\nDEFINE TABLE v TYPE ANY SCHEMALESS AS SELECT * FROM a "
                 "PERMISSIONS NONE"_s);
        QVERIFY(!ops.at(1).destructive);
    }

    void secretsCannotComeBack()
    {
        const auto ops = SchemaDiff::diff(
            schema(u"DEFINE ACCESS j ON DATABASE TYPE JWT ALGORITHM HS256 KEY 'k'; DEFINE ACCESS "
                   "p ON DATABASE TYPE JWT ALGORITHM RS256 KEY 'public'"_s),
            Schema());
        QCOMPARE(ops.size(), 2);
        QVERIFY(ops.at(0).destructive);
        QVERIFY(!ops.at(1).destructive);
    }

    void scripts()
    {
        const auto ops = SchemaDiff::diff(schema(u"DEFINE TABLE a"_s), schema(u"DEFINE TABLE b"_s));
        QCOMPARE(SchemaDiff::forwardScript(ops),
                 u"DEFINE TABLE b TYPE ANY SCHEMALESS PERMISSIONS NONE;\nREMOVE TABLE a;\n"_s);
        QCOMPARE(SchemaDiff::backwardScript(ops),
                 u"DEFINE TABLE a TYPE ANY SCHEMALESS PERMISSIONS NONE;\nREMOVE TABLE b;\n"_s);
    }
};

QTEST_GUILESS_MAIN(tst_SchemaDiff)
#include "tst_schema_diff.moc"

// Every operation's SurrealQL both ways (the diff's, RenameField, RunSurql, an AlterField with a
// conversion) and the type checks that guard a changed type.

#include <surrealqt/migrations/Migration.h>
#include <surrealqt/migrations/MigrationScript.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/migrations/TypeCheck.h>
#include <surrealqt/schema/SchemaParser.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;
using Type = SchemaOperation::Type;

namespace {

Schema schema(const QString &text)
{
    SchemaParseError error;
    auto parsed = SchemaParser::parse(text, &error);
    if (!parsed)
        qWarning().noquote() << error.message();
    return parsed.value_or(Schema());
}

const SchemaOperation *find(const QList<SchemaOperation> &ops, Type type, const QString &name)
{
    for (const SchemaOperation &op : ops) {
        if (op.type == type && op.name == name)
            return &op;
    }
    return nullptr;
}

} // namespace

class tst_MigrationOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDiffOperationBothWays_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("forward");
        QTest::addColumn<QString>("backward");
        QTest::addColumn<bool>("destructive");

        const QString t = u"DEFINE TABLE t SCHEMAFULL;"_s;
        QTest::newRow("CreateTable")
            << QString() << u"DEFINE TABLE `a-b` SCHEMALESS"_s << int(Type::CreateTable) << u"a-b"_s
            << u"DEFINE TABLE `a-b` TYPE ANY SCHEMALESS PERMISSIONS NONE"_s
            << u"REMOVE TABLE `a-b`"_s << false;
        QTest::newRow("DropTable")
            << t << QString() << int(Type::DropTable) << u"t"_s << u"REMOVE TABLE t"_s
            << u"DEFINE TABLE t TYPE ANY SCHEMAFULL PERMISSIONS NONE"_s << true;
        QTest::newRow("AlterTable")
            << t << u"DEFINE TABLE t SCHEMALESS"_s << int(Type::AlterTable) << u"t"_s
            << u"DEFINE TABLE OVERWRITE t TYPE ANY SCHEMALESS PERMISSIONS NONE"_s
            << u"DEFINE TABLE OVERWRITE t TYPE ANY SCHEMAFULL PERMISSIONS NONE"_s << false;
        QTest::newRow("AddField") << t << t + u"DEFINE FIELD `first name` ON t TYPE string"_s
                                  << int(Type::AddField) << u"`first name`"_s
                                  << u"DEFINE FIELD `first name` ON t TYPE string PERMISSIONS FULL"_s
                                  << u"REMOVE FIELD `first name` ON t;\nUPDATE t UNSET `first name`"_s
                                  << true; // required
        QTest::newRow("AlterField")
            << t + u"DEFINE FIELD age ON t TYPE int"_s << t + u"DEFINE FIELD age ON t TYPE string"_s
            << int(Type::AlterField) << u"age"_s
            << u"DEFINE FIELD OVERWRITE age ON t TYPE string PERMISSIONS FULL"_s
            << u"DEFINE FIELD OVERWRITE age ON t TYPE int PERMISSIONS FULL"_s << true;
        QTest::newRow("RemoveField")
            << t + u"DEFINE FIELD age ON t TYPE int"_s << t << int(Type::RemoveField) << u"age"_s
            << u"REMOVE FIELD age ON t;\nUPDATE t UNSET age"_s
            << u"DEFINE FIELD age ON t TYPE int PERMISSIONS FULL"_s << true;
        QTest::newRow("RemoveField schemaless")
            << u"DEFINE FIELD age ON t TYPE int"_s << QString() + u"DEFINE TABLE t"_s
            << int(Type::RemoveField) << u"age"_s << u"REMOVE FIELD age ON t"_s
            << u"DEFINE FIELD age ON t TYPE int PERMISSIONS FULL"_s << false;
        QTest::newRow("CreateIndex")
            << t + u"DEFINE FIELD a ON t TYPE int"_s
            << t + u"DEFINE FIELD a ON t TYPE int; DEFINE INDEX i ON t FIELDS a UNIQUE"_s
            << int(Type::CreateIndex) << u"i"_s << u"DEFINE INDEX i ON t FIELDS a UNIQUE"_s
            << u"REMOVE INDEX i ON t"_s << false;
        QTest::newRow("DropIndex")
            << t + u"DEFINE INDEX i ON t FIELDS a"_s << t << int(Type::DropIndex) << u"i"_s
            << u"REMOVE INDEX i ON t"_s << u"DEFINE INDEX i ON t FIELDS a"_s << false;
        QTest::newRow("DefineEvent")
            << t << t + u"DEFINE EVENT e ON t THEN (CREATE log)"_s << int(Type::DefineEvent)
            << u"e"_s << u"DEFINE EVENT e ON t WHEN true THEN (CREATE log)"_s
            << u"REMOVE EVENT e ON t"_s << false;
        QTest::newRow("RemoveEvent")
            << t + u"DEFINE EVENT e ON t THEN (CREATE log)"_s << t << int(Type::RemoveEvent)
            << u"e"_s << u"REMOVE EVENT e ON t"_s
            << u"DEFINE EVENT e ON t WHEN true THEN (CREATE log)"_s << false;
        QTest::newRow("DefineAccess")
            << QString() << u"DEFINE ACCESS a ON DATABASE TYPE JWT URL 'u'"_s
            << int(Type::DefineAccess) << u"a"_s
            << u"DEFINE ACCESS a ON DATABASE TYPE JWT URL 'u' DURATION FOR SESSION NONE"_s
            << u"REMOVE ACCESS a ON DATABASE"_s << false;
        QTest::newRow("RemoveAccess")
            << u"DEFINE ACCESS a ON DATABASE TYPE JWT URL 'u'"_s << QString()
            << int(Type::RemoveAccess) << u"a"_s << u"REMOVE ACCESS a ON DATABASE"_s
            << u"DEFINE ACCESS a ON DATABASE TYPE JWT URL 'u' DURATION FOR SESSION NONE"_s << false;
        QTest::newRow("DefineAnalyzer")
            << QString() << u"DEFINE ANALYZER an TOKENIZERS blank"_s << int(Type::DefineAnalyzer)
            << u"an"_s << u"DEFINE ANALYZER an TOKENIZERS BLANK"_s << u"REMOVE ANALYZER an"_s
            << false;
        QTest::newRow("RemoveAnalyzer")
            << u"DEFINE ANALYZER an TOKENIZERS blank"_s << QString() << int(Type::RemoveAnalyzer)
            << u"an"_s << u"REMOVE ANALYZER an"_s << u"DEFINE ANALYZER an TOKENIZERS BLANK"_s
            << false;
        QTest::newRow("DefineFunction")
            << QString() << u"DEFINE FUNCTION fn::a::b() { RETURN 1 }"_s
            << int(Type::DefineFunction) << u"a::b"_s
            << u"DEFINE FUNCTION fn::a::b() { RETURN 1 } PERMISSIONS FULL"_s
            << u"REMOVE FUNCTION fn::a::b"_s << false;
        QTest::newRow("RemoveFunction")
            << u"DEFINE FUNCTION fn::f() { RETURN 1 }"_s << QString() << int(Type::RemoveFunction)
            << u"f"_s << u"REMOVE FUNCTION fn::f"_s
            << u"DEFINE FUNCTION fn::f() { RETURN 1 } PERMISSIONS FULL"_s << false;
        QTest::newRow("DefineParam")
            << QString() << u"DEFINE PARAM $p VALUE 'x;y'"_s << int(Type::DefineParam) << u"p"_s
            << u"DEFINE PARAM $p VALUE 'x;y' PERMISSIONS FULL"_s << u"REMOVE PARAM $p"_s << false;
        QTest::newRow("RemoveParam")
            << u"DEFINE PARAM $p VALUE 1"_s << QString() << int(Type::RemoveParam) << u"p"_s
            << u"REMOVE PARAM $p"_s << u"DEFINE PARAM $p VALUE 1 PERMISSIONS FULL"_s << false;
    }

    void everyDiffOperationBothWays()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, type);
        QFETCH(QString, name);
        const auto ops = SchemaDiff::diff(schema(from), schema(to));
        const SchemaOperation *op = find(ops, Type(type), name);
        QVERIFY2(op, qPrintable(SchemaDiff::forwardScript(ops)));
        QTEST(op->forward, "forward");
        QTEST(op->backward, "backward");
        QTEST(op->destructive, "destructive");
        if (op->destructive)
            QVERIFY(!op->reason.isEmpty());
        QCOMPARE(SchemaOperation::typeFromName(SchemaOperation::typeName(op->type)), op->type);
    }

    void alterFieldCarriesTheNewKindAndConversion()
    {
        const auto ops = SchemaDiff::diff(schema(u"DEFINE FIELD age ON t TYPE int"_s),
                                          schema(u"DEFINE FIELD age ON t TYPE string"_s));
        QCOMPARE(ops.size(), 1);
        SchemaOperation op = ops.front();
        QCOMPARE(op.kind, u"string"_s);
        QCOMPARE(op.fieldPath, QStringList{u"age"_s});
        QVERIFY(op.reason.contains(u"from int to string"_s));
        QCOMPARE(op.forwardWithConversion(), op.forward);
        op.convert = u"<string> age"_s;
        QCOMPARE(op.forwardWithConversion(),
                 op.forward + u";\nUPDATE t SET age = <string> age WHERE age != NONE"_s);
        // A clause change that keeps the type is not destructive and has no kind to check.
        const auto same = SchemaDiff::diff(schema(u"DEFINE FIELD age ON t TYPE int"_s),
                                           schema(u"DEFINE FIELD age ON t TYPE int COMMENT 'x'"_s));
        QCOMPARE(same.size(), 1);
        QVERIFY(!same.front().destructive);
        QVERIFY(same.front().kind.isEmpty());
        QVERIFY(TypeCheck::guard(same.front()).isEmpty());
    }

    void requiredFieldOnExistingTableIsFilledOrChecked()
    {
        const Schema from = schema(u"DEFINE TABLE t SCHEMAFULL"_s);
        auto ops = SchemaDiff::diff(
            from,
            schema(
                u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD tags ON t TYPE array<string> DEFAULT []"_s));
        QCOMPARE(ops.size(), 1);
        QVERIFY(!ops.front().destructive);
        QCOMPARE(ops.front().convert, u"[]"_s);
        QCOMPARE(ops.front().forwardWithConversion(),
                 ops.front().forward + u";\nUPDATE t SET tags = [] WHERE tags == NONE"_s);
        QVERIFY(TypeCheck::guard(ops.front()).contains(u"give the AddField a \"convert\""_s));
        // Without a DEFAULT: destructive, checked by the executor.
        ops = SchemaDiff::diff(from,
                               schema(u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD n ON t TYPE int"_s));
        QCOMPARE(ops.size(), 1);
        QVERIFY(ops.front().destructive);
        QCOMPARE(ops.front().kind, u"int"_s);
        QVERIFY(ops.front().convert.isEmpty());
        // An optional field, or a field of a new table, needs neither.
        ops = SchemaDiff::diff(
            from, schema(u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD n ON t TYPE option<int>"_s));
        QVERIFY(ops.front().kind.isEmpty() && !ops.front().destructive);
        ops = SchemaDiff::diff(Schema(),
                               schema(u"DEFINE TABLE t SCHEMAFULL; DEFINE FIELD n ON t TYPE int"_s));
        QVERIFY(ops.at(1).kind.isEmpty() && !ops.at(1).destructive);
    }

    void renameFieldCopiesTheData()
    {
        const Schema from = schema(
            u"DEFINE TABLE `a⟩b` SCHEMAFULL; DEFINE FIELD name ON `a⟩b` TYPE string"_s);
        const Schema to = schema(
            u"DEFINE TABLE `a⟩b` SCHEMAFULL; DEFINE FIELD `full name` ON `a⟩b` TYPE string"_s);
        QString error;
        const auto ops = SchemaDiff::diff(from, to, {{u"a⟩b"_s, u"name"_s, u"full name"_s}}, &error);
        QVERIFY2(ops, qPrintable(error));
        QCOMPARE(ops->size(), 1);
        const SchemaOperation &op = ops->front();
        QCOMPARE(op.type, Type::RenameField);
        QVERIFY(!op.destructive);
        QCOMPARE(op.forward,
                 u"DEFINE FIELD `full name` ON `a⟩b` TYPE string PERMISSIONS FULL;\n"
                 "UPDATE `a⟩b` SET `full name` = name WHERE name != NONE;\n"
                 "REMOVE FIELD name ON `a⟩b`;\n"
                 "UPDATE `a⟩b` UNSET name"_s);
        QCOMPARE(op.backward,
                 u"DEFINE FIELD name ON `a⟩b` TYPE string PERMISSIONS FULL;\n"
                 "UPDATE `a⟩b` SET name = `full name` WHERE `full name` != NONE;\n"
                 "REMOVE FIELD `full name` ON `a⟩b`;\n"
                 "UPDATE `a⟩b` UNSET `full name`"_s);
        // Without the rename: a destructive removal and an addition.
        const auto plain = SchemaDiff::diff(from, to);
        QCOMPARE(plain.size(), 2);
        QVERIFY(plain.at(1).destructive);
        // A rename that the diff does not support is refused with the reason.
        QVERIFY(!SchemaDiff::diff(from, to, {{u"a⟩b"_s, u"nope"_s, u"x"_s}}, &error));
        QVERIFY(error.contains(u"nope"_s));
    }

    void runSurql()
    {
        const SchemaOperation op = SchemaOperation::runSurql(u"UPDATE t SET a = 1"_s,
                                                             u"UPDATE t UNSET a"_s,
                                                             u"fill a"_s);
        QCOMPARE(op.type, Type::RunSurql);
        QCOMPARE(op.description(), u"RunSurql fill a"_s);
        Migration migration;
        migration.name = u"0001_x"_s;
        migration.operations = {op};
        QCOMPARE(MigrationScript::operations(migration, MigrationScript::Direction::Forward),
                 u"-- RunSurql fill a\nUPDATE t SET a = 1;\n"_s);
        QCOMPARE(MigrationScript::operations(migration, MigrationScript::Direction::Backward),
                 u"-- RunSurql fill a\nUPDATE t UNSET a;\n"_s);
    }

    void transactionWrapsOperationsChecksAndHistory()
    {
        Migration migration;
        migration.name = u"0002_age"_s;
        migration.operations = SchemaDiff::diff(schema(u"DEFINE FIELD age ON t TYPE int"_s),
                                                schema(u"DEFINE FIELD age ON t TYPE string; "
                                                       "DEFINE FIELD b ON t TYPE int"_s));
        const QString forward = MigrationScript::transaction(migration,
                                                             MigrationScript::Direction::Forward);
        QVERIFY(forward.startsWith(u"BEGIN TRANSACTION;\n"_s));
        QVERIFY(forward.endsWith(u"COMMIT TRANSACTION;\n"_s));
        // The check follows the AlterField, before the next operation.
        const qsizetype alter = forward.indexOf(u"DEFINE FIELD OVERWRITE age"_s);
        const qsizetype check = forward.indexOf(u"LET $surrealqt_misfits"_s);
        const qsizetype next = forward.indexOf(u"DEFINE FIELD b"_s);
        QVERIFY(alter > 0 && check > alter && next > check);
        QVERIFY(forward.contains(u"CREATE type::record('surrealqt_migrations', $surrealqt_name)"_s));
        // With a RunSurql after it, the check moves to the end (the RunSurql may convert).
        migration.operations.append(
            SchemaOperation::runSurql(u"UPDATE t SET age = <string> age"_s, {}));
        const QString withData = MigrationScript::transaction(migration,
                                                              MigrationScript::Direction::Forward);
        QVERIFY(withData.indexOf(u"LET $surrealqt_misfits"_s)
                > withData.indexOf(u"UPDATE t SET age = <string> age"_s));
        const QString backward = MigrationScript::transaction(migration,
                                                              MigrationScript::Direction::Backward);
        QVERIFY(!backward.contains(u"surrealqt_misfits"_s));
        QVERIFY(
            backward.contains(u"DELETE type::record('surrealqt_migrations', $surrealqt_name)"_s));
        // Backward runs in reverse order.
        QVERIFY(backward.indexOf(u"REMOVE FIELD b ON t"_s)
                < backward.indexOf(u"DEFINE FIELD OVERWRITE age ON t TYPE int"_s));
    }

    void typePredicates_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("predicate");
        QTest::newRow("int") << u"int"_s
                             << u"(type::is_int(v) OR (type::is_number(v) AND v == math::floor(v)))"_s;
        QTest::newRow("float") << u"float"_s << u"type::is_number(v)"_s;
        QTest::newRow("option") << u"option<string>"_s
                                << u"(type::is_none(v) OR type::is_string(v))"_s;
        QTest::newRow("record") << u"record<user | `a'b`>"_s
                                << u"(type::is_record(v) AND record::tb(v) IN ['user', \"a'b\"])"_s;
        QTest::newRow("array") << u"array<bool, 3>"_s
                               << u"(type::is_array(v) AND array::len(<array> v) <= 3 AND "
                                  "(<array> v).all(|$surrealqt_v0| type::is_bool($surrealqt_v0)))"_s;
        QTest::newRow("literal") << u"'a' | 'b'"_s << u"(v == 'a' OR v == 'b')"_s;
        QTest::newRow("object literal")
            << u"{ a: int, b: string }"_s
            << u"(type::is_object(v) AND (type::is_int(v.a) OR (type::is_number(v.a) AND v.a == "
               "math::floor(v.a))) AND type::is_string(v.b))"_s;
        QTest::newRow("any") << u"any"_s << u"true"_s;
        QTest::newRow("point") << u"geometry<point>"_s << u"type::is_point(v)"_s;
    }

    void typePredicates()
    {
        QFETCH(QString, kind);
        const auto parsed = FieldKind::parse(kind);
        QVERIFY(parsed);
        QTEST(TypeCheck::fitsPredicate(*parsed, u"v"_s), "predicate");
    }

    void misfitCountWalksNestedPaths()
    {
        const auto kind = FieldKind::parse(u"int"_s);
        QCOMPARE(TypeCheck::misfitCount(u"select"_s, {u"tags"_s, u"*"_s, u"n"_s}, *kind),
                 u"(SELECT count() AS n FROM `select` WHERE !((!type::is_array(tags) OR "
                 "tags.all(|$surrealqt_v0| (type::is_int($surrealqt_v0.n) OR "
                 "(type::is_number($surrealqt_v0.n) AND $surrealqt_v0.n == "
                 "math::floor($surrealqt_v0.n)))))) GROUP ALL)[0].n ?? 0"_s);
    }
};

QTEST_GUILESS_MAIN(tst_MigrationOperations)
#include "tst_migration_operations.moc"

// MigrationState: replaying migrations rebuilds the schema they reach, without a server.

#include <surrealqt/migrations/MigrationState.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SchemaPrinter.h>

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

Migration migrationBetween(const Schema &from, const Schema &to, int number)
{
    Migration m;
    m.name = Migration::fileStem(number, u"step"_s);
    m.operations = SchemaDiff::diff(from, to);
    return m;
}

const QString kV1 = u"DEFINE ANALYZER an TOKENIZERS blank; DEFINE PARAM $p VALUE 1; "
                    "DEFINE FUNCTION fn::f::g($a: int) { RETURN $a; }; "
                    "DEFINE ACCESS acc ON DATABASE TYPE JWT URL 'u'; "
                    "DEFINE USER u ON DATABASE PASSHASH 'h'; "
                    "DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string; "
                    "DEFINE FIELD tags ON person TYPE array<string>; "
                    "DEFINE FIELD address ON person TYPE object; "
                    "DEFINE FIELD address.city ON person TYPE string; "
                    "DEFINE INDEX ft ON person FIELDS name FULLTEXT ANALYZER an; "
                    "DEFINE EVENT e ON person THEN (CREATE log); "
                    "DEFINE TABLE `likes ⟩` TYPE RELATION IN person OUT person"_s;
const QString kV2 = u"DEFINE PARAM $p VALUE 2; DEFINE TABLE person SCHEMALESS; "
                    "DEFINE FIELD `full name` ON person TYPE option<string>; "
                    "DEFINE FIELD tags ON person TYPE set<int>; "
                    "DEFINE INDEX n ON person FIELDS `full name` UNIQUE; "
                    "DEFINE TABLE v AS SELECT count() FROM person GROUP ALL"_s;

} // namespace

class tst_MigrationState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayReachesEachStep()
    {
        const Schema v1 = schema(kV1);
        const Schema v2 = schema(kV2);
        const QList<Migration> migrations{migrationBetween(Schema(), v1, 1),
                                          migrationBetween(v1, v2, 2),
                                          migrationBetween(v2, Schema(), 3)};
        QString error;
        for (qsizetype count = 0; count <= migrations.size(); ++count) {
            const auto state = MigrationState::replay(migrations, count, &error);
            QVERIFY2(state, qPrintable(error));
            const Schema expected = count == 1 ? v1 : count == 2 ? v2 : Schema();
            // Equal as the diff sees them: nothing to do between the state and the step.
            const auto left = SchemaDiff::diff(*state, expected);
            QVERIFY2(left.isEmpty(),
                     qPrintable(u"after %1: "_s.arg(count) + SchemaDiff::forwardScript(left)));
        }
    }

    void removeStatements()
    {
        Schema s = schema(kV1);
        QString error;
        QVERIFY2(MigrationState::apply(s,
                                       u"REMOVE FIELD address.city ON person; REMOVE INDEX ft ON "
                                       "person; REMOVE EVENT IF EXISTS e ON TABLE person; REMOVE "
                                       "FUNCTION fn::f::g; REMOVE PARAM $p; REMOVE ANALYZER an; "
                                       "REMOVE ACCESS acc ON DATABASE; REMOVE USER u ON DATABASE; "
                                       "REMOVE TABLE `likes ⟩`; UPDATE person SET a = 1"_s,
                                       &error),
                 qPrintable(error));
        const TableDef *person = s.table(u"person"_s);
        QVERIFY(person);
        QVERIFY(person->field({u"address"_s}));
        QVERIFY(!person->field({u"address"_s, u"city"_s}));
        QVERIFY(person->indexes.isEmpty());
        QVERIFY(person->events.isEmpty());
        QVERIFY(s.functions.isEmpty() && s.params.isEmpty() && s.analyzers.isEmpty());
        QVERIFY(s.accesses.isEmpty() && s.users.isEmpty());
        QVERIFY(!s.table(u"likes ⟩"_s));
    }

    void badStatementNamesMigrationAndChangesNothing()
    {
        Migration broken;
        broken.name = u"0002_broken"_s;
        broken.operations.append(
            SchemaOperation::runSurql(u"DEFINE TABLE ok; DEFINE FIELD FROM nowhere"_s, {}));
        Schema before = schema(kV1);
        Schema s = before;
        QString error;
        QVERIFY(!MigrationState::apply(s, broken.operations.front().forward, &error));
        QCOMPARE(s, before);
        QVERIFY(
            !MigrationState::replay({migrationBetween(Schema(), before, 1), broken}, -1, &error));
        QVERIFY2(error.startsWith(u"0002_broken, operation 1 (RunSurql): cannot read"_s),
                 qPrintable(error));
    }

    void statementsSplitOutsideBlocksAndStrings()
    {
        QCOMPARE(MigrationState::statements(
                     u"DEFINE FUNCTION fn::a() { LET $x = ';'; RETURN $x; }; -- c;\nUPDATE t SET "
                     "a = \"b;c\";\n\n"_s),
                 (QStringList{u"DEFINE FUNCTION fn::a() { LET $x = ';'; RETURN $x; }"_s,
                              u"UPDATE t SET a = \"b;c\""_s}));
    }
};

QTEST_GUILESS_MAIN(tst_MigrationState)
#include "tst_migration_state.moc"

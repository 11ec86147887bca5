// Migration files: stable JSON, round trip, and clear errors that change nothing for corrupt
// files, unknown versions and broken dependencies.

#include <surrealqt/migrations/Migration.h>
#include <surrealqt/migrations/MigrationSet.h>
#include <surrealqt/migrations/MigrationStatus.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaParser.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

namespace {

Migration sample()
{
    Migration m;
    m.name = u"0001_initial"_s;
    const auto to = SchemaParser::parse(
        u"DEFINE TABLE `hostile ⟩ 'name\";` SCHEMAFULL; DEFINE FIELD `emoji 🎉` ON `hostile ⟩ "
        "'name\";` TYPE string DEFAULT 'a\\'b;c'; DEFINE FUNCTION fn::f() { LET $a = 1; RETURN "
        "$a; }"_s);
    m.operations = SchemaDiff::diff(Schema(), *to);
    SchemaOperation alter;
    alter.type = SchemaOperation::Type::AlterField;
    alter.table = u"t"_s;
    alter.name = u"age"_s;
    alter.fieldPath = {u"age"_s};
    alter.forward = u"DEFINE FIELD OVERWRITE age ON t TYPE string"_s;
    alter.backward = u"DEFINE FIELD OVERWRITE age ON t TYPE int"_s;
    alter.destructive = true;
    alter.reason = u"the type changes"_s;
    alter.kind = u"string"_s;
    alter.convert = u"<string> age"_s;
    m.operations.append(alter);
    m.operations.append(SchemaOperation::runSurql(u"UPDATE t SET x = 1"_s, u"UPDATE t UNSET x"_s));
    return m;
}

// An empty migration after `previous`.
Migration after(const Migration &previous, const QString &name)
{
    Migration next;
    next.name = name;
    next.dependencies = {previous.name};
    return next;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_MigrationFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripAndStableBytes()
    {
        QTemporaryDir dir;
        Migration m = sample();
        QString error;
        QVERIFY2(m.writeTo(dir.path(), &error), qPrintable(error));
        QCOMPARE(m.fileName, dir.filePath(u"0001_initial.json"_s));
        const auto read = Migration::readFile(m.fileName, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->name, m.name);
        QCOMPARE(read->operations, m.operations);
        QCOMPARE(read->checksum(), m.checksum());
        QCOMPARE(read->checksum().size(), 64);
        // The same migration writes the same bytes: sorted keys, indented.
        QCOMPARE(read->toJson(), m.content);
        QVERIFY(m.content.contains("\n    \"format\": 1,\n"));
        const qsizetype backward = m.content.indexOf("\"backward\"");
        const qsizetype forward = m.content.indexOf("\"forward\"");
        QVERIFY(backward > 0 && forward > backward);
        // Never over an existing file.
        QVERIFY(!m.writeTo(dir.path(), &error));
        QVERIFY(error.contains(u"already exists"_s));
    }

    void fileStems()
    {
        QCOMPARE(Migration::fileStem(3, u"Add person age!"_s), u"0003_add_person_age"_s);
        QCOMPARE(Migration::fileStem(12, u"⟩;"_s), u"0012_migration"_s);
        Migration m;
        m.name = u"0042_x"_s;
        QCOMPARE(m.number(), 42);
    }

    void badFilesGiveClearErrors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\n  \"format\": 1,\n  oops\n}")
                                  << u"not valid JSON at line 3"_s;
        QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[]") << u"top level must be a JSON object"_s;
        QTest::newRow("no version")
            << QByteArray(R"({"name": "0001_x", "operations": []})") << u"no \"format\" version"_s;
        QTest::newRow("unknown version")
            << QByteArray(R"({"format": 7, "name": "0001_x", "operations": []})")
            << u"unknown format version 7"_s;
        QTest::newRow("unknown type") << QByteArray(
            R"({"format": 1, "name": "0001_x", "operations": [{"type": "Boom", "forward": "", "backward": ""}]})")
                                      << u"operation 1: unknown type \"Boom\""_s;
        QTest::newRow("forward not a string") << QByteArray(
            R"({"format": 1, "name": "0001_x", "operations": [{"type": "RunSurql", "forward": 3, "backward": ""}]})")
                                              << u"operation 1: \"forward\" must be a string"_s;
        QTest::newRow("wrong name")
            << QByteArray(R"({"format": 1, "name": "0009_other", "operations": []})")
            << u"not the file's name"_s;
        QTest::newRow("truncated") << sample().toJson().left(200) << u"not valid JSON"_s;
    }

    void badFilesGiveClearErrors()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        Migration good = sample();
        QVERIFY(good.writeTo(dir.path()));
        const QString path = dir.filePath(u"0002_bad.json"_s);
        QVERIFY(write(path, content));
        QString error;
        QVERIFY(!Migration::readFile(path, &error));
        QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
        QVERIFY2(error.contains(message), qPrintable(error));
        // The folder as a whole does not load, and nothing changed on disk.
        QString setError;
        QVERIFY(!MigrationSet::load(dir.path(), &setError));
        QCOMPARE(setError, error);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
    }

    void unreadableFile()
    {
        QString error;
        QVERIFY(!Migration::readFile(u"/nonexistent/0001_x.json"_s, &error));
        QVERIFY(error.startsWith(u"/nonexistent/0001_x.json: cannot read"_s));
    }

    void setOrderAndDependencies()
    {
        QTemporaryDir dir;
        QVERIFY(MigrationSet::load(dir.filePath(u"missing"_s))->isEmpty());
        Migration first = sample();
        QVERIFY(first.writeTo(dir.path()));
        Migration second = after(first, u"0002_second"_s);
        QVERIFY(second.writeTo(dir.path()));
        QVERIFY(write(dir.filePath(u"notes.json"_s), "not a migration")); // ignored
        QString error;
        auto set = MigrationSet::load(dir.path(), &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->migrations().size(), 2);
        QCOMPARE(set->migrations().at(1).name, u"0002_second"_s);
        QCOMPARE(set->indexOf(u"0002"_s), 1);
        QCOMPARE(set->indexOf(u"2"_s), 1);
        QCOMPARE(set->indexOf(u"0001_initial"_s), 0);
        QCOMPARE(set->indexOf(u"nope"_s), -1);
        QCOMPARE(set->nextNumber(), 3);

        Migration third;
        third.name = u"0003_third"_s;
        third.dependencies = {u"0004_later"_s};
        QVERIFY(third.writeTo(dir.path()));
        QVERIFY(!MigrationSet::load(dir.path(), &error));
        QVERIFY2(error.contains(u"0003_third.json: depends on \"0004_later\""_s), qPrintable(error));
    }

    void statusComparesFilesWithHistory()
    {
        QTemporaryDir dir;
        Migration first = sample();
        QVERIFY(first.writeTo(dir.path()));
        Migration second = after(first, u"0002_second"_s);
        QVERIFY(second.writeTo(dir.path()));
        Migration third = after(second, u"0003_third"_s);
        QVERIFY(third.writeTo(dir.path()));
        const auto set = MigrationSet::load(dir.path());
        QVERIFY(set);

        // 0001 applied as it is, 0002 applied from other bytes, 0003 pending, and one applied
        // migration whose file is gone.
        const QList<MigrationHistory::Entry>
            history{{first.name, first.checksum(), u"2026-01-01T00:00:00Z"_s},
                    {second.name, u"0000"_s, u"2026-01-02T00:00:00Z"_s},
                    {u"0000_gone"_s, u"1111"_s, u"2025-12-31T00:00:00Z"_s}};
        const QList<MigrationStatus::Entry> entries = MigrationStatus::compare(*set, history);
        QCOMPARE(entries.size(), 4);
        using State = MigrationStatus::State;
        QCOMPARE(entries.at(0).state, State::Applied);
        QCOMPARE(entries.at(0).appliedAt, u"2026-01-01T00:00:00Z"_s);
        QCOMPARE(entries.at(1).state, State::Changed);
        QCOMPARE(entries.at(2).state, State::Pending);
        QVERIFY(entries.at(2).appliedAt.isEmpty());
        QCOMPARE(entries.at(2).index, 2);
        QCOMPARE(entries.at(3).name, u"0000_gone"_s);
        QCOMPARE(entries.at(3).state, State::Orphaned);
        QCOMPARE(entries.at(3).index, -1);

        const QList<Migration> applied = MigrationStatus::applied(*set, entries);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied.at(1).name, second.name);
    }
};

QTEST_GUILESS_MAIN(tst_MigrationFiles)
#include "tst_migration_files.moc"

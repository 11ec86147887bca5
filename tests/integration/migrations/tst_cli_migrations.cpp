// The migration commands as a user runs them: the built `surrealqt` binary against the dev
// server, with INFO checked in-process after every step of a v1 → v2 → v3 → back scenario.

#include "MigrationTestSupport.h"

#include <surrealqt/migrations/MigrationCommands.h>

#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace SurrealQt::Test;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kV1 = u"DEFINE TABLE person SCHEMAFULL;\n"
                    "DEFINE FIELD name ON person TYPE string;\n"
                    "DEFINE FIELD age ON person TYPE option<int>;\n"
                    "DEFINE INDEX by_name ON person FIELDS name;\n"
                    "DEFINE TABLE `odd ⟩ 'name\";` SCHEMALESS;\n"_s;
const QString kV2
    = u"DEFINE TABLE person SCHEMAFULL;\n"
      "DEFINE FIELD full_name ON person TYPE string;\n"
      "DEFINE FIELD age ON person TYPE option<int>;\n"
      "DEFINE FIELD tags ON person TYPE array<string> DEFAULT [];\n"
      "DEFINE TABLE post SCHEMAFULL;\n"
      "DEFINE FIELD title ON post TYPE string;\n"
      "DEFINE ANALYZER words TOKENIZERS blank FILTERS lowercase;\n"
      "DEFINE INDEX title_search ON post FIELDS title FULLTEXT ANALYZER words BM25;\n"_s;
const QString kV3 = u"DEFINE TABLE person SCHEMAFULL;\n"
                    "DEFINE FIELD full_name ON person TYPE string;\n"
                    "DEFINE FIELD tags ON person TYPE array<string> DEFAULT [];\n"
                    "DEFINE EVENT audit ON person WHEN $event = 'CREATE' THEN (CREATE log SET at = "
                    "time::now());\n"
                    "DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hi ' + $name };\n"
                    "DEFINE PARAM $limit VALUE 10;\n"_s;

} // namespace

class tst_CliMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    std::unique_ptr<WebSocketConnection> m_connection;
    QString m_db = u"cli1"_s;

    QStringList connectionArgs() const
    {
        return {u"--endpoint"_s,
                serverUrl().toString(),
                u"--user"_s,
                u"root"_s,
                u"--pass"_s,
                u"root"_s,
                u"--ns"_s,
                u"climig"_s,
                u"--db"_s,
                m_db};
    }

    QString dir() const { return m_work.filePath(u"migrations"_s); }

    Run run(const QStringList &args, bool withConnection = true)
    {
        QProcess process;
        process.setWorkingDirectory(m_work.path());
        QStringList all = args;
        if (withConnection)
            all += connectionArgs();
        all += QStringList{u"--dir"_s, dir()};
        process.start(QStringLiteral(SURREALQT_CLI), all);
        if (!process.waitForStarted())
            return {};
        process.waitForFinished(60000);
        return {process.exitCode(),
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString writeSchema(const QString &name, const QString &text)
    {
        const QString path = m_work.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
        return path;
    }

    bool liveIs(const QString &surql)
    {
        const auto live = liveSchema(m_connection.get());
        const Schema expected = SchemaNormalizer::normalized(parseSchema(surql));
        if (live && *live == expected)
            return true;
        qWarning().noquote() << "live:\n"
                             << (live ? SchemaPrinter::print(*live, SchemaPrinter::Mode::Info)
                                      : u"(unreadable)"_s)
                             << "\nexpected:\n"
                             << SchemaPrinter::print(expected, SchemaPrinter::Mode::Info);
        return false;
    }

    static bool oneLine(const QString &text) { return text.trimmed().count(u'\n') == 0; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_connection = connectRoot(serverUrl());
        QVERIFY(m_connection);
        QVERIFY(useDatabase(m_connection.get(), u"climig"_s, m_db));
    }

    void cleanupTestCase() { m_connection.reset(); }

    void scenarioV1V2V3AndBack()
    {
        // v1: the first file, applied.
        Run r = run({u"makemigrations"_s, u"--schema"_s, writeSchema(u"v1.surql"_s, kV1)}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"0001_initial.json"_s));
        QVERIFY(r.out.contains(u"CreateTable person"_s));
        QVERIFY(QFile::exists(dir() + u"/0001_initial.json"_s));
        // The same schema again: nothing to write.
        r = run({u"makemigrations"_s, u"--schema"_s, m_work.filePath(u"v1.surql"_s)}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"No changes"_s));
        QCOMPARE(QDir(dir()).entryList(QDir::Files).size(), 1);

        r = run({u"status"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"[ ] 0001_initial"_s), qPrintable(r.out));

        r = run({u"migrate"_s, u"--dry-run"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"BEGIN TRANSACTION;"_s) && r.out.contains(u"DEFINE TABLE person"_s));
        QVERIFY(liveIs(QString()));

        r = run({u"migrate"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(u"Applying 0001_initial"_s));
        QVERIFY(liveIs(kV1));
        QCOMPARE(runSurql(m_connection.get(), u"CREATE person:ann SET name = 'Ann', age = 30"_s),
                 QString());

        // v2: a rename keeps the data; destructive operations are marked.
        r = run({u"makemigrations"_s,
                 u"--schema"_s,
                 writeSchema(u"v2.surql"_s, kV2),
                 u"--rename"_s,
                 u"person.name=full_name"_s,
                 u"--name"_s,
                 u"Second Step"_s},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"0002_second_step.json"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"RenameField person.name -> full_name"_s));
        QVERIFY2(r.out.contains(u"DropTable odd ⟩ 'name\";  [destructive: "_s), qPrintable(r.out));
        r = run({u"migrate"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(kV2));
        QCOMPARE(queryValue(m_connection.get(), u"SELECT VALUE full_name FROM person"_s),
                 QCborValue(QCborArray{u"Ann"_s}));

        // v3.
        r = run({u"makemigrations"_s, u"--schema"_s, writeSchema(u"v3.surql"_s, kV3)}, false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({u"migrate"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(kV3));
        r = run({u"status"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(u"[X] 0003_"_s));
        QVERIFY(r.out.contains(u"No drift"_s));

        // And back, one step at a time.
        r = run({u"rollback"_s, u"0002"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(u"Rolling back 0003_"_s));
        QVERIFY(liveIs(kV2));
        r = run({u"rollback"_s, u"0001_initial"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(kV1));
        QCOMPARE(queryValue(m_connection.get(), u"SELECT VALUE name FROM person"_s),
                 QCborValue(QCborArray{u"Ann"_s}));
        r = run({u"rollback"_s, u"zero"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(QString()));
        QCOMPARE(historyNames(m_connection.get()), QStringList());

        // Forward to a target, then fake the rest.
        r = run({u"migrate"_s, u"0002"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(kV2));
        r = run({u"migrate"_s, u"--fake"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(liveIs(kV2));
        QCOMPARE(historyNames(m_connection.get()).size(), 3);
        // Now the live schema drifts from the applied state (0003 was only faked).
        r = run({u"status"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"Drift"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"DefineFunction greet"_s)
                || r.out.contains(u"RemoveFunction greet"_s));
    }

    void sqlmigratePrintsAndRunsNothing()
    {
        Run r = run({u"sqlmigrate"_s, u"0002"_s}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"LET $surrealqt_name = '0002_second_step';"_s));
        QVERIFY(r.out.contains(u"UPDATE person SET full_name = name WHERE name != NONE;"_s));
        QVERIFY(r.out.trimmed().endsWith(u"COMMIT TRANSACTION;"_s));
        r = run({u"sqlmigrate"_s, u"0002"_s, u"--backwards"_s}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"UPDATE person SET name = full_name WHERE full_name != NONE;"_s));
        QVERIFY(r.out.contains(u"DELETE type::record('surrealqt_migrations', $surrealqt_name)"_s));
        r = run({u"sqlmigrate"_s, u"0099"_s}, false);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(oneLine(r.err));
        QVERIFY(r.err.contains(u"no migration named 0099"_s));
        r = run({u"sqlmigrate"_s}, false);
        QCOMPARE(r.exitCode, 2);
    }

    void inspectdbAndSchemadiff()
    {
        // The live schema is v2 (see the scenario).
        const QString out = m_work.filePath(u"live.surql"_s);
        Run r = run({u"inspectdb"_s, u"-o"_s, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(!text.contains(MigrationHistory::tableName()));
        QCOMPARE(SchemaNormalizer::normalized(parseSchema(text)), *liveSchema(m_connection.get()));
        r = run({u"inspectdb"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, text);

        r = run({u"schemadiff"_s, u"--schema"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"No differences"_s));
        r = run({u"schemadiff"_s, u"--schema"_s, m_work.filePath(u"v3.surql"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"DefineFunction greet"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"DEFINE FUNCTION fn::greet"_s));
        QVERIFY(liveIs(kV2)); // it changed nothing
    }

    void makemigrationsEmptyAndChangedFile()
    {
        Run r = run({u"makemigrations"_s, u"--empty"_s, u"--name"_s, u"data fix"_s}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(dir() + u"/0004_data_fix.json"_s));
        const auto empty = Migration::readFile(dir() + u"/0004_data_fix.json"_s);
        QVERIFY(empty && empty->operations.isEmpty());
        QCOMPARE(empty->dependencies,
                 QStringList{u"0003_"_s
                             + QDir(dir()).entryList({u"0003_*"_s}).front().mid(5).chopped(5)});
        QVERIFY(QFile::remove(dir() + u"/0004_data_fix.json"_s));

        // Edit an applied file: status reports the changed checksum.
        QFile file(dir() + u"/0001_initial.json"_s);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n");
        file.close();
        r = run({u"status"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(u"0001_initial"_s) && r.out.contains(u"CHANGED"_s),
                 qPrintable(r.out));
        r = run({u"migrate"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(u"warning: "_s)
                     && r.err.contains(u"0001_initial.json was changed"_s),
                 qPrintable(r.err));
    }

    void errorsAreOneLineWithExitCodes()
    {
        // A schema file with a syntax error: the line and column.
        Run r = run({u"makemigrations"_s,
                     u"--schema"_s,
                     writeSchema(u"bad.surql"_s, u"DEFINE TABLE a;\nDEFINE FIELD ON a;\n"_s)},
                    false);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(oneLine(r.err));
        QVERIFY2(r.err.contains(u"bad.surql: line 2, column 17: expected ON"_s), qPrintable(r.err));
        r = run({u"makemigrations"_s, u"--schema"_s, m_work.filePath(u"missing.surql"_s)}, false);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"missing.surql: cannot read"_s));
        // Usage errors.
        r = run({u"makemigrations"_s}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--schema"_s));
        r = run({u"makemigrations"_s,
                 u"--schema"_s,
                 m_work.filePath(u"v1.surql"_s),
                 u"--rename"_s,
                 u"nodot"_s},
                false);
        QCOMPARE(r.exitCode, 2);
        r = run({u"makemigrations"_s,
                 u"--schema"_s,
                 m_work.filePath(u"v1.surql"_s),
                 u"--rename"_s,
                 u"person.nope=other"_s},
                false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(oneLine(r.err));
        r = run({u"rollback"_s});
        QCOMPARE(r.exitCode, 2);
        r = run({u"migrate"_s, u"--bogus"_s});
        QCOMPARE(r.exitCode, 2);
        r = run({u"status"_s}, false); // no --ns/--db (and no environment)
        QCOMPARE(r.exitCode, 2);
        QVERIFY(oneLine(r.err));
        r = run({u"migrate"_s, u"0042"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"no migration named 0042"_s));

        // A corrupt migration file: the error names it, and nothing runs or changes.
        const auto before = liveSchema(m_connection.get());
        const QStringList historyBefore = historyNames(m_connection.get());
        QFile corrupt(dir() + u"/0005_corrupt.json"_s);
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write("{\"format\": 1, \"name\": \"0005_corrupt\", \"operations\": [");
        corrupt.close();
        for (const QString &command : {u"migrate"_s, u"status"_s, u"rollback"_s}) {
            r = run(command == u"rollback" ? QStringList{command, u"zero"_s} : QStringList{command});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(oneLine(r.err));
            QVERIFY2(r.err.contains(u"0005_corrupt.json: not valid JSON"_s), qPrintable(r.err));
        }
        QCOMPARE(liveSchema(m_connection.get()), before);
        QCOMPARE(historyNames(m_connection.get()), historyBefore);
        QFile unknown(dir() + u"/0005_corrupt.json"_s);
        QVERIFY(unknown.open(QIODevice::WriteOnly));
        unknown.write("{\"format\": 2, \"name\": \"0005_corrupt\", \"operations\": []}");
        unknown.close();
        r = run({u"makemigrations"_s, u"--schema"_s, m_work.filePath(u"v1.surql"_s)}, false);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"0005_corrupt.json: unknown format version 2"_s),
                 qPrintable(r.err));
        QVERIFY(QFile::remove(dir() + u"/0005_corrupt.json"_s));

        // No server there.
        QProcess process;
        process.start(QStringLiteral(SURREALQT_CLI),
                      {u"status"_s,
                       u"--endpoint"_s,
                       u"ws://127.0.0.1:1"_s,
                       u"--ns"_s,
                       u"a"_s,
                       u"--db"_s,
                       u"b"_s,
                       u"--dir"_s,
                       dir()});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(oneLine(QString::fromUtf8(process.readAllStandardError())));
    }

    // The entry point an application's own "manage" tool calls, with the schema of its models.
    void libraryEntryPointWithModels()
    {
        QTemporaryDir folder;
        const Schema models = parseSchema(u"DEFINE TABLE invoice SCHEMAFULL; DEFINE FIELD total "
                                          "ON invoice TYPE decimal"_s);
        const auto desired = [&] { return models; };
        QCOMPARE(runMigrationCommand({u"makemigrations"_s, u"--dir"_s, folder.path()}, desired), 0);
        const auto set = MigrationSet::load(folder.path());
        QVERIFY(set && set->migrations().size() == 1);
        QCOMPARE(set->migrations().front().name, u"0001_initial"_s);
        // Without models or --schema, it is a usage error.
        QCOMPARE(runMigrationCommand({u"makemigrations"_s, u"--dir"_s, folder.path()}), 2);
        QCOMPARE(runMigrationCommand({u"nonsense"_s}), 2);

        const QString db = u"models%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(useDatabase(m_connection.get(), u"climig"_s, db));
        const QStringList connection{u"--endpoint"_s,
                                     serverUrl().toString(),
                                     u"--user"_s,
                                     u"root"_s,
                                     u"--pass"_s,
                                     u"root"_s,
                                     u"--ns"_s,
                                     u"climig"_s,
                                     u"--db"_s,
                                     db,
                                     u"--dir"_s,
                                     folder.path()};
        QCOMPARE(runMigrationCommand(QStringList{u"schemadiff"_s} + connection, desired), 1);
        QCOMPARE(runMigrationCommand(QStringList{u"migrate"_s} + connection), 0);
        // The caller's event loop carries on afterwards (a new connection works).
        auto fresh = connectRoot(serverUrl());
        QVERIFY(fresh);
        QVERIFY(useDatabase(fresh.get(), u"climig"_s, db));
        QVERIFY(liveIs(SchemaPrinter::print(models)));
        QCOMPARE(runMigrationCommand(QStringList{u"schemadiff"_s} + connection, desired), 0);
        QVERIFY(useDatabase(m_connection.get(), u"climig"_s, m_db));
    }

    void helpAndMainDispatch()
    {
        Run r = run({u"migrate"_s, u"--help"_s}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"--fake"_s) && r.out.contains(u"--endpoint"_s)
                && r.out.contains(u"--dir"_s));
        QProcess process;
        process.start(QStringLiteral(SURREALQT_CLI), {u"--help"_s});
        QVERIFY(process.waitForFinished(30000));
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        for (const QString &command : {u"makemigrations"_s,
                                       u"migrate"_s,
                                       u"rollback"_s,
                                       u"sqlmigrate"_s,
                                       u"status"_s,
                                       u"inspectdb"_s,
                                       u"schemadiff"_s})
            QVERIFY2(help.contains(command), qPrintable(command));
    }
};

QTEST_GUILESS_MAIN(tst_CliMigrations)
#include "tst_cli_migrations.moc"

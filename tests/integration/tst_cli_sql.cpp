// `surrealqt sql` as a user runs it: a real process against the dev server.

#include "../common/TestSupport.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kHostile = QStringLiteral("'; REMOVE DATABASE cli; -- \"⟩` \\u0000? 🦀");

} // namespace

class tst_CliSql : public QObject
{
    Q_OBJECT

private:
    QStringList connectionArgs() const
    {
        return {QStringLiteral("--endpoint"),
                SurrealQt::Test::serverUrl().toString(),
                QStringLiteral("--user"),
                QStringLiteral("root"),
                QStringLiteral("--pass"),
                QStringLiteral("root"),
                QStringLiteral("--ns"),
                QStringLiteral("cli"),
                QStringLiteral("--db"),
                QStringLiteral("cli")};
    }

    Run run(const QStringList &args,
            const QByteArray &input = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(SURREALQT_CLI), QStringList{QStringLiteral("sql")} + args);
        if (!process.waitForStarted())
            return {};
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(30000);
        return {process.exitCode(),
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void bindsVariablesAndPrintsJson()
    {
        const QString json = QString::fromUtf8(
            QJsonDocument(QJsonArray{kHostile}).toJson(QJsonDocument::Compact));
        const QString value = json.mid(1, json.size() - 2); // the JSON string literal
        const Run r = run(connectionArgs()
                          + QStringList{QStringLiteral("--var"),
                                        QStringLiteral("x=") + value,
                                        QStringLiteral("RETURN $x; RETURN 1 + 1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray statements = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0).toObject().value(QStringLiteral("result")).toString(), kHostile);
        QCOMPARE(statements.at(1).toObject().value(QStringLiteral("result")).toInt(), 2);
        QCOMPARE(statements.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("OK"));
    }

    void readsFilesAndStdinAndPrintsTables()
    {
        QTemporaryDir dir;
        QFile script(dir.filePath(QStringLiteral("seed.surql")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("DEFINE TABLE IF NOT EXISTS fruit SCHEMALESS;\nUPSERT fruit:apple SET colour "
                     "= 'red';\n");
        script.close();
        const Run fromFile = run(connectionArgs()
                                 + QStringList{QStringLiteral("-f"), script.fileName()});
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        const Run table = run(connectionArgs()
                                  + QStringList{QStringLiteral("--format"), QStringLiteral("table")},
                              "SELECT * FROM fruit");
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        QVERIFY2(table.out.contains(QLatin1String("id "))
                     && table.out.contains(QLatin1String("fruit:apple"))
                     && table.out.contains(QLatin1String("red"))
                     && table.out.contains(QLatin1String("(1 row)")),
                 qPrintable(table.out));
        const Run surql = run(
            connectionArgs()
            + QStringList{QStringLiteral("--format"),
                          QStringLiteral("surql"),
                          QStringLiteral("RETURN d'2024-01-02T03:04:05.123456789Z'")});
        QVERIFY2(surql.out.contains(QLatin1String("d\"2024-01-02T03:04:05.123456789Z\"")),
                 qPrintable(surql.out));
    }

    void readsTheSeedsEnvironmentVariables()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SURREAL_URL"), SurrealQt::Test::serverUrl().toString());
        environment.insert(QStringLiteral("SURREAL_USER"), QStringLiteral("root"));
        environment.insert(QStringLiteral("SURREAL_PASSWORD"), QStringLiteral("root"));
        environment.insert(QStringLiteral("SURREAL_NAMESPACE"), QStringLiteral("cli"));
        environment.insert(QStringLiteral("SURREAL_DATABASE"), QStringLiteral("env"));
        const Run r = run({QStringLiteral("RETURN session::db()")}, {}, environment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("\"env\"")), qPrintable(r.out));
    }

    void failsWithTheServersMessage()
    {
        const Run thrown = run(connectionArgs()
                               + QStringList{QStringLiteral("RETURN 1; THROW 'nope'")});
        QCOMPARE(thrown.exitCode, 1);
        QVERIFY2(thrown.err.contains(QLatin1String("nope")), qPrintable(thrown.err));
        QVERIFY(thrown.out.contains(QLatin1String("\"ERR\"")));
        const Run invalid = run(connectionArgs() + QStringList{QStringLiteral("SELEC x")});
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY2(invalid.err.contains(QLatin1String("Parse error")), qPrintable(invalid.err));
        QStringList wrongPassword = connectionArgs();
        wrongPassword[5] = QStringLiteral("wrong");
        const Run refused = run(wrongPassword + QStringList{QStringLiteral("RETURN 1")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("cannot sign in")), qPrintable(refused.err));
        const Run unreachable = run({QStringLiteral("--endpoint"),
                                     QStringLiteral("ws://127.0.0.1:1"),
                                     QStringLiteral("RETURN 1")});
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains(QLatin1String("127.0.0.1:1")),
                 qPrintable(unreachable.err));
    }

    void rejectsBadUsage()
    {
        const Run missingFile = run(
            connectionArgs()
            + QStringList{QStringLiteral("-f"), QStringLiteral("/nonexistent/x.surql")});
        QCOMPARE(missingFile.exitCode, 1);
        QVERIFY2(missingFile.err.contains(QLatin1String("cannot read /nonexistent/x.surql")),
                 qPrintable(missingFile.err));
        QCOMPARE(run(connectionArgs()
                     + QStringList{QStringLiteral("--format"),
                                   QStringLiteral("xml"),
                                   QStringLiteral("RETURN 1")})
                     .exitCode,
                 2);
        QCOMPARE(run(connectionArgs()
                     + QStringList{QStringLiteral("--var"),
                                   QStringLiteral("bad name=1"),
                                   QStringLiteral("RETURN 1")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("--endpoint"),
                      QStringLiteral("ftp://x"),
                      QStringLiteral("RETURN 1")})
                     .exitCode,
                 2);
        QCOMPARE(run(connectionArgs(), "   ").exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliSql)
#include "tst_cli_sql.moc"

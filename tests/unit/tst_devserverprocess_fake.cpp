// SurrealQt::DevServerProcess against fake servers (tiny node scripts): ready-line parsing,
// early exit, start timeout, a missing server directory. Needs node, not the real server.

#include <surrealqt/client/DevServerProcess.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using SurrealQt::DevServerProcess;

namespace {
constexpr int WaitMs = 15000;
}

class tst_DevServerProcessFake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void parsesReadyLine();
    void ignoresLookalikeLines();
    void failsWhenServerExitsEarly();
    void failsAfterStartTimeout();
    void failsWithoutServerDirectory();
    void passesStorageAndCredentials();
    void surrealBinaryReadyFromLogLine();
    void surrealBinaryReadyFromHealthPoll();

private:
    // Writes an executable fake `surreal` and points SURREAL_BIN at it.
    void useFakeSurrealBinary(const QByteArray &script);
    // Creates <tmp>/src/main.js with the given script and points SURREALQT_DEV_SERVER_DIR at it.
    void useFakeServer(const QByteArray &script);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_DevServerProcessFake::initTestCase()
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
        QFAIL("node is not in PATH: make deps installs it");
    qunsetenv("SURREAL_BIN");
}

void tst_DevServerProcessFake::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_DevServerProcessFake::cleanup()
{
    qunsetenv("SURREALQT_DEV_SERVER_DIR");
    qunsetenv("SURREAL_BIN");
    m_dir.reset();
}

void tst_DevServerProcessFake::useFakeServer(const QByteArray &script)
{
    QVERIFY(QDir(m_dir->path()).mkpath(u"src"_s));
    QFile file(m_dir->filePath(u"src/main.js"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
    file.close();
    qputenv("SURREALQT_DEV_SERVER_DIR", QFile::encodeName(m_dir->path()));
    QCOMPARE(DevServerProcess::devServerDirectory(), m_dir->path());
}

void tst_DevServerProcessFake::parsesReadyLine()
{
    useFakeServer("console.log('starting');\n"
                  "process.stderr.write('a warning on stderr\\r\\n');\n"
                  "console.log('Listening on http://127.0.0.1:45678');\n"
                  "setInterval(() => {}, 1000);\n");
    DevServerProcess server;
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy logSpy(&server, &DevServerProcess::logLine);
    QSignalSpy stoppedSpy(&server, &DevServerProcess::stopped);
    server.start();
    QVERIFY(readySpy.wait(WaitMs));
    QCOMPARE(readySpy.constFirst().constFirst().toUrl(), QUrl(u"http://127.0.0.1:45678"_s));
    QCOMPARE(server.rpcUrl(), QUrl(u"ws://127.0.0.1:45678/rpc"_s));
    QTRY_COMPARE(logSpy.size(), 3);
    QStringList lines;
    for (const auto &args : std::as_const(logSpy))
        lines << args.constFirst().toString();
    QVERIFY(lines.contains(u"starting"_s));
    QVERIFY(lines.contains(u"a warning on stderr"_s)); // merged channels, no '\r'

    server.stop();
    QVERIFY(stoppedSpy.wait(WaitMs));
    QCOMPARE(server.state(), DevServerProcess::State::NotRunning);
}

void tst_DevServerProcessFake::ignoresLookalikeLines()
{
    useFakeServer("console.log('Not Listening on http://127.0.0.1:1');\n"
                  "console.log('Listening on http://127.0.0.1:2 (soon)');\n"
                  "console.log('Listening on http://127.0.0.1:3');\n"
                  "setInterval(() => {}, 1000);\n");
    DevServerProcess server;
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    server.start();
    QVERIFY(readySpy.wait(WaitMs));
    QCOMPARE(readySpy.size(), 1);
    QCOMPARE(server.url(), QUrl(u"http://127.0.0.1:3"_s));
}

void tst_DevServerProcessFake::failsWhenServerExitsEarly()
{
    useFakeServer("console.log('cannot open storage');\nprocess.exit(3);\n");
    DevServerProcess server;
    QSignalSpy failedSpy(&server, &DevServerProcess::failed);
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy logSpy(&server, &DevServerProcess::logLine);
    server.start();
    QVERIFY(failedSpy.wait(WaitMs));
    QVERIFY(readySpy.isEmpty());
    QVERIFY2(failedSpy.constFirst().constFirst().toString().contains(u"3"_s),
             qPrintable(failedSpy.constFirst().constFirst().toString()));
    QCOMPARE(server.state(), DevServerProcess::State::Failed);
    QCOMPARE(logSpy.size(), 1);
    QVERIFY(!server.isRunning());
}

void tst_DevServerProcessFake::failsAfterStartTimeout()
{
    useFakeServer("console.log('thinking');\nsetInterval(() => {}, 1000);\n");
    DevServerProcess server;
    server.setStartTimeout(500ms);
    QSignalSpy failedSpy(&server, &DevServerProcess::failed);
    QSignalSpy stoppedSpy(&server, &DevServerProcess::stopped);
    server.start();
    QVERIFY(failedSpy.wait(WaitMs));
    QCOMPARE(server.state(), DevServerProcess::State::Failed);
    // The silent server is terminated after the timeout.
    QTRY_VERIFY_WITH_TIMEOUT(!stoppedSpy.isEmpty(), WaitMs);
    QVERIFY(!server.isRunning());
    QCOMPARE(server.state(), DevServerProcess::State::Failed);
}

void tst_DevServerProcessFake::failsWithoutServerDirectory()
{
    qputenv("SURREALQT_DEV_SERVER_DIR", QFile::encodeName(m_dir->filePath(u"missing"_s)));
    DevServerProcess server;
    QSignalSpy failedSpy(&server, &DevServerProcess::failed);
    server.start();
    QVERIFY(failedSpy.isEmpty()); // reported asynchronously
    QVERIFY(failedSpy.wait(WaitMs));
    QVERIFY(failedSpy.constFirst().constFirst().toString().contains(u"SURREALQT_DEV_SERVER_DIR"_s));
    QCOMPARE(server.state(), DevServerProcess::State::Failed);
}

void tst_DevServerProcessFake::passesStorageAndCredentials()
{
    useFakeServer("console.log(JSON.stringify(process.argv.slice(2)));\n"
                  "console.log('Listening on http://127.0.0.1:4');\n"
                  "setInterval(() => {}, 1000);\n");
    DevServerProcess server;
    server.setStorage(u"surrealkv:///tmp/data"_s);
    server.setCredentials(u"admin"_s, u"secret"_s);
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy logSpy(&server, &DevServerProcess::logLine);
    server.start();
    QVERIFY(readySpy.wait(WaitMs));
    QCOMPARE(logSpy.constFirst().constFirst().toString(),
             u"[\"start\",\"--bind\",\"127.0.0.1:0\",\"--user\",\"admin\",\"--pass\","
             "\"secret\",\"--log\",\"info\",\"surrealkv:///tmp/data\"]"_s);
}

void tst_DevServerProcessFake::useFakeSurrealBinary(const QByteArray &script)
{
    const QString path = m_dir->filePath(u"surreal"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("SURREAL_BIN", QFile::encodeName(path));
}

void tst_DevServerProcessFake::surrealBinaryReadyFromLogLine()
{
    // Like `surreal start`: an explicit port, and a log line once the server listens.
    useFakeSurrealBinary(
        "#!/bin/sh\n"
        "echo \"args: $*\"\n"
        "echo \"2026-01-01T00:00:00Z INFO surreal::net: Started web server on $3\"\n"
        "exec sleep 60\n");
    DevServerProcess server;
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy logSpy(&server, &DevServerProcess::logLine);
    server.start();
    QVERIFY(readySpy.wait(WaitMs));
    const QUrl url = readySpy.constFirst().constFirst().toUrl();
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(logSpy.constFirst().constFirst().toString(),
             u"args: start --bind 127.0.0.1:%1 --user root --pass root memory"_s.arg(url.port()));
}

void tst_DevServerProcessFake::surrealBinaryReadyFromHealthPoll()
{
    // No recognisable log line: ready once GET /health answers 200.
    useFakeSurrealBinary("#!/usr/bin/env node\n"
                         "const port = Number(process.argv[4].split(':')[1]);\n"
                         "require('http').createServer((req, res) => {\n"
                         "  res.statusCode = req.url === '/health' ? 200 : 404; res.end();\n"
                         "}).listen(port, '127.0.0.1');\n");
    DevServerProcess server;
    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy failedSpy(&server, &DevServerProcess::failed);
    server.start();
    QVERIFY(readySpy.wait(WaitMs));
    QVERIFY(failedSpy.isEmpty());
    QCOMPARE(server.state(), DevServerProcess::State::Ready);
}

QTEST_GUILESS_MAIN(tst_DevServerProcessFake)
#include "tst_devserverprocess_fake.moc"

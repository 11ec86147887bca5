// SurrealQt::DevServerProcess against the real dev server (or $SURREAL_BIN).

#include <surrealqt/client/DevServerProcess.h>

#include <QtCore/QFileInfo>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using SurrealQt::DevServerProcess;

namespace {
constexpr int ReadyTimeoutMs = 30000;

// QVERIFY2 evaluates its message even when the check passes: never index an empty spy.
QString firstArgument(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QString() : spy.constFirst().constFirst().toString();
}

constexpr int StopTimeoutMs = 10000;
} // namespace

class tst_DevServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsInMemoryAndStops();
};

void tst_DevServerProcess::startsInMemoryAndStops()
{
    DevServerProcess server;
    server.setStorage(u"memory"_s);
    QCOMPARE(server.state(), DevServerProcess::State::NotRunning);

    QSignalSpy readySpy(&server, &DevServerProcess::ready);
    QSignalSpy failedSpy(&server, &DevServerProcess::failed);
    QSignalSpy logSpy(&server, &DevServerProcess::logLine);
    QSignalSpy stoppedSpy(&server, &DevServerProcess::stopped);

    server.start();
    QCOMPARE(server.state(), DevServerProcess::State::Starting);
    QTRY_VERIFY_WITH_TIMEOUT(!readySpy.isEmpty() || !failedSpy.isEmpty(), ReadyTimeoutMs);
    QVERIFY2(failedSpy.isEmpty(), qPrintable(firstArgument(failedSpy)));
    QCOMPARE(readySpy.size(), 1);
    QCOMPARE(server.state(), DevServerProcess::State::Ready);

    const QUrl url = readySpy.constFirst().constFirst().toUrl();
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(url.path(), QString());
    QCOMPARE(server.url(), url);
    QCOMPARE(server.rpcUrl(), QUrl(u"ws://127.0.0.1:%1/rpc"_s.arg(url.port())));

    QVERIFY(!logSpy.isEmpty());
    if (qEnvironmentVariableIsEmpty("SURREAL_BIN")) {
        const bool sawListening = std::any_of(logSpy.cbegin(), logSpy.cend(), [&](const auto &args) {
            return args.constFirst().toString() == u"Listening on "_s + url.toString();
        });
        QVERIFY(sawListening);
    }

    const qint64 pid = server.processId();
    QVERIFY(pid > 0);
    QVERIFY(server.isRunning());

    server.stop();
    QCOMPARE(server.state(), DevServerProcess::State::Stopping);
    QVERIFY(stoppedSpy.wait(StopTimeoutMs));
    QCOMPARE(server.state(), DevServerProcess::State::NotRunning);
    QVERIFY(!server.isRunning());
    QVERIFY(failedSpy.isEmpty());
#ifdef Q_OS_LINUX
    QTRY_VERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
#endif
}

QTEST_GUILESS_MAIN(tst_DevServerProcess)
#include "tst_devserver_process.moc"

// A connection whose parent is the application object is destroyed after the event loop is
// gone. Closing it then must neither warn nor wait: there is no loop left to wait in. Both
// transports are checked.

#include "../../common/RawWebSocketServer.h"
#include "../../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCoreApplication>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace std::chrono_literals;

namespace {

QStringList g_messages;

void recordMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_messages.append(message);
}

} // namespace

class tst_ConnectionOutlivesApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destroyedWithTheApplicationQuietly_data()
    {
        QTest::addColumn<QByteArray>("transport");
        QTest::newRow("own transport") << QByteArray();
        QTest::newRow("QWebSocket") << QByteArray("qt");
    }

    void destroyedWithTheApplicationQuietly()
    {
        QFETCH(QByteArray, transport);
        qputenv("SURREALQT_WS_TRANSPORT", transport);
        g_messages.clear();
        int argc = 1;
        char name[] = "tst_connectionoutlivesapp";
        char *argv[] = {name, nullptr};
        auto app = std::make_unique<QCoreApplication>(argc, argv);
        auto server = std::make_unique<Test::RawServer>();
        ConnectionOptions options;
        options.endpoint = server->url();
        options.reconnect.enabled = false;
        auto *connection = new WebSocketConnection(options, app.get());
        QVERIFY(Test::wait(connection->open())->isOk());

        const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
        app.reset(); // deletes the connection, which closes its socket
        qInstallMessageHandler(previous);
        server.reset();
        QVERIFY2(g_messages.isEmpty(), qPrintable(g_messages.join(u'\n')));
    }
};

QTEST_APPLESS_MAIN(tst_ConnectionOutlivesApp)
#include "tst_connectionoutlivesapp.moc"

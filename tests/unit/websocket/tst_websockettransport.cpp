// WebSocketConnection over its own ws:// transport, against raw TCP servers in this test that
// speak WebSocket by hand and break it on purpose: a refused upgrade, silence, masked frames,
// a close with a reason, pings, fragments, big messages and bursts. Each must end with a clear
// error or the right value, never a hang or a crash.

#include "../../common/RawWebSocketServer.h"
#include "../../common/TestSupport.h"

#include <client/websocket/WebSocketFraming_p.h>
#include <client/websocket/WebSocketHandshake_p.h>

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborMap>
#include <QtCore/QtEndian>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace std::chrono_literals;
using Test::ClientFrame;
using Test::RawServer;
using Test::reply;
using Test::serverFrame;
using Test::wait;
using Test::waitUntil;

namespace {

// The id of a CBOR request frame.
qint64 idOf(const ClientFrame &frame)
{
    return QCborValue::fromCbor(frame.payload).toMap().value(QStringLiteral("id")).toInteger();
}

ConnectionOptions optionsFor(const QUrl &url)
{
    ConnectionOptions options;
    options.endpoint = url;
    options.callTimeout = 2s;
    options.reconnect.enabled = false;
    return options;
}

} // namespace

class tst_WebSocketTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRefusedUpgradeIsReported()
    {
        RawServer server;
        server.upgrade = [](const QByteArray &) {
            return QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        };
        WebSocketConnection connection(optionsFor(server.url()));
        const auto opened = wait(connection.open());
        QVERIFY(opened && !opened->isOk());
        QVERIFY2(opened->error().message().contains(QLatin1String("HTTP 403 Forbidden")),
                 qPrintable(opened->error().message()));
    }

    void aSilentServerTimesOutTheHandshake()
    {
        RawServer server;
        server.upgrade = [](const QByteArray &) { return QByteArray(); };
        ConnectionOptions options = optionsFor(server.url());
        options.callTimeout = 300ms;
        WebSocketConnection connection(options);
        const auto opened = wait(connection.open(), 5s);
        QVERIFY(opened && !opened->isOk());
        QVERIFY2(opened->error().message().contains(QLatin1String("no WebSocket handshake")),
                 qPrintable(opened->error().message()));
    }

    void nothingListeningIsAClearError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        WebSocketConnection connection(
            optionsFor(QUrl(QStringLiteral("ws://127.0.0.1:%1/rpc").arg(port))));
        const auto opened = wait(connection.open());
        QVERIFY(opened && !opened->isOk());
        QCOMPARE(opened->error().kind(), RpcError::Kind::Connection);
        QVERIFY2(opened->error().message().contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(opened->error().message()));
    }

    void pingsAreAnsweredAndFragmentsJoined()
    {
        RawServer server;
        server.onFrame = [](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode != 0x2)
                return;
            // The reply in three fragments, with a ping from the server between them.
            const QByteArray whole = reply(idOf(frame), QStringLiteral("fine"));
            socket->write(serverFrame(0x02, whole.first(3)));
            socket->write(serverFrame(0x89, "hb"));
            socket->write(serverFrame(0x00, whole.mid(3, 4)));
            socket->write(serverFrame(0x80, whole.mid(7)));
        };
        WebSocketConnection connection(optionsFor(server.url(QStringLiteral("localhost"))));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && answered->isOk());
        QCOMPARE(answered->value().toString(), QStringLiteral("fine"));
        QVERIFY(waitUntil(
            [&] {
                return std::any_of(server.received.cbegin(),
                                   server.received.cend(),
                                   [](const ClientFrame &f) { return f.opcode == 0xA; });
            },
            3s));
        const auto pong = std::find_if(server.received.cbegin(),
                                       server.received.cend(),
                                       [](const ClientFrame &f) { return f.opcode == 0xA; });
        QCOMPARE(pong->payload, QByteArray("hb"));
    }

    void ipv6LiteralsConnect()
    {
        RawServer server(QHostAddress::LocalHostIPv6);
        server.onFrame = [](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode == 0x2)
                socket->write(serverFrame(0x82, reply(idOf(frame), QStringLiteral("v6"))));
        };
        WebSocketConnection connection(optionsFor(server.url(QStringLiteral("::1"))));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && answered->isOk());
        QCOMPARE(answered->value().toString(), QStringLiteral("v6"));
    }

    void aMaskedServerFrameEndsTheConnection()
    {
        RawServer server;
        server.onFrame = [](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode == 0x2)
                socket->write(QByteArray::fromHex("8281010203044b")); // masked: not allowed
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && !answered->isOk());
        QCOMPARE(answered->error().kind(), RpcError::Kind::ConnectionLost);
        QVERIFY2(answered->error().message().contains(QLatin1String("masked")),
                 qPrintable(answered->error().message()));
        QCOMPARE(connection.state(), WebSocketConnection::State::Disconnected);
        // The client said why before it hung up: a close frame with 1002 (protocol error).
        QVERIFY(waitUntil(
            [&] { return !server.received.isEmpty() && server.received.last().opcode == 0x8; }, 3s));
        QCOMPARE(qFromBigEndian<quint16>(server.received.last().payload.constData()), quint16(1002));
    }

    void aCloseFromTheServerCarriesItsReason()
    {
        RawServer server;
        server.onFrame = [](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode == 0x2)
                socket->write(serverFrame(0x88, QByteArray::fromHex("03e9") + "going away"));
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && !answered->isOk());
        QVERIFY2(answered->error().message().contains(QLatin1String("1001"))
                     && answered->error().message().contains(QLatin1String("going away")),
                 qPrintable(answered->error().message()));
        QVERIFY(waitUntil(
            [&] { return !server.received.isEmpty() && server.received.last().opcode == 0x8; }, 3s));
    }

    void aServerThatHangsUpEndsPendingCalls()
    {
        RawServer server;
        server.onFrame = [](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode == 0x2)
                socket->disconnectFromHost(); // a plain TCP close, no close frame
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && !answered->isOk());
        QCOMPARE(answered->error().kind(), RpcError::Kind::ConnectionLost);
        QVERIFY2(answered->error().message().contains(QLatin1String("closed the connection")),
                 qPrintable(answered->error().message()));
        QCOMPARE(connection.state(), WebSocketConnection::State::Disconnected);
    }

    void closeSaysGoodbyeAndEndsTheSocket()
    {
        RawServer server;
        bool serverSocketEnded = false;
        server.onFrame = [&](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode != 0x8)
                return;
            // A polite server: answers the close and closes its side.
            connect(socket, &QTcpSocket::disconnected, socket, [&] { serverSocketEnded = true; });
            socket->write(serverFrame(0x88, frame.payload));
            socket->disconnectFromHost();
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        connection.close();
        QVERIFY(waitUntil([&] { return serverSocketEnded; }, 3s));
        QVERIFY(!server.received.isEmpty());
        QCOMPARE(server.received.last().opcode, quint8(0x8));
        QCOMPARE(qFromBigEndian<quint16>(server.received.last().payload.constData()), quint16(1000));
        QCOMPARE(connection.state(), WebSocketConnection::State::Closed);
    }

    void bigMessagesArriveWhole()
    {
        const QByteArray big(3 * 1024 * 1024 + 17, 'z');
        RawServer server;
        server.onFrame = [&big](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode == 0x2)
                socket->write(serverFrame(0x82, reply(idOf(frame), QCborValue(big))));
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        const auto answered = wait(connection.ping());
        QVERIFY(answered && answered->isOk());
        QCOMPARE(answered->value().toByteArray(), big);
    }

    void aBurstOfRepliesResolvesEveryCall()
    {
        constexpr int kCalls = 300;
        RawServer server;
        QByteArray pending;
        int requests = 0;
        server.onFrame = [&](QTcpSocket *socket, const ClientFrame &frame) {
            if (frame.opcode != 0x2)
                return;
            pending += serverFrame(0x82, reply(idOf(frame), idOf(frame) * 2));
            if (++requests == kCalls) // every reply in one write
                socket->write(pending);
        };
        WebSocketConnection connection(optionsFor(server.url()));
        QVERIFY(wait(connection.open())->isOk());
        QList<QFuture<Result<QCborValue>>> calls;
        for (int i = 0; i < kCalls; ++i)
            calls.append(connection.call(QStringLiteral("ping")));
        for (auto &call : calls) {
            const auto answered = wait(call);
            QVERIFY(answered && answered->isOk());
            QVERIFY(answered->value().toInteger() > 0);
        }
        QCOMPARE(server.received.size(), kCalls);
    }
};

QTEST_GUILESS_MAIN(tst_WebSocketTransport)
#include "tst_websockettransport.moc"

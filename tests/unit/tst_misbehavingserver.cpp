// WebSocketConnection against a deliberately broken server (a QWebSocketServer in this test): it
// answers with garbage, truncated CBOR, unknown ids and wrong shapes, then drops the socket. The
// client must report each clearly, keep working, and never crash.

#include "../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborMap>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace SurrealQt;
using namespace std::chrono_literals;
using Test::wait;

class tst_MisbehavingServer : public QObject
{
    Q_OBJECT

private:
    // Reply to each request through `answer` (given the request's id and method).
    void serve(std::function<void(QWebSocket *, qint64, const QString &)> answer)
    {
        m_server = std::make_unique<QWebSocketServer>(QStringLiteral("broken"),
                                                      QWebSocketServer::NonSecureMode);
        m_server->setSupportedSubprotocols({QStringLiteral("cbor")});
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        connect(m_server.get(), &QWebSocketServer::newConnection, this, [this, answer] {
            QWebSocket *socket = m_server->nextPendingConnection();
            connect(socket,
                    &QWebSocket::binaryMessageReceived,
                    socket,
                    [socket, answer](const QByteArray &frame) {
                        const QCborMap request = QCborValue::fromCbor(frame).toMap();
                        answer(socket,
                               request.value(QStringLiteral("id")).toInteger(),
                               request.value(QStringLiteral("method")).toString());
                    });
        });
    }

    std::unique_ptr<WebSocketConnection> open()
    {
        ConnectionOptions options;
        options.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:%1/rpc").arg(m_server->serverPort()));
        options.callTimeout = 1500ms;
        options.reconnect.enabled = false;
        auto connection = std::make_unique<WebSocketConnection>(options);
        const auto opened = wait(connection->open());
        return opened && *opened ? std::move(connection) : nullptr;
    }

    std::unique_ptr<QWebSocketServer> m_server;

private Q_SLOTS:
    void garbageFailsNothingButIsReported()
    {
        serve([](QWebSocket *socket, qint64 id, const QString &method) {
            if (method == QLatin1String("ping")) {
                socket->sendBinaryMessage(QByteArray::fromHex("ffff00"));         // not CBOR
                socket->sendBinaryMessage(QByteArray::fromHex("a2626964"));       // truncated
                socket->sendBinaryMessage(QCborValue(QCborArray{1, 2}).toCbor()); // not a map
                socket->sendTextMessage(QStringLiteral("{\"id\": 1"));            // text on cbor
                socket->sendBinaryMessage(
                    QCborMap{{QStringLiteral("id"), 999999}, {QStringLiteral("result"), 1}}
                        .toCborValue()
                        .toCbor());
            }
            socket->sendBinaryMessage(QCborMap{{QStringLiteral("id"), id},
                                               {QStringLiteral("result"), QStringLiteral("fine")}}
                                          .toCborValue()
                                          .toCbor());
        });
        auto connection = open();
        QVERIFY(connection);
        QSignalSpy errors(connection.get(), &WebSocketConnection::protocolError);
        const auto reply = wait(connection->ping());
        QVERIFY(reply && reply->isOk());
        QCOMPARE(reply->value().toString(), QStringLiteral("fine"));
        QVERIFY(Test::waitUntil([&] { return errors.size() >= 4; }, 3s));
        for (const QList<QVariant> &signal : errors) {
            const auto error = signal.at(0).value<RpcError>();
            QVERIFY(!error.message().isEmpty());
        }
        QCOMPARE(connection->state(), WebSocketConnection::State::Connected);
    }

    void aMalformedReplyFailsOnlyItsCall()
    {
        serve([](QWebSocket *socket, qint64 id, const QString &method) {
            if (method == QLatin1String("version")) // id present, but neither result nor error
                socket->sendBinaryMessage(
                    QCborMap{{QStringLiteral("id"), id}}.toCborValue().toCbor());
            else
                socket->sendBinaryMessage(
                    QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("result"), true}}
                        .toCborValue()
                        .toCbor());
        });
        auto connection = open();
        QVERIFY(connection);
        auto bad = connection->version();
        auto good = connection->ping();
        const auto badResult = wait(bad);
        QVERIFY(badResult && !badResult->isOk());
        QCOMPARE(badResult->error().kind(), RpcError::Kind::Protocol);
        QVERIFY(wait(good)->isOk());
    }

    void aReplyWithABadValueFailsItsCallAtOnce()
    {
        serve([](QWebSocket *socket, qint64 id, const QString &method) {
            // {"id": id, "result": …}, the result a datetime of three elements for info.
            socket->sendBinaryMessage(QByteArray::fromHex("a2 62 6964") + QCborValue(id).toCbor()
                                      + QByteArray::fromHex(method == QLatin1String("info")
                                                                ? "66 726573756c74 cc 83 01 02 03"
                                                                : "66 726573756c74 f5"));
        });
        auto connection = open();
        QVERIFY(connection);
        QSignalSpy errors(connection.get(), &WebSocketConnection::protocolError);
        const auto bad = wait(connection->info());
        QVERIFY(bad && !bad->isOk());
        // Protocol, not Timeout: the call failed when its reply came, with the reason.
        QCOMPARE(bad->error().kind(), RpcError::Kind::Protocol);
        QVERIFY2(bad->error().message().contains(QLatin1String("tag 12 (datetime)")),
                 qPrintable(bad->error().message()));
        QVERIFY(wait(connection->ping())->isOk());
        QCOMPARE(errors.size(), 0);
        QCOMPARE(connection->state(), WebSocketConnection::State::Connected);
    }

    void silenceTimesOutAndAQueryReplyOfTheWrongShapeIsAnError()
    {
        serve([](QWebSocket *socket, qint64 id, const QString &method) {
            if (method == QLatin1String("query"))
                socket->sendBinaryMessage(
                    QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("result"), 12}}
                        .toCborValue()
                        .toCbor());
            // anything else: never answered
        });
        auto connection = open();
        QVERIFY(connection);
        const auto silent = wait(connection->ping());
        QCOMPARE(silent->error().kind(), RpcError::Kind::Timeout);
        const auto shaped = wait(connection->query(QStringLiteral("RETURN 1")));
        QCOMPARE(shaped->error().kind(), RpcError::Kind::Protocol);
    }

    void aDroppedSocketFailsPendingCallsClearly()
    {
        serve([](QWebSocket *socket, qint64, const QString &) { socket->abort(); });
        auto connection = open();
        QVERIFY(connection);
        const auto dropped = wait(connection->query(QStringLiteral("RETURN 1")));
        QVERIFY(dropped && !dropped->isOk());
        QCOMPARE(dropped->error().kind(), RpcError::Kind::ConnectionLost);
        QCOMPARE(connection->state(), WebSocketConnection::State::Disconnected);
        const auto after = wait(connection->ping());
        QCOMPARE(after->error().kind(), RpcError::Kind::ConnectionLost);
    }
};

QTEST_GUILESS_MAIN(tst_MisbehavingServer)
#include "tst_misbehavingserver.moc"

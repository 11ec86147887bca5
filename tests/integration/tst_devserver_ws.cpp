// The dev server's WebSocket RPC endpoint, spoken to directly with the `json` subprotocol.
// Needs the `devserver` CTest fixture ($SURREALQT_TEST_SERVER_FILE holds its address).

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
constexpr int ReplyTimeoutMs = 10000;
const QString HostileString = uR"(it's "hostile"; DROP)"_s;
} // namespace

class tst_DevServerWs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void version();
    void anonymousQueryIsRefused();
    void signinReturnsToken();
    void hostileParameterRoundTrips();
    void malformedFrameGetsParseError();
    void cleanupTestCase();

private:
    void send(const QJsonObject &request);
    std::optional<QJsonObject> waitForReply(qint64 id);
    std::optional<QJsonObject> call(qint64 id, const QString &method, const QJsonArray &params);

    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
    QList<QString> m_unparsed;
};

void tst_DevServerWs::initTestCase()
{
    const QString serverFile = qEnvironmentVariable("SURREALQT_TEST_SERVER_FILE");
    if (serverFile.isEmpty())
        QFAIL("SURREALQT_TEST_SERVER_FILE is not set: run through ctest (devserver fixture)");
    QFile file(serverFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString() + u": "_s + serverFile));
    const QUrl httpUrl(QString::fromUtf8(file.readAll()).trimmed());
    QVERIFY2(httpUrl.isValid() && httpUrl.port() > 0, qPrintable(httpUrl.toString()));

    QUrl rpcUrl = httpUrl;
    rpcUrl.setScheme(httpUrl.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    rpcUrl.setPath(u"/rpc"_s);

    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError && document.isObject()) {
            m_messages.append(document.object());
        } else {
            m_unparsed.append(text);
        }
    });

    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({u"json"_s});
    m_socket.open(QNetworkRequest(rpcUrl), options);
    QVERIFY2(connected.wait(ReplyTimeoutMs), qPrintable(m_socket.errorString()));
    QCOMPARE(m_socket.subprotocol(), u"json"_s);
}

void tst_DevServerWs::send(const QJsonObject &request)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

std::optional<QJsonObject> tst_DevServerWs::waitForReply(qint64 id)
{
    std::optional<QJsonObject> reply;
    const bool received = QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_messages.size(); ++i) {
                const QJsonValue replyId = m_messages.at(i).value("id"_L1);
                if (replyId.isDouble() && replyId.toInteger() == id) {
                    reply = m_messages.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        ReplyTimeoutMs);
    return received ? reply : std::nullopt;
}

std::optional<QJsonObject> tst_DevServerWs::call(qint64 id,
                                                 const QString &method,
                                                 const QJsonArray &params)
{
    send({{"id"_L1, id}, {"method"_L1, method}, {"params"_L1, params}});
    return waitForReply(id);
}

void tst_DevServerWs::version()
{
    const auto reply = call(1, u"version"_s, {});
    QVERIFY2(reply, "no reply to version");
    QCOMPARE(reply->value("id"_L1).toInteger(), 1);
    QVERIFY2(!reply->contains("error"_L1), QJsonDocument(*reply).toJson().constData());
    const QJsonValue result = reply->value("result"_L1);
    QVERIFY(result.isString());
    QVERIFY2(result.toString().startsWith("surrealdb-"_L1), qPrintable(result.toString()));
}

void tst_DevServerWs::anonymousQueryIsRefused()
{
    const auto reply = call(2, u"query"_s, {u"RETURN 1"_s});
    QVERIFY2(reply, "no reply to query");
    QCOMPARE(reply->value("id"_L1).toInteger(), 2);
    QVERIFY2(reply->value("error"_L1).isObject(), QJsonDocument(*reply).toJson().constData());
    QVERIFY(!reply->contains("result"_L1));
}

void tst_DevServerWs::signinReturnsToken()
{
    const QJsonObject credentials{{"user"_L1, u"root"_s}, {"pass"_L1, u"root"_s}};
    const auto reply = call(3, u"signin"_s, {credentials});
    QVERIFY2(reply, "no reply to signin");
    QVERIFY2(!reply->contains("error"_L1), QJsonDocument(*reply).toJson().constData());
    const QJsonValue token = reply->value("result"_L1);
    QVERIFY(token.isString());
    QVERIFY(!token.toString().isEmpty());
}

void tst_DevServerWs::hostileParameterRoundTrips()
{
    const auto use = call(4, u"use"_s, {u"test"_s, u"test"_s});
    QVERIFY2(use, "no reply to use");
    QVERIFY2(!use->contains("error"_L1), QJsonDocument(*use).toJson().constData());

    const QJsonObject vars{{"x"_L1, HostileString}};
    const auto reply = call(5, u"query"_s, {u"RETURN $x"_s, vars});
    QVERIFY2(reply, "no reply to query");
    QVERIFY2(!reply->contains("error"_L1), QJsonDocument(*reply).toJson().constData());
    const QJsonArray statements = reply->value("result"_L1).toArray();
    QCOMPARE(statements.size(), 1);
    const QJsonObject first = statements.first().toObject();
    QCOMPARE(first.value("status"_L1).toString(), u"OK"_s);
    QCOMPARE(first.value("result"_L1).toString(), HostileString);
}

void tst_DevServerWs::malformedFrameGetsParseError()
{
    m_messages.clear();
    m_socket.sendTextMessage(u"{not json"_s);
    std::optional<QJsonObject> parseError;
    const bool received = QTest::qWaitFor(
        [&] {
            for (const QJsonObject &message : std::as_const(m_messages)) {
                if (message.value("error"_L1).toObject().value("code"_L1).toInteger() == -32700) {
                    parseError = message;
                    return true;
                }
            }
            return false;
        },
        ReplyTimeoutMs);
    QVERIFY2(received && parseError, "no -32700 parse error after a malformed frame");
    QCOMPARE(m_socket.state(), QAbstractSocket::ConnectedState);

    const auto ping = call(6, u"ping"_s, {});
    QVERIFY2(ping, "the socket is not usable after a malformed frame");
    QVERIFY2(!ping->contains("error"_L1), QJsonDocument(*ping).toJson().constData());
}

void tst_DevServerWs::cleanupTestCase()
{
    QVERIFY2(m_unparsed.isEmpty(), qPrintable(m_unparsed.join(u'\n')));
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_socket.state(),
                                  QAbstractSocket::UnconnectedState,
                                  ReplyTimeoutMs);
    }
}

QTEST_GUILESS_MAIN(tst_DevServerWs)
#include "tst_devserver_ws.moc"

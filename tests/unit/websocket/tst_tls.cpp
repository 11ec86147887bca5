// wss:// and https:// against local TLS servers with a certificate made for this run (openssl):
// untrusted, the connection fails and says why; with the certificate given as
// ConnectionOptions::caCertificateFile, calls go through.

#include "../../common/TestSupport.h"

#include <surrealqt/client/HttpConnection.h>
#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborMap>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslServer>
#include <QtNetwork/QSslSocket>
#include <QtTest/QTest>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketServer>

using namespace SurrealQt;
using namespace std::chrono_literals;
using Test::wait;

namespace {

QByteArray replyTo(const QByteArray &request)
{
    const qint64 id = QCborValue::fromCbor(request).toMap().value(QStringLiteral("id")).toInteger();
    return QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("result"), QStringLiteral("secure")}}
        .toCborValue()
        .toCbor();
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSslConfiguration m_serverTls;
    std::unique_ptr<QWebSocketServer> m_wss;
    std::unique_ptr<QSslServer> m_https;

    QString certificateFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }

    ConnectionOptions options(const QString &scheme, quint16 port, const QString &caFile) const
    {
        ConnectionOptions options;
        options.endpoint = QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port));
        options.caCertificateFile = caFile;
        options.callTimeout = 5s;
        options.reconnect.enabled = false;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A self-signed certificate for 127.0.0.1, valid for this run.
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"),
                       QStringLiteral("-x509"),
                       QStringLiteral("-newkey"),
                       QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"),
                       m_dir.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"),
                       certificateFile(),
                       QStringLiteral("-days"),
                       QStringLiteral("2"),
                       QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 openssl.readAllStandardError().constData());
        QFile keyFile(m_dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificateFile());
        QCOMPARE(certificates.size(), 1);
        m_serverTls = QSslConfiguration::defaultConfiguration();
        m_serverTls.setLocalCertificate(certificates.first());
        m_serverTls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        m_serverTls.setPeerVerifyMode(QSslSocket::VerifyNone);

        m_wss = std::make_unique<QWebSocketServer>(QStringLiteral("tls"),
                                                   QWebSocketServer::SecureMode);
        m_wss->setSslConfiguration(m_serverTls);
        m_wss->setSupportedSubprotocols({QStringLiteral("cbor")});
        QVERIFY(m_wss->listen(QHostAddress::LocalHost));
        connect(m_wss.get(), &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *socket = m_wss->nextPendingConnection();
            connect(socket,
                    &QWebSocket::binaryMessageReceived,
                    socket,
                    [socket](const QByteArray &m) { socket->sendBinaryMessage(replyTo(m)); });
        });

        // HTTPS: answers every POST /rpc with the reply to its request.
        m_https = std::make_unique<QSslServer>();
        m_https->setSslConfiguration(m_serverTls);
        QVERIFY(m_https->listen(QHostAddress::LocalHost));
        connect(m_https.get(), &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_https->nextPendingConnection()) {
                auto *received = new QByteArray;
                connect(socket, &QObject::destroyed, socket, [received] { delete received; });
                connect(socket, &QTcpSocket::readyRead, socket, [socket, received] {
                    *received += socket->readAll();
                    const qsizetype end = received->indexOf("\r\n\r\n");
                    const qsizetype at = received->toLower().indexOf("content-length:");
                    if (end < 0 || at < 0)
                        return;
                    const qsizetype length = received
                                                 ->mid(at + 15,
                                                       received->indexOf("\r\n", at) - at - 15)
                                                 .trimmed()
                                                 .toLongLong();
                    if (received->size() < end + 4 + length)
                        return;
                    const QByteArray body = replyTo(received->mid(end + 4, length));
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/cbor\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    received->remove(0, end + 4 + length);
                });
            }
        });
    }

    void wssRefusesAnUntrustedCertificate()
    {
        WebSocketConnection connection(options(QStringLiteral("wss"), m_wss->serverPort(), {}));
        const auto opened = wait(connection.open());
        QVERIFY(opened && !opened->isOk());
        QCOMPARE(opened->error().kind(), RpcError::Kind::Connection);
        QVERIFY2(opened->error().message().contains(QLatin1String("certificate"),
                                                    Qt::CaseInsensitive),
                 qPrintable(opened->error().message()));
    }

    void wssTrustsTheGivenCaFile()
    {
        WebSocketConnection connection(
            options(QStringLiteral("wss"), m_wss->serverPort(), certificateFile()));
        const auto opened = wait(connection.open());
        QVERIFY2(opened && opened->isOk(), opened ? qPrintable(opened->error().message()) : "");
        const auto answered = wait(connection.ping());
        QVERIFY(answered && answered->isOk());
        QCOMPARE(answered->value().toString(), QStringLiteral("secure"));
    }

    void anUnreadableCaFileTrustsNothing()
    {
        WebSocketConnection connection(options(QStringLiteral("wss"),
                                               m_wss->serverPort(),
                                               m_dir.filePath(QStringLiteral("missing.pem"))));
        const auto opened = wait(connection.open());
        QVERIFY(opened && !opened->isOk());
        QVERIFY2(opened->error().message().contains(QLatin1String("cannot read CA certificates")),
                 qPrintable(opened->error().message()));
        HttpConnection http(options(QStringLiteral("https"),
                                    m_https->serverPort(),
                                    m_dir.filePath(QStringLiteral("missing.pem"))));
        const auto answered = wait(http.ping());
        QVERIFY(answered && !answered->isOk());
        QCOMPARE(answered->error().kind(), RpcError::Kind::Connection);
        QVERIFY2(answered->error().message().contains(QLatin1String("cannot read CA certificates")),
                 qPrintable(answered->error().message()));
    }

    void httpsRefusesAnUntrustedCertificate()
    {
        HttpConnection connection(options(QStringLiteral("https"), m_https->serverPort(), {}));
        const auto answered = wait(connection.ping());
        QVERIFY(answered && !answered->isOk());
        QVERIFY2(answered->error().message().contains(QLatin1String("certificate"),
                                                      Qt::CaseInsensitive)
                     || answered->error().message().contains(QLatin1String("SSL"),
                                                             Qt::CaseInsensitive),
                 qPrintable(answered->error().message()));
    }

    void httpsTrustsTheGivenCaFile()
    {
        HttpConnection connection(
            options(QStringLiteral("https"), m_https->serverPort(), certificateFile()));
        const auto answered = wait(connection.ping());
        QVERIFY2(answered && answered->isOk(),
                 answered ? qPrintable(answered->error().message()) : "");
        QCOMPARE(answered->value().toString(), QStringLiteral("secure"));
    }
};

QTEST_GUILESS_MAIN(tst_Tls)
#include "tst_tls.moc"

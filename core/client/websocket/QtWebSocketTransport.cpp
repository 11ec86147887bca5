#include "QtWebSocketTransport_p.h"

#include <QtNetwork/QSslConfiguration>
#include <QtWebSockets/QWebSocket>
#include <QtWebSockets/QWebSocketHandshakeOptions>

namespace SurrealQt {

namespace {
constexpr quint64 kMaxMessageSize = 128ULL * 1024 * 1024;
}

QtWebSocketTransport::QtWebSocketTransport(const QString &caCertificateFile, QObject *parent)
    : WebSocketTransport(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_socket->setMaxAllowedIncomingMessageSize(kMaxMessageSize);
    if (!caCertificateFile.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tls.addCaCertificates(caCertificateFile))
            m_tlsError = tr("cannot read CA certificates from %1").arg(caCertificateFile);
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket, &QWebSocket::connected, this, &WebSocketTransport::connected);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            Q_EMIT disconnected();
    });
    connect(m_socket,
            &QWebSocket::binaryMessageReceived,
            this,
            &WebSocketTransport::binaryMessageReceived);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        Q_EMIT textMessageReceived(text.toUtf8());
    });
}

QtWebSocketTransport::~QtWebSocketTransport()
{
    m_socket->disconnect(this);
}

void QtWebSocketTransport::open(const QUrl &url, const QString &subprotocol)
{
    if (!m_tlsError.isEmpty()) {
        // Fail as a connection does: later, through disconnected().
        QMetaObject::invokeMethod(this, &WebSocketTransport::disconnected, Qt::QueuedConnection);
        return;
    }
    QWebSocketHandshakeOptions handshake;
    if (!subprotocol.isEmpty())
        handshake.setSubprotocols({subprotocol});
    m_socket->open(QNetworkRequest(url), handshake);
}

void QtWebSocketTransport::sendBinary(const QByteArray &message)
{
    m_socket->sendBinaryMessage(message);
}

void QtWebSocketTransport::sendText(const QByteArray &utf8)
{
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

void QtWebSocketTransport::close()
{
    m_socket->disconnect(this);
    m_socket->close();
}

void QtWebSocketTransport::abort()
{
    m_socket->abort();
}

QString QtWebSocketTransport::errorString() const
{
    return m_tlsError.isEmpty() ? m_socket->errorString() : m_tlsError;
}

} // namespace SurrealQt

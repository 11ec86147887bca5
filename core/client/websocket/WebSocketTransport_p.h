#pragma once

// Private: the socket under WebSocketConnection. Two implementations: PosixWebSocketTransport
// (ws:// on Unix: its own framing over a non-blocking socket, few system calls per message) and
// QtWebSocketTransport (QWebSocket: wss://, proxies, other platforms).

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <memory>

namespace SurrealQt {

struct ConnectionOptions;

class WebSocketTransport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Connects and performs the handshake, offering `subprotocol`; then connected() or
    // disconnected().
    virtual void open(const QUrl &url, const QString &subprotocol) = 0;
    virtual void sendBinary(const QByteArray &message) = 0;
    virtual void sendText(const QByteArray &utf8) = 0;
    // Closes politely (a close frame); disconnected() is not emitted.
    virtual void close() = 0;
    // Drops the connection at once and emits disconnected().
    virtual void abort() = 0;
    // Why the connection failed or ended, for people.
    virtual QString errorString() const = 0;

Q_SIGNALS:
    void connected();
    void disconnected();
    void binaryMessageReceived(const QByteArray &message);
    void textMessageReceived(const QByteArray &utf8);
};

// The transport for `url`: PosixWebSocketTransport for ws:// without a proxy on Unix, else
// QtWebSocketTransport.
std::unique_ptr<WebSocketTransport> makeWebSocketTransport(const QUrl &url,
                                                           const ConnectionOptions &options);

} // namespace SurrealQt

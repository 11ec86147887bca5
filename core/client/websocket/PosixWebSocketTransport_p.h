#pragma once

// Private: WebSocketTransport for ws:// on Unix, on a non-blocking socket of its own.
//
// Why not QWebSocket here: its QTcpSocket arms and disarms a write notifier for every message,
// and with glib's event dispatcher each of those wakes the loop through an eventfd, so one call
// cost three polls, three writes and three reads. This transport writes a message at once
// (or, while it is delivering received messages, gathers the replies' follow-up requests into
// one write made before the event loop sleeps), keeps one read notifier armed, and reads a whole
// burst of frames per wake-up.

#include "WebSocketFraming_p.h"
#include "WebSocketHandshake_p.h"
#include "WebSocketTransport_p.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>

#include <chrono>
#include <memory>
#include <optional>

class QHostInfo;
class QSocketNotifier;

namespace SurrealQt {

class PosixWebSocketTransport : public WebSocketTransport
{
    Q_OBJECT

public:
    // `handshakeTimeout` bounds the connect and the opening handshake together.
    explicit PosixWebSocketTransport(std::chrono::milliseconds handshakeTimeout,
                                     QObject *parent = nullptr);
    ~PosixWebSocketTransport() override;

    void open(const QUrl &url, const QString &subprotocol) override;
    void sendBinary(const QByteArray &message) override;
    void sendText(const QByteArray &utf8) override;
    void close() override;
    void abort() override;
    QString errorString() const override { return m_error; }

private:
    // Closing: our close frame is sent and our side shut; the server's bytes are drained until
    // it closes too, so that the socket ends with FIN rather than a reset.
    enum class State { Idle, Resolving, Connecting, Handshaking, Open, Closing, Closed };

    void resolved(const QHostInfo &info);
    void connectNext();
    void finishConnect();
    void onReadable();
    void onWritable();
    bool readAvailable();
    void readHandshake();
    void handle(WebSocketFraming::ServerEvent event);
    void send(WebSocketFraming::Opcode opcode, QByteArrayView payload);
    void flush();
    void setWriteWatch(bool on);
    void closeSocket();
    // Ends whatever is under way (lookup, handshake timer, socket), without a signal.
    void stop();
    void fail(const QString &why);

    std::chrono::milliseconds m_handshakeTimeout;
    State m_state = State::Idle;
    int m_fd = -1;
    quint16 m_port = 0;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;            // still to try
    QSocketNotifier *m_readNotifier = nullptr;  // armed from connect to close
    QSocketNotifier *m_writeNotifier = nullptr; // armed while connecting or while output waits
    std::optional<WebSocketHandshake> m_handshake;
    WebSocketFraming::FrameReader m_reader;
    QByteArray m_out;           // frames not written yet
    qsizetype m_outWritten = 0; // of m_out, already written
    int m_deliveryDepth = 0;    // > 0 while received messages are being delivered
    QRandomGenerator m_maskKeys;
    QTimer m_handshakeTimer; // bounds the handshake, then the closing
    void drainWhileClosing();
    QString m_error;
};

} // namespace SurrealQt

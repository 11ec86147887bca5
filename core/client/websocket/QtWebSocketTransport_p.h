#pragma once

// Private: WebSocketTransport over QWebSocket, for wss://, proxies and non-Unix platforms.

#include "WebSocketTransport_p.h"

class QWebSocket;

namespace SurrealQt {

class QtWebSocketTransport : public WebSocketTransport
{
    Q_OBJECT

public:
    // Trusts the PEM certificates in `caCertificateFile` too, when it is not empty.
    explicit QtWebSocketTransport(const QString &caCertificateFile, QObject *parent = nullptr);
    ~QtWebSocketTransport() override;

    void open(const QUrl &url, const QString &subprotocol) override;
    void sendBinary(const QByteArray &message) override;
    void sendText(const QByteArray &utf8) override;
    void close() override;
    void abort() override;
    QString errorString() const override;

private:
    QWebSocket *m_socket;
    QString m_tlsError; // why the CA file could not be read: open() fails with it
};

} // namespace SurrealQt

#pragma once

// Private: the client's half of the WebSocket opening handshake (RFC 6455 §4.1).

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QUrl>

namespace SurrealQt {

class SURREALQT_CORE_EXPORT WebSocketHandshake
{
    Q_DECLARE_TR_FUNCTIONS(WebSocketHandshake)

public:
    // `key` is the base64 of 16 random bytes (Sec-WebSocket-Key); `subprotocol` may be empty.
    WebSocketHandshake(QUrl url, QByteArray key, QString subprotocol);

    // The HTTP upgrade request to send.
    QByteArray request() const;

    enum class Status { Incomplete, Accepted, Refused };
    struct Reply
    {
        Status status = Status::Incomplete;
        qsizetype headerSize = 0; // Accepted: bytes of the reply before the first frame
        QString error;            // Refused: why, for people
    };
    // Reads the server's reply from the bytes received so far.
    Reply readReply(QByteArrayView received) const;

    // The Sec-WebSocket-Accept a server must answer to `key`.
    static QByteArray acceptFor(QByteArrayView key);

private:
    Reply refuse(const QString &why) const;

    QUrl m_url;
    QByteArray m_key;
    QString m_subprotocol;
};

} // namespace SurrealQt

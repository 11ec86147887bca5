#pragma once

// A TCP server for tests that speaks WebSocket by hand: it answers the upgrade (or not), unmasks
// each client frame and hands it to `onFrame`, so a test can break the protocol on purpose.

#include <client/websocket/WebSocketHandshake_p.h>

#include <QtCore/QCborMap>
#include <QtCore/QtEndian>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

#include <functional>

namespace SurrealQt::Test {

// One client frame as the server reads it (unmasked).
struct ClientFrame
{
    quint8 opcode = 0;
    QByteArray payload;
};

// An unmasked server frame.
inline QByteArray serverFrame(quint8 firstByte, const QByteArray &payload)
{
    QByteArray frame(1, char(firstByte));
    if (payload.size() < 126) {
        frame += char(payload.size());
    } else if (payload.size() <= 0xFFFF) {
        frame += char(126);
        frame += char(payload.size() >> 8);
        frame += char(payload.size() & 0xFF);
    } else {
        frame += char(127);
        QByteArray length(8, Qt::Uninitialized);
        qToBigEndian(quint64(payload.size()), length.data());
        frame += length;
    }
    return frame + payload;
}

inline QByteArray reply(qint64 id, const QCborValue &result)
{
    return QCborMap{{QStringLiteral("id"), id}, {QStringLiteral("result"), result}}
        .toCborValue()
        .toCbor();
}

// A TCP server that answers the upgrade (or not, per `upgrade`) and hands each client frame to
// `onFrame`.
class RawServer : public QObject
{
public:
    std::function<QByteArray(const QByteArray &key)> upgrade =
        [](const QByteArray &key) -> QByteArray {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
               "Upgrade\r\nSec-WebSocket-Protocol: cbor\r\nSec-WebSocket-Accept: "
               + WebSocketHandshake::acceptFor(key) + "\r\n\r\n";
    };
    std::function<void(QTcpSocket *, const ClientFrame &)> onFrame;
    QList<ClientFrame> received;

    explicit RawServer(const QHostAddress &address = QHostAddress::LocalHost)
    {
        QVERIFY(m_server.listen(address));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
    }

    QUrl url(const QString &host = QStringLiteral("127.0.0.1")) const
    {
        const QString bracketed = host.contains(u':') ? u'[' + host + u']' : host;
        return QUrl(QStringLiteral("ws://%1:%2/rpc").arg(bracketed).arg(m_server.serverPort()));
    }

private:
    void read(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype at = m_buffer.indexOf("Sec-WebSocket-Key: ") + 19;
            const QByteArray key = m_buffer.mid(at, m_buffer.indexOf("\r\n", at) - at);
            m_buffer.remove(0, end + 4);
            m_upgraded = true;
            const QByteArray answer = upgrade(key);
            if (!answer.isEmpty())
                socket->write(answer);
        }
        while (m_buffer.size() >= 6) {
            const auto *bytes = reinterpret_cast<const quint8 *>(m_buffer.constData());
            qsizetype header = 2;
            quint64 length = bytes[1] & 0x7F;
            if (length == 126) {
                length = qFromBigEndian<quint16>(bytes + 2);
                header = 4;
            } else if (length == 127) {
                length = qFromBigEndian<quint64>(bytes + 2);
                header = 10;
            }
            QVERIFY2(bytes[1] & 0x80, "a client frame must be masked");
            if (m_buffer.size() < header + 4 + qsizetype(length))
                return;
            const QByteArray key = m_buffer.mid(header, 4);
            ClientFrame frame{quint8(bytes[0] & 0x0F), m_buffer.mid(header + 4, qsizetype(length))};
            for (qsizetype i = 0; i < frame.payload.size(); ++i)
                frame.payload[i] = char(frame.payload[i] ^ key[i % 4]);
            m_buffer.remove(0, header + 4 + qsizetype(length));
            received.append(frame);
            if (onFrame)
                onFrame(socket, frame);
        }
    }

    QTcpServer m_server;
    QByteArray m_buffer;
    bool m_upgraded = false;
};

} // namespace SurrealQt::Test

// RFC 6455 framing and the opening handshake of PosixWebSocketTransport, byte for byte.

#include <client/websocket/WebSocketFraming_p.h>
#include <client/websocket/WebSocketHandshake_p.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace SurrealQt::WebSocketFraming;
using Kind = ServerEvent::Kind;

namespace {

// Feeds `bytes` one at a time and collects every event until the reader wants more.
QList<ServerEvent> readByteByByte(FrameReader &reader, const QByteArray &bytes)
{
    QList<ServerEvent> events;
    for (char byte : bytes) {
        reader.append(QByteArrayView(&byte, 1));
        for (ServerEvent event = reader.next(); event.kind != Kind::NeedMore; event = reader.next())
            events.append(event);
    }
    return events;
}

ServerEvent readOne(const QByteArray &bytes, qint64 maxMessageSize = 1 << 20)
{
    FrameReader reader(maxMessageSize);
    reader.append(bytes);
    return reader.next();
}

QByteArray replyHeader(const QByteArray &key, const QByteArray &extra = {})
{
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: "
           + WebSocketHandshake::acceptFor(key) + "\r\n" + extra + "\r\n";
}

} // namespace

class tst_WebSocketFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientFramesAreMaskedAsInTheRfc()
    {
        // RFC 6455 §5.7: a masked text frame "Hello", key 37 fa 21 3d.
        QByteArray out;
        appendClientFrame(out, Opcode::Text, "Hello", 0x37fa213d);
        QCOMPARE(out.toHex(), QByteArray("818537fa213d7f9f4d5158"));
    }

    void clientFrameLengthsUseTheShortestForm()
    {
        for (const auto &[size, header] :
             {std::pair{125, 2 + 4}, {126, 4 + 4}, {65535, 4 + 4}, {65536, 10 + 4}}) {
            QByteArray out;
            appendClientFrame(out, Opcode::Binary, QByteArray(size, 'x'), 0x01020304);
            QCOMPARE(out.size(), size + header);
            QCOMPARE(quint8(out.at(0)), quint8(0x82));
            QVERIFY(quint8(out.at(1)) & 0x80); // masked
        }
    }

    void unmaskedServerFramesAreRead()
    {
        const ServerEvent event = readOne(QByteArray::fromHex("810548656c6c6f"));
        QCOMPARE(event.kind, Kind::Message);
        QVERIFY(event.text);
        QCOMPARE(event.payload, QByteArray("Hello"));
        // 256 bytes (16-bit length) and 65536 bytes (64-bit length).
        for (int size : {256, 65536}) {
            QByteArray frame = QByteArray::fromHex(size == 256 ? "827e0100"
                                                               : "827f0000000000010000");
            frame += QByteArray(size, 'b');
            const ServerEvent big = readOne(frame);
            QCOMPARE(big.kind, Kind::Message);
            QVERIFY(!big.text);
            QCOMPARE(big.payload.size(), size);
        }
    }

    void fragmentsJoinAndControlFramesMayComeBetween()
    {
        // "Hel" (text, not final), a ping "!", then "lo" (continuation, final): fed a byte at a time.
        FrameReader reader(1 << 20);
        const QList<ServerEvent> events = readByteByByte(reader,
                                                         QByteArray::fromHex("010348656c"
                                                                             "890121"
                                                                             "80026c6f"));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, Kind::Ping);
        QCOMPARE(events.at(0).payload, QByteArray("!"));
        QCOMPARE(events.at(1).kind, Kind::Message);
        QVERIFY(events.at(1).text);
        QCOMPARE(events.at(1).payload, QByteArray("Hello"));
    }

    void manyFramesInOneReadComeOutInOrder()
    {
        FrameReader reader(1 << 20);
        QByteArray burst;
        for (int i = 0; i < 100; ++i)
            burst += QByteArray::fromHex("8201") + char(i);
        reader.append(burst);
        for (int i = 0; i < 100; ++i) {
            const ServerEvent event = reader.next();
            QCOMPARE(event.kind, Kind::Message);
            QCOMPARE(event.payload, QByteArray(1, char(i)));
        }
        QCOMPARE(reader.next().kind, Kind::NeedMore);
    }

    void closeFramesCarryCodeAndReason()
    {
        const ServerEvent withReason = readOne(QByteArray::fromHex("880503e9627965"));
        QCOMPARE(withReason.kind, Kind::Close);
        QCOMPARE(withReason.closeCode, quint16(1001));
        QCOMPARE(withReason.payload, QByteArray("bye"));
        const ServerEvent empty = readOne(QByteArray::fromHex("8800"));
        QCOMPARE(empty.kind, Kind::Close);
        QCOMPARE(empty.closeCode, quint16(1005));
    }

    void protocolViolationsEndTheReading_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("masked") << QByteArray::fromHex("8181010203044b") << 1002 << "masked";
        QTest::newRow("reserved bit") << QByteArray::fromHex("c10148") << 1002 << "reserved";
        QTest::newRow("unknown opcode") << QByteArray::fromHex("830148") << 1002 << "opcode 3";
        QTest::newRow("fragmented ping") << QByteArray::fromHex("090148") << 1002 << "control";
        QTest::newRow("long ping")
            << QByteArray::fromHex("897e007e") + QByteArray(126, 'p') << 1002 << "control";
        QTest::newRow("stray continuation")
            << QByteArray::fromHex("800148") << 1002 << "continuation";
        QTest::newRow("message in message")
            << QByteArray::fromHex("010148820149") << 1002 << "inside a fragmented";
        QTest::newRow("one-byte close") << QByteArray::fromHex("880103") << 1002 << "one-byte";
        // Refused from the header alone: the 2,000 bytes never need to arrive.
        QTest::newRow("too big") << QByteArray::fromHex("827e07d0") << 1009 << "larger than";
    }

    void protocolViolationsEndTheReading()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, closeCode);
        QFETCH(QString, mentions);
        FrameReader reader(1000);
        reader.append(bytes);
        const ServerEvent event = reader.next();
        QCOMPARE(event.kind, Kind::Error);
        QCOMPARE(int(event.closeCode), closeCode);
        QVERIFY2(event.error.contains(mentions), qPrintable(event.error));
        // Nothing more is read after an error, even a valid frame.
        reader.append(QByteArray::fromHex("810148"));
        QCOMPARE(reader.next().kind, Kind::NeedMore);
    }

    void handshakeRequestAsksForTheUpgrade()
    {
        const WebSocketHandshake handshake(QUrl(QStringLiteral("ws://[::1]:8000/rpc?x=1")),
                                           "dGhlIHNhbXBsZSBub25jZQ==",
                                           QStringLiteral("cbor"));
        const QByteArray request = handshake.request();
        QVERIFY(request.startsWith("GET /rpc?x=1 HTTP/1.1\r\n"));
        QVERIFY(request.contains("\r\nHost: [::1]:8000\r\n"));
        QVERIFY(request.contains("\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));
        QVERIFY(request.contains("\r\nSec-WebSocket-Protocol: cbor\r\n"));
        QVERIFY(request.contains("\r\nSec-WebSocket-Version: 13\r\n"));
        QVERIFY(request.endsWith("\r\n\r\n"));
    }

    void handshakeAcceptMatchesTheRfc()
    {
        QCOMPARE(WebSocketHandshake::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="),
                 QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void handshakeReplyIsChecked_data()
    {
        const QByteArray key = "dGhlIHNhbXBsZSBub25jZQ==";
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("accepted") << replyHeader(key, "Sec-WebSocket-Protocol: cbor\r\n")
                                  << int(WebSocketHandshake::Status::Accepted) << QString();
        QTest::newRow("no protocol echoed")
            << replyHeader(key) << int(WebSocketHandshake::Status::Accepted) << QString();
        QTest::newRow("incomplete") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpg")
                                    << int(WebSocketHandshake::Status::Incomplete) << QString();
        QTest::newRow("unauthorized")
            << QByteArray("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n")
            << int(WebSocketHandshake::Status::Refused) << QStringLiteral("HTTP 401 Unauthorized");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << int(WebSocketHandshake::Status::Refused)
                                  << QStringLiteral("HTTP");
        QTest::newRow("wrong accept")
            << replyHeader("b3RoZXIga2V5IGhlcmUhIQ==") << int(WebSocketHandshake::Status::Refused)
            << QStringLiteral("Sec-WebSocket-Accept");
        QTest::newRow("extension")
            << replyHeader(key, "Sec-WebSocket-Extensions: permessage-deflate\r\n")
            << int(WebSocketHandshake::Status::Refused) << QStringLiteral("extension");
        QTest::newRow("other protocol")
            << replyHeader(key, "Sec-WebSocket-Protocol: json\r\n")
            << int(WebSocketHandshake::Status::Refused) << QStringLiteral("\"json\"");
        QTest::newRow("endless header")
            << QByteArray("HTTP/1.1 101 OK\r\n") + QByteArray(70000, 'x')
            << int(WebSocketHandshake::Status::Refused) << QStringLiteral("KiB");
    }

    void handshakeReplyIsChecked()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, status);
        QFETCH(QString, mentions);
        const WebSocketHandshake handshake(QUrl(QStringLiteral("ws://127.0.0.1:8000/rpc")),
                                           "dGhlIHNhbXBsZSBub25jZQ==",
                                           QStringLiteral("cbor"));
        // Frames that follow the header in the same read are not part of it.
        const WebSocketHandshake::Reply read = handshake.readReply(QByteArray(reply + "\x82\x01!"));
        QCOMPARE(int(read.status), status);
        if (read.status == WebSocketHandshake::Status::Accepted)
            QCOMPARE(read.headerSize, reply.size());
        if (!mentions.isEmpty())
            QVERIFY2(read.error.contains(mentions), qPrintable(read.error));
    }
};

QTEST_APPLESS_MAIN(tst_WebSocketFraming)
#include "tst_websocketframing.moc"

// The WebSocket transport's readers on arbitrary bytes: FrameReader (every byte a server sends
// after the upgrade) and the handshake reply check (every byte before it). The input is read
// twice, whole and in uneven pieces, and both readings must agree event for event.

#include "FuzzSupport.h"

#include <client/websocket/WebSocketFraming_p.h>
#include <client/websocket/WebSocketHandshake_p.h>

using namespace SurrealQt;
using namespace SurrealQt::WebSocketFraming;

namespace {

constexpr qint64 kMaxMessageSize = 4096;

QString describe(const ServerEvent &event)
{
    return QStringLiteral("kind %1 text %2 code %3 size %4 error %5")
        .arg(int(event.kind))
        .arg(event.text)
        .arg(event.closeCode)
        .arg(event.payload.size())
        .arg(event.error);
}

// Every event the reader gives for `data` fed in pieces of `piece` bytes (0: all at once).
QList<QString> events(const QByteArray &data, qsizetype piece)
{
    FrameReader reader(kMaxMessageSize);
    QList<QString> seen;
    bool failed = false;
    for (qsizetype at = 0; at < data.size() || at == 0;) {
        const qsizetype size = piece == 0 ? data.size() : std::min(piece, data.size() - at);
        reader.append(QByteArrayView(data).sliced(at, size));
        at += size;
        for (ServerEvent event = reader.next(); event.kind != ServerEvent::Kind::NeedMore;
             event = reader.next()) {
            if (failed)
                SurrealQtFuzz::fail("an event after an error", describe(event));
            if (event.kind == ServerEvent::Kind::Message && event.payload.size() > kMaxMessageSize)
                SurrealQtFuzz::fail("a message over the limit", describe(event));
            if (event.kind == ServerEvent::Kind::Error && event.error.isEmpty())
                SurrealQtFuzz::fail("an error without a reason", describe(event));
            failed = event.kind == ServerEvent::Kind::Error;
            seen.append(describe(event));
        }
        if (size == 0)
            break;
    }
    return seen;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes = SurrealQtFuzz::bytesOf(data + 1, size - 1);
    // The first byte picks the reading: the handshake reply, or frames in pieces of 1..127.
    if (data[0] == 0xFF) {
        const WebSocketHandshake handshake(QUrl(QStringLiteral("ws://127.0.0.1:8000/rpc")),
                                           "dGhlIHNhbXBsZSBub25jZQ==",
                                           QStringLiteral("cbor"));
        const WebSocketHandshake::Reply reply = handshake.readReply(bytes);
        if (reply.status == WebSocketHandshake::Status::Refused && reply.error.isEmpty())
            SurrealQtFuzz::fail("a refused handshake without a reason", QString());
        if (reply.headerSize < 0 || reply.headerSize > bytes.size())
            SurrealQtFuzz::fail("a header size outside the input",
                                QString::number(reply.headerSize));
        return 0;
    }
    const QList<QString> whole = events(bytes, 0);
    const QList<QString> pieces = events(bytes, qsizetype(data[0] & 0x7F) + 1);
    if (whole != pieces)
        SurrealQtFuzz::fail("reading in pieces changed the events",
                            whole.join(u'\n') + QStringLiteral("\n---\n") + pieces.join(u'\n'));
    return 0;
}

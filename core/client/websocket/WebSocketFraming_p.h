#pragma once

// Private: RFC 6455 framing for the client side of a WebSocket (PosixWebSocketTransport).

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace SurrealQt::WebSocketFraming {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close codes this client sends (RFC 6455 §7.4.1).
constexpr quint16 kNormalClosure = 1000;
constexpr quint16 kProtocolError = 1002;
constexpr quint16 kMessageTooBig = 1009;
// What a close frame without a code stands for (never sent).
constexpr quint16 kNoStatusReceived = 1005;

// Appends one final client frame to `out`: header, then `payload` masked with `mask` (clients
// must mask every frame).
SURREALQT_CORE_EXPORT void appendClientFrame(QByteArray &out,
                                             Opcode opcode,
                                             QByteArrayView payload,
                                             quint32 mask);

// The payload of a close frame: the code, then the UTF-8 reason.
SURREALQT_CORE_EXPORT QByteArray closePayload(quint16 code, const QString &reason = {});

// One thing read from the server: a whole message (fragments joined), a control frame, or the
// error that ends the connection.
struct ServerEvent
{
    enum class Kind { NeedMore, Message, Ping, Pong, Close, Error };
    Kind kind = Kind::NeedMore;
    bool text = false;     // Message: a text message (else binary)
    QByteArray payload;    // Message, Ping, Pong: the data; Close: the reason, in UTF-8
    quint16 closeCode = 0; // Close: the code (1005 when the frame had none); Error: the code to send
    QString error;         // Error: what was wrong, for people
};

// Reads the frames a server sends, from bytes appended as they arrive. It checks what RFC 6455
// asks of a client: no mask, no reserved bits (no extension is negotiated), known opcodes, short
// and unfragmented control frames, continuation only inside a fragmented message, and a limit on
// a message's size. After an Error it reads nothing more.
class SURREALQT_CORE_EXPORT FrameReader
{
    Q_DECLARE_TR_FUNCTIONS(FrameReader)

public:
    explicit FrameReader(qint64 maxMessageSize)
        : m_maxMessageSize(maxMessageSize)
    {}

    // Room for at least `minimum` more bytes at the end of the buffer; commit() what was written.
    char *reserve(qsizetype minimum);
    void commit(qsizetype written);
    void append(QByteArrayView bytes);

    // The bytes not read yet (the handshake reply is read from here), and dropping a prefix.
    QByteArrayView unread() const { return QByteArrayView(m_buffer).sliced(m_read); }
    void skip(qsizetype bytes) { m_read += bytes; }

    // How many bytes the frame being read still needs (0 when unknown), to size the next read.
    qint64 bytesWanted() const;

    // The next event; Kind::NeedMore when the buffer holds no whole frame.
    ServerEvent next();

private:
    ServerEvent fail(quint16 code, const QString &why);
    void compact();

    QByteArray m_buffer;
    qsizetype m_read = 0; // bytes of m_buffer already consumed
    qsizetype m_reservedAt = 0;
    qint64 m_wanted = 0; // total size of the frame at m_read, once its header is whole
    qint64 m_maxMessageSize;
    QByteArray m_fragments; // the data frames of a fragmented message so far
    bool m_inFragmented = false;
    bool m_fragmentedText = false;
    bool m_failed = false;
};

} // namespace SurrealQt::WebSocketFraming

#include "WebSocketFraming_p.h"

#include <QtCore/QtEndian>

#include <cstring>
#include <limits>

namespace SurrealQt::WebSocketFraming {

namespace {

constexpr quint8 kFin = 0x80;
constexpr quint8 kReservedBits = 0x70;
constexpr quint8 kOpcodeBits = 0x0F;
constexpr quint8 kMasked = 0x80;
constexpr quint8 kLength16 = 126;
constexpr quint8 kLength64 = 127;
constexpr qint64 kMaxControlPayload = 125;
// A consumed prefix larger than this is moved out of the buffer before the next read.
constexpr qsizetype kCompactAfter = qsizetype(64) * 1024;
// An empty buffer keeps at most this much capacity after a large message.
constexpr qsizetype kKeepCapacity = qsizetype(1024) * 1024;

bool isControl(quint8 opcode)
{
    return (opcode & 0x8) != 0;
}

// XORs `size` bytes at `data` with the 4-byte key, eight bytes at a time.
void mask(char *data, qsizetype size, quint32 key)
{
    quint8 keyBytes[4];
    qToBigEndian(key, keyBytes);
    quint32 key32 = 0;
    std::memcpy(&key32, keyBytes, 4);
    const quint64 key64 = (quint64(key32) << 32) | key32;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word = 0;
        std::memcpy(&word, data + i, 8);
        word ^= key64;
        std::memcpy(data + i, &word, 8);
    }
    for (; i < size; ++i)
        data[i] = char(quint8(data[i]) ^ keyBytes[i & 3]);
}

} // namespace

void appendClientFrame(QByteArray &out, Opcode opcode, QByteArrayView payload, quint32 key)
{
    const qsizetype size = payload.size();
    quint8 header[14];
    qsizetype headerSize = 2;
    header[0] = kFin | quint8(opcode);
    if (size < kLength16) {
        header[1] = kMasked | quint8(size);
    } else if (size <= 0xFFFF) {
        header[1] = kMasked | kLength16;
        qToBigEndian(quint16(size), header + 2);
        headerSize = 4;
    } else {
        header[1] = kMasked | kLength64;
        qToBigEndian(quint64(size), header + 2);
        headerSize = 10;
    }
    qToBigEndian(key, header + headerSize);
    headerSize += 4;
    const qsizetype start = out.size();
    out.resize(start + headerSize + size);
    char *at = out.data() + start;
    std::memcpy(at, header, std::size_t(headerSize));
    if (size > 0) {
        std::memcpy(at + headerSize, payload.data(), std::size_t(size));
        mask(at + headerSize, size, key);
    }
}

QByteArray closePayload(quint16 code, const QString &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    // A control frame carries at most 125 bytes; the reason is cut to fit.
    payload.append(reason.toUtf8().left(kMaxControlPayload - 2));
    return payload;
}

char *FrameReader::reserve(qsizetype minimum)
{
    compact();
    const qsizetype at = m_buffer.size();
    m_buffer.resize(at + minimum);
    m_reservedAt = at;
    return m_buffer.data() + at;
}

void FrameReader::commit(qsizetype written)
{
    m_buffer.resize(m_reservedAt + written);
}

void FrameReader::append(QByteArrayView bytes)
{
    std::memcpy(reserve(bytes.size()), bytes.data(), std::size_t(bytes.size()));
}

qint64 FrameReader::bytesWanted() const
{
    const qint64 have = m_buffer.size() - m_read;
    return m_wanted > have ? m_wanted - have : 0;
}

void FrameReader::compact()
{
    if (m_read == 0)
        return;
    if (m_read == m_buffer.size()) {
        if (m_buffer.capacity() > kKeepCapacity) {
            m_buffer = QByteArray();
        } else {
            m_buffer.truncate(0);
        }
        m_read = 0;
    } else if (m_read >= kCompactAfter || m_read * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_read);
        m_read = 0;
    }
}

ServerEvent FrameReader::fail(quint16 code, const QString &why)
{
    m_failed = true;
    ServerEvent event;
    event.kind = ServerEvent::Kind::Error;
    event.closeCode = code;
    event.error = why;
    return event;
}

ServerEvent FrameReader::next()
{
    while (!m_failed) {
        const qsizetype available = m_buffer.size() - m_read;
        if (available < 2)
            return {};
        const auto *bytes = reinterpret_cast<const quint8 *>(m_buffer.constData() + m_read);
        const bool fin = (bytes[0] & kFin) != 0;
        const quint8 opcode = bytes[0] & kOpcodeBits;
        const quint8 length7 = bytes[1] & 0x7F;
        const qsizetype headerSize = length7 == kLength16 ? 4 : length7 == kLength64 ? 10 : 2;
        if (available < headerSize)
            return {};
        if ((bytes[0] & kReservedBits) != 0)
            return fail(kProtocolError, tr("the server set reserved bits in a frame"));
        if ((bytes[1] & kMasked) != 0)
            return fail(kProtocolError, tr("the server sent a masked frame"));
        quint64 length = length7;
        if (length7 == kLength16) {
            length = qFromBigEndian<quint16>(bytes + 2);
        } else if (length7 == kLength64) {
            length = qFromBigEndian<quint64>(bytes + 2);
        }
        if (length > quint64(std::numeric_limits<qint64>::max()))
            return fail(kProtocolError, tr("the server sent a frame length over 2^63"));
        if (isControl(opcode) && (!fin || qint64(length) > kMaxControlPayload)) {
            return fail(kProtocolError,
                        tr("the server sent a control frame that is fragmented or too long"));
        }
        const qint64 messageSoFar = m_inFragmented ? m_fragments.size() : 0;
        if (!isControl(opcode) && qint64(length) > m_maxMessageSize - messageSoFar) {
            return fail(kMessageTooBig,
                        tr("the server sent a message larger than the %1 MiB limit")
                            .arg(m_maxMessageSize / (qint64(1024) * 1024)));
        }
        m_wanted = headerSize + qint64(length);
        if (available < m_wanted)
            return {};
        const QByteArrayView payload(m_buffer.constData() + m_read + headerSize, qsizetype(length));
        m_read += qsizetype(m_wanted);
        m_wanted = 0;
        ServerEvent event;
        switch (Opcode(opcode)) {
        case Opcode::Text:
        case Opcode::Binary:
            if (m_inFragmented) {
                return fail(kProtocolError,
                            tr("the server started a message inside a fragmented one"));
            }
            if (!fin) {
                m_inFragmented = true;
                m_fragmentedText = Opcode(opcode) == Opcode::Text;
                m_fragments = payload.toByteArray();
                continue;
            }
            event.kind = ServerEvent::Kind::Message;
            event.text = Opcode(opcode) == Opcode::Text;
            event.payload = payload.toByteArray();
            return event;
        case Opcode::Continuation:
            if (!m_inFragmented) {
                return fail(kProtocolError,
                            tr("the server sent a continuation frame outside a message"));
            }
            m_fragments.append(payload);
            if (!fin)
                continue;
            m_inFragmented = false;
            event.kind = ServerEvent::Kind::Message;
            event.text = m_fragmentedText;
            event.payload = std::exchange(m_fragments, QByteArray());
            return event;
        case Opcode::Ping:
        case Opcode::Pong:
            event.kind = Opcode(opcode) == Opcode::Ping ? ServerEvent::Kind::Ping
                                                        : ServerEvent::Kind::Pong;
            event.payload = payload.toByteArray();
            return event;
        case Opcode::Close:
            if (payload.size() == 1)
                return fail(kProtocolError, tr("the server sent a one-byte close frame"));
            event.kind = ServerEvent::Kind::Close;
            event.closeCode = payload.isEmpty() ? kNoStatusReceived
                                                : qFromBigEndian<quint16>(payload.data());
            if (payload.size() > 2)
                event.payload = payload.sliced(2).toByteArray();
            return event;
        }
        return fail(kProtocolError,
                    tr("the server sent a frame with unknown opcode %1").arg(opcode));
    }
    return {};
}

} // namespace SurrealQt::WebSocketFraming

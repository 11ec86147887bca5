#include "PosixWebSocketTransport_p.h"

#include <QtCore/QAbstractEventDispatcher>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPointer>
#include <QtCore/QSocketNotifier>
#include <QtNetwork/QHostInfo>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace SurrealQt {

Q_DECLARE_LOGGING_CATEGORY(lcWs)

using WebSocketFraming::Opcode;
using WebSocketFraming::ServerEvent;

namespace {

constexpr qint64 kMaxMessageSize = 128LL * 1024 * 1024;
constexpr qsizetype kReadChunk = qsizetype(64) * 1024;
constexpr qsizetype kMaxReadChunk = qsizetype(16) * 1024 * 1024;
// Frames gathered while delivering are written once they reach this size, without waiting.
constexpr qsizetype kWriteEarlyAt = qsizetype(256) * 1024;
// How long close() waits for the server to close its side before hanging up.
constexpr std::chrono::milliseconds kClosingGrace{1000};

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// The socket address of `address`:`port`; its length, or 0 for an address of no known family.
socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage &storage)
{
    std::memset(&storage, 0, sizeof storage);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(address.toIPv4Address());
        return sizeof(sockaddr_in);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        in6->sin6_scope_id = address.scopeId().toUInt();
        return sizeof(sockaddr_in6);
    }
    return 0;
}

} // namespace

PosixWebSocketTransport::PosixWebSocketTransport(std::chrono::milliseconds handshakeTimeout,
                                                 QObject *parent)
    : WebSocketTransport(parent)
    , m_handshakeTimeout(handshakeTimeout)
    , m_reader(kMaxMessageSize)
    , m_maskKeys(QRandomGenerator::global()->generate())
{
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Closing)
            return stop(); // the server did not close in time: hang up anyway
        fail(tr("no WebSocket handshake within %1 ms").arg(m_handshakeTimeout.count()));
    });
}

PosixWebSocketTransport::~PosixWebSocketTransport()
{
    stop();
}

void PosixWebSocketTransport::open(const QUrl &url, const QString &subprotocol)
{
    m_state = State::Resolving;
    m_error.clear();
    m_port = quint16(url.port(80));
    QByteArray key(16, Qt::Uninitialized);
    m_maskKeys.fillRange(reinterpret_cast<quint32 *>(key.data()), 4);
    m_handshake.emplace(url, key.toBase64(), subprotocol);
    m_handshakeTimer.start(m_handshakeTimeout);
    // Gathered frames must be on the wire before the loop sleeps, nested loops included.
    if (auto *dispatcher = QAbstractEventDispatcher::instance(thread())) {
        connect(dispatcher,
                &QAbstractEventDispatcher::aboutToBlock,
                this,
                &PosixWebSocketTransport::flush,
                Qt::UniqueConnection);
    }
    const QString host = url.host();
    if (const QHostAddress literal(host); !literal.isNull()) {
        m_addresses = {literal};
        connectNext();
        return;
    }
    m_lookupId = QHostInfo::lookupHost(host, this, &PosixWebSocketTransport::resolved);
}

void PosixWebSocketTransport::resolved(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_state != State::Resolving)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
        return fail(tr("cannot resolve %1: %2").arg(info.hostName(), info.errorString()));
    m_addresses = info.addresses();
    connectNext();
}

void PosixWebSocketTransport::connectNext()
{
    while (!m_addresses.isEmpty()) {
        const QHostAddress address = m_addresses.takeFirst();
        sockaddr_storage storage{};
        const socklen_t length = toSockaddr(address, m_port, storage);
        if (length == 0)
            continue;
        m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            m_error = systemError(errno);
            continue;
        }
        // Requests and replies are single small writes: do not hold them back (Nagle).
        const int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        m_state = State::Connecting;
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&storage), length) == 0)
            return finishConnect();
        if (errno == EINPROGRESS) {
            setWriteWatch(true);
            return;
        }
        m_error = systemError(errno);
        closeSocket();
    }
    fail(m_error.isEmpty() ? tr("no address to connect to") : m_error);
}

void PosixWebSocketTransport::finishConnect()
{
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
        error = errno;
    if (error != 0) {
        m_error = systemError(error);
        closeSocket();
        m_state = State::Resolving;
        return connectNext();
    }
    setWriteWatch(false);
    m_state = State::Handshaking;
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &PosixWebSocketTransport::onReadable);
    m_out += m_handshake->request();
    flush();
}

void PosixWebSocketTransport::onWritable()
{
    if (m_state == State::Connecting)
        return finishConnect();
    setWriteWatch(false);
    flush();
}

bool PosixWebSocketTransport::readAvailable()
{
    for (;;) {
        const auto wanted = qsizetype(
            std::clamp<qint64>(m_reader.bytesWanted(), kReadChunk, kMaxReadChunk));
        char *at = m_reader.reserve(wanted);
        const ssize_t got = ::read(m_fd, at, std::size_t(wanted));
        m_reader.commit(got > 0 ? qsizetype(got) : 0);
        if (got == wanted)
            continue;
        if (got > 0)
            return true; // drained: the notifier fires again when more arrives
        if (got == 0) {
            m_error = tr("the server closed the connection");
            return false;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return true;
        m_error = systemError(errno);
        return false;
    }
}

void PosixWebSocketTransport::onReadable()
{
    if (m_state == State::Closing)
        return drainWhileClosing();
    const QPointer<PosixWebSocketTransport> alive(this);
    ++m_deliveryDepth;
    const bool stillOpen = readAvailable();
    if (m_state == State::Handshaking)
        readHandshake();
    while (alive && m_state == State::Open) {
        ServerEvent event = m_reader.next();
        if (event.kind == ServerEvent::Kind::NeedMore)
            break;
        handle(std::move(event));
    }
    if (!alive)
        return;
    --m_deliveryDepth;
    if (!stillOpen && m_state != State::Closed)
        return fail(m_error);
    if (m_deliveryDepth == 0)
        flush();
}

void PosixWebSocketTransport::readHandshake()
{
    const WebSocketHandshake::Reply reply = m_handshake->readReply(m_reader.unread());
    if (reply.status == WebSocketHandshake::Status::Incomplete)
        return;
    if (reply.status == WebSocketHandshake::Status::Refused)
        return fail(reply.error);
    m_reader.skip(reply.headerSize);
    m_handshakeTimer.stop();
    m_state = State::Open;
    Q_EMIT connected();
}

void PosixWebSocketTransport::handle(ServerEvent event)
{
    switch (event.kind) {
    case ServerEvent::Kind::NeedMore:
    case ServerEvent::Kind::Pong:
        return;
    case ServerEvent::Kind::Message:
        if (event.text) {
            Q_EMIT textMessageReceived(event.payload);
        } else {
            Q_EMIT binaryMessageReceived(event.payload);
        }
        return;
    case ServerEvent::Kind::Ping:
        send(Opcode::Pong, event.payload);
        return;
    case ServerEvent::Kind::Close: {
        const quint16 echo = event.closeCode == WebSocketFraming::kNoStatusReceived
                                 ? WebSocketFraming::kNormalClosure
                                 : event.closeCode;
        send(Opcode::Close, WebSocketFraming::closePayload(echo));
        flush();
        QString why = tr("the server closed the connection (code %1)").arg(event.closeCode);
        if (!event.payload.isEmpty())
            why += QStringLiteral(": ") + QString::fromUtf8(event.payload);
        return fail(why);
    }
    case ServerEvent::Kind::Error:
        send(Opcode::Close, WebSocketFraming::closePayload(event.closeCode));
        flush();
        return fail(event.error);
    }
}

void PosixWebSocketTransport::sendBinary(const QByteArray &message)
{
    send(Opcode::Binary, message);
}

void PosixWebSocketTransport::sendText(const QByteArray &utf8)
{
    send(Opcode::Text, utf8);
}

void PosixWebSocketTransport::send(Opcode opcode, QByteArrayView payload)
{
    if (m_state != State::Open) {
        qCDebug(lcWs) << "dropped a frame sent while the socket is not open";
        return;
    }
    WebSocketFraming::appendClientFrame(m_out, opcode, payload, m_maskKeys.generate());
    // While messages are being delivered, their follow-up requests go out together at the end.
    if (m_deliveryDepth == 0 || m_out.size() - m_outWritten >= kWriteEarlyAt)
        flush();
}

void PosixWebSocketTransport::flush()
{
    const bool waitingToDrain = m_writeNotifier && m_writeNotifier->isEnabled();
    if (m_fd < 0 || m_outWritten == m_out.size() || waitingToDrain)
        return;
    while (m_outWritten < m_out.size()) {
        const ssize_t written = ::send(m_fd,
                                       m_out.constData() + m_outWritten,
                                       std::size_t(m_out.size() - m_outWritten),
                                       MSG_NOSIGNAL);
        if (written >= 0) {
            m_outWritten += written;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return setWriteWatch(true); // the kernel's buffer is full: wait until it drains
        return fail(systemError(errno));
    }
    if (m_out.capacity() > kWriteEarlyAt) {
        m_out = QByteArray();
    } else {
        m_out.truncate(0);
    }
    m_outWritten = 0;
}

void PosixWebSocketTransport::setWriteWatch(bool on)
{
    if (!m_writeNotifier) {
        if (!on)
            return;
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        connect(m_writeNotifier,
                &QSocketNotifier::activated,
                this,
                &PosixWebSocketTransport::onWritable);
    }
    m_writeNotifier->setEnabled(on);
}

void PosixWebSocketTransport::closeSocket()
{
    // This may run inside a notifier's own signal: let the event loop delete them.
    for (QSocketNotifier **notifier : {&m_readNotifier, &m_writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_out = QByteArray();
    m_outWritten = 0;
}

void PosixWebSocketTransport::close()
{
    if (m_state != State::Open)
        return stop();
    send(Opcode::Close, WebSocketFraming::closePayload(WebSocketFraming::kNormalClosure));
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false); // one last try to write, without waiting
    flush();
    // With no event loop left (an owner destroyed after the application object), nothing would
    // run the grace period: the close frame is all the server gets.
    if (m_fd < 0 || QAbstractEventDispatcher::instance(thread()) == nullptr)
        return stop();
    ::shutdown(m_fd, SHUT_WR);
    m_state = State::Closing;
    m_handshakeTimer.start(kClosingGrace);
}

void PosixWebSocketTransport::drainWhileClosing()
{
    // What the server still sends is read and dropped; its end of the stream ends ours.
    const bool stillOpen = readAvailable();
    m_reader.skip(m_reader.unread().size());
    if (!stillOpen)
        stop();
}

void PosixWebSocketTransport::stop()
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_handshakeTimer.stop();
    closeSocket();
    m_state = State::Closed;
}

void PosixWebSocketTransport::abort()
{
    if (m_state == State::Idle || m_state == State::Closed)
        return;
    fail(tr("the connection was aborted"));
}

void PosixWebSocketTransport::fail(const QString &why)
{
    if (m_state == State::Closed)
        return;
    stop();
    m_error = why;
    qCDebug(lcWs) << "socket closed:" << why;
    Q_EMIT disconnected();
}

} // namespace SurrealQt

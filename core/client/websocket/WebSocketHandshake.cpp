#include "WebSocketHandshake_p.h"

#include <surrealqt/version.h>

#include <QtCore/QCryptographicHash>
#include <QtCore/QList>

#include <algorithm>

namespace SurrealQt {

namespace {

constexpr QByteArrayView kAcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr QByteArrayView kEndOfHeader = "\r\n\r\n";
// A reply header longer than this is not a WebSocket server's.
constexpr qsizetype kMaxHeaderSize = qsizetype(64) * 1024;
constexpr int kSwitchingProtocols = 101;

// The value of header `name` (compared without case), or a null array when it is absent.
QByteArray headerValue(const QList<QByteArrayView> &lines, QByteArrayView name)
{
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.sliced(colon + 1).trimmed().toByteArray();
    }
    return {};
}

bool hasToken(QByteArrayView commaList, QByteArrayView token)
{
    const QList<QByteArray> parts = commaList.toByteArray().split(',');
    return std::any_of(parts.cbegin(), parts.cend(), [token](const QByteArray &part) {
        return part.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

WebSocketHandshake::WebSocketHandshake(QUrl url, QByteArray key, QString subprotocol)
    : m_url(std::move(url))
    , m_key(std::move(key))
    , m_subprotocol(std::move(subprotocol))
{}

QByteArray WebSocketHandshake::request() const
{
    QByteArray path = m_url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (m_url.hasQuery())
        path += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = m_url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = m_url.port(m_url.scheme() == QLatin1String("wss") ? 443 : 80);
    if (m_url.port() != -1)
        host += ':' + QByteArray::number(port);
    QByteArray request;
    request.reserve(256);
    request += "GET " + path + " HTTP/1.1\r\n";
    request += "Host: " + host + "\r\n";
    request += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    request += "Sec-WebSocket-Key: " + m_key + "\r\n";
    request += "Sec-WebSocket-Version: 13\r\n";
    if (!m_subprotocol.isEmpty())
        request += "Sec-WebSocket-Protocol: " + m_subprotocol.toUtf8() + "\r\n";
    request += "User-Agent: SurrealQt/" SURREALQT_VERSION_STRING "\r\n\r\n";
    return request;
}

QByteArray WebSocketHandshake::acceptFor(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(kAcceptGuid);
    return sha1.result().toBase64();
}

WebSocketHandshake::Reply WebSocketHandshake::refuse(const QString &why) const
{
    return {Status::Refused, 0, why};
}

WebSocketHandshake::Reply WebSocketHandshake::readReply(QByteArrayView received) const
{
    const qsizetype end = received.indexOf(kEndOfHeader);
    if (end < 0) {
        if (received.size() > kMaxHeaderSize) {
            return refuse(
                tr("the server's handshake reply is over %1 KiB").arg(kMaxHeaderSize / 1024));
        }
        return {};
    }
    QList<QByteArrayView> lines;
    for (qsizetype at = 0; at < end;) {
        qsizetype next = received.indexOf("\r\n", at);
        if (next < 0 || next > end)
            next = end;
        lines.append(received.sliced(at, next - at));
        at = next + 2;
    }
    const QList<QByteArray> status = lines.value(0).toByteArray().split(' ');
    if (status.size() < 2 || !status.at(0).startsWith("HTTP/"))
        return refuse(tr("the server did not answer with HTTP"));
    bool numeric = false;
    const int code = status.at(1).toInt(&numeric);
    if (!numeric)
        return refuse(tr("the server did not answer with HTTP"));
    if (code != kSwitchingProtocols) {
        const QByteArray reason = lines.value(0).sliced(status.at(0).size() + 1).toByteArray();
        return refuse(tr("the server answered HTTP %1 instead of upgrading to WebSocket")
                          .arg(QString::fromUtf8(reason.trimmed())));
    }
    if (headerValue(lines, "Upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
        return refuse(tr("the server's reply has no Upgrade: websocket header"));
    if (!hasToken(headerValue(lines, "Connection"), "upgrade"))
        return refuse(tr("the server's reply has no Connection: Upgrade header"));
    if (headerValue(lines, "Sec-WebSocket-Accept") != acceptFor(m_key))
        return refuse(tr("the server's Sec-WebSocket-Accept does not match the key sent"));
    if (!headerValue(lines, "Sec-WebSocket-Extensions").isEmpty())
        return refuse(tr("the server chose a WebSocket extension that was not offered"));
    const QByteArray protocol = headerValue(lines, "Sec-WebSocket-Protocol");
    if (!protocol.isEmpty() && QString::fromUtf8(protocol) != m_subprotocol) {
        return refuse(tr(R"(the server chose the subprotocol "%1" instead of "%2")")
                          .arg(QString::fromUtf8(protocol), m_subprotocol));
    }
    return {Status::Accepted, end + kEndOfHeader.size(), {}};
}

} // namespace SurrealQt

#include "Envelope.h"

#include <surrealqt/values/Values.h>

#include <QtCore/QCborMap>

namespace SurrealQt {

namespace {

constexpr quint64 kUuidTag = 37;

QUuid uuidOf(const QCborValue &value)
{
    if (value.isUuid())
        return value.toUuid();
    if (value.isTag() && value.tag() == QCborTag(kUuidTag)) {
        const QByteArray bytes = value.taggedValue().toByteArray();
        if (bytes.size() == 16)
            return QUuid::fromRfc4122(bytes);
    }
    if (value.isString())
        return QUuid::fromString(value.toString());
    return {};
}

std::optional<qint64> idOf(const QCborValue &value)
{
    if (value.isInteger())
        return value.toInteger();
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().toLongLong(&ok);
        if (ok)
            return id;
    }
    return std::nullopt;
}

RpcMessage malformed(QString why, std::optional<qint64> id = std::nullopt)
{
    RpcMessage message;
    message.type = RpcMessage::Type::Malformed;
    message.id = id;
    message.error = RpcError(RpcError::Kind::Protocol, std::move(why));
    return message;
}

} // namespace

QCborValue RpcRequest::toCbor() const
{
    QCborMap map;
    map.insert(QLatin1String("id"), id);
    map.insert(QLatin1String("method"), method);
    map.insert(QLatin1String("params"), params);
    if (!session.isNull())
        map.insert(QLatin1String("session"), QCborValue(session));
    if (!txn.isNull())
        map.insert(QLatin1String("txn"), QCborValue(txn));
    return map;
}

QByteArray RpcRequest::toBytes() const
{
    // A map of 3 to 5 entries written by hand: its keys are short constant text strings.
    QByteArray bytes;
    // Room for the envelope and a typical query, so that the writer seldom grows the buffer.
    bytes.reserve(256);
    const auto key = [&bytes](QLatin1StringView name) {
        bytes.append(char(0x60 + name.size())); // text string, length < 24
        bytes.append(name.data(), name.size());
    };
    bytes.append(char(0xa3 + (session.isNull() ? 0 : 1) + (txn.isNull() ? 0 : 1)));
    key(QLatin1StringView("id"));
    Values::appendCbor(bytes, QCborValue(id));
    key(QLatin1StringView("method"));
    Values::appendCborText(bytes, method);
    key(QLatin1StringView("params"));
    Values::appendCbor(bytes, params);
    if (!session.isNull()) {
        key(QLatin1StringView("session"));
        Values::appendCbor(bytes, QCborValue(session));
    }
    if (!txn.isNull()) {
        key(QLatin1StringView("txn"));
        Values::appendCbor(bytes, QCborValue(txn));
    }
    return bytes;
}

RpcMessage RpcMessage::fromCbor(const QCborValue &frame)
{
    if (!frame.isMap())
        return malformed(QStringLiteral("the server sent a frame that is not an object"));
    const QCborMap map = frame.toMap();
    const QCborValue idValue = map.value(QLatin1String("id"));
    const std::optional<qint64> id = idOf(idValue);
    const QUuid session = uuidOf(map.value(QLatin1String("session")));

    if (map.contains(QLatin1String("error"))) {
        RpcMessage message;
        message.type = Type::Error;
        message.id = id;
        message.session = session;
        message.error = RpcError::fromWire(map.value(QLatin1String("error")));
        if (!id && !idValue.isNull() && !idValue.isUndefined())
            return malformed(QStringLiteral("an error reply carries an id this client never sent"));
        return message;
    }
    if (!map.contains(QLatin1String("result"))) {
        return malformed(QStringLiteral("the server sent a frame with neither result nor error"),
                         id);
    }

    const QCborValue result = map.value(QLatin1String("result"));
    if (!map.contains(QLatin1String("id")) || idValue.isNull() || idValue.isUndefined()) {
        // Live notifications are the only frames without an id.
        const QCborMap inner = result.toMap();
        if (!result.isMap() || uuidOf(inner.value(QLatin1String("id"))).isNull()
            || !inner.value(QLatin1String("action")).isString())
            return malformed(QStringLiteral("a frame without an id is not a live notification"));
        RpcMessage message;
        message.type = Type::Notification;
        message.result = result;
        message.session = session.isNull() ? uuidOf(inner.value(QLatin1String("session")))
                                           : session;
        return message;
    }
    if (!id)
        return malformed(QStringLiteral("the reply's id is not one this client sends"));
    RpcMessage message;
    message.type = Type::Response;
    message.id = id;
    message.session = session;
    message.result = result;
    return message;
}

RpcMessage RpcMessage::fromBytes(const QByteArray &bytes)
{
    // Decoded once, straight into canonical values (and validated: a datetime with three
    // elements is an error here, not a surprise in the application).
    QString error;
    if (const std::optional<QCborValue> frame = Values::decodeCbor(bytes, &error))
        return fromCbor(*frame);
    // Well-formed CBOR with a bad value inside still names its call, which then fails at once
    // instead of timing out.
    QCborParserError parseError;
    const QCborValue lax = QCborValue::fromCbor(bytes, &parseError);
    std::optional<qint64> id;
    if (parseError.error == QCborError::NoError && lax.isMap())
        id = idOf(lax.toMap().value(QLatin1String("id")));
    return malformed(QStringLiteral("the server sent malformed CBOR: %1").arg(error), id);
}

} // namespace SurrealQt

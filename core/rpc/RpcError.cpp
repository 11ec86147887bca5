#include "RpcError.h"

#include <QtCore/QCborMap>

#include <array>
#include <utility>

namespace SurrealQt {

namespace {

constexpr std::array kKindNames = {
    std::pair{RpcError::Kind::Validation, "Validation"},
    std::pair{RpcError::Kind::Configuration, "Configuration"},
    std::pair{RpcError::Kind::Query, "Query"},
    std::pair{RpcError::Kind::Serialization, "Serialization"},
    std::pair{RpcError::Kind::NotAllowed, "NotAllowed"},
    std::pair{RpcError::Kind::NotFound, "NotFound"},
    std::pair{RpcError::Kind::AlreadyExists, "AlreadyExists"},
    std::pair{RpcError::Kind::Connection, "Connection"},
    std::pair{RpcError::Kind::Thrown, "Thrown"},
    std::pair{RpcError::Kind::Internal, "Internal"},
    std::pair{RpcError::Kind::Timeout, "Timeout"},
    std::pair{RpcError::Kind::Cancelled, "Cancelled"},
    std::pair{RpcError::Kind::ConnectionLost, "ConnectionLost"},
    std::pair{RpcError::Kind::Protocol, "Protocol"},
};

} // namespace

RpcError::RpcError(Kind kind, QString message, int code, QCborValue details)
    : m_kind(kind)
    , m_code(code)
    , m_message(std::move(message))
    , m_details(std::move(details))
{}

RpcError::Kind RpcError::kindFromName(QStringView name)
{
    for (const auto &[kind, text] : kKindNames) {
        if (name == QLatin1String(text))
            return kind;
    }
    return Kind::Internal;
}

QString RpcError::kindName(Kind kind)
{
    for (const auto &[candidate, text] : kKindNames) {
        if (candidate == kind)
            return QString::fromLatin1(text);
    }
    return QStringLiteral("None");
}

RpcError::Kind RpcError::kindFromCode(int code)
{
    switch (code) {
    case -32700:
        return Kind::Serialization; // Parse
    case -32600:
    case -32602:
    case -32603:
        return Kind::Validation; // InvalidRequest, 2.x InvalidParams, 3.x InvalidParams
    case -32601:
        return Kind::NotFound; // MethodNotFound
    case -32002:
        return Kind::NotAllowed; // InvalidAuth
    case -32004:
        return Kind::Timeout;
    case -32005:
        return Kind::Cancelled;
    case -32006:
        return Kind::Thrown;
    case -32007:
    case -32008:
        return Kind::Serialization;
    case -32009:
        return Kind::Query; // TransactionConflict
    default:
        return Kind::Internal;
    }
}

RpcError RpcError::fromWire(const QCborValue &error)
{
    if (!error.isMap())
        return {Kind::Protocol, QStringLiteral("the server sent an error that is not an object")};
    const QCborMap map = error.toMap();
    const int code = static_cast<int>(map.value(QLatin1String("code")).toInteger());
    QString message = map.value(QLatin1String("message")).toString();
    if (message.isEmpty())
        message = QStringLiteral("the server reported an error without a message");
    const QCborValue kindValue = map.value(QLatin1String("kind"));
    const Kind kind = kindValue.isString() ? kindFromName(kindValue.toString())
                                           : kindFromCode(code);
    return {kind, message, code, map.value(QLatin1String("details"))};
}

QString RpcError::detailKind() const
{
    QString innermost;
    QCborValue level = m_details;
    for (int depth = 0; depth < 8 && level.isMap(); ++depth) {
        const QCborValue kind = level.toMap().value(QLatin1String("kind"));
        if (kind.isString())
            innermost = kind.toString();
        level = level.toMap().value(QLatin1String("details"));
    }
    return innermost;
}

bool RpcError::isAuthFailure() const
{
    if (m_kind != Kind::NotAllowed)
        return false;
    const QString detail = detailKind();
    return detail.isEmpty() || detail == QLatin1String("TokenExpired")
           || detail == QLatin1String("InvalidAuth") || detail == QLatin1String("NotAllowed")
           || detail == QLatin1String("SessionExpired") || detail == QLatin1String("Auth");
}

QString RpcError::toString() const
{
    if (!isError())
        return {};
    QString text = kindName(m_kind);
    if (m_code != 0)
        text += QLatin1Char(' ') + QString::number(m_code);
    return text + QLatin1String(": ") + m_message;
}

QDebug operator<<(QDebug debug, const RpcError &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "RpcError(" << error.toString() << ')';
    return debug;
}

} // namespace SurrealQt

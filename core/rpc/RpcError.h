#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QString>

namespace SurrealQt {

// One error type for everything a call can end with: a server error (3.x `kind`/`details`, or a
// 2.x numeric code mapped to a kind) or a client-side failure (timeout, cancel, lost connection,
// a malformed frame).
class SURREALQT_CORE_EXPORT RpcError
{
public:
    enum class Kind {
        None,
        // Server kinds, as SurrealDB 3.x names them.
        Validation,
        Configuration,
        Query,
        Serialization,
        NotAllowed,
        NotFound,
        AlreadyExists,
        Connection,
        Thrown,
        Internal,
        // Client-side kinds.
        Timeout,
        Cancelled,
        ConnectionLost,
        Protocol,
    };

    RpcError() = default;
    RpcError(Kind kind, QString message, int code = 0, QCborValue details = {});

    // Builds an error from the wire `error` object: {code, message, kind?, details?}.
    static RpcError fromWire(const QCborValue &error);
    static Kind kindFromName(QStringView name);
    static QString kindName(Kind kind);
    // The kind a 2.x server meant by its numeric code (3.x sends `kind` itself).
    static Kind kindFromCode(int code);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int code() const { return m_code; }
    const QString &message() const { return m_message; }
    // 3.x details, e.g. {kind: "Auth", details: {kind: "TokenExpired"}}; undefined when absent.
    const QCborValue &details() const { return m_details; }
    // The innermost details kind ("TokenExpired" above), or an empty string.
    QString detailKind() const;
    // Whether the server refused the credentials or the token (expired, invalid, not allowed).
    bool isAuthFailure() const;

    QString toString() const;

    friend bool operator==(const RpcError &a, const RpcError &b)
    {
        return a.m_kind == b.m_kind && a.m_code == b.m_code && a.m_message == b.m_message;
    }

private:
    Kind m_kind = Kind::None;
    int m_code = 0;
    QString m_message;
    QCborValue m_details;
};

SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const RpcError &error);

} // namespace SurrealQt

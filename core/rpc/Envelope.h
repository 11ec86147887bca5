#pragma once

#include "RpcError.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QCborArray>
#include <QtCore/QCborValue>
#include <QtCore/QUuid>

namespace SurrealQt {

// A request as it goes on the wire: {id, method, params, session?, txn?}.
struct SURREALQT_CORE_EXPORT RpcRequest
{
    qint64 id = 0;
    QString method;
    QCborArray params;
    QUuid session; // null: the connection's default session
    QUuid txn;     // null: no interactive transaction

    QCborValue toCbor() const;
    // toCbor() as wire bytes, written straight from the fields (the per-call hot path).
    QByteArray toBytes() const;
};

// What a frame from the server turned out to be.
struct SURREALQT_CORE_EXPORT RpcMessage
{
    enum class Type {
        Response,     // {id, result}
        Error,        // {id, error}
        Notification, // {result: {id: <live uuid>, action, record, result}}
        Malformed,    // not decodable, or not shaped like any of the above
    };

    Type type = Type::Malformed;
    // The request id, when it could be read (even from an otherwise malformed reply).
    std::optional<qint64> id;
    QCborValue result; // Response: the result; Notification: the inner notification map
    RpcError error;    // Error: the server's error; Malformed: what was wrong
    QUuid session;     // the session the message belongs to, when the server named one

    // Classifies one decoded frame.
    static RpcMessage fromCbor(const QCborValue &frame);
    // Decodes and classifies one binary frame; a decoding failure yields a Malformed message.
    static RpcMessage fromBytes(const QByteArray &bytes);
};

} // namespace SurrealQt

#pragma once

#include "CallOptions.h"
#include "Connection.h"

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborValue>
#include <QtCore/QFuture>
#include <QtCore/QPointer>
#include <QtCore/QVariant>

#include <type_traits>

namespace SurrealQt {

// One argument of a function call as a CBOR value: anything QCborValue takes directly (numbers,
// strings, QCborArray, QCborMap, QUuid, QDateTime, ...), else through QVariant.
template<typename T>
QCborValue toFunctionArgument(const T &value)
{
    if constexpr (std::is_constructible_v<QCborValue, const T &>) {
        return QCborValue(value);
    } else {
        return QCborValue::fromVariant(QVariant::fromValue(value));
    }
}

// The base of the generated per-namespace wrappers (MathFunctions, StringFunctions, ...; see
// BuiltinFunctions.h): runs one built-in function on a connection with the `run` RPC method.
class SURREALQT_CORE_EXPORT FunctionNamespace
{
public:
    FunctionNamespace(Connection *connection, CallOptions options);

protected:
    template<typename... Args>
    QFuture<Result<QCborValue>> invoke(const QString &name, const Args &...args) const
    {
        return run(name, QCborArray{toFunctionArgument(args)...});
    }
    // `run` for one function.
    QFuture<Result<QCborValue>> run(const QString &name, const QCborArray &args) const;
    // A constant (math::pi): `run` cannot read one, so it is evaluated with RETURN. Only names
    // from the generated list get here, never a caller's string.
    QFuture<Result<QCborValue>> constant(const QString &name) const;

private:
    friend class Functions;

    QPointer<Connection> m_connection;
    CallOptions m_options;
};

} // namespace SurrealQt

#pragma once

#include "FunctionNamespace.h"

#include <surrealqt/client/BuiltinFunctions.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QStringList>

namespace SurrealQt {

// SurrealDB functions on a connection: any function by name, the built-ins through typed
// accessors generated from resources/surql/functions.txt, and custom `fn::` functions.
//
//     Functions functions(connection);
//     functions.fn(u"math::sqrt"_s, {16});        // by name, arguments as a QCborArray
//     functions.call(u"math::sqrt"_s, 16);          // by name, arguments as C++ values
//     functions.math().sqrt(16);                    // generated wrapper
//     functions.custom(u"greet"_s, {u"Tobie"_s});   // fn::greet
//
// Names are checked (identifiers separated by ::) and arguments always travel as CBOR values.
// The server checks the arity and the argument types and reports errors as RpcError.
class SURREALQT_CORE_EXPORT Functions : public BuiltinFunctions
{
public:
    explicit Functions(Connection *connection, CallOptions options = {});

    // Runs `name` (math::sqrt, fn::greet, count) with `args`; a constant (math::pi) is read.
    // A malformed name fails with RpcError::Kind::Validation without reaching the server.
    QFuture<Result<QCborValue>> fn(const QString &name, const QCborArray &args = {}) const;

    template<typename... Args>
    QFuture<Result<QCborValue>> call(const QString &name, const Args &...args) const
    {
        return fn(name, QCborArray{toFunctionArgument(args)...});
    }

    // A custom function: `greet` or `fn::greet` both run fn::greet.
    QFuture<Result<QCborValue>> custom(const QString &name, const QCborArray &args = {}) const;

    // Identifiers ([A-Za-z_][A-Za-z0-9_]*) separated by ::.
    static bool isValidName(QStringView name);
    static bool isBuiltin(QStringView name);
    static bool isConstant(QStringView name);
    static QStringList builtinNames();
};

} // namespace SurrealQt

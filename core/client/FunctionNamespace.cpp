#include "FunctionNamespace.h"

#include <QtCore/QFuture>

namespace SurrealQt {

namespace {

QFuture<Result<QCborValue>> noConnection()
{
    return QtFuture::makeReadyFuture(Result<QCborValue>(
        RpcError(RpcError::Kind::ConnectionLost, QStringLiteral("the connection is gone"))));
}

} // namespace

FunctionNamespace::FunctionNamespace(Connection *connection, CallOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{}

QFuture<Result<QCborValue>> FunctionNamespace::run(const QString &name, const QCborArray &args) const
{
    if (!m_connection)
        return noConnection();
    return m_connection->run(name, args, m_options);
}

QFuture<Result<QCborValue>> FunctionNamespace::constant(const QString &name) const
{
    if (!m_connection)
        return noConnection();
    return m_connection->query(QStringLiteral("RETURN ") + name, {}, m_options)
        .then([name](const Result<QueryResponse> &response) -> Result<QCborValue> {
            if (!response)
                return response.error();
            if (!response->isOk())
                return response->firstError();
            return response->value(0);
        });
}

} // namespace SurrealQt

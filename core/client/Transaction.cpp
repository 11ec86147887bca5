#include "Transaction.h"

#include "WebSocketConnection.h"

#include <utility>

namespace SurrealQt {

namespace {

template<typename T>
QFuture<Result<T>> failed(RpcError::Kind kind, const QString &message)
{
    return QtFuture::makeReadyFuture(Result<T>(RpcError(kind, message)));
}

} // namespace

Transaction::Transaction(WebSocketConnection *connection, const QUuid &id, CallOptions options)
    : m_connection(connection)
    , m_options(std::move(options))
{
    m_options.txn = id;
}

Transaction::~Transaction()
{
    cancelIfOpen();
}

Transaction::Transaction(Transaction &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
    , m_options(std::move(other.m_options))
    , m_state(std::exchange(other.m_state, State::Cancelled))
{}

Transaction &Transaction::operator=(Transaction &&other) noexcept
{
    if (this != &other) {
        cancelIfOpen();
        m_connection = std::exchange(other.m_connection, nullptr);
        m_options = std::move(other.m_options);
        m_state = std::exchange(other.m_state, State::Cancelled);
    }
    return *this;
}

QFuture<Result<std::shared_ptr<Transaction>>> Transaction::begin(WebSocketConnection *connection,
                                                                 const CallOptions &options)
{
    using Shared = std::shared_ptr<Transaction>;
    if (!connection)
        return failed<Shared>(RpcError::Kind::ConnectionLost, QStringLiteral("no connection"));
    const QPointer<WebSocketConnection> guard(connection);
    return connection->begin(options).then([guard, options](const Result<QUuid> &id) {
        if (!id)
            return Result<Shared>(id.error());
        if (!guard) {
            return Result<Shared>(
                RpcError(RpcError::Kind::ConnectionLost, QStringLiteral("the connection is gone")));
        }
        return Result<Shared>(std::make_shared<Transaction>(guard.data(), id.value(), options));
    });
}

QFuture<Result<QueryResponse>> Transaction::query(const QString &surql, const QCborMap &vars) const
{
    if (!m_connection || !isOpen()) {
        return failed<QueryResponse>(RpcError::Kind::Validation,
                                     QStringLiteral("the transaction is no longer open"));
    }
    return m_connection->query(surql, vars, m_options);
}

QFuture<Result<QCborValue>> Transaction::call(const QString &method, const QCborArray &params) const
{
    if (!m_connection || !isOpen()) {
        return failed<QCborValue>(RpcError::Kind::Validation,
                                  QStringLiteral("the transaction is no longer open"));
    }
    return m_connection->call(method, params, m_options);
}

QFuture<Result<QCborValue>> Transaction::commit()
{
    return finish(State::Committed);
}

QFuture<Result<QCborValue>> Transaction::cancel()
{
    return finish(State::Cancelled);
}

QFuture<Result<QCborValue>> Transaction::finish(State state)
{
    if (!isOpen()) {
        return failed<QCborValue>(RpcError::Kind::Validation,
                                  QStringLiteral("the transaction was already committed or "
                                                 "cancelled"));
    }
    m_state = state;
    if (!m_connection) {
        return failed<QCborValue>(RpcError::Kind::ConnectionLost,
                                  QStringLiteral("the connection is gone"));
    }
    CallOptions options = m_options;
    options.txn = QUuid(); // commit/cancel name the transaction in their parameters
    return state == State::Committed ? m_connection->commit(m_options.txn, options)
                                     : m_connection->cancel(m_options.txn, options);
}

void Transaction::cancelIfOpen()
{
    if (isOpen() && m_connection)
        finish(State::Cancelled); // fire and forget: the reply is not awaited
}

} // namespace SurrealQt

#pragma once

#include "CallOptions.h"

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QPointer>
#include <QtCore/QUuid>

#include <memory>

namespace SurrealQt {

class WebSocketConnection;

// An interactive 3.x transaction (WebSocketConnection::begin/commit/cancel) as a scoped object:
// queries run inside it until commit() or cancel(); destroyed while still open, it cancels
// itself (fire and forget), so an early return or an error path never leaves it dangling.
//
//     auto txn = wait(Transaction::begin(connection));   // Result<std::shared_ptr<Transaction>>
//     (*txn)->query(u"CREATE item SET n = $n"_s, {{u"n"_s, 1}});
//     (*txn)->commit();
//
// Other calls join it through options(): connection->create(what, data, txn.options()).
class SURREALQT_CORE_EXPORT Transaction
{
public:
    enum class State { Open, Committed, Cancelled };

    // Adopts a transaction that WebSocketConnection::begin() opened.
    Transaction(WebSocketConnection *connection, const QUuid &id, CallOptions options = {});
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&other) noexcept;

    // Begins a transaction (in options.session, if set).
    static QFuture<Result<std::shared_ptr<Transaction>>> begin(WebSocketConnection *connection,
                                                               const CallOptions &options = {});

    QUuid id() const { return m_options.txn; }
    State state() const { return m_state; }
    bool isOpen() const { return m_state == State::Open; }
    // The call options that route a request into this transaction.
    const CallOptions &options() const { return m_options; }

    QFuture<Result<QueryResponse>> query(const QString &surql, const QCborMap &vars = {}) const;
    QFuture<Result<QCborValue>> call(const QString &method, const QCborArray &params = {}) const;

    // Ends the transaction. Either may be called once; afterwards both fail with Validation.
    QFuture<Result<QCborValue>> commit();
    QFuture<Result<QCborValue>> cancel();

private:
    QFuture<Result<QCborValue>> finish(State state);
    void cancelIfOpen();

    QPointer<WebSocketConnection> m_connection;
    CallOptions m_options;
    State m_state = State::Open;
};

} // namespace SurrealQt

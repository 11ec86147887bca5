#pragma once

#include <surrealqt/client/Transaction.h>
#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/rpc/Result.h>

#include <QtCore/QFuture>
#include <QtCore/QPromise>

#include <functional>
#include <memory>

namespace SurrealQt {

// An atomic block (Django's transaction.atomic): runs `body` inside a new transaction, then
// commits when the future the body returns succeeds and cancels when it fails (or when the
// commit itself fails). The result is the body's, or the error that undid everything.
//
//   atomic<Author>(connection, [&](const Transaction &txn) {
//       return people.inTransaction(txn).save(ann);
//   });
template<typename R>
QFuture<Result<R>> atomic(WebSocketConnection *connection,
                          std::function<QFuture<Result<R>>(const Transaction &)> body)
{
    auto promise = std::make_shared<QPromise<Result<R>>>();
    promise->start();
    QFuture<Result<R>> future = promise->future();
    const auto finish = [promise](Result<R> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    Transaction::begin(connection)
        .then([body, finish](const Result<std::shared_ptr<Transaction>> &begun) {
            if (!begun)
                return finish(begun.error());
            const std::shared_ptr<Transaction> txn = begun.value();
            body(*txn).then([txn, finish](const Result<R> &result) {
                if (!result) {
                    txn->cancel().then(
                        [finish, result](const Result<QCborValue> &) { finish(result); });
                    return;
                }
                txn->commit().then([finish, result](const Result<QCborValue> &committed) {
                    finish(committed ? result : Result<R>(committed.error()));
                });
            });
        });
    return future;
}

} // namespace SurrealQt

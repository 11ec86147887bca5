#pragma once

#include "CallOptions.h"
#include "Credentials.h"

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QPromise>

#include <functional>
#include <memory>

namespace SurrealQt {

// What every SurrealDB connection offers, whatever carries it (WebSocket or HTTP): the RPC
// methods as typed asynchronous calls. Subclasses implement call(); everything else is built on
// it. Every value travels as a bound parameter, never spliced into SurrealQL text.
class SURREALQT_CORE_EXPORT Connection : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Sends one RPC request. The future always finishes: with the result, or with an RpcError
    // (server error, timeout, cancel via QFuture::cancel(), lost connection).
    virtual QFuture<Result<QCborValue>> call(const QString &method,
                                             const QCborArray &params = {},
                                             const CallOptions &options = {})
        = 0;

    QFuture<Result<QCborValue>> ping(const CallOptions &options = {});
    QFuture<Result<QString>> version(const CallOptions &options = {});
    QFuture<Result<QCborValue>> info(const CallOptions &options = {});
    QFuture<Result<QCborValue>> use(const QString &ns,
                                    const QString &db,
                                    const CallOptions &options = {});
    // Resolves with the token (3.x may answer {access, refresh}: the access token is returned).
    QFuture<Result<QString>> signin(const Credentials &credentials, const CallOptions &options = {});
    QFuture<Result<QString>> signup(const Credentials &credentials, const CallOptions &options = {});
    QFuture<Result<QCborValue>> authenticate(const QString &token, const CallOptions &options = {});
    QFuture<Result<QCborValue>> invalidate(const CallOptions &options = {});
    QFuture<Result<QCborValue>> reset(const CallOptions &options = {});
    QFuture<Result<QCborValue>> let(const QString &name,
                                    const QCborValue &value,
                                    const CallOptions &options = {});
    QFuture<Result<QCborValue>> unset(const QString &name, const CallOptions &options = {});

    QFuture<Result<QueryResponse>> query(const QString &surql,
                                         const QCborMap &vars = {},
                                         const CallOptions &options = {});

    // CRUD on a table or record id (`what` is a Table, RecordId or range value).
    QFuture<Result<QCborValue>> select(const QCborValue &what, const CallOptions &options = {});
    QFuture<Result<QCborValue>> create(const QCborValue &what,
                                       const QCborValue &data = {},
                                       const CallOptions &options = {});
    QFuture<Result<QCborValue>> insert(const QCborValue &what,
                                       const QCborValue &data,
                                       const CallOptions &options = {});
    QFuture<Result<QCborValue>> insertRelation(const QCborValue &table,
                                               const QCborValue &data,
                                               const CallOptions &options = {});
    QFuture<Result<QCborValue>> update(const QCborValue &what,
                                       const QCborValue &data = {},
                                       const CallOptions &options = {});
    QFuture<Result<QCborValue>> upsert(const QCborValue &what,
                                       const QCborValue &data = {},
                                       const CallOptions &options = {});
    QFuture<Result<QCborValue>> merge(const QCborValue &what,
                                      const QCborValue &data,
                                      const CallOptions &options = {});
    QFuture<Result<QCborValue>> patch(const QCborValue &what,
                                      const QCborArray &patches,
                                      bool diff = false,
                                      const CallOptions &options = {});
    QFuture<Result<QCborValue>> remove(const QCborValue &what, const CallOptions &options = {});
    QFuture<Result<QCborValue>> relate(const QCborValue &in,
                                       const QCborValue &relation,
                                       const QCborValue &out,
                                       const QCborValue &data = {},
                                       const CallOptions &options = {});
    // Runs a function: `run("math::sqrt", {16})`, `run("fn::greet", {"Tobie"})`.
    QFuture<Result<QCborValue>> run(const QString &function,
                                    const QCborArray &args = {},
                                    const CallOptions &options = {});

protected:
    // Turns a signin/signup result (a token string or {access, refresh}) into the access token.
    static Result<QString> tokenFrom(const Result<QCborValue> &result);

    // Sends one request and hands its result to `done`, on this object's thread. The default
    // goes through call()'s future; a connection that can deliver without a QFuture of its own
    // overrides it (a QFuture costs allocations, a mutex and a continuation per call).
    virtual void callInto(const QString &method,
                          const QCborArray &params,
                          const CallOptions &options,
                          std::function<void(const Result<QCborValue> &)> done);

    // call() with the result converted to Result<T>. Cancelling the returned future cancels
    // the request itself, which a plain .then() chain does not do on Qt 6.4.
    template<typename T, typename Convert>
    QFuture<Result<T>> callAs(const QString &method,
                              const QCborArray &params,
                              CallOptions options,
                              Convert convert)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        QFuture<Result<T>> future = promise->future();
        const std::weak_ptr<QPromise<Result<T>>> weak = promise;
        options.cancelled = [weak, outer = options.cancelled] {
            const auto typed = weak.lock();
            return !typed || typed->isCanceled() || (outer && outer());
        };
        callInto(method, params, options, [promise, convert](const Result<QCborValue> &result) {
            promise->addResult(convert(result));
            promise->finish();
        });
        return future;
    }
};

} // namespace SurrealQt

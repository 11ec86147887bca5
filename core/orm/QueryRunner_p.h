#pragma once

#include "SurqlQuery.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>

#include <QtCore/QCborArray>
#include <QtCore/QFuture>
#include <QtCore/QPromise>

#include <memory>

namespace SurrealQt {

// Runs compiled ORM queries over a Connection and turns the reply into typed results.
class QueryRunner
{
public:
    // Every statement's value, in order; or the error that stopped it (a compile error, no
    // connection, the transport, or the first failed statement, preferring the real cause over
    // the "not executed" of the other statements of a failed transaction).
    static QFuture<Result<QCborArray>> run(Connection *connection,
                                           const Result<SurqlQuery> &query,
                                           const CallOptions &options = {});

    // run() with the last statement's value converted by `convert` (Result<T>(QCborValue)).
    template<typename T, typename Convert>
    static QFuture<Result<T>> runAs(Connection *connection,
                                    const Result<SurqlQuery> &query,
                                    Convert convert,
                                    const CallOptions &options = {})
    {
        return run(connection, query, options).then([convert](const Result<QCborArray> &values) {
            if (!values)
                return Result<T>(values.error());
            return Result<T>(convert(values->isEmpty() ? QCborValue() : values->last()));
        });
    }

    template<typename T>
    static QFuture<Result<T>> ready(Result<T> result)
    {
        QPromise<Result<T>> promise;
        promise.start();
        promise.addResult(std::move(result));
        promise.finish();
        return promise.future();
    }

    static Result<QCborArray> checked(const Result<QueryResponse> &response);
};

} // namespace SurrealQt

#include "QueryRunner_p.h"

#include <QtCore/QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

Result<QCborArray> QueryRunner::checked(const Result<QueryResponse> &response)
{
    if (!response)
        return response.error();
    RpcError first;
    for (const StatementResult &statement : response->statements()) {
        if (statement.isOk())
            continue;
        if (!first.isError() || first.detailKind() == u"NotExecuted"_s)
            first = statement.error();
    }
    if (first.isError())
        return first;
    QCborArray values;
    for (const StatementResult &statement : response->statements())
        values.append(statement.result());
    return values;
}

QFuture<Result<QCborArray>> QueryRunner::run(Connection *connection,
                                             const Result<SurqlQuery> &query,
                                             const CallOptions &options)
{
    if (!query)
        return ready(Result<QCborArray>(query.error()));
    if (!connection) {
        return ready(Result<QCborArray>(
            RpcError(RpcError::Kind::ConnectionLost,
                     QCoreApplication::translate("SurrealQt::QuerySet",
                                                 "the query set has no connection"))));
    }
    return connection->query(query->text(), query->vars(), options).then(&QueryRunner::checked);
}

} // namespace SurrealQt

// QuerySet's bulk writes: INSERT per chunk, UPDATE ... MERGE, DELETE and UPSERT.

#include "QuerySet.h"

#include "QueryRunner_p.h"

#include <QtCore/QCoreApplication>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

RpcError invalid(const char *message, const QString &arg = {})
{
    QString text = QCoreApplication::translate("SurrealQt::QuerySet", message);
    if (!arg.isNull())
        text = text.arg(arg);
    return RpcError(RpcError::Kind::Validation, text);
}

// The number of records a write statement returned (`RETURN VALUE id`).
qint64 countOf(const QCborValue &value)
{
    return value.isArray() ? value.toArray().size() : 0;
}

// Runs one request after the other, summing the records each reports, stopping at an error.
struct ChunkRun
{
    QPointer<Connection> connection;
    CallOptions options;
    QList<SurqlQuery> queries;
    qsizetype next = 0;
    qint64 total = 0;
    QPromise<Result<qint64>> promise;

    static void step(const std::shared_ptr<ChunkRun> &run)
    {
        if (run->next == run->queries.size()) {
            run->promise.addResult(run->total);
            run->promise.finish();
            return;
        }
        QueryRunner::run(run->connection, run->queries.at(run->next++), run->options)
            .then([run](const Result<QCborArray> &values) {
                if (!values) {
                    run->promise.addResult(values.error());
                    run->promise.finish();
                    return;
                }
                for (const QCborValue &value : values.value())
                    run->total += countOf(value);
                step(run);
            });
    }
};

} // namespace

Result<QList<SurqlQuery>> QuerySet::bulkCreateSurql(const QList<QCborMap> &rows,
                                                    const BulkOptions &options) const
{
    const auto table = tableName();
    if (!table)
        return table.error();
    if (options.chunkSize < 1) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "bulkCreate() needs a chunk size of at least 1"));
    }
    QList<SurqlQuery> queries;
    SurqlQuery atomic;
    QStringList statements;
    for (qsizetype start = 0; start < rows.size(); start += options.chunkSize) {
        QCborArray chunk;
        for (qsizetype i = start; i < qMin(rows.size(), start + options.chunkSize); ++i)
            chunk.append(rows.at(i));
        SurqlQuery &query = options.atomic ? atomic : queries.emplace_back();
        const QString statement = u"INSERT INTO "_s + table.value() + u' ' + query.bind(chunk)
                                  + u" RETURN VALUE id"_s;
        if (options.atomic) {
            statements.append(statement);
        } else {
            query.setText(statement);
        }
    }
    if (options.atomic && !statements.isEmpty()) {
        atomic.setText(u"BEGIN TRANSACTION; "_s + statements.join(u"; "_s)
                       + u"; COMMIT TRANSACTION;"_s);
        queries.append(atomic);
    }
    return queries;
}

Result<SurqlQuery> QuerySet::bulkUpdateSurql(const QCborMap &data) const
{
    if (isSliced()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "bulkUpdate() on a sliced query set (limit or offset)"));
    }
    const auto table = tableName();
    if (!table)
        return table.error();
    SurqlQuery query;
    QString text = u"UPDATE "_s + table.value() + u" MERGE "_s + query.bind(u"data"_s, data);
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    query.setText(text + u" RETURN VALUE id"_s);
    return query;
}

Result<SurqlQuery> QuerySet::bulkDeleteSurql() const
{
    if (isSliced()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "bulkDelete() on a sliced query set (limit or offset)"));
    }
    const auto table = tableName();
    if (!table)
        return table.error();
    SurqlQuery query;
    QString text = u"DELETE "_s + table.value();
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    query.setText(text + u" RETURN VALUE $before.id"_s);
    return query;
}

Result<SurqlQuery> QuerySet::upsertSurql(const QCborMap &data) const
{
    if (isSliced()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "upsert() on a sliced query set (limit or offset)"));
    }
    const auto table = tableName();
    if (!table)
        return table.error();
    SurqlQuery query;
    QString text = u"UPSERT "_s + table.value() + u" MERGE "_s + query.bind(u"data"_s, data);
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    query.setText(text);
    return query;
}

Result<SurqlQuery> QuerySet::upsertSurql(const RecordId &id, const QCborMap &data) const
{
    const auto table = tableName();
    if (!table)
        return table.error();
    if (id.table() != m_table) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "upsert(): the record id %1 is not in this table"),
                       id.toSurql());
    }
    SurqlQuery query;
    const QString target = query.bind(u"id"_s, id.toCbor());
    const QString merged = query.bind(u"data"_s, data);
    query.setText(u"UPSERT "_s + target + u" MERGE "_s + merged);
    return query;
}

QFuture<Result<qint64>> QuerySet::bulkCreate(const QList<QCborMap> &rows,
                                             const BulkOptions &options) const
{
    const auto queries = bulkCreateSurql(rows, options);
    if (!queries)
        return QueryRunner::ready(Result<qint64>(queries.error()));
    auto run = std::make_shared<ChunkRun>();
    run->connection = m_connection;
    run->options = m_options;
    run->queries = queries.value();
    run->promise.start();
    QFuture<Result<qint64>> future = run->promise.future();
    ChunkRun::step(run);
    return future;
}

QFuture<Result<qint64>> QuerySet::bulkUpdate(const QCborMap &data) const
{
    return QueryRunner::runAs<qint64>(m_connection, bulkUpdateSurql(data), countOf, m_options);
}

QFuture<Result<qint64>> QuerySet::bulkDelete() const
{
    return QueryRunner::runAs<qint64>(m_connection, bulkDeleteSurql(), countOf, m_options);
}

QFuture<Result<QCborArray>> QuerySet::upsert(const QCborMap &data) const
{
    return QueryRunner::runAs<QCborArray>(
        m_connection, upsertSurql(data), [](const QCborValue &v) { return v.toArray(); }, m_options);
}

QFuture<Result<QCborValue>> QuerySet::upsert(const RecordId &id, const QCborMap &data) const
{
    return QueryRunner::runAs<QCborValue>(
        m_connection,
        upsertSurql(id, data),
        [](const QCborValue &v) { return v.isArray() ? v.toArray().first() : v; },
        m_options);
}

} // namespace SurrealQt

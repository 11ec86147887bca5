// QuerySet's reading terminals: they run the compiled queries of QuerySet.cpp.

#include "QuerySet.h"

#include "QueryRunner_p.h"

#include <surrealqt/values/Values.h>

#include <QtCore/QCborMap>
#include <QtCore/QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

QCborArray rows(const QCborValue &value)
{
    if (value.isArray())
        return value.toArray();
    if (value.isUndefined() || value.isNull())
        return {};
    return QCborArray{value};
}

// The `key` of the single row an aggregate query returns; `fallback` without a row.
QCborValue aggregateValue(const QCborValue &value, const QString &key, const QCborValue &fallback)
{
    const QCborArray list = rows(value);
    if (list.isEmpty())
        return fallback;
    return list.first().toMap().value(key);
}

RpcError getError(RpcError::Kind kind, const char *detail, const char *message, const QString &table)
{
    return RpcError(kind,
                    QString::fromLatin1(detail) + u": "_s
                        + QCoreApplication::translate("SurrealQt::QuerySet", message).arg(table),
                    0,
                    QCborMap{{u"kind"_s, QString::fromLatin1(detail)}});
}

} // namespace

QFuture<Result<QCborArray>> QuerySet::all() const
{
    return QueryRunner::runAs<QCborArray>(m_connection, toSurql(), rows, m_options);
}

QFuture<Result<qint64>> QuerySet::count() const
{
    return QueryRunner::runAs<qint64>(
        m_connection,
        countSurql(),
        [](const QCborValue &value) { return aggregateValue(value, u"count"_s, 0).toInteger(); },
        m_options);
}

QFuture<Result<bool>> QuerySet::exists() const
{
    return QueryRunner::runAs<bool>(
        m_connection,
        existsSurql(),
        [](const QCborValue &value) { return !rows(value).isEmpty(); },
        m_options);
}

QFuture<Result<std::optional<QCborValue>>> QuerySet::firstOf(const Result<SurqlQuery> &query) const
{
    return QueryRunner::runAs<std::optional<QCborValue>>(
        m_connection,
        query,
        [](const QCborValue &value) -> std::optional<QCborValue> {
            const QCborArray list = rows(value);
            if (list.isEmpty())
                return std::nullopt;
            return list.first();
        },
        m_options);
}

QFuture<Result<std::optional<QCborValue>>> QuerySet::first() const
{
    return firstOf(firstSurql());
}

QFuture<Result<std::optional<QCborValue>>> QuerySet::last() const
{
    return firstOf(lastSurql());
}

QFuture<Result<QCborValue>> QuerySet::get() const
{
    const QString table = m_table;
    return QueryRunner::run(m_connection, getSurql(), m_options)
        .then([table](const Result<QCborArray> &values) -> Result<QCborValue> {
            if (!values)
                return values.error();
            const QCborArray list = rows(values->isEmpty() ? QCborValue() : values->last());
            if (list.isEmpty()) {
                return getError(RpcError::Kind::NotFound,
                                "DoesNotExist",
                                QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                                  "get() found no %1 record that matches"),
                                table);
            }
            if (list.size() > 1) {
                return getError(RpcError::Kind::Query,
                                "MultipleObjectsReturned",
                                QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                                  "get() found more than one %1 record that "
                                                  "matches"),
                                table);
            }
            return list.first();
        });
}

QFuture<Result<QCborValue>> QuerySet::aggregate(const Aggregate &aggregate) const
{
    const bool plainCount = aggregate.function() == Aggregate::Function::Count
                            && aggregate.field().isEmpty();
    const bool zeroWhenEmpty = aggregate.function() == Aggregate::Function::Sum
                               || aggregate.function() == Aggregate::Function::Count;
    return QueryRunner::runAs<QCborValue>(
        m_connection,
        aggregateSurql(aggregate),
        [plainCount, zeroWhenEmpty](const QCborValue &v) {
            return aggregateValue(v,
                                  plainCount ? u"count"_s : u"value"_s,
                                  zeroWhenEmpty ? QCborValue(0) : Values::none());
        },
        m_options);
}

QFuture<Result<QCborValue>> QuerySet::sum(const QString &field) const
{
    return aggregate(Aggregate::sum(field));
}

QFuture<Result<QCborValue>> QuerySet::avg(const QString &field) const
{
    return aggregate(Aggregate::avg(field));
}

QFuture<Result<QCborValue>> QuerySet::min(const QString &field) const
{
    return aggregate(Aggregate::min(field));
}

QFuture<Result<QCborValue>> QuerySet::max(const QString &field) const
{
    return aggregate(Aggregate::max(field));
}

} // namespace SurrealQt

#pragma once

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>

namespace SurrealQt {

// An aggregate for QuerySet::annotate() and the aggregate terminals: count(), and sum, avg,
// min and max of a field through SurrealDB's math:: functions.
class SURREALQT_CORE_EXPORT Aggregate
{
public:
    enum class Function { Count, Sum, Avg, Min, Max };

    // count(): the number of records in the group.
    static Aggregate count();
    // count(field): the records whose field is truthy.
    static Aggregate count(const QString &field);
    static Aggregate sum(const QString &field);
    // math::mean.
    static Aggregate avg(const QString &field);
    static Aggregate min(const QString &field);
    static Aggregate max(const QString &field);

    Function function() const { return m_function; }
    const QString &field() const { return m_field; }

    // `count()`, `math::sum(age)`, `math::mean(address.score)`...; fails for an invalid field.
    Result<QString> toSurql() const;

private:
    Aggregate(Function function, QString field)
        : m_function(function)
        , m_field(std::move(field))
    {}

    Function m_function = Function::Count;
    QString m_field;
};

} // namespace SurrealQt

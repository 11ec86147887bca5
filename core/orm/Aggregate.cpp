#include "Aggregate.h"

#include "FieldPath.h"

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

Aggregate Aggregate::count()
{
    return {Function::Count, {}};
}

Aggregate Aggregate::count(const QString &field)
{
    return {Function::Count, field};
}

Aggregate Aggregate::sum(const QString &field)
{
    return {Function::Sum, field};
}

Aggregate Aggregate::avg(const QString &field)
{
    return {Function::Avg, field};
}

Aggregate Aggregate::min(const QString &field)
{
    return {Function::Min, field};
}

Aggregate Aggregate::max(const QString &field)
{
    return {Function::Max, field};
}

Result<QString> Aggregate::toSurql() const
{
    if (m_function == Function::Count && m_field.isEmpty())
        return u"count()"_s;
    QString error;
    const auto path = FieldPath::parse(m_field, &error);
    if (!path)
        return RpcError(RpcError::Kind::Validation, error);
    const QString field = path->toSurql();
    switch (m_function) {
    case Function::Count:
        return QString(u"count("_s + field + u')');
    case Function::Sum:
        return QString(u"math::sum("_s + field + u')');
    case Function::Avg:
        return QString(u"math::mean("_s + field + u')');
    case Function::Min:
        return QString(u"math::min("_s + field + u')');
    case Function::Max:
        return QString(u"math::max("_s + field + u')');
    }
    return field;
}

} // namespace SurrealQt

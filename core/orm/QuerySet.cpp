#include "QuerySet.h"

#include "FieldPath.h"

#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QCoreApplication>

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

Result<QString> fieldText(const QString &field)
{
    QString error;
    const auto path = FieldPath::parse(field, &error);
    if (!path)
        return RpcError(RpcError::Kind::Validation, error);
    return path->toSurql();
}

Result<QStringList> fieldTexts(const QStringList &fields)
{
    QStringList texts;
    for (const QString &field : fields) {
        const auto text = fieldText(field);
        if (!text)
            return text.error();
        texts.append(text.value());
    }
    return texts;
}

} // namespace

QuerySet::QuerySet(QString table, Connection *connection)
    : m_table(std::move(table))
    , m_connection(connection)
{}

QuerySet QuerySet::withConnection(Connection *connection) const
{
    return with(&QuerySet::m_connection, connection);
}

QuerySet QuerySet::withProjection(Projection projection, const QStringList &fields) const
{
    QuerySet copy = with(&QuerySet::m_projection, projection);
    copy.m_fields = fields;
    return copy;
}

QuerySet QuerySet::traverse(const RecordId &from, const GraphPath &path, Connection *connection)
{
    QuerySet set(path.target(), connection);
    set.m_from = from.toCbor();
    set.m_path = path;
    return set;
}

QuerySet QuerySet::withOptions(const CallOptions &options) const
{
    return with(&QuerySet::m_options, options);
}

QuerySet QuerySet::selectRelated(const QStringList &fields) const
{
    return with(&QuerySet::m_fetch, fields);
}

QuerySet QuerySet::filter(const Q &q) const
{
    return with(&QuerySet::m_where, m_where & q);
}

QuerySet QuerySet::filter(const QString &lookup, const QCborValue &value) const
{
    return filter(Q(lookup, value));
}

QuerySet QuerySet::exclude(const Q &q) const
{
    return q.isEmpty() ? *this : filter(~q);
}

QuerySet QuerySet::exclude(const QString &lookup, const QCborValue &value) const
{
    return exclude(Q(lookup, value));
}

QuerySet QuerySet::orderBy(const QStringList &fields) const
{
    return with(&QuerySet::m_order, fields);
}

QuerySet QuerySet::limit(qint64 count) const
{
    return with(&QuerySet::m_limit, count);
}

QuerySet QuerySet::offset(qint64 count) const
{
    return with(&QuerySet::m_offset, count);
}

QuerySet QuerySet::after(const RecordId &lastId) const
{
    return after(lastId.toCbor());
}

QuerySet QuerySet::after(const QCborValue &lastId) const
{
    return with(&QuerySet::m_cursor, lastId);
}

QuerySet QuerySet::values(const QStringList &fields) const
{
    return withProjection(Projection::Values, fields);
}

QuerySet QuerySet::valuesList(const QStringList &fields, bool flat) const
{
    return withProjection(flat ? Projection::FlatValue : Projection::ValuesList, fields);
}

QuerySet QuerySet::only(const QStringList &fields) const
{
    return withProjection(Projection::Only, fields);
}

QuerySet QuerySet::annotate(const QString &alias, const Aggregate &aggregate) const
{
    QuerySet copy = *this;
    copy.m_annotations.append({alias, aggregate});
    return copy;
}

Result<QString> QuerySet::tableName() const
{
    // Any table the server has can be queried (dynamic models read from a live schema): the
    // name is quoted when it is not a plain identifier.
    if (m_table.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet", "a table name cannot be empty"));
    return SurqlSyntax::quoteIdentifier(m_table);
}

Result<QString> QuerySet::source(SurqlQuery &query) const
{
    const auto table = tableName();
    if (!table || !m_from)
        return table;
    const auto path = m_path.toSurql();
    if (!path)
        return path;
    return QString(query.bind(u"from"_s, *m_from) + path.value());
}

Result<QString> QuerySet::compileWhere(SurqlQuery &query) const
{
    QStringList terms;
    if (!m_where.isEmpty()) {
        const auto condition = m_where.compile(query, m_cursor.has_value());
        if (!condition)
            return condition;
        terms.append(condition.value());
    }
    if (m_cursor) {
        const bool descending = m_order == QStringList{u"-id"_s};
        if (!m_order.isEmpty() && !descending && m_order != QStringList{u"id"_s}) {
            return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                             "after() pages in id order: order by \"id\" or "
                                             "\"-id\" only"));
        }
        terms.append(QString(u"id "_s + (descending ? u'<' : u'>') + u' '
                             + query.bind(u"cursor"_s, *m_cursor)));
    }
    return terms.join(u" AND "_s);
}

Result<QStringList> QuerySet::orderTerms(const SelectOptions &options) const
{
    QStringList order = m_order;
    if (order.isEmpty() && (options.orderByIdByDefault || m_cursor))
        order = {u"id"_s};
    QStringList terms;
    for (const QString &item : std::as_const(order)) {
        bool descending = item.startsWith(u'-');
        const auto field = fieldText(descending ? item.mid(1) : item);
        if (!field)
            return field.error();
        descending ^= options.reverse;
        terms.append(field.value() + (descending ? u" DESC"_s : u" ASC"_s));
    }
    return terms;
}

Result<QString> QuerySet::projection() const
{
    const auto fields = fieldTexts(m_fields);
    if (!fields)
        return fields.error();
    QStringList items = fields.value();
    if (m_projection != Projection::All && items.isEmpty()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "values(), valuesList() and only() need field names"));
    }
    if (m_projection == Projection::FlatValue && items.size() != 1) {
        return invalid(
            QT_TRANSLATE_NOOP("SurrealQt::QuerySet", "valuesList(flat) needs exactly one field"));
    }
    if (!m_annotations.isEmpty() && m_projection != Projection::All
        && m_projection != Projection::Values) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "annotate() groups by the values() fields: use "
                                         "values(), or nothing for GROUP ALL"));
    }
    for (const auto &[alias, aggregate] : m_annotations) {
        if (!FieldPath::isIdentifier(alias)) {
            return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                             "invalid annotation alias \"%1\""),
                           alias);
        }
        const auto text = aggregate.toSurql();
        if (!text)
            return text;
        items.append(text.value() + u" AS "_s + alias);
    }
    switch (m_projection) {
    case Projection::All:
        return m_annotations.isEmpty() ? u"*"_s : items.join(u", "_s);
    case Projection::Values:
        return items.join(u", "_s);
    case Projection::Only:
        if (!items.contains(u"id"_s))
            items.prepend(u"id"_s);
        return items.join(u", "_s);
    case Projection::ValuesList:
        return QString(u"VALUE ["_s + items.join(u", "_s) + u']');
    case Projection::FlatValue:
        return QString(u"VALUE "_s + items.constFirst());
    }
    return u"*"_s;
}

Result<SurqlQuery> QuerySet::compileSelect(const SelectOptions &options) const
{
    SurqlQuery query;
    const auto table = source(query);
    if (!table)
        return table.error();
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    const auto order = orderTerms(options);
    if (!order)
        return order.error();
    auto projected = options.allFields ? Result<QString>(u"*"_s) : projection();
    if (!projected)
        return projected.error();

    // SurrealDB 3 only orders by fields that are selected: when the projection leaves some out,
    // the ordered, sliced records come from a subquery and the projection applies outside.
    bool needsSubquery = false;
    if (projected.value() != u"*"_s && m_annotations.isEmpty()) {
        const QStringList selected = (m_projection == Projection::Only)
                                         ? QStringList{u"id"_s} + m_fields
                                         : m_fields;
        for (const QString &term : order.value()) {
            if (!selected.contains(term.section(u' ', 0, 0)))
                needsSubquery = true;
        }
        needsSubquery = needsSubquery
                        || (m_projection != Projection::Values && m_projection != Projection::Only
                            && !order->isEmpty());
    }

    QString text = u"SELECT "_s + (needsSubquery ? u"*"_s : projected.value()) + u" FROM "_s
                   + table.value();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    if (!m_annotations.isEmpty() && !options.allFields) {
        const auto groups = fieldTexts(m_projection == Projection::Values ? m_fields
                                                                          : QStringList());
        text += groups->isEmpty() ? u" GROUP ALL"_s : u" GROUP BY "_s + groups->join(u", "_s);
    }
    if (!order->isEmpty())
        text += u" ORDER BY "_s + order->join(u", "_s);
    const std::optional<qint64> limit = options.limit ? options.limit : m_limit;
    if (limit)
        text += u" LIMIT "_s + QString::number(*limit);
    if (m_offset)
        text += u" START "_s + QString::number(*m_offset);
    if (needsSubquery)
        text = u"SELECT "_s + projected.value() + u" FROM ("_s + text + u')';
    if (!m_fetch.isEmpty() && !options.allFields) {
        const auto fetched = fieldTexts(m_fetch);
        if (!fetched)
            return fetched.error();
        text += u" FETCH "_s + fetched->join(u", "_s);
    }
    query.setText(text);
    return query;
}

Result<SurqlQuery> QuerySet::toSurql() const
{
    return compileSelect({});
}

Result<SurqlQuery> QuerySet::firstSurql() const
{
    SelectOptions options;
    options.orderByIdByDefault = true;
    options.limit = 1;
    return compileSelect(options);
}

Result<SurqlQuery> QuerySet::lastSurql() const
{
    if (isSliced()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "last() on a sliced query set: reverse the ordering "
                                         "instead"));
    }
    SelectOptions options;
    options.reverse = true;
    options.orderByIdByDefault = true;
    options.limit = 1;
    return compileSelect(options);
}

Result<SurqlQuery> QuerySet::getSurql() const
{
    SelectOptions options;
    options.limit = 2;
    return compileSelect(options);
}

Result<SurqlQuery> QuerySet::countSurql() const
{
    return aggregateSurql(Aggregate::count());
}

Result<SurqlQuery> QuerySet::aggregateSurql(const Aggregate &aggregate) const
{
    const auto function = aggregate.toSurql();
    if (!function)
        return function.error();
    // count() keeps its own name, `count`; the others are read back as `value`.
    const bool plainCount = aggregate.function() == Aggregate::Function::Count
                            && aggregate.field().isEmpty();
    const QString head = u"SELECT "_s + function.value() + (plainCount ? u""_s : u" AS value"_s)
                         + u" FROM "_s;
    if (isSliced() || !m_annotations.isEmpty()) {
        SelectOptions options;
        options.allFields = m_annotations.isEmpty();
        auto inner = compileSelect(options);
        if (!inner)
            return inner;
        inner.value().setText(head + u'(' + inner->text() + u") GROUP ALL"_s);
        return inner;
    }
    SurqlQuery query;
    const auto table = source(query);
    if (!table)
        return table.error();
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    QString text = head + table.value();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    query.setText(text + u" GROUP ALL"_s);
    return query;
}

Result<SurqlQuery> QuerySet::liveSurql() const
{
    if (m_from || isSliced() || m_projection != Projection::All || !m_annotations.isEmpty()) {
        return invalid(QT_TRANSLATE_NOOP("SurrealQt::QuerySet",
                                         "a live query follows whole records of one table: no "
                                         "traversal, slicing, values() or annotate()"));
    }
    const auto table = tableName();
    if (!table)
        return table.error();
    SurqlQuery query;
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    QString text = u"LIVE SELECT * FROM "_s + table.value();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    query.setText(text);
    return query;
}

Result<SurqlQuery> QuerySet::existsSurql() const
{
    SurqlQuery query;
    const auto table = source(query);
    if (!table)
        return table.error();
    const auto where = compileWhere(query);
    if (!where)
        return where.error();
    QString text = u"SELECT VALUE id FROM "_s + table.value();
    if (!where->isEmpty())
        text += u" WHERE "_s + where.value();
    text += u" LIMIT "_s + QString::number(m_limit && *m_limit < 1 ? *m_limit : 1);
    if (m_offset)
        text += u" START "_s + QString::number(*m_offset);
    query.setText(text);
    return query;
}

} // namespace SurrealQt

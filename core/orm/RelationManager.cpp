#include "RelationManager.h"

#include "FieldPath.h"
#include "GraphPath.h"
#include "QueryRunner_p.h"

#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

qint64 countOf(const QCborValue &value)
{
    return value.isArray() ? value.toArray().size() : value.toInteger();
}

} // namespace

RelationManager::RelationManager(Connection *connection,
                                 RecordId from,
                                 QString edge,
                                 QString target,
                                 Direction direction,
                                 CallOptions options)
    : m_connection(connection)
    , m_from(std::move(from))
    , m_edge(std::move(edge))
    , m_target(std::move(target))
    , m_direction(direction)
    , m_options(std::move(options))
{}

RelationManager RelationManager::withOptions(const CallOptions &options) const
{
    RelationManager copy = *this;
    copy.m_options = options;
    return copy;
}

Result<QString> RelationManager::edgeName() const
{
    if (!FieldPath::isIdentifier(m_edge)) {
        return RpcError(RpcError::Kind::Validation,
                        QCoreApplication::translate("SurrealQt::RelationManager",
                                                    "invalid edge table name \"%1\"")
                            .arg(m_edge));
    }
    return SurqlSyntax::quoteIdentifier(m_edge);
}

QString RelationManager::ends(SurqlQuery &query, const QString &other) const
{
    const bool out = m_direction == Direction::Out;
    QString text = (out ? u"in = "_s : u"out = "_s) + query.bind(u"from"_s, m_from.toCbor());
    if (!other.isEmpty())
        text += (out ? u" AND out = "_s : u" AND in = "_s) + other;
    return text;
}

QFuture<Result<QCborMap>> RelationManager::add(const RecordId &to, const QCborMap &data) const
{
    const auto edge = edgeName();
    if (!edge)
        return QueryRunner::ready(Result<QCborMap>(edge.error()));
    SurqlQuery query;
    const QString from = query.bind(u"from"_s, m_from.toCbor());
    const QString target = query.bind(u"to"_s, to.toCbor());
    const bool out = m_direction == Direction::Out;
    query.setText(u"RELATE ONLY "_s + (out ? from : target) + u"->"_s + edge.value() + u"->"_s
                  + (out ? target : from) + u" CONTENT "_s + query.bind(u"data"_s, data));
    return QueryRunner::runAs<QCborMap>(
        m_connection, query, [](const QCborValue &value) { return value.toMap(); }, m_options);
}

QFuture<Result<qint64>> RelationManager::remove(const RecordId &to) const
{
    const auto edge = edgeName();
    if (!edge)
        return QueryRunner::ready(Result<qint64>(edge.error()));
    SurqlQuery query;
    const QString other = query.bind(u"to"_s, to.toCbor());
    query.setText(u"DELETE "_s + edge.value() + u" WHERE "_s + ends(query, other)
                  + u" RETURN BEFORE"_s);
    return QueryRunner::runAs<qint64>(m_connection, query, countOf, m_options);
}

QFuture<Result<qint64>> RelationManager::set(const QList<RecordId> &targets) const
{
    const auto edge = edgeName();
    if (!edge)
        return QueryRunner::ready(Result<qint64>(edge.error()));
    QCborArray ids;
    for (const RecordId &id : targets)
        ids.append(id.toCbor());
    SurqlQuery query;
    const QString list = query.bind(u"targets"_s, ids);
    const bool out = m_direction == Direction::Out;
    const QString near = out ? u"in"_s : u"out"_s;
    const QString far = out ? u"out"_s : u"in"_s;
    const QString relate = out ? u"RELATE $from->"_s + edge.value() + u"->$t"_s
                               : u"RELATE $t->"_s + edge.value() + u"->$from"_s;
    query.setText(u"BEGIN; DELETE "_s + edge.value() + u" WHERE "_s + ends(query, {}) + u" AND "_s
                  + far + u" NOTINSIDE "_s + list + u"; LET $have = SELECT VALUE "_s + far
                  + u" FROM "_s + edge.value() + u" WHERE "_s + near + u" = $from; FOR $t IN "_s
                  + list + u" { IF $t NOTINSIDE $have { "_s + relate
                  + u"; }; }; SELECT VALUE id FROM "_s + edge.value() + u" WHERE "_s + near
                  + u" = $from; COMMIT"_s);
    // The value is the SELECT's, just before COMMIT (whose own result is NONE).
    return QueryRunner::run(m_connection, query, m_options)
        .then([](const Result<QCborArray> &values) -> Result<qint64> {
            if (!values)
                return values.error();
            return values->size() < 2 ? 0 : countOf(values->at(values->size() - 2));
        });
}

QFuture<Result<qint64>> RelationManager::clear() const
{
    const auto edge = edgeName();
    if (!edge)
        return QueryRunner::ready(Result<qint64>(edge.error()));
    SurqlQuery query;
    query.setText(u"DELETE "_s + edge.value() + u" WHERE "_s + ends(query, {})
                  + u" RETURN BEFORE"_s);
    return QueryRunner::runAs<qint64>(m_connection, query, countOf, m_options);
}

QuerySet RelationManager::targets() const
{
    GraphPath path;
    if (m_direction == Direction::Out) {
        path.out(m_edge).out(m_target);
    } else {
        path.in(m_edge).in(m_target);
    }
    return QuerySet::traverse(m_from, path, m_connection).withOptions(m_options);
}

QuerySet RelationManager::edges() const
{
    return QuerySet(m_edge, m_connection)
        .filter(m_direction == Direction::Out ? u"in"_s : u"out"_s, m_from.toCbor())
        .withOptions(m_options);
}

} // namespace SurrealQt

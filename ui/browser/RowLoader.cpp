#include "browser/RowLoader.h"

#include "console/SurqlTokenizer.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/schema/SurqlSyntax.h>
#include <surrealqt/values/Range.h>
#include <surrealqt/values/RecordId.h>
#include <surrealqt/values/Table.h>

#include <QtCore/QCborMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
// A bounded id range spans this many times the rows asked for.
constexpr qint64 BoundedSpanFactor = 4;
} // namespace

RowLoader::RowLoader(Connection *connection, QString table, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_table(std::move(table))
{}

QString RowLoader::checkFilter(const QString &filter)
{
    bool separator = false;
    const QByteArray text = filter.toUtf8();
    const SurqlTokenizer::State end
        = SurqlTokenizer::tokenize(text,
                                   SurqlTokenizer::Normal,
                                   [&](int start, int length, auto style) {
                                       if (style == SurqlTokenizer::Operator
                                           && text.mid(start, length).contains(';'))
                                           separator = true;
                                   });
    if (separator)
        return tr("A filter is one expression: remove the ';'.");
    if (end != SurqlTokenizer::Normal)
        return tr("The filter leaves a string or a comment open.");
    return {};
}

void RowLoader::setQuery(const QString &filter, const QString &sortColumn, Qt::SortOrder order)
{
    m_filter = filter.trimmed();
    m_sortColumn = sortColumn == "id"_L1 ? QString() : sortColumn;
    m_order = order;
    ++m_generation;
}

QCborValue RowLoader::keyOf(const QCborValue &record) const
{
    const QCborValue id = record.toMap().value("id"_L1);
    if (m_sortColumn.isEmpty())
        return id;
    return QCborArray{record.toMap().value(m_sortColumn), id};
}

QString RowLoader::whereClause(const QString &extra) const
{
    // The user's filter sits on lines of its own, so that a trailing `--` comment ends there.
    QStringList parts;
    if (!m_filter.isEmpty())
        parts.append(u"(\n"_s + m_filter + u"\n)"_s);
    if (!extra.isEmpty())
        parts.append(extra);
    return parts.isEmpty() ? QString() : u" WHERE "_s + parts.join(" AND "_L1);
}

void RowLoader::fetch(quint64 request,
                      Direction direction,
                      const std::optional<QCborValue> &anchor,
                      int limit,
                      Fetch what)
{
    if (!m_connection)
        return;
    // Scanning ascending in id (or in the column) reads the display order forward when the
    // display is ascending, and backward when it is descending.
    const bool ascending = (direction == Direction::Forward) == (m_order == Qt::AscendingOrder);
    const QString dir = ascending ? u"ASC"_s : u"DESC"_s;
    // A bound table value: the server scans it several times faster than type::table($name).
    QCborMap vars{{u"table"_s, Table(m_table).toCbor()}, {u"limit"_s, limit}};
    QString from = u"$table"_s;
    QString keyset;
    QString orderBy;
    QString fields = u"*"_s;
    if (m_sortColumn.isEmpty()) {
        orderBy = u"id "_s + dir;
        if (what == Fetch::Keys)
            fields = u"id"_s;
        if (anchor) {
            const auto id = RecordId::fromCbor(*anchor);
            const QCborValue key = id ? id->key() : QCborValue();
            const Range range = ascending
                                    ? Range(Range::Bound::excluded(key), Range::Bound::unbounded())
                                    : Range(Range::Bound::unbounded(), Range::Bound::excluded(key));
            vars.insert(u"range"_s, RecordId(m_table, range).toCbor());
            from = u"$range"_s;
            // SurrealDB 3.0 reads an open id range to its end before applying LIMIT, so a page
            // in the middle of a large table costs the whole rest of it. Integer keys get a
            // bounded range first (fast); if it holds fewer than `limit` rows, the open range
            // follows. Only integers sort between two integers, so a full bounded page is exactly
            // the next `limit` keys.
            if (key.isInteger()) {
                const qint64 k = key.toInteger();
                const qint64 span = qint64(limit) * BoundedSpanFactor;
                const Range bounded = ascending
                                          ? Range(Range::Bound::excluded(key),
                                                  Range::Bound::included(QCborValue(k + span)))
                                          : Range(Range::Bound::included(QCborValue(k - span)),
                                                  Range::Bound::excluded(key));
                vars.insert(u"bounded"_s, RecordId(m_table, bounded).toCbor());
            }
        }
    } else {
        const QString column = SurqlSyntax::quoteIdentifier(m_sortColumn);
        orderBy = column + u' ' + dir + u", id "_s + dir;
        if (what == Fetch::Keys)
            fields = u"id, "_s + column;
        if (anchor) {
            const QString op = ascending ? u">"_s : u"<"_s;
            keyset = u"(%1 %2 $value OR (%1 = $value AND id %2 $id))"_s.arg(column, op);
            vars.insert(u"value"_s, anchor->toArray().at(0));
            vars.insert(u"id"_s, anchor->toArray().at(1));
        }
    }
    const QString tail = whereClause(keyset) + u" ORDER BY "_s + orderBy + u" LIMIT $limit"_s;
    const QString surql = u"SELECT "_s + fields + u" FROM "_s + from + tail;
    if (vars.contains(u"bounded"_s)) {
        const QString boundedSurql = u"SELECT "_s + fields + u" FROM $bounded"_s + tail;
        const quint64 generation = m_generation;
        m_connection->query(boundedSurql, vars)
            .then(this,
                  [this, generation, request, direction, limit, surql, vars](
                      const Result<QueryResponse> &result) {
                      if (generation != m_generation)
                          return;
                      if (result && result->isOk() && result->value(0).toArray().size() >= limit) {
                          deliver(generation, request, direction, result);
                      } else {
                          run(generation, request, direction, surql, vars);
                      }
                  });
        return;
    }
    run(m_generation, request, direction, surql, vars);
}

void RowLoader::run(quint64 generation,
                    quint64 request,
                    Direction direction,
                    const QString &surql,
                    const QCborMap &vars)
{
    if (!m_connection)
        return;
    m_connection->query(surql, vars)
        .then(this, [this, generation, request, direction](const Result<QueryResponse> &result) {
            deliver(generation, request, direction, result);
        });
}

void RowLoader::deliver(quint64 generation,
                        quint64 request,
                        Direction direction,
                        const Result<QueryResponse> &result)
{
    if (!result || !result->isOk()) {
        Q_EMIT failed(generation,
                      request,
                      result ? result->firstError().message() : result.error().message());
        return;
    }
    QCborArray rows = result->value(0).toArray();
    if (direction == Direction::Backward) {
        // Read nearest-first; the model wants display order.
        QCborArray reversed;
        for (qsizetype i = rows.size() - 1; i >= 0; --i)
            reversed.append(rows.at(i));
        rows = reversed;
    }
    Q_EMIT rowsLoaded(generation, request, rows);
}

void RowLoader::count(const QString &filter, quint64 request)
{
    if (!m_connection)
        return;
    const QString trimmed = filter.trimmed();
    const QString where = trimmed.isEmpty() ? QString() : u" WHERE (\n"_s + trimmed + u"\n)"_s;
    const quint64 generation = m_generation;
    m_connection
        ->query(u"SELECT count() AS n FROM $table"_s + where + u" GROUP ALL"_s,
                QCborMap{{u"table"_s, Table(m_table).toCbor()}})
        .then(this, [this, generation, request](const Result<QueryResponse> &result) {
            if (!result || !result->isOk()) {
                Q_EMIT failed(generation,
                              request,
                              result ? result->firstError().message() : result.error().message());
                return;
            }
            const QCborArray rows = result->value(0).toArray();
            Q_EMIT counted(generation,
                           request,
                           rows.isEmpty() ? 0 : rows.at(0).toMap().value("n"_L1).toInteger());
        });
}

} // namespace SurrealQt

#pragma once

#include "Aggregate.h"
#include "BulkOptions.h"
#include "GraphPath.h"
#include "Q.h"
#include "SurqlQuery.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>
#include <surrealqt/values/RecordId.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <utility>

namespace SurrealQt {

// A lazy, immutable query over one table, as Django's QuerySet: every shaping method returns a
// new QuerySet, nothing runs until a terminal (all, count, first...) is called. It compiles to
// SurrealQL where every value is a bound parameter ($p0, $p1, $cursor, $data) and every name
// (table, fields, aliases) is a validated identifier; anything else is a Validation error.
//
//   QuerySet people(u"person"_s, connection);
//   auto adults = people.filter(Q(u"age__gte"_s, 18) & ~Q(u"name__istartswith"_s, u"x"_s))
//                       .orderBy({u"-age"_s, u"name"_s}).limit(10);
//   adults.all().then([](const Result<QCborArray> &rows) { ... });
class SURREALQT_CORE_EXPORT QuerySet
{
public:
    // `connection` may be null for a query set that is only compiled (toSurql()).
    explicit QuerySet(QString table, Connection *connection = nullptr);

    const QString &table() const { return m_table; }
    Connection *connection() const { return m_connection; }
    QuerySet withConnection(Connection *connection) const;
    // The records at the end of a graph path from one record: `->wrote->book` from user:tobie
    // reads FROM $from->wrote->book; filters, ordering and terminals apply to those records.
    static QuerySet traverse(const RecordId &from,
                             const GraphPath &path,
                             Connection *connection = nullptr);
    // Routes every request of this query set (reads and writes) with these options, e.g. into a
    // transaction: `people.withOptions(txn->options()).bulkUpdate(...)`.
    QuerySet withOptions(const CallOptions &options) const;
    const CallOptions &callOptions() const { return m_options; }
    // The filter so far (filters and excludes and-ed together).
    const Q &where() const { return m_where; }

    // ---- Filtering and shaping (each returns a new query set) ----------------------------------

    QuerySet filter(const Q &q) const;
    QuerySet filter(const QString &lookup, const QCborValue &value) const;
    QuerySet exclude(const Q &q) const;
    QuerySet exclude(const QString &lookup, const QCborValue &value) const;
    // Replaces the ordering: `{"-age", "name"}` is ORDER BY age DESC, name ASC.
    QuerySet orderBy(const QStringList &fields) const;
    QuerySet limit(qint64 count) const;
    QuerySet offset(qint64 count) const;
    // Keyset pagination: the records after `lastId` in id order (WHERE id > $cursor ORDER BY id;
    // with orderBy({"-id"}), id < $cursor ORDER BY id DESC). Other orderings are an error.
    QuerySet after(const RecordId &lastId) const;
    QuerySet after(const QCborValue &lastId) const;
    // Rows are objects with just these fields (paths keep their nesting: address.city gives
    // {address: {city}}).
    QuerySet values(const QStringList &fields) const;
    // Rows are arrays of these fields' values; with `flat` and one field, the bare values.
    QuerySet valuesList(const QStringList &fields, bool flat = false) const;
    // Records with the id and just these fields.
    QuerySet only(const QStringList &fields) const;
    // Adds `aggregate AS alias` to the projection, grouped by the values() fields (GROUP BY), or
    // over the whole query set (GROUP ALL) without values().
    QuerySet annotate(const QString &alias, const Aggregate &aggregate) const;
    // FETCH: these record-link fields come back as the linked records (Django's
    // select_related), in the same query.
    QuerySet selectRelated(const QStringList &fields) const;
    const QStringList &relatedFields() const { return m_fetch; }

    // ---- Compiling (for inspection; the terminals run exactly these) ---------------------------

    Result<SurqlQuery> toSurql() const;
    Result<SurqlQuery> countSurql() const;
    Result<SurqlQuery> existsSurql() const;
    Result<SurqlQuery> firstSurql() const;
    Result<SurqlQuery> lastSurql() const;
    Result<SurqlQuery> getSurql() const;
    Result<SurqlQuery> aggregateSurql(const Aggregate &aggregate) const;
    // LIVE SELECT * FROM table WHERE ... (the filters only: live queries have no ordering).
    Result<SurqlQuery> liveSurql() const;
    // One query per request: several for a plain bulk create, one for an atomic one.
    Result<QList<SurqlQuery>> bulkCreateSurql(const QList<QCborMap> &rows,
                                              const BulkOptions &options = {}) const;
    Result<SurqlQuery> bulkUpdateSurql(const QCborMap &data) const;
    Result<SurqlQuery> bulkDeleteSurql() const;
    Result<SurqlQuery> upsertSurql(const QCborMap &data) const;
    Result<SurqlQuery> upsertSurql(const RecordId &id, const QCborMap &data) const;

    // ---- Reading ----------------------------------------------------------------------------------

    // The rows: records, or what values()/valuesList()/annotate() make of them.
    QFuture<Result<QCborArray>> all() const;
    // SELECT count() ... GROUP ALL (over the slice, when limit or offset is set).
    QFuture<Result<qint64>> count() const;
    QFuture<Result<bool>> exists() const;
    // The first row in the ordering (id order without one); nullopt when there is none.
    QFuture<Result<std::optional<QCborValue>>> first() const;
    // The last row in the ordering (id order without one); an error on a limited query set.
    QFuture<Result<std::optional<QCborValue>>> last() const;
    // The one matching row. Errors: NotFound (details kind "DoesNotExist") for none, Query (details
    // kind "MultipleObjectsReturned") for several.
    QFuture<Result<QCborValue>> get() const;
    QFuture<Result<QCborValue>> get(const Q &q) const { return filter(q).get(); }

    // ---- Aggregates (NONE for an empty query set, except sum which is 0) -----------------------

    QFuture<Result<QCborValue>> aggregate(const Aggregate &aggregate) const;
    QFuture<Result<QCborValue>> sum(const QString &field) const;
    QFuture<Result<QCborValue>> avg(const QString &field) const;
    QFuture<Result<QCborValue>> min(const QString &field) const;
    QFuture<Result<QCborValue>> max(const QString &field) const;

    // ---- Writing in bulk --------------------------------------------------------------------------

    // INSERT INTO table $rows, one statement per chunk; resolves with the number of records made.
    QFuture<Result<qint64>> bulkCreate(const QList<QCborMap> &rows,
                                       const BulkOptions &options = {}) const;
    // UPDATE table MERGE $data WHERE ... (one statement, so atomic); the number updated.
    QFuture<Result<qint64>> bulkUpdate(const QCborMap &data) const;
    // DELETE table WHERE ... (one statement, so atomic); the number deleted.
    QFuture<Result<qint64>> bulkDelete() const;
    // UPSERT table MERGE $data WHERE ...: updates the matching records, or creates one.
    QFuture<Result<QCborArray>> upsert(const QCborMap &data) const;
    // UPSERT $id MERGE $data: the record, created or updated (the id must be in this table).
    QFuture<Result<QCborValue>> upsert(const RecordId &id, const QCborMap &data) const;

private:
    enum class Projection { All, Values, ValuesList, FlatValue, Only };

    // A copy with one member changed: the builder methods never modify the set they are called on.
    template<typename Member, typename Value>
    QuerySet with(Member QuerySet::*member, Value &&value) const
    {
        QuerySet copy = *this;
        copy.*member = std::forward<Value>(value);
        return copy;
    }
    QuerySet withProjection(Projection projection, const QStringList &fields) const;
    struct SelectOptions
    {
        bool reverse = false;
        bool orderByIdByDefault = false;
        std::optional<qint64> limit;
        bool allFields = false;
    };

    Result<SurqlQuery> compileSelect(const SelectOptions &options) const;
    // The table as SurrealQL: `person`, or quoted (`odd ⟩ name` in backticks); empty is an error.
    Result<QString> tableName() const;
    // What follows FROM: the table, or `$from->edge->table` for a traversal (binding $from).
    Result<QString> source(SurqlQuery &query) const;
    // The WHERE condition (filters and the keyset cursor), or an empty string for none.
    Result<QString> compileWhere(SurqlQuery &query) const;
    Result<QStringList> orderTerms(const SelectOptions &options) const;
    Result<QString> projection() const;
    bool isSliced() const { return m_limit.has_value() || m_offset.has_value(); }
    QFuture<Result<std::optional<QCborValue>>> firstOf(const Result<SurqlQuery> &query) const;

    QString m_table;
    QPointer<Connection> m_connection;
    Q m_where;
    QStringList m_order;
    std::optional<qint64> m_limit;
    std::optional<qint64> m_offset;
    std::optional<QCborValue> m_cursor;
    Projection m_projection = Projection::All;
    QStringList m_fields;
    QList<std::pair<QString, Aggregate>> m_annotations;
    QStringList m_fetch;
    CallOptions m_options;
    std::optional<QCborValue> m_from;
    GraphPath m_path;
};

} // namespace SurrealQt

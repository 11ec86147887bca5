#pragma once

#include "ModelMeta.h"
#include "QuerySet.h"
#include "RecordStore.h"

#include <surrealqt/client/Transaction.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QPromise>

#include <optional>
#include <utility>

namespace SurrealQt {

// The typed manager and query set of a model T (Django's `Person.objects`): the query-set
// methods return a new Objects<T>, the terminals resolve to T objects, and the record methods
// write one object. Objects are values: each write resolves to the object as the database now
// holds it (assign it back: `alice = *wait(people.save(alice))`).
//
//   auto people = objects<Person>(connection);
//   auto adults = people.filter(u"age__gte"_s, 18).orderBy({u"-age"_s}).all();
// An already finished future (QtFuture::makeReadyFuture is deprecated in later Qt versions).
template<typename R>
QFuture<R> readyFuture(R value)
{
    QPromise<R> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

template<typename T>
class Objects
{
public:
    explicit Objects(Connection *connection, const CallOptions &options = {})
        : m_store(connection, ModelMeta::of<T>(), options)
        , m_set(m_store.querySet())
    {}

    static const ModelMeta &meta() { return ModelMeta::of<T>(); }
    const QuerySet &querySet() const { return m_set; }
    const RecordStore &store() const { return m_store; }

    // Every request of the copy runs with these options (a transaction's options() put the
    // writes inside it).
    Objects withOptions(const CallOptions &options) const
    {
        Objects copy(m_store.connection(), options);
        copy.m_set = m_set.withOptions(options);
        copy.m_prefetch = m_prefetch;
        return copy;
    }
    Objects inTransaction(const Transaction &transaction) const
    {
        return withOptions(transaction.options());
    }

    // ---- Query shaping ----------------------------------------------------------------------

    Objects filter(const Q &q) const { return with(m_set.filter(q)); }
    Objects filter(const QString &lookup, const QCborValue &value) const
    {
        return with(m_set.filter(lookup, value));
    }
    Objects exclude(const Q &q) const { return with(m_set.exclude(q)); }
    Objects exclude(const QString &lookup, const QCborValue &value) const
    {
        return with(m_set.exclude(lookup, value));
    }
    Objects orderBy(const QStringList &fields) const { return with(m_set.orderBy(fields)); }
    Objects limit(qint64 count) const { return with(m_set.limit(count)); }
    Objects offset(qint64 count) const { return with(m_set.offset(count)); }
    Objects after(const RecordId &lastId) const { return with(m_set.after(lastId)); }
    // FETCH the linked records in the same query (Model::related(field)).
    Objects selectRelated(const QStringList &fields) const
    {
        return with(m_set.selectRelated(fields));
    }
    // One more query per item for all the rows: link fields (`author`, `tags`) or graph paths
    // (`->wrote->book`); the records land in Model::related(item).
    Objects prefetchRelated(const QStringList &items) const
    {
        Objects copy = *this;
        copy.m_prefetch += items;
        return copy;
    }

    // ---- Reading -------------------------------------------------------------------------------

    QFuture<Result<QList<T>>> all() const
    {
        const QStringList prefetch = m_prefetch;
        const RecordStore store = m_store;
        return m_set.all()
            .then([store, prefetch](const Result<QCborArray> &rows) {
                if (!rows || prefetch.isEmpty())
                    return readyFuture(rows);
                return store.prefetch(rows.value(), prefetch);
            })
            .unwrap()
            .then([](const Result<QCborArray> &rows) -> Result<QList<T>> {
                if (!rows)
                    return rows.error();
                return fromRecords(rows.value());
            });
    }
    QFuture<Result<std::optional<T>>> first() const { return optional(m_set.first()); }
    QFuture<Result<std::optional<T>>> last() const { return optional(m_set.last()); }
    QFuture<Result<T>> get() const
    {
        return m_set.get().then([](const Result<QCborValue> &row) -> Result<T> {
            if (!row)
                return row.error();
            return fromRecord(row->toMap());
        });
    }
    QFuture<Result<T>> get(const Q &q) const { return filter(q).get(); }
    QFuture<Result<T>> get(const RecordId &id) const
    {
        return filter(QStringLiteral("id"), id.toCbor()).get();
    }
    QFuture<Result<qint64>> count() const { return m_set.count(); }
    QFuture<Result<bool>> exists() const { return m_set.exists(); }

    // ---- One record ----------------------------------------------------------------------------

    // CREATE for a new object (fields still at their C++ default that have a server DEFAULT are
    // left to the server); for a loaded one, MERGE of only the fields changed since it was
    // loaded or saved (no request at all when nothing changed).
    QFuture<Result<T>> save(const T &object) const
    {
        const QCborMap record = toRecord(object);
        if (!object.isSaved())
            return loaded(m_store.create(withoutServerDefaults(record)));
        const QCborMap changes = ModelMeta::changes(object, record);
        if (changes.isEmpty())
            return readyFuture(Result<T>(object));
        return loaded(m_store.saveChanges(object.id, changes));
    }
    // UPDATE CONTENT: every field as the object has it.
    QFuture<Result<T>> update(const T &object) const
    {
        return loaded(m_store.replace(object.id, toRecord(object)));
    }
    // UPDATE MERGE `data` into the object's record.
    QFuture<Result<T>> merge(const T &object, const QCborMap &data) const
    {
        return loaded(m_store.merge(object.id, data));
    }
    QFuture<Result<bool>> remove(const T &object) const { return m_store.remove(object.id); }
    // The object as the database holds it now: every field is reassigned (a field the record
    // no longer has goes back to its C++ default). NotFound when the record is gone.
    QFuture<Result<T>> refresh(const T &object) const
    {
        return m_store.fetch(object.id).then(
            [](const Result<std::optional<QCborMap>> &record) -> Result<T> {
                if (!record)
                    return record.error();
                if (!record.value()) {
                    return RpcError(RpcError::Kind::NotFound,
                                    QCoreApplication::translate("SurrealQt::Objects",
                                                                "the record no longer exists"));
                }
                return fromRecord(*record.value());
            });
    }
    QFuture<Result<std::pair<T, bool>>> getOrCreate(const QCborMap &lookup,
                                                    const QCborMap &defaults = {}) const
    {
        return pairOf(
            m_store.getOrCreate(lookup, defaults, withoutServerDefaults(meta().defaults())));
    }
    QFuture<Result<std::pair<T, bool>>> updateOrCreate(const QCborMap &lookup,
                                                       const QCborMap &defaults) const
    {
        return pairOf(
            m_store.updateOrCreate(lookup, defaults, withoutServerDefaults(meta().defaults())));
    }

    // ---- Bulk ------------------------------------------------------------------------------------

    QFuture<Result<qint64>> bulkCreate(const QList<T> &objects,
                                       const BulkOptions &options = {}) const
    {
        QList<QCborMap> rows;
        rows.reserve(objects.size());
        for (const T &object : objects)
            rows.append(withoutServerDefaults(toRecord(object)));
        return m_set.bulkCreate(rows, options);
    }
    QFuture<Result<qint64>> bulkUpdate(const QCborMap &data) const
    {
        return m_set.bulkUpdate(data);
    }
    QFuture<Result<qint64>> bulkDelete() const { return m_set.bulkDelete(); }

    // ---- Conversions ---------------------------------------------------------------------------

    // A record read from the database as an object (marked saved, with its related records).
    static T fromRecord(const QCborMap &record)
    {
        T object{};
        meta().load(&object, object, record);
        return object;
    }
    static QList<T> fromRecords(const QCborArray &records)
    {
        QList<T> list;
        list.reserve(records.size());
        for (const QCborValue &record : records)
            list.append(fromRecord(record.toMap()));
        return list;
    }
    static QCborMap toRecord(const T &object) { return meta().toRecord(&object); }

private:
    Objects with(QuerySet set) const
    {
        Objects copy = *this;
        copy.m_set = std::move(set);
        return copy;
    }

    static QCborMap withoutServerDefaults(QCborMap record)
    {
        for (const auto &[name, spec] : meta().spec().fields()) {
            if (spec.definition().defaultValue
                && record.value(name) == meta().defaults().value(name))
                record.remove(name);
        }
        return record;
    }

    static QFuture<Result<T>> loaded(QFuture<Result<QCborMap>> future)
    {
        return future.then([](const Result<QCborMap> &record) -> Result<T> {
            if (!record)
                return record.error();
            return fromRecord(record.value());
        });
    }

    static QFuture<Result<std::optional<T>>> optional(QFuture<Result<std::optional<QCborValue>>> f)
    {
        return f.then([](const Result<std::optional<QCborValue>> &row) -> Result<std::optional<T>> {
            if (!row)
                return row.error();
            if (!row.value())
                return std::optional<T>();
            return std::optional<T>(fromRecord(row.value()->toMap()));
        });
    }

    static QFuture<Result<std::pair<T, bool>>> pairOf(QFuture<Result<std::pair<QCborMap, bool>>> f)
    {
        return f.then(
            [](const Result<std::pair<QCborMap, bool>> &found) -> Result<std::pair<T, bool>> {
                if (!found)
                    return found.error();
                return std::pair{fromRecord(found->first), found->second};
            });
    }

    RecordStore m_store;
    QuerySet m_set;
    QStringList m_prefetch;
};

template<typename T>
Objects<T> objects(Connection *connection, const CallOptions &options = {})
{
    return Objects<T>(connection, options);
}

// A record that select_related or prefetch_related brought into `model.related(field)`, as an
// object of model R; nullopt when it was not fetched.
template<typename R>
std::optional<R> relatedOne(const Model &model, const QString &field)
{
    const QCborValue value = model.related(field);
    if (!value.isMap())
        return std::nullopt;
    return Objects<R>::fromRecord(value.toMap());
}

// The records of a fetched many-to-many field or graph path, as objects of model R.
template<typename R>
QList<R> relatedMany(const Model &model, const QString &field)
{
    QList<R> list;
    for (const QCborValue &value : model.related(field).toArray()) {
        if (value.isMap())
            list.append(Objects<R>::fromRecord(value.toMap()));
    }
    return list;
}

} // namespace SurrealQt

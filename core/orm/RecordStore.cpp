#include "RecordStore.h"

#include "FieldPath.h"
#include "GraphPath.h"
#include "ModelSignals.h"
#include "QueryRunner_p.h"

#include <surrealqt/schema/SurqlSyntax.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QSet>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

RpcError invalid(const QString &text)
{
    return RpcError(RpcError::Kind::Validation, text);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("SurrealQt::RecordStore", text);
}

// A statement's single record (ONLY), or NotFound.
Result<QCborMap> recordOf(const QCborValue &value)
{
    if (value.isMap())
        return value.toMap();
    return RpcError(RpcError::Kind::NotFound,
                    tr("the record does not exist"),
                    0,
                    QCborMap{{u"kind"_s, u"DoesNotExist"_s}});
}

RecordId idOf(const QCborMap &record)
{
    return RecordId::fromCbor(record.value(u"id"_s)).value_or(RecordId());
}

Q lookupQ(const QCborMap &lookup)
{
    Q q;
    for (auto it = lookup.begin(); it != lookup.end(); ++it)
        q &= Q(it.key().toString(), it.value());
    return q;
}

// Runs the prefetch items one after the other on the same rows.
struct PrefetchRun
{
    QPointer<Connection> connection;
    CallOptions options;
    QCborArray rows;
    QStringList items;
    qsizetype next = 0;
    QPromise<Result<QCborArray>> promise;

    void finish(Result<QCborArray> result)
    {
        promise.addResult(std::move(result));
        promise.finish();
    }

    QCborArray ids() const
    {
        QCborArray ids;
        for (const QCborValue &row : rows)
            ids.append(row.toMap().value(u"id"_s));
        return ids;
    }

    // `field` of every row: the linked ids not fetched yet, without duplicates.
    QCborArray linkedIds(const QString &field) const
    {
        QCborArray ids;
        QSet<QString> seen;
        const auto add = [&](const QCborValue &value) {
            const auto id = RecordId::fromCbor(value);
            if (id && !seen.contains(id->toSurql())) {
                seen.insert(id->toSurql());
                ids.append(value);
            }
        };
        for (const QCborValue &row : rows) {
            const QCborValue value = row.toMap().value(field);
            if (value.isArray()) {
                for (const QCborValue &item : value.toArray())
                    add(item);
            } else {
                add(value);
            }
        }
        return ids;
    }

    static void step(const std::shared_ptr<PrefetchRun> &run)
    {
        if (run->next == run->items.size())
            return run->finish(run->rows);
        const QString item = run->items.at(run->next++);
        SurqlQuery query;
        const bool graph = item.startsWith(u"->"_s) || item.startsWith(u"<-"_s);
        if (graph) {
            QString error;
            const auto path = GraphPath::parse(item, &error);
            if (!path)
                return run->finish(invalid(error));
            const QString ids = query.bind(u"ids"_s, run->ids());
            query.setText(u"SELECT id, "_s + path->toSurql().value() + u".* AS related FROM "_s
                          + ids);
        } else {
            if (!FieldPath::isIdentifier(item))
                return run->finish(invalid(tr("invalid prefetch field \"%1\"").arg(item)));
            const QCborArray linked = run->linkedIds(item);
            if (linked.isEmpty())
                return step(run);
            query.setText(u"SELECT * FROM "_s + query.bind(u"ids"_s, linked));
        }
        QueryRunner::run(run->connection, query, run->options)
            .then([run, item, graph](const Result<QCborArray> &values) {
                if (!values)
                    return run->finish(values.error());
                QHash<QString, QCborValue> byId;
                for (const QCborValue &found : values->last().toArray()) {
                    const auto id = RecordId::fromCbor(found.toMap().value(u"id"_s));
                    if (id) {
                        byId.insert(id->toSurql(),
                                    graph ? found.toMap().value(u"related"_s) : found);
                    }
                }
                const auto lookup = [&](const QCborValue &value) {
                    const auto id = RecordId::fromCbor(value);
                    return id ? byId.value(id->toSurql(), value) : value;
                };
                for (QCborValueRef slot : run->rows) {
                    QCborMap row = slot.toMap();
                    if (graph) {
                        row.insert(item, lookup(row.value(u"id"_s)));
                    } else {
                        const QCborValue value = row.value(item);
                        if (value.isArray()) {
                            QCborArray fetched;
                            for (const QCborValue &link : value.toArray())
                                fetched.append(lookup(link));
                            row.insert(item, fetched);
                        } else {
                            row.insert(item, lookup(value));
                        }
                    }
                    slot = row;
                }
                step(run);
            });
    }
};

} // namespace

RecordStore::RecordStore(Connection *connection, ModelMeta meta, CallOptions options)
    : m_connection(connection)
    , m_meta(std::move(meta))
    , m_options(std::move(options))
{}

QuerySet RecordStore::querySet() const
{
    return QuerySet(m_meta.table(), m_connection).withOptions(m_options);
}

Result<QString> RecordStore::quotedTable() const
{
    if (!FieldPath::isIdentifier(m_meta.table()))
        return invalid(tr("invalid table name \"%1\"").arg(m_meta.table()));
    return SurqlSyntax::quoteIdentifier(m_meta.table());
}

QFuture<Result<QCborMap>> RecordStore::create(const QCborMap &record) const
{
    const auto table = quotedTable();
    if (!table)
        return QueryRunner::ready(Result<QCborMap>(table.error()));
    const RecordId id = idOf(record);
    if (id.isValid() && id.table() != m_meta.table()) {
        return QueryRunner::ready(Result<QCborMap>(
            invalid(tr("the record id %1 is not in table %2").arg(id.toSurql(), m_meta.table()))));
    }
    SurqlQuery query;
    QCborMap data = record;
    if (m_meta.isRelation()) {
        const QString in = query.bind(u"in"_s, data.take(u"in"_s));
        const QString out = query.bind(u"out"_s, data.take(u"out"_s));
        query.setText(u"RELATE ONLY "_s + in + u"->"_s + table.value() + u"->"_s + out
                      + u" CONTENT "_s + query.bind(u"data"_s, data));
    } else if (id.isValid()) {
        query.setText(u"CREATE ONLY "_s + query.bind(u"id"_s, id.toCbor()) + u" CONTENT "_s
                      + query.bind(u"data"_s, data));
    } else {
        query.setText(u"CREATE ONLY "_s + table.value() + u" CONTENT "_s
                      + query.bind(u"data"_s, data));
    }
    ModelSignals *hub = ModelSignals::of(m_meta.table());
    Q_EMIT hub->aboutToSave(id, record, true);
    return QueryRunner::runAs<QCborMap>(
        m_connection,
        query,
        [hub](const QCborValue &value) {
            const auto stored = recordOf(value);
            if (stored)
                Q_EMIT hub->saved(idOf(stored.value()), stored.value(), true);
            return stored;
        },
        m_options);
}

QFuture<Result<QCborMap>> RecordStore::saveChanges(const RecordId &id, const QCborMap &changes) const
{
    SurqlQuery query;
    query.setText(u"UPDATE ONLY "_s + query.bind(u"id"_s, id.toCbor()) + u" MERGE "_s
                  + query.bind(u"data"_s, changes));
    ModelSignals *hub = ModelSignals::of(m_meta.table());
    Q_EMIT hub->aboutToSave(id, changes, false);
    return QueryRunner::runAs<QCborMap>(
        m_connection,
        query,
        [hub, id](const QCborValue &value) {
            const auto stored = recordOf(value);
            if (stored)
                Q_EMIT hub->saved(id, stored.value(), false);
            return stored;
        },
        m_options);
}

QFuture<Result<QCborMap>> RecordStore::replace(const RecordId &id, const QCborMap &record) const
{
    QCborMap data = record;
    data.remove(u"id"_s);
    return update(id, u" CONTENT "_s, data);
}

QFuture<Result<QCborMap>> RecordStore::merge(const RecordId &id, const QCborMap &data) const
{
    return update(id, u" MERGE "_s, data);
}

QFuture<Result<QCborMap>> RecordStore::update(const RecordId &id,
                                              const QString &clause,
                                              const QCborMap &data) const
{
    SurqlQuery query;
    query.setText(u"UPDATE ONLY "_s + query.bind(u"id"_s, id.toCbor()) + clause
                  + query.bind(u"data"_s, data));
    ModelSignals *hub = ModelSignals::of(m_meta.table());
    Q_EMIT hub->aboutToUpdate(id, data);
    return QueryRunner::runAs<QCborMap>(
        m_connection,
        query,
        [hub, id](const QCborValue &value) {
            const auto stored = recordOf(value);
            if (stored)
                Q_EMIT hub->updated(id, stored.value());
            return stored;
        },
        m_options);
}

QFuture<Result<bool>> RecordStore::remove(const RecordId &id) const
{
    SurqlQuery query;
    query.setText(u"DELETE ONLY "_s + query.bind(u"id"_s, id.toCbor()) + u" RETURN BEFORE"_s);
    ModelSignals *hub = ModelSignals::of(m_meta.table());
    Q_EMIT hub->aboutToDelete(id);
    return QueryRunner::runAs<bool>(
        m_connection,
        query,
        [hub, id](const QCborValue &value) {
            const bool existed = value.isMap();
            if (existed)
                Q_EMIT hub->deleted(id);
            return existed;
        },
        m_options);
}

QFuture<Result<std::optional<QCborMap>>> RecordStore::fetch(const RecordId &id) const
{
    SurqlQuery query;
    query.setText(u"SELECT * FROM ONLY "_s + query.bind(u"id"_s, id.toCbor()));
    return QueryRunner::runAs<std::optional<QCborMap>>(
        m_connection,
        query,
        [](const QCborValue &value) -> std::optional<QCborMap> {
            if (!value.isMap())
                return std::nullopt;
            return value.toMap();
        },
        m_options);
}

QFuture<Result<std::pair<QCborMap, bool>>> RecordStore::getOrCreate(const QCborMap &lookup,
                                                                    const QCborMap &defaults,
                                                                    const QCborMap &base) const
{
    using Found = Result<std::pair<QCborMap, bool>>;
    const RecordStore self = *this;
    return querySet()
        .filter(lookupQ(lookup))
        .get()
        .then([self, lookup, defaults, base](const Result<QCborValue> &found) {
            if (found)
                return QueryRunner::ready(Found(std::pair{found->toMap(), false}));
            if (found.error().kind() != RpcError::Kind::NotFound)
                return QueryRunner::ready(Found(found.error()));
            QCborMap record = base;
            for (auto it = defaults.begin(); it != defaults.end(); ++it)
                record.insert(it.key(), it.value());
            for (auto it = lookup.begin(); it != lookup.end(); ++it)
                record.insert(it.key(), it.value());
            return self.create(record).then([](const Result<QCborMap> &created) -> Found {
                if (!created)
                    return created.error();
                return std::pair{created.value(), true};
            });
        })
        .unwrap();
}

QFuture<Result<std::pair<QCborMap, bool>>> RecordStore::updateOrCreate(const QCborMap &lookup,
                                                                       const QCborMap &defaults,
                                                                       const QCborMap &base) const
{
    using Found = Result<std::pair<QCborMap, bool>>;
    const RecordStore self = *this;
    return getOrCreate(lookup, defaults, base)
        .then([self, defaults](const Found &found) {
            if (!found || found->second || defaults.isEmpty())
                return QueryRunner::ready(found);
            return self.merge(idOf(found->first), defaults)
                .then([](const Result<QCborMap> &merged) -> Found {
                    if (!merged)
                        return merged.error();
                    return std::pair{merged.value(), false};
                });
        })
        .unwrap();
}

QFuture<Result<QCborArray>> RecordStore::prefetch(const QCborArray &records,
                                                  const QStringList &related) const
{
    auto run = std::make_shared<PrefetchRun>();
    run->connection = m_connection;
    run->options = m_options;
    run->rows = records;
    run->items = related;
    run->promise.start();
    QFuture<Result<QCborArray>> future = run->promise.future();
    if (records.isEmpty()) {
        run->finish(records);
    } else {
        PrefetchRun::step(run);
    }
    return future;
}

} // namespace SurrealQt

#pragma once

#include "ModelMeta.h"
#include "QuerySet.h"

#include <surrealqt/client/CallOptions.h>
#include <surrealqt/client/Connection.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QPointer>

#include <optional>
#include <utility>

namespace SurrealQt {

// The record writes of one model, on records as maps: what typed models (Objects<T>) and
// dynamic models share. Every value is a bound parameter; the table name is validated and
// quoted. Each write emits the model's ModelSignals and runs with the given call options (a
// transaction's options() put it inside that transaction).
class SURREALQT_CORE_EXPORT RecordStore
{
public:
    RecordStore(Connection *connection, ModelMeta meta, CallOptions options = {});

    Connection *connection() const { return m_connection; }
    const ModelMeta &meta() const { return m_meta; }
    const CallOptions &options() const { return m_options; }
    QuerySet querySet() const;

    // CREATE (RELATE $in->table->$out for a relation): the stored record. With an `id` in the
    // record, that id; otherwise the server makes one.
    QFuture<Result<QCborMap>> create(const QCborMap &record) const;
    // Saves a loaded record: UPDATE $id MERGE $changes (save() with only the changed fields).
    QFuture<Result<QCborMap>> saveChanges(const RecordId &id, const QCborMap &changes) const;
    // UPDATE $id CONTENT $record: replaces every field.
    QFuture<Result<QCborMap>> replace(const RecordId &id, const QCborMap &record) const;
    // UPDATE $id MERGE $data.
    QFuture<Result<QCborMap>> merge(const RecordId &id, const QCborMap &data) const;
    // DELETE $id: true when a record was deleted, false when there was none.
    QFuture<Result<bool>> remove(const RecordId &id) const;
    // SELECT * FROM ONLY $id: nullopt when there is no such record.
    QFuture<Result<std::optional<QCborMap>>> fetch(const RecordId &id) const;

    // The record whose fields equal `lookup`, or a new one made of `base` (a typed model's
    // default record), `defaults` and `lookup`; `second` tells whether it was created. Several
    // matches are an error.
    QFuture<Result<std::pair<QCborMap, bool>>> getOrCreate(const QCborMap &lookup,
                                                           const QCborMap &defaults = {},
                                                           const QCborMap &base = {}) const;
    // The record whose fields equal `lookup`, merged with `defaults`; or a new one as above.
    QFuture<Result<std::pair<QCborMap, bool>>> updateOrCreate(const QCborMap &lookup,
                                                              const QCborMap &defaults,
                                                              const QCborMap &base = {}) const;

    // Loads, for records already read, what prefetch_related asks for, in one query per item
    // (never one per record): a link field (`author`, `tags`) is replaced by the linked records;
    // a graph path (`->wrote->book`) adds a field of that name holding the records it reaches.
    QFuture<Result<QCborArray>> prefetch(const QCborArray &records,
                                         const QStringList &related) const;

private:
    Result<QString> quotedTable() const;
    // UPDATE ONLY $id <clause> $data (clause: " CONTENT " or " MERGE "), with the update signals.
    QFuture<Result<QCborMap>> update(const RecordId &id,
                                     const QString &clause,
                                     const QCborMap &data) const;

    QPointer<Connection> m_connection;
    ModelMeta m_meta;
    CallOptions m_options;
};

} // namespace SurrealQt

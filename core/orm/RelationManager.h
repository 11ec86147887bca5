#pragma once

#include "QuerySet.h"

#include <surrealqt/client/CallOptions.h>
#include <surrealqt/client/Connection.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>
#include <surrealqt/values/RecordId.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QPointer>

namespace SurrealQt {

// The graph edges of one record through one edge table (Django's related manager over RELATE):
//
//   RelationManager wrote(connection, author.id, u"wrote"_s, u"book"_s);
//   wrote.add(book.id, {{u"role"_s, u"main"_s}});      // RELATE $from->wrote->$to CONTENT $data
//   wrote.all();                                       // SELECT * FROM $from->wrote->book
//
// The edge and target table names are validated and quoted; ids and data are bound.
class SURREALQT_CORE_EXPORT RelationManager
{
public:
    enum class Direction { Out, In }; // from->edge->target, or from<-edge<-target

    RelationManager(Connection *connection,
                    RecordId from,
                    QString edge,
                    QString target,
                    Direction direction = Direction::Out,
                    CallOptions options = {});

    RelationManager withOptions(const CallOptions &options) const;

    // One more edge to `to`: the edge record.
    QFuture<Result<QCborMap>> add(const RecordId &to, const QCborMap &data = {}) const;
    // Deletes the edges to `to`; the number deleted.
    QFuture<Result<qint64>> remove(const RecordId &to) const;
    // Makes the targets exactly `targets` in one atomic request: edges to others are deleted,
    // missing ones created, existing ones (and their data) kept. The number of targets after.
    QFuture<Result<qint64>> set(const QList<RecordId> &targets) const;
    // Deletes every edge of this record in this edge table; the number deleted.
    QFuture<Result<qint64>> clear() const;

    // The target records as a query set (filter, order, count... apply to them).
    QuerySet targets() const;
    QFuture<Result<QCborArray>> all() const { return targets().all(); }
    QuerySet filter(const Q &q) const { return targets().filter(q); }
    QFuture<Result<qint64>> count() const { return targets().count(); }
    // The edge records themselves.
    QuerySet edges() const;

private:
    Result<QString> edgeName() const;
    QString ends(SurqlQuery &query, const QString &other) const; // "in = $from AND out = …"

    QPointer<Connection> m_connection;
    RecordId m_from;
    QString m_edge;
    QString m_target;
    Direction m_direction;
    CallOptions m_options;
};

} // namespace SurrealQt

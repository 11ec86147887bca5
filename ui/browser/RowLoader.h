#pragma once

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <optional>

namespace SurrealQt {

class Connection;

// Loads a table's rows for the browser, after DB4S's RowLoader, fully asynchronously on the
// connection (nothing waits on the GUI thread). Pages are read by keyset, never by OFFSET: a
// page starts after (or ends before) a known sort key. Sorted by id, that is a record-id range
// (`person:⟨k⟩>..`), which the server scans directly; sorted by a column, it is
// `WHERE col > $v OR (col = $v AND id > $id)`. Every request carries the generation it was made
// in; setQuery() starts a new one, and the answers of older ones are dropped.
class RowLoader : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Forward, Backward }; // in display order
    enum class Fetch { Rows, Keys };

    RowLoader(Connection *connection, QString table, QObject *parent = nullptr);

    const QString &table() const { return m_table; }
    const QString &filter() const { return m_filter; }
    // An empty column sorts by id.
    const QString &sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    quint64 generation() const { return m_generation; }

    // A filter the browser accepts: one expression, no ';' and nothing left open. Returns an
    // error message, or an empty string. The server checks the rest.
    static QString checkFilter(const QString &filter);

    void setQuery(const QString &filter, const QString &sortColumn, Qt::SortOrder order);
    // The sort key of a record in the current order: its id, or [value, id].
    QCborValue keyOf(const QCborValue &record) const;

    // Up to `limit` rows (or only their keys) after `anchor` (Forward) or before it (Backward),
    // from the start or the end when there is no anchor. Answers with rowsLoaded() in display
    // order, or failed().
    void fetch(quint64 request,
               Direction direction,
               const std::optional<QCborValue> &anchor,
               int limit,
               Fetch what);
    // The number of records the filter matches: answers with counted() or failed().
    void count(const QString &filter, quint64 request);

Q_SIGNALS:
    void rowsLoaded(quint64 generation, quint64 request, const QCborArray &rows);
    void counted(quint64 generation, quint64 request, qint64 count);
    void failed(quint64 generation, quint64 request, const QString &message);

private:
    QString whereClause(const QString &extra) const;
    void run(quint64 generation,
             quint64 request,
             Direction direction,
             const QString &surql,
             const QCborMap &vars);
    void deliver(quint64 generation,
                 quint64 request,
                 Direction direction,
                 const Result<QueryResponse> &result);

    QPointer<Connection> m_connection;
    QString m_table;
    QString m_filter;
    QString m_sortColumn;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    quint64 m_generation = 0;
};

} // namespace SurrealQt

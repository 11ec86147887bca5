#pragma once

#include "ModelMeta.h"
#include "Objects.h"
#include "QuerySet.h"

#include <surrealqt/client/LiveQuery.h>
#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/rpc/RpcError.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QCborMap>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace SurrealQt {

// A table model that a live query keeps in sync, the bridge from a query set to any Qt view:
// one SELECT fills it, then a LIVE SELECT of the table applies each CREATE, UPDATE and DELETE as
// rowsInserted, dataChanged or rowsRemoved for just that row (never a reset). With a filter,
// each created or updated record is checked against it (one small query), since the server
// sends nothing when an update takes a record out of a filtered live query: a record that
// leaves the filter is removed, one that enters it inserted. After a reconnect it reads the
// query set again and applies only the differences. Columns are `id` and the model's fields;
// rows keep the query set's order, new records go at the end.
//
//   auto *model = new LiveQueryModel(connection, objects<Author>(connection).filter(...));
//   view->setModel(model);  // QTableView, QML, anything
//
// QtCore only; lives in the connection's thread.
class SURREALQT_CORE_EXPORT LiveQueryModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)

public:
    // The whole record of a row, as a QCborMap.
    static constexpr int RecordRole = Qt::UserRole + 1;

    LiveQueryModel(WebSocketConnection *connection,
                   QuerySet query,
                   const ModelMeta &model,
                   QObject *parent = nullptr);
    template<typename T>
    LiveQueryModel(WebSocketConnection *connection,
                   const Objects<T> &objects,
                   QObject *parent = nullptr)
        : LiveQueryModel(connection, objects.querySet(), ModelMeta::of<T>(), parent)
    {}
    ~LiveQueryModel() override;

    // Subscribes, then reads: readyChanged(true) once the first rows are in.
    void start();
    bool isReady() const { return m_ready; }
    const QStringList &columns() const { return m_columns; }
    QCborMap record(int row) const { return m_rows.value(row); }
    // The row as a typed object of model T.
    template<typename T>
    T object(int row) const
    {
        return Objects<T>::fromRecord(record(row));
    }
    // The row of a record id, or -1.
    int rowOf(const QCborValue &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void readyChanged(bool ready);
    // The subscription or a read failed; the rows stay as they were.
    void errorOccurred(const SurrealQt::RpcError &error);
    // A resync after a reconnect finished.
    void resynced();
    // Each notification the live query delivers, as it arrives (for logs and counters).
    void notified(const SurrealQt::LiveNotification &notification);

private:
    void subscribed(LiveQuery *live);
    void onNotification(const LiveNotification &notification);
    void load(const QCborArray &rows, bool initial);
    void upsertRow(const QCborMap &record);
    // Whether the record still matches the filter: upserts or removes it accordingly.
    void recheck(const QString &key, const QCborMap &record);
    void removeRow(const QString &key);
    void resync();
    void reindex(int from);
    static QString keyOf(const QCborValue &id);

    QPointer<WebSocketConnection> m_connection;
    QuerySet m_query;
    QStringList m_columns;
    QList<QCborMap> m_rows;
    QHash<QString, int> m_index; // record id text → row
    QPointer<LiveQuery> m_live;
    QList<LiveNotification> m_pending; // notifications that came before the first read
    QHash<QString, quint64> m_tickets; // the latest change per record: older checks are dropped
    bool m_ready = false;
    bool m_loading = false;
};

} // namespace SurrealQt

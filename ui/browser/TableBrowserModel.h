#pragma once

#include "browser/RowCache.h"
#include "browser/RowLoader.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QCborMap>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QSet>

class QTimer;

namespace SurrealQt {

class Connection;

// A virtual grid over one table: rowCount() is the table's record count, and rows come from a
// sparse RowCache filled page by page by a RowLoader (keyset paging by record id or by the sort
// column, never OFFSET), only for the rows a view asks for. Far pages are reached by walking
// the sort keys alone. Editing a cell merges that one field into the record, never a replace.
class TableBrowserModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int PageSize = 200;
    static constexpr int MaxPages = 100;    // 20,000 rows held at most
    static constexpr int WalkChunk = 10000; // keys read per step toward a far page
    static constexpr int MaxWanted = 8;     // pages waiting; older wishes are dropped

    TableBrowserModel(Connection *connection, const QString &table, QObject *parent = nullptr);

    const QString &table() const;
    const QStringList &columns() const { return m_columns; }
    // The number of records the filter matches, or -1 while it is being counted.
    qint64 totalCount() const { return m_count; }
    const QString &filter() const;
    QString sortColumn() const;
    Qt::SortOrder sortOrder() const;
    RowLoader *loader() const { return m_loader; }
    const RowCache &cache() const { return m_cache; }

    // Counts the records and loads the first page, both at once.
    void open();
    // Reads everything again (after a change made elsewhere).
    void reload();
    // Checks the filter with the server first; a refused filter leaves the grid as it was and
    // reports errorOccurred().
    void applyFilter(const QString &filter);
    // The record shown at a row; empty while its page is not loaded.
    QCborMap record(int row) const;
    bool isRowLoaded(int row) const;
    // The row's record id, or an undefined value while it is not loaded.
    QCborValue recordId(int row) const;

    void createRecord();
    void deleteRecords(const QList<int> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Sends MERGE {field: value} for that one cell; the grid shows the record the server returns.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void countChanged(qint64 count);
    void pageLoaded(qint64 page);
    void filterApplied(const QString &filter);
    void errorOccurred(const QString &message);
    void recordSaved(const QCborValue &id);
    void recordCreated(const QCborValue &id);
    void recordsDeleted(int count);

private:
    enum class Kind { Page, WalkForward, WalkBackward, Count, FilterCheck };
    struct Pending
    {
        Kind kind = Kind::Page;
        qint64 page = 0;
        qint64 startRow = 0;
        QString filter;
    };

    void want(qint64 page) const;
    void pump();
    bool startPage(qint64 page);
    void startWalk(qint64 page);
    quint64 send(const Pending &pending);
    void resetQuery(const QString &filter, const QString &sortColumn, Qt::SortOrder order);
    void setCount(qint64 count);
    void onRows(quint64 generation, quint64 request, const QCborArray &rows);
    void onCounted(quint64 generation, quint64 request, qint64 count);
    void onFailed(quint64 generation, quint64 request, const QString &message);
    void addColumns(const QCborArray &rows);
    qint64 lastPage() const;

    QPointer<Connection> m_connection;
    RowLoader *m_loader = nullptr;
    mutable RowCache m_cache;
    QStringList m_columns;
    QSet<QString> m_columnSet;
    qint64 m_count = -1;
    qint64 m_provisionalRows = 0; // shown before the count is known: the first page
    quint64 m_nextRequest = 0;
    quint64 m_filterRequest = 0;
    QHash<quint64, Pending> m_pending;
    QSet<qint64> m_inFlight;
    bool m_walking = false;
    mutable QList<qint64> m_wanted; // most recent last
    QTimer *m_pumpTimer = nullptr;
};

} // namespace SurrealQt

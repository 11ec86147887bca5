#pragma once

#include "console/HistoryEntry.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace SurrealQt {

class QueryHistory;

// The searchable list of past runs: a filter box over the history (newest first); activating
// an entry (double-click or Enter) hands its query back to the console.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setHistory(QueryHistory *history);
    QueryHistory *history() const { return m_history; }

    QString filter() const;
    void setFilter(const QString &text);
    int entryCount() const;
    HistoryEntry entry(int row) const;
    // Emits entryActivated() for a row, as a double-click does.
    void activate(int row);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void entryActivated(const QString &query);
    // The list shows the result of the latest search.
    void loaded();

private:
    void showEntries(const QList<HistoryEntry> &entries);

    QPointer<QueryHistory> m_history;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
    QTimer *m_debounce = nullptr;
    QList<HistoryEntry> m_entries;
    int m_searchGeneration = 0;
};

} // namespace SurrealQt

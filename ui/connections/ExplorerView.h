#pragma once

#include <QtWidgets/QTreeView>

class QAction;
class QStandardItem;
class QStandardItemModel;

namespace SurrealQt {

class SandboxController;
class WebSocketConnection;

// The explorer tree (connection → namespace → database → table). For now it shows
// the sandbox connection, its state and its addresses.
class ExplorerView : public QTreeView
{
    Q_OBJECT

public:
    explicit ExplorerView(QWidget *parent = nullptr);

    void setSandbox(SandboxController *sandbox);
    // The table items under the sandbox's database (for tests and context actions).
    QStringList tableNames() const;
    // The row count shown for a table, or -1 while it is still loading.
    qint64 tableCount(const QString &table) const;

    // The table an index stands for (its row's table item), or an empty string.
    QString tableAt(const QModelIndex &index) const;
    // The context menu's actions for a table, in order: open, show definition, new query here.
    QList<QAction *> tableActions(const QString &table);

Q_SIGNALS:
    void tablesLoaded();
    void countsLoaded();
    void openTableRequested(const QString &table);
    void definitionRequested(const QString &table);
    void queryRequested(const QString &table);

private:
    void showContextMenu(const QPoint &position);
    void updateSandbox();
    void loadTables(WebSocketConnection *connection);
    void loadCounts(WebSocketConnection *connection);
    QStandardItem *tableItem(const QString &table) const;

    QStandardItemModel *m_model = nullptr;
    QStandardItem *m_sandboxItem = nullptr;
    QStandardItem *m_sandboxStateItem = nullptr;
    QStandardItem *m_databaseItem = nullptr;
    int m_countsPending = 0;
    SandboxController *m_sandbox = nullptr;
};

} // namespace SurrealQt

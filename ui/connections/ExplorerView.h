#pragma once

#include <QtWidgets/QTreeView>

#include <memory>
#include <vector>

class QAction;
class QStandardItem;
class QStandardItemModel;

namespace SurrealQt {

struct ConnectionProfile;
class SandboxController;
class WebSocketConnection;

// The explorer tree: one top-level node per connection (the sandbox, then each saved profile),
// and under an open connection namespace → database → table, with lazy row counts. Nodes are
// named by a connection key: sandboxKey() or a profile id. Opening a profile and acting on a
// table are requests (signals) the main window answers.
class ExplorerView : public QTreeView
{
    Q_OBJECT

public:
    explicit ExplorerView(QWidget *parent = nullptr);
    ~ExplorerView() override;

    ExplorerView(const ExplorerView &) = delete;
    ExplorerView &operator=(const ExplorerView &) = delete;

    static QString sandboxKey();

    void setSandbox(SandboxController *sandbox);
    // One node per saved profile (profiles without their secrets), in order; nodes of profiles
    // no longer listed go, open ones keep their tree.
    void setProfiles(const QList<ConnectionProfile> &profiles);
    // Lists namespace → database → tables of an open connection under its node.
    void showDatabase(const QString &key,
                      WebSocketConnection *connection,
                      const QString &ns,
                      const QString &db);
    // Removes the namespace/database/tables under a node (a closed connection).
    void clearDatabase(const QString &key);
    // The node's second column (its state or address) and tooltip.
    void setConnectionDetails(const QString &key, const QString &text, const QString &toolTip = {});
    QString connectionDetails(const QString &key) const;

    QStringList connectionKeys() const;
    // The open connection of a node, or null.
    WebSocketConnection *connection(const QString &key) const;
    // The table items under a node's database (for tests and context actions).
    QStringList tableNames(const QString &key = sandboxKey()) const;
    // The row count shown for a table, or -1 while it is still loading.
    qint64 tableCount(const QString &table, const QString &key = sandboxKey()) const;
    // The model index of a node (column 0), for tests and screenshots.
    QModelIndex connectionIndex(const QString &key) const;

    // The connection key of the node an index belongs to, or an empty string.
    QString connectionKeyAt(const QModelIndex &index) const;
    // The table an index stands for (its row's table item), or an empty string.
    QString tableAt(const QModelIndex &index) const;
    // The context menu's actions for a table, in order: open, show definition, new query here.
    QList<QAction *> tableActions(const QString &table, const QString &key = sandboxKey());
    // The context menu's actions for a saved profile, in order: connect or disconnect, edit,
    // delete.
    QList<QAction *> profileActions(const QString &profileId);

Q_SIGNALS:
    void tablesLoaded(const QString &key);
    void countsLoaded(const QString &key);
    void openTableRequested(const QString &key, const QString &table);
    void definitionRequested(const QString &key, const QString &table);
    void queryRequested(const QString &key, const QString &table);
    void openProfileRequested(const QString &profileId);
    void closeProfileRequested(const QString &profileId);
    void editProfileRequested(const QString &profileId);
    void deleteProfileRequested(const QString &profileId);

private:
    struct Node;

    void showContextMenu(const QPoint &position);
    void updateSandbox();
    void loadTables(Node *target, quint64 generation);
    void loadCounts(Node *target, quint64 generation);
    Node *node(const QString &key) const;
    Node *addNode(const QString &key, const QString &title);
    QStandardItem *tableItem(const Node *target, const QString &table) const;

    QStandardItemModel *m_model = nullptr;
    std::vector<std::unique_ptr<Node>> m_nodes;
    SandboxController *m_sandbox = nullptr;
};

} // namespace SurrealQt

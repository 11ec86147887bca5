#include "connections/ExplorerView.h"

#include "connections/SandboxController.h"
#include "profiles/ConnectionProfile.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/Table.h>

#include <QtCore/QPointer>
#include <QtGui/QAction>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QStyle>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
// On a top-level item: the connection key.
constexpr int KeyRole = Qt::UserRole + 1;
} // namespace

struct ExplorerView::Node
{
    QString key;
    QStandardItem *item = nullptr;
    QStandardItem *details = nullptr;
    QStandardItem *namespaceItem = nullptr;
    QStandardItem *database = nullptr;
    QPointer<WebSocketConnection> connection;
    // Bumped whenever the database subtree is rebuilt or removed: late replies are dropped.
    quint64 generation = 0;
    int countsPending = 0;
};

ExplorerView::ExplorerView(QWidget *parent)
    : QTreeView(parent)
    , m_model(new QStandardItemModel(this))
{
    m_model->setHorizontalHeaderLabels({tr("Connection"), tr("Details")});
    setModel(m_model);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, &ExplorerView::showContextMenu);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString key = connectionKeyAt(index);
        const QString table = tableAt(index);
        if (!table.isEmpty()) {
            Q_EMIT openTableRequested(key, table);
            return;
        }
        // A closed profile's own node: open it.
        if (!index.parent().isValid() && key != sandboxKey() && !connection(key))
            Q_EMIT openProfileRequested(key);
    });
}

ExplorerView::~ExplorerView() = default;

QString ExplorerView::sandboxKey()
{
    return u"sandbox"_s;
}

ExplorerView::Node *ExplorerView::node(const QString &key) const
{
    for (const auto &candidate : m_nodes) {
        if (candidate->key == key)
            return candidate.get();
    }
    return nullptr;
}

ExplorerView::Node *ExplorerView::addNode(const QString &key, const QString &title)
{
    auto added = std::make_unique<Node>();
    added->key = key;
    added->item = new QStandardItem(title);
    added->item->setData(key, KeyRole);
    added->item->setIcon(style()->standardIcon(key == sandboxKey() ? QStyle::SP_ComputerIcon
                                                                   : QStyle::SP_DriveNetIcon));
    added->details = new QStandardItem;
    m_model->appendRow({added->item, added->details});
    m_nodes.push_back(std::move(added));
    return m_nodes.back().get();
}

QStringList ExplorerView::connectionKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_model->rowCount(); ++row)
        keys.append(m_model->item(row)->data(KeyRole).toString());
    return keys;
}

QModelIndex ExplorerView::connectionIndex(const QString &key) const
{
    const Node *found = node(key);
    return found ? found->item->index() : QModelIndex();
}

WebSocketConnection *ExplorerView::connection(const QString &key) const
{
    const Node *found = node(key);
    return found ? found->connection.data() : nullptr;
}

void ExplorerView::setConnectionDetails(const QString &key,
                                        const QString &text,
                                        const QString &toolTip)
{
    if (Node *found = node(key)) {
        found->details->setText(text);
        found->details->setToolTip(toolTip);
    }
}

QString ExplorerView::connectionDetails(const QString &key) const
{
    const Node *found = node(key);
    return found ? found->details->text() : QString();
}

QString ExplorerView::connectionKeyAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    QModelIndex top = index.siblingAtColumn(0);
    while (top.parent().isValid())
        top = top.parent();
    return top.data(KeyRole).toString();
}

QString ExplorerView::tableAt(const QModelIndex &index) const
{
    const Node *found = node(connectionKeyAt(index));
    if (!found || !found->database)
        return {};
    const QModelIndex first = index.siblingAtColumn(0);
    if (m_model->itemFromIndex(first.parent()) != found->database)
        return {};
    return first.data(Qt::UserRole).toString();
}

QList<QAction *> ExplorerView::tableActions(const QString &table, const QString &key)
{
    auto *open = new QAction(tr("Open"), this);
    connect(open, &QAction::triggered, this, [this, key, table] {
        Q_EMIT openTableRequested(key, table);
    });
    auto *definition = new QAction(tr("Show definition"), this);
    connect(definition, &QAction::triggered, this, [this, key, table] {
        Q_EMIT definitionRequested(key, table);
    });
    auto *query = new QAction(tr("New query here"), this);
    connect(query, &QAction::triggered, this, [this, key, table] {
        Q_EMIT queryRequested(key, table);
    });
    return {open, definition, query};
}

QList<QAction *> ExplorerView::profileActions(const QString &profileId)
{
    const bool open = connection(profileId) != nullptr;
    auto *connectAction = new QAction(open ? tr("Disconnect") : tr("Connect"), this);
    connect(connectAction, &QAction::triggered, this, [this, profileId, open] {
        if (open) {
            Q_EMIT closeProfileRequested(profileId);
        } else {
            Q_EMIT openProfileRequested(profileId);
        }
    });
    auto *edit = new QAction(tr("Edit…"), this);
    connect(edit, &QAction::triggered, this, [this, profileId] {
        Q_EMIT editProfileRequested(profileId);
    });
    auto *remove = new QAction(tr("Delete…"), this);
    connect(remove, &QAction::triggered, this, [this, profileId] {
        Q_EMIT deleteProfileRequested(profileId);
    });
    return {connectAction, edit, remove};
}

void ExplorerView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = indexAt(position);
    const QString key = connectionKeyAt(index);
    const QString table = tableAt(index);
    QList<QAction *> actions;
    if (!table.isEmpty()) {
        actions = tableActions(table, key);
    } else if (!key.isEmpty() && key != sandboxKey() && !index.parent().isValid()) {
        actions = profileActions(key);
    }
    if (actions.isEmpty())
        return;
    QMenu menu(this);
    menu.addActions(actions);
    menu.exec(viewport()->mapToGlobal(position));
    qDeleteAll(actions);
}

void ExplorerView::setProfiles(const QList<ConnectionProfile> &profiles)
{
    QStringList kept{sandboxKey()};
    for (const ConnectionProfile &profile : profiles) {
        kept.append(profile.id);
        Node *found = node(profile.id);
        if (!found) {
            found = addNode(profile.id, profile.name);
            found->details->setText(tr("not connected"));
        }
        found->item->setText(profile.name);
        const QString where = profile.sandbox == ConnectionProfile::SandboxServer::None
                                  ? profile.url.toDisplayString()
                                  : tr("a local sandbox");
        found->item->setToolTip(tr("%1: %2 (double-click to connect)").arg(profile.name, where));
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (kept.contains((*it)->key)) {
            ++it;
            continue;
        }
        m_model->removeRow((*it)->item->row());
        it = m_nodes.erase(it);
    }
}

void ExplorerView::setSandbox(SandboxController *sandbox)
{
    if (m_sandbox)
        m_sandbox->disconnect(this);
    m_sandbox = sandbox;
    if (m_sandbox) {
        connect(m_sandbox, &SandboxController::stateChanged, this, &ExplorerView::updateSandbox);
        connect(m_sandbox,
                &SandboxController::databaseReady,
                this,
                [this](WebSocketConnection *connection) {
                    showDatabase(sandboxKey(),
                                 connection,
                                 m_sandbox->namespaceName(),
                                 m_sandbox->databaseName());
                });
    }
    updateSandbox();
}

void ExplorerView::updateSandbox()
{
    Node *sandboxNode = node(sandboxKey());
    if (!m_sandbox) {
        if (sandboxNode) {
            m_model->removeRow(sandboxNode->item->row());
            std::erase_if(m_nodes, [](const auto &each) { return each->key == sandboxKey(); });
        }
        return;
    }
    if (!sandboxNode) {
        sandboxNode = addNode(sandboxKey(), tr("Sandbox"));
        sandboxNode->item->setToolTip(tr("A local, in-memory SurrealDB started with the Studio"));
        // The sandbox comes first.
        if (sandboxNode->item->row() != 0)
            m_model->insertRow(0, m_model->takeRow(sandboxNode->item->row()));
    }
    clearDatabase(sandboxKey());
    QStandardItem *item = sandboxNode->item;
    item->removeRows(0, item->rowCount());
    QStandardItem *details = sandboxNode->details;
    details->setToolTip({});

    switch (m_sandbox->state()) {
    case SandboxController::State::Disabled:
        details->setText(tr("disabled"));
        break;
    case SandboxController::State::Starting:
        details->setText(tr("starting…"));
        break;
    case SandboxController::State::Ready: {
        const QString rpc = m_sandbox->rpcUrl().toDisplayString();
        details->setText(rpc);
        const auto addRow = [item](const QString &name, const QString &value) {
            item->appendRow({new QStandardItem(name), new QStandardItem(value)});
        };
        addRow(tr("WebSocket"), rpc);
        addRow(tr("HTTP"), m_sandbox->httpUrl().toDisplayString());
        addRow(tr("Storage"), m_sandbox->storageDescription());
        addRow(tr("User"), m_sandbox->user());
        break;
    }
    case SandboxController::State::Stopping:
        details->setText(tr("stopping…"));
        break;
    case SandboxController::State::Stopped:
        details->setText(tr("stopped"));
        break;
    case SandboxController::State::Failed:
        details->setText(tr("failed"));
        details->setToolTip(m_sandbox->errorString());
        break;
    }
    expand(item->index());
}

} // namespace SurrealQt

namespace SurrealQt {

void ExplorerView::clearDatabase(const QString &key)
{
    Node *found = node(key);
    if (!found)
        return;
    ++found->generation;
    if (found->namespaceItem)
        found->item->removeRow(found->namespaceItem->row());
    found->namespaceItem = nullptr;
    found->database = nullptr;
    found->connection = nullptr;
    found->countsPending = 0;
}

void ExplorerView::showDatabase(const QString &key,
                                WebSocketConnection *connection,
                                const QString &ns,
                                const QString &db)
{
    Node *found = node(key);
    if (!found || !connection)
        return;
    clearDatabase(key);
    found->connection = connection;
    found->namespaceItem = new QStandardItem(ns);
    found->namespaceItem->setToolTip(tr("Namespace"));
    found->namespaceItem->setIcon(style()->standardIcon(QStyle::SP_DirIcon));
    found->database = new QStandardItem(db);
    found->database->setToolTip(tr("Database"));
    found->database->setIcon(style()->standardIcon(QStyle::SP_DriveHDIcon));
    found->namespaceItem->appendRow({found->database, new QStandardItem(tr("database"))});
    found->item->appendRow({found->namespaceItem, new QStandardItem(tr("namespace"))});
    loadTables(found, found->generation);
}

// namespace → database → tables, from INFO FOR DB; each table's row count follows lazily.
void ExplorerView::loadTables(Node *target, quint64 generation)
{
    const QString key = target->key;
    target->connection->query(u"INFO FOR DB"_s)
        .then(this, [this, key, generation](const Result<QueryResponse> &info) {
            Node *found = node(key);
            if (!found || found->generation != generation || !found->database)
                return;
            if (!info || info->firstError().isError()) {
                const QString why = info ? info->firstError().message() : info.error().message();
                found->database->appendRow(
                    {new QStandardItem(tr("(cannot list tables)")), new QStandardItem(why)});
                return;
            }
            QStringList tables;
            const QCborMap definitions = info->value(0).toMap().value("tables"_L1).toMap();
            for (auto it = definitions.constBegin(); it != definitions.constEnd(); ++it)
                tables.append(it.key().toString());
            tables.sort();
            for (const QString &table : tables) {
                auto *item = new QStandardItem(table);
                item->setToolTip(definitions.value(table).toString());
                item->setData(table, Qt::UserRole);
                item->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
                found->database->appendRow({item, new QStandardItem(tr("counting…"))});
            }
            expand(found->item->index());
            expand(found->namespaceItem->index());
            expand(found->database->index());
            Q_EMIT tablesLoaded(key);
            loadCounts(found, generation);
        });
}

void ExplorerView::loadCounts(Node *target, quint64 generation)
{
    const QString key = target->key;
    const QStringList tables = tableNames(key);
    target->countsPending = int(tables.size());
    if (tables.isEmpty())
        Q_EMIT countsLoaded(key);
    for (const QString &table : tables) {
        // The table is a bound value (a Table), never spliced into the text.
        target->connection
            ->query(u"SELECT count() AS n FROM $table GROUP ALL"_s,
                    QCborMap{{u"table"_s, Table(table).toCbor()}})
            .then(this, [this, key, generation, table](const Result<QueryResponse> &result) {
                Node *found = node(key);
                if (!found || found->generation != generation)
                    return;
                if (QStandardItem *item = tableItem(found, table)) {
                    QStandardItem *details = item->parent()->child(item->row(), 1);
                    const QCborValue rows = result ? result->value(0) : QCborValue();
                    const qint64 count
                        = rows.toArray().isEmpty()
                              ? 0
                              : rows.toArray().at(0).toMap().value("n"_L1).toInteger();
                    details->setText(result && !result->firstError().isError()
                                         ? tr("%n record(s)", nullptr, int(count))
                                         : tr("count failed"));
                    details->setData(count, Qt::UserRole);
                }
                if (--found->countsPending == 0)
                    Q_EMIT countsLoaded(key);
            });
    }
}

QStandardItem *ExplorerView::tableItem(const Node *target, const QString &table) const
{
    if (!target || !target->database)
        return nullptr;
    for (int row = 0; row < target->database->rowCount(); ++row) {
        if (target->database->child(row)->data(Qt::UserRole).toString() == table)
            return target->database->child(row);
    }
    return nullptr;
}

QStringList ExplorerView::tableNames(const QString &key) const
{
    QStringList names;
    const Node *found = node(key);
    for (int row = 0; found && found->database && row < found->database->rowCount(); ++row) {
        const QString name = found->database->child(row)->data(Qt::UserRole).toString();
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

qint64 ExplorerView::tableCount(const QString &table, const QString &key) const
{
    QStandardItem *item = tableItem(node(key), table);
    if (!item)
        return -1;
    const QVariant count = item->parent()->child(item->row(), 1)->data(Qt::UserRole);
    return count.isValid() ? count.toLongLong() : -1;
}

} // namespace SurrealQt

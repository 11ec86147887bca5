#include "connections/ExplorerView.h"

#include "connections/SandboxController.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/Table.h>

#include <QtGui/QAction>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>

using namespace Qt::StringLiterals;

namespace SurrealQt {

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
        const QString table = tableAt(index);
        if (!table.isEmpty())
            Q_EMIT openTableRequested(table);
    });
}

QString ExplorerView::tableAt(const QModelIndex &index) const
{
    if (!index.isValid() || !m_databaseItem)
        return {};
    const QModelIndex first = index.siblingAtColumn(0);
    if (m_model->itemFromIndex(first.parent()) != m_databaseItem)
        return {};
    return first.data(Qt::UserRole).toString();
}

QList<QAction *> ExplorerView::tableActions(const QString &table)
{
    auto *open = new QAction(tr("Open"), this);
    connect(open, &QAction::triggered, this, [this, table] { Q_EMIT openTableRequested(table); });
    auto *definition = new QAction(tr("Show definition"), this);
    connect(definition, &QAction::triggered, this, [this, table] {
        Q_EMIT definitionRequested(table);
    });
    auto *query = new QAction(tr("New query here"), this);
    connect(query, &QAction::triggered, this, [this, table] { Q_EMIT queryRequested(table); });
    return {open, definition, query};
}

void ExplorerView::showContextMenu(const QPoint &position)
{
    const QString table = tableAt(indexAt(position));
    if (table.isEmpty())
        return;
    QMenu menu(this);
    const QList<QAction *> actions = tableActions(table);
    menu.addActions(actions);
    menu.exec(viewport()->mapToGlobal(position));
    qDeleteAll(actions);
}

void ExplorerView::setSandbox(SandboxController *sandbox)
{
    if (m_sandbox)
        m_sandbox->disconnect(this);
    m_sandbox = sandbox;
    if (m_sandbox) {
        connect(m_sandbox, &SandboxController::stateChanged, this, &ExplorerView::updateSandbox);
        connect(m_sandbox, &SandboxController::databaseReady, this, &ExplorerView::loadTables);
    }
    updateSandbox();
}

void ExplorerView::updateSandbox()
{
    if (!m_sandbox) {
        m_model->removeRows(0, m_model->rowCount());
        m_sandboxItem = nullptr;
        m_sandboxStateItem = nullptr;
        return;
    }
    if (!m_sandboxItem) {
        m_sandboxItem = new QStandardItem(tr("Sandbox"));
        m_sandboxItem->setToolTip(tr("A local, in-memory SurrealDB started with the Studio"));
        m_sandboxStateItem = new QStandardItem;
        m_model->appendRow({m_sandboxItem, m_sandboxStateItem});
    }
    m_sandboxItem->removeRows(0, m_sandboxItem->rowCount());
    m_databaseItem = nullptr;

    switch (m_sandbox->state()) {
    case SandboxController::State::Disabled:
        m_sandboxStateItem->setText(tr("disabled"));
        break;
    case SandboxController::State::Starting:
        m_sandboxStateItem->setText(tr("starting…"));
        break;
    case SandboxController::State::Ready: {
        const QString rpc = m_sandbox->rpcUrl().toDisplayString();
        m_sandboxStateItem->setText(rpc);
        const auto addRow = [this](const QString &name, const QString &value) {
            m_sandboxItem->appendRow({new QStandardItem(name), new QStandardItem(value)});
        };
        addRow(tr("WebSocket"), rpc);
        addRow(tr("HTTP"), m_sandbox->httpUrl().toDisplayString());
        addRow(tr("Storage"), m_sandbox->storageDescription());
        addRow(tr("User"), m_sandbox->user());
        break;
    }
    case SandboxController::State::Stopping:
        m_sandboxStateItem->setText(tr("stopping…"));
        break;
    case SandboxController::State::Stopped:
        m_sandboxStateItem->setText(tr("stopped"));
        break;
    case SandboxController::State::Failed:
        m_sandboxStateItem->setText(tr("failed"));
        m_sandboxStateItem->setToolTip(m_sandbox->errorString());
        break;
    }
    expandAll();
}

} // namespace SurrealQt

namespace SurrealQt {

// namespace → database → tables, from INFO FOR DB; each table's row count follows lazily.
void ExplorerView::loadTables(WebSocketConnection *connection)
{
    if (!m_sandboxItem)
        return;
    auto *namespaceItem = new QStandardItem(SandboxController::demoNamespace());
    namespaceItem->setToolTip(tr("Namespace"));
    m_databaseItem = new QStandardItem(SandboxController::demoDatabase());
    m_databaseItem->setToolTip(tr("Database"));
    namespaceItem->appendRow({m_databaseItem, new QStandardItem(tr("database"))});
    m_sandboxItem->appendRow({namespaceItem, new QStandardItem(tr("namespace"))});
    connection->query(u"INFO FOR DB"_s)
        .then(this, [this, connection](const Result<QueryResponse> &info) {
            if (!m_databaseItem)
                return;
            if (!info || info->firstError().isError()) {
                const QString why = info ? info->firstError().message() : info.error().message();
                m_databaseItem->appendRow(
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
                m_databaseItem->appendRow({item, new QStandardItem(tr("counting…"))});
            }
            expandAll();
            Q_EMIT tablesLoaded();
            loadCounts(connection);
        });
}

void ExplorerView::loadCounts(WebSocketConnection *connection)
{
    const QStringList tables = tableNames();
    m_countsPending = int(tables.size());
    for (const QString &table : tables) {
        // The table is a bound value (a Table), never spliced into the text.
        connection
            ->query(u"SELECT count() AS n FROM $table GROUP ALL"_s,
                    QCborMap{{u"table"_s, Table(table).toCbor()}})
            .then(this, [this, table](const Result<QueryResponse> &result) {
                QStandardItem *item = tableItem(table);
                if (item) {
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
                if (--m_countsPending == 0)
                    Q_EMIT countsLoaded();
            });
    }
}

QStandardItem *ExplorerView::tableItem(const QString &table) const
{
    if (!m_databaseItem)
        return nullptr;
    for (int row = 0; row < m_databaseItem->rowCount(); ++row) {
        if (m_databaseItem->child(row)->data(Qt::UserRole).toString() == table)
            return m_databaseItem->child(row);
    }
    return nullptr;
}

QStringList ExplorerView::tableNames() const
{
    QStringList names;
    for (int row = 0; m_databaseItem && row < m_databaseItem->rowCount(); ++row)
        names.append(m_databaseItem->child(row)->data(Qt::UserRole).toString());
    return names;
}

qint64 ExplorerView::tableCount(const QString &table) const
{
    QStandardItem *item = tableItem(table);
    if (!item)
        return -1;
    const QVariant count = item->parent()->child(item->row(), 1)->data(Qt::UserRole);
    return count.isValid() ? count.toLongLong() : -1;
}

} // namespace SurrealQt

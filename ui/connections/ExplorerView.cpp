#include "connections/ExplorerView.h"

#include "connections/SandboxController.h"

#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>

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
}

void ExplorerView::setSandbox(SandboxController *sandbox)
{
    if (m_sandbox)
        m_sandbox->disconnect(this);
    m_sandbox = sandbox;
    if (m_sandbox)
        connect(m_sandbox, &SandboxController::stateChanged, this, &ExplorerView::updateSandbox);
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

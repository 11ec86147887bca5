#pragma once

#include <QtWidgets/QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace SurrealQt {

class SandboxController;

// The explorer tree (connection → namespace → database → table). For now it shows
// the sandbox connection, its state and its addresses.
class ExplorerView : public QTreeView
{
    Q_OBJECT

public:
    explicit ExplorerView(QWidget *parent = nullptr);

    void setSandbox(SandboxController *sandbox);

private:
    void updateSandbox();

    QStandardItemModel *m_model = nullptr;
    QStandardItem *m_sandboxItem = nullptr;
    QStandardItem *m_sandboxStateItem = nullptr;
    SandboxController *m_sandbox = nullptr;
};

} // namespace SurrealQt

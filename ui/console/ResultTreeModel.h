#pragma once

#include <QtCore/QAbstractItemModel>
#include <QtCore/QCborValue>

#include <memory>
#include <vector>

namespace SurrealQt {

// A statement's result as a tree (key, value, type). Nodes are made when a view asks for them:
// an array of 100,000 objects costs one node per row that is shown, and its objects' fields
// only once they are expanded.
class ResultTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    static constexpr int ValueBudget = 200;

    explicit ResultTreeModel(QObject *parent = nullptr);
    ~ResultTreeModel() override;

    void setValue(const QCborValue &value);
    QCborValue valueAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Node *parent = nullptr;
        int row = 0;
        QString key;
        QCborValue value;
        std::vector<std::unique_ptr<Node>> children; // sized on first use, filled lazily
    };

    Node *nodeFor(const QModelIndex &index) const;
    Node *child(Node *node, int row) const;
    static qsizetype childCount(const QCborValue &value);

    std::unique_ptr<Node> m_root;
};

} // namespace SurrealQt

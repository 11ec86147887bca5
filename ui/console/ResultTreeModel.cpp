#include "console/ResultTreeModel.h"

#include "console/ValueText.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtGui/QBrush>
#include <QtGui/QColor>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr quint64 SetTag = 56;

// The children of arrays, sets and objects; everything else is a leaf.
QCborValue container(const QCborValue &value)
{
    if (value.isTag() && quint64(value.tag()) == SetTag)
        return value.taggedValue();
    return value;
}
} // namespace

ResultTreeModel::ResultTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

ResultTreeModel::~ResultTreeModel() = default;

void ResultTreeModel::setValue(const QCborValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    // A container shows its entries at the top; a single value shows as one row.
    if (childCount(value) > 0 || value.isArray() || value.isMap()) {
        m_root->value = value;
    } else if (!value.isUndefined()) {
        m_root->value = QCborArray{value};
    }
    endResetModel();
}

qsizetype ResultTreeModel::childCount(const QCborValue &value)
{
    const QCborValue items = container(value);
    if (items.isArray())
        return items.toArray().size();
    if (items.isMap())
        return items.toMap().size();
    return 0;
}

ResultTreeModel::Node *ResultTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

ResultTreeModel::Node *ResultTreeModel::child(Node *node, int row) const
{
    if (node->children.empty())
        node->children.resize(size_t(childCount(node->value)));
    if (row < 0 || size_t(row) >= node->children.size())
        return nullptr;
    std::unique_ptr<Node> &slot = node->children[size_t(row)];
    if (!slot) {
        slot = std::make_unique<Node>();
        slot->parent = node;
        slot->row = row;
        const QCborValue items = container(node->value);
        if (items.isArray()) {
            slot->key = QString::number(row);
            slot->value = items.toArray().at(row);
        } else {
            const QCborMap map = items.toMap();
            const auto it = map.constBegin() + row;
            slot->key = it.key().toString();
            slot->value = it.value();
        }
    }
    return slot.get();
}

QCborValue ResultTreeModel::valueAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeFor(index)->value : QCborValue();
}

QModelIndex ResultTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    Node *node = child(nodeFor(parent), row);
    return node ? createIndex(row, column, node) : QModelIndex();
}

QModelIndex ResultTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int ResultTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(childCount(nodeFor(parent)->value));
}

int ResultTreeModel::columnCount(const QModelIndex & /*parent*/) const
{
    return ColumnCount;
}

bool ResultTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant ResultTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeFor(index);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn:
            return node->key;
        case ValueColumn: {
            const QCborValue items = container(node->value);
            if (items.isArray())
                return tr("[%n item(s)]", nullptr, int(items.toArray().size()));
            if (items.isMap())
                return tr("{%n field(s)}", nullptr, int(items.toMap().size()));
            return ValueText::format(node->value, ValueText::Style::Display, ValueBudget);
        }
        case TypeColumn:
            return ValueText::typeName(node->value);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ValueColumn)
        return ValueText::formatPretty(node->value, ValueText::Style::Surql, 2000);
    if (role == Qt::ForegroundRole && index.column() == TypeColumn)
        return QBrush(QColor(0x8a, 0x8a, 0x8a));
    return {};
}

QVariant ResultTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace SurrealQt

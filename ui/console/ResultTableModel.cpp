#include "console/ResultTableModel.h"

#include "console/ValueText.h"

#include <QtCore/QCborMap>
#include <QtCore/QSet>
#include <QtGui/QBrush>
#include <QtGui/QColor>

using namespace Qt::StringLiterals;

namespace SurrealQt {

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QStringList ResultTableModel::columnsFor(const QCborArray &rows, qsizetype limit)
{
    QStringList columns;
    QSet<QString> seen;
    bool scalars = false;
    const qsizetype count = limit < 0 ? rows.size() : qMin(rows.size(), limit);
    for (qsizetype row = 0; row < count; ++row) {
        const QCborValue value = rows.at(row);
        if (!value.isMap()) {
            scalars = true;
            continue;
        }
        const QCborMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!seen.contains(key)) {
                seen.insert(key);
                columns.append(key);
            }
        }
    }
    if (const qsizetype id = columns.indexOf(u"id"_s); id > 0)
        columns.move(id, 0);
    if (scalars || (columns.isEmpty() && count > 0))
        columns.prepend(QString());
    return columns;
}

void ResultTableModel::setValue(const QCborValue &value)
{
    beginResetModel();
    if (value.isArray()) {
        m_rows = value.toArray();
    } else if (value.isUndefined() || value.isInvalid()) {
        m_rows = {};
    } else {
        m_rows = QCborArray{value};
    }
    m_columns = columnsFor(m_rows, SampleRows);
    endResetModel();
}

void ResultTableModel::clear()
{
    beginResetModel();
    m_rows = {};
    m_columns.clear();
    endResetModel();
}

QCborValue ResultTableModel::cellValue(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return {};
    const QCborValue value = m_rows.at(row);
    const QString &key = m_columns.at(column);
    if (key.isEmpty())
        return value.isMap() ? QCborValue() : value;
    return value.isMap() ? value.toMap().value(key) : QCborValue();
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const QCborValue value = cellValue(index.row(), index.column());
        // A key this row lacks stays empty; a NONE it holds says so.
        if (value.isUndefined())
            return QString();
        return ValueText::format(value, ValueText::Style::Display, CellBudget);
    }
    case Qt::ToolTipRole:
        return ValueText::formatPretty(cellValue(index.row(), index.column()),
                                       ValueText::Style::Surql,
                                       ToolTipBudget);
    case Qt::TextAlignmentRole:
        return ValueText::isNumber(cellValue(index.row(), index.column()))
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (ValueText::isNoneOrNull(cellValue(index.row(), index.column())))
            return QBrush(QColor(0x8a, 0x8a, 0x8a));
        return {};
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= m_columns.size())
        return {};
    return m_columns.at(section).isEmpty() ? tr("value") : m_columns.at(section);
}

} // namespace SurrealQt

#pragma once

#include <QtCore/QAbstractTableModel>
#include <QtCore/QCborArray>
#include <QtCore/QStringList>

namespace SurrealQt {

// A statement's result as a grid: one row per element of the result array (a single value is
// one row), one column per key found in the first SampleRows objects. Nothing is copied or
// formatted up front: data() formats the one cell a view asks for, within a short budget, so
// 100,000 rows cost no more than the screenful that is visible.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int SampleRows = 1000;
    static constexpr int CellBudget = 200;
    static constexpr int ToolTipBudget = 2000;

    explicit ResultTableModel(QObject *parent = nullptr);

    void setValue(const QCborValue &value);
    void clear();

    const QStringList &columns() const { return m_columns; }
    // The value of a cell (undefined for a key a row does not have).
    QCborValue cellValue(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section,
                        Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The columns for rows: keys in order of appearance, "id" first; plus a leading empty-named
    // column when some rows are not objects. `limit` < 0 scans every row.
    static QStringList columnsFor(const QCborArray &rows, qsizetype limit);

private:
    QCborArray m_rows;
    QStringList m_columns;
};

} // namespace SurrealQt

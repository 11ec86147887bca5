#pragma once

#include <QtWidgets/QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace SurrealQt {

class Connection;
class RecordInspector;
class TableBrowserModel;

// A table's records: a filter (a SurrealQL WHERE expression the server checks), a virtual grid
// sorted by clicking a column, new and delete, and the record inspector beside the grid.
class TableBrowser : public QWidget
{
    Q_OBJECT

public:
    TableBrowser(Connection *connection, const QString &table, QWidget *parent = nullptr);

    TableBrowserModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RecordInspector *inspector() const { return m_inspector; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The line under the toolbar: the record count, or the last error.
    QString statusText() const;
    bool showsError() const { return m_showsError; }

public Q_SLOTS:
    void applyFilter();
    void deleteSelected();

private:
    void showCount();
    void showError(const QString &message);
    void inspectCurrent();

    TableBrowserModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    RecordInspector *m_inspector = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
    bool m_showsError = false;
};

} // namespace SurrealQt

#pragma once

#include "console/ResultExporter.h"

#include <surrealqt/rpc/QueryResult.h>

#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QTreeView;
class QTreeWidget;
class QPushButton;
class QsciScintilla;

namespace SurrealQt {

class ResultTableModel;
class ResultTreeModel;

// A run's results: the list of statements with their status (OK/ERR), the server's time and a
// summary; and for the selected statement its value as a grid, a tree or SurrealQL/JSON text
// (or its error), with export to CSV and JSON.
class ResultsPanel : public QWidget
{
    Q_OBJECT

public:
    enum View { GridView, TreeView, TextView };
    // The text view shows at most this many characters (export writes everything).
    static constexpr qsizetype TextBudget = 1000000;

    explicit ResultsPanel(QWidget *parent = nullptr);

    void setResponse(const QueryResponse &response);
    // A failure of the whole run (a parse error, a lost connection): no statements.
    void showRunError(const QString &message);
    void clear();

    int statementCount() const;
    const StatementResult &statement(int index) const;
    int currentStatement() const;
    void selectStatement(int index);
    // The status column's text for a statement ("OK" or "ERR").
    QString statementStatusText(int index) const;

    View currentView() const;
    void setCurrentView(View view);
    // What the error area shows (empty when hidden).
    QString errorText() const;
    QString resultText() const;
    ResultTableModel *tableModel() const { return m_tableModel; }
    ResultTreeModel *treeModel() const { return m_treeModel; }
    QTableView *tableView() const { return m_table; }
    QTreeView *treeView() const { return m_tree; }

    // Writes a statement's value to a file on a worker thread; resolves with "" or the error.
    QFuture<QString> exportResult(int statement, ResultExporter::Format format, const QString &path);

Q_SIGNALS:
    void exportFinished(const QString &path, const QString &error);

private:
    void showStatement(int index);
    void updateText();
    void exportInteractively(ResultExporter::Format format);
    void setErrorText(const QString &text);

    QueryResponse m_response;
    QTreeWidget *m_statements = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QTreeView *m_tree = nullptr;
    QsciScintilla *m_text = nullptr;
    QComboBox *m_textFormat = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    ResultTableModel *m_tableModel = nullptr;
    ResultTreeModel *m_treeModel = nullptr;
    bool m_textStale = true;
};

} // namespace SurrealQt

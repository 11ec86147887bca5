#pragma once

#include <surrealqt/rpc/Result.h>

#include <QtCore/QCborValue>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFuture>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QToolBar;

namespace SurrealQt {

class Connection;
class ConsoleEditor;
class HistoryPanel;
class QueryHistory;
class ResultsPanel;
class SchemaCatalog;
class VariablesPanel;

// One query console: a SurrealQL editor, a toolbar (run all, run the selection, cancel), the
// variables and history panels beside the editor and the results below it. Runs go through
// the connection's `query` RPC with the variables as bound parameters; nothing waits on the
// GUI thread. A console may be bound to a file (.surql).
class ConsoleWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConsoleWidget(QWidget *parent = nullptr);
    ~ConsoleWidget() override;

    ConsoleWidget(const ConsoleWidget &) = delete;
    ConsoleWidget &operator=(const ConsoleWidget &) = delete;

    // The connection to run on (may be null: the console says it is not connected), and the
    // schema catalogue for completion (null: the console keeps its own for the connection).
    void setConnection(Connection *connection, SchemaCatalog *catalog = nullptr);
    Connection *connection() const;
    SchemaCatalog *schema() const;
    void setHistory(QueryHistory *history);
    QueryHistory *history() const;

    ConsoleEditor *editor() const { return m_editor; }
    ResultsPanel *results() const { return m_results; }
    VariablesPanel *variables() const { return m_variables; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    QAction *runAction() const { return m_runAction; }
    QAction *runSelectionAction() const { return m_runSelectionAction; }
    QAction *cancelAction() const { return m_cancelAction; }

    QString text() const;
    void setText(const QString &text);

    bool isRunning() const { return m_running; }
    QString statusText() const;

    // The file this console edits, or empty; the tab title is its name (or the untitled name).
    QString filePath() const { return m_filePath; }
    void setUntitledName(const QString &name);
    QString title() const;
    bool isModified() const;
    bool openFile(const QString &path, QString *error = nullptr);
    bool saveFile(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    // Both return false when nothing was started (not connected, a run pending, invalid
    // variables, empty text).
    bool runAll();
    bool runSelection();
    void cancel();

Q_SIGNALS:
    void runStarted();
    // The run ended (ok: every statement succeeded), or was cancelled (ok false).
    void runFinished(bool ok);
    void titleChanged();

private:
    bool run(const QString &text, int lineOffset, int columnOffset);
    void finish(const Result<QCborValue> &reply);
    void record(const QString &text,
                bool ok,
                bool cancelled,
                int statements,
                const QString &error,
                double ms);
    void setStatus(const QString &text);
    void updateActions();
    void createActions();

    ConsoleEditor *m_editor = nullptr;
    ResultsPanel *m_results = nullptr;
    VariablesPanel *m_variables = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    QTabWidget *m_side = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runSelectionAction = nullptr;
    QAction *m_cancelAction = nullptr;

    QPointer<Connection> m_connection;
    QPointer<SchemaCatalog> m_schema;
    SchemaCatalog *m_ownSchema = nullptr;
    QPointer<QueryHistory> m_history;

    bool m_running = false;
    int m_runToken = 0;
    QFuture<Result<QCborValue>> m_pending;
    QElapsedTimer m_elapsed;
    QString m_runText;
    int m_runLineOffset = 0;
    int m_runColumnOffset = 0;

    QString m_filePath;
    QString m_untitledName;
};

} // namespace SurrealQt

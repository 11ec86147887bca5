#pragma once

#include <QtWidgets/QMainWindow>

class QDockWidget;
class QLabel;
class QTabWidget;

namespace SurrealQt {

class ConsoleManager;
class ExplorerView;
class LogView;
class SandboxController;

// The Studio's main window: the explorer on the left, tabbed documents in the middle,
// the log at the bottom, the sandbox state in the status bar. Keep it a thin shell:
// features live in their own widgets under ui/.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class SandboxMode { Start, Disabled };

    explicit MainWindow(SandboxMode sandboxMode = SandboxMode::Start, QWidget *parent = nullptr);
    ~MainWindow() override;

    MainWindow(const MainWindow &) = delete;
    MainWindow &operator=(const MainWindow &) = delete;

    SandboxController *sandbox() const;
    LogView *logView() const;
    ExplorerView *explorerView() const;
    QTabWidget *documentTabs() const;
    // The query console tabs and the File menu's query actions.
    ConsoleManager *consoles() const;
    // The sandbox state as shown in the status bar.
    QString statusText() const;
    // The sandbox connection's state (connecting, connected, reconnecting, disconnected).
    QString connectionStatusText() const;

public Q_SLOTS:
    // The explorer's table actions: a table browser, the table's DEFINE statements, a console.
    class TableBrowser *openTableBrowser(const QString &table);
    void showTableDefinition(const QString &table);
    void newQueryForTable(const QString &table);
    // Edits a new connection profile and saves it (its secret in the OS keychain).
    void newConnectionProfile();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void updateSandboxStatus();
    void updateConnectionStatus();
    void addDocument(QWidget *document, const QString &title);
    void showAbout();
    void restoreSettings();
    void saveSettings() const;

    SandboxController *m_sandbox = nullptr;
    QTabWidget *m_tabs = nullptr;
    ExplorerView *m_explorer = nullptr;
    LogView *m_log = nullptr;
    QDockWidget *m_explorerDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QMetaObject::Connection m_connectionState;
    ConsoleManager *m_consoles = nullptr;
};

} // namespace SurrealQt

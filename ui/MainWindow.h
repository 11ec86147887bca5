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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void updateSandboxStatus();
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
    ConsoleManager *m_consoles = nullptr;
};

} // namespace SurrealQt

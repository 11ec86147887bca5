#pragma once

#include <QtCore/QHash>
#include <QtWidgets/QMainWindow>

class QDockWidget;
class QLabel;
class QTabWidget;

namespace SurrealQt {

class ConsoleManager;
class ExplorerView;
class LogView;
struct ConnectionProfile;
class ProfileSession;
class ProfileStore;
class SandboxController;
class WebSocketConnection;

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
    // The last message about a saved profile (connecting, connected, or why it failed).
    QString profileStatusText() const;

    // Where saved profiles come from; by default the application's settings and the OS
    // keychain. The explorer lists them at once.
    void setProfileStore(ProfileStore *store);
    ProfileStore *profileStore() const { return m_profiles; }
    // An opened (or opening) profile, or null.
    ProfileSession *profileSession(const QString &profileId) const;

public Q_SLOTS:
    // The explorer's table actions on a connection (the sandbox when the key is empty): a table
    // browser, the table's DEFINE statements, a console.
    class TableBrowser *openTableBrowser(const QString &table, const QString &connectionKey = {});
    void showTableDefinition(const QString &table, const QString &connectionKey = {});
    void newQueryForTable(const QString &table, const QString &connectionKey = {});
    // Edits a new connection profile and saves it (its secret in the OS keychain).
    void newConnectionProfile();
    // Reads a saved profile with its secret, edits it and saves it under the same id. An open
    // connection keeps running; the changes apply the next time it connects.
    void editConnectionProfile(const QString &profileId);
    // Asks, then removeConnectionProfile().
    void deleteConnectionProfile(const QString &profileId);
    // Closes the profile's connection, then deletes the profile and its secret.
    void removeConnectionProfile(const QString &profileId);
    // Lists the saved profiles in the explorer again.
    void reloadProfiles();
    // A migrations tab for `directory` on a connection (the sandbox when the key is empty), or
    // null when that connection is not open.
    class MigrationsView *openMigrations(const QString &directory,
                                         const QString &connectionKey = {});
    // Asks for a folder, then openMigrations() on the connection selected in the explorer.
    void chooseMigrationsFolder();
    // A live dashboard on a connection (the sandbox when the key is empty), with the panels
    // saved for that connection; null when the connection is not open.
    class DashboardView *openDashboard(const QString &connectionKey = {});
    // The schema diagram of a connection's database (the sandbox when the key is empty); null
    // when the connection is not open.
    class DesignerView *openSchemaDiagram(const QString &connectionKey = {});
    // Reads the profile's secret, connects (or starts its sandbox) and lists its tables; on
    // failure the status bar and the log say why and the explorer stays as it was.
    ProfileSession *openProfile(const QString &profileId);
    void closeProfile(const QString &profileId);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void updateSandboxStatus();
    void updateConnectionStatus();
    void showProfileStatus(const QString &text, bool error = false);
    // A non-modal dialog on `profile` that saves it when accepted.
    void openConnectionDialog(const ConnectionProfile &profile);
    WebSocketConnection *connectionFor(const QString &connectionKey) const;
    // connectionFor(), or null with `whyNeeded` in the status bar when that connection is closed.
    WebSocketConnection *openConnectionOrSay(const QString &connectionKey, const QString &whyNeeded);
    // The connection key of the explorer's current node (empty: the sandbox).
    QString selectedConnectionKey() const;
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
    QLabel *m_profileLabel = nullptr;
    QMetaObject::Connection m_connectionState;
    ConsoleManager *m_consoles = nullptr;
    ProfileStore *m_profiles = nullptr;
    QHash<QString, ProfileSession *> m_sessions;
};

} // namespace SurrealQt

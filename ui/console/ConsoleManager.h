#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>

class QAction;
class QMenu;
class QTabWidget;
class QWidget;

namespace SurrealQt {

class ConsoleWidget;
class QueryHistory;
class SandboxController;
class SchemaCatalog;
class WebSocketConnection;

// The main window's query consoles: each is a closable tab of the document area, bound to the
// sandbox's connection (and to one schema catalogue and one history shared by all of them). It
// provides the File menu's New Query, Open…, Save and Save As… actions, which work on the
// current console tab.
class ConsoleManager : public QObject
{
    Q_OBJECT

public:
    ConsoleManager(QTabWidget *tabs, QWidget *dialogParent);
    ~ConsoleManager() override;

    ConsoleManager(const ConsoleManager &) = delete;
    ConsoleManager &operator=(const ConsoleManager &) = delete;

    // Binds consoles to the sandbox's connection; the first time its database is ready, one
    // console opens by itself.
    void setSandbox(SandboxController *sandbox);
    // Adds New Query (Ctrl+T), Open… (Ctrl+O), Save (Ctrl+S) and Save As… (Ctrl+Shift+S).
    void addFileActions(QMenu *menu);

    QueryHistory *history() const { return m_history; }
    SchemaCatalog *schema() const { return m_schema; }
    QList<ConsoleWidget *> consoles() const;
    ConsoleWidget *currentConsole() const;
    QAction *newQueryAction() const { return m_newAction; }

    // Non-interactive forms of Open and Save As.
    ConsoleWidget *openFile(const QString &path, QString *error = nullptr);
    bool saveCurrentAs(const QString &path, QString *error = nullptr);

public Q_SLOTS:
    ConsoleWidget *newConsole();
    // A console bound to another connection than the sandbox's (an opened profile), with its
    // own schema catalogue; it stays on that connection when the sandbox restarts.
    ConsoleWidget *newConsoleOn(SurrealQt::WebSocketConnection *connection);
    void open();
    bool save();
    bool saveAs();
    // Asks to save unsaved text first; false when the user keeps the tab.
    bool closeConsole(ConsoleWidget *console);

Q_SIGNALS:
    void consoleAdded(SurrealQt::ConsoleWidget *console);

private:
    ConsoleWidget *addConsole();
    void bind(WebSocketConnection *connection);
    void updateTitle(ConsoleWidget *console);
    void updateActions();

    QTabWidget *m_tabs = nullptr;
    QWidget *m_dialogParent = nullptr;
    QPointer<SandboxController> m_sandbox;
    QueryHistory *m_history = nullptr;
    SchemaCatalog *m_schema = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QList<QPointer<ConsoleWidget>> m_pinned;
    int m_untitledCount = 0;
    bool m_openedFirst = false;
};

} // namespace SurrealQt

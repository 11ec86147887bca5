#include "console/ConsoleManager.h"

#include "connections/SandboxController.h"
#include "console/ConsoleEditor.h"
#include "console/ConsoleWidget.h"
#include "console/QueryHistory.h"
#include "console/SchemaCatalog.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtGui/QAction>
#include <QtGui/QKeySequence>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
QString fileFilter()
{
    return ConsoleManager::tr("SurrealQL files (*.surql);;All files (*)");
}
} // namespace

ConsoleManager::ConsoleManager(QTabWidget *tabs, QWidget *dialogParent)
    : QObject(tabs)
    , m_tabs(tabs)
    , m_dialogParent(dialogParent)
    , m_history(new QueryHistory(this))
    , m_schema(new SchemaCatalog(this))
{
    qRegisterMetaType<SurrealQt::ConsoleWidget *>();
    m_newAction = new QAction(tr("&New Query"), this);
    m_newAction->setShortcut(Qt::CTRL | Qt::Key_T);
    m_newAction->setToolTip(tr("Open a query console on the sandbox"));
    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_saveAction = new QAction(tr("&Save"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction = new QAction(tr("Save &As…"), this);
    m_saveAsAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    connect(m_newAction, &QAction::triggered, this, &ConsoleManager::newConsole);
    connect(m_openAction, &QAction::triggered, this, &ConsoleManager::open);
    connect(m_saveAction, &QAction::triggered, this, &ConsoleManager::save);
    connect(m_saveAsAction, &QAction::triggered, this, &ConsoleManager::saveAs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConsoleManager::updateActions);
    updateActions();
}

ConsoleManager::~ConsoleManager() = default;

void ConsoleManager::addFileActions(QMenu *menu)
{
    menu->addAction(m_newAction);
    menu->addAction(m_openAction);
    menu->addAction(m_saveAction);
    menu->addAction(m_saveAsAction);
}

void ConsoleManager::setSandbox(SandboxController *sandbox)
{
    if (m_sandbox)
        m_sandbox->disconnect(this);
    m_sandbox = sandbox;
    if (!m_sandbox)
        return;
    connect(m_sandbox,
            &SandboxController::databaseReady,
            this,
            [this](WebSocketConnection *connection) {
                bind(connection);
                if (!m_openedFirst && consoles().isEmpty()) {
                    m_openedFirst = true;
                    newConsole();
                }
            });
    connect(m_sandbox, &SandboxController::stopped, this, [this] { bind(nullptr); });
    bind(m_sandbox->connection());
}

void ConsoleManager::bind(WebSocketConnection *connection)
{
    m_schema->setConnection(connection);
    for (ConsoleWidget *console : consoles()) {
        if (!m_pinned.contains(console))
            console->setConnection(connection, m_schema);
    }
}

QList<ConsoleWidget *> ConsoleManager::consoles() const
{
    QList<ConsoleWidget *> out;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *console = qobject_cast<ConsoleWidget *>(m_tabs->widget(i)))
            out.append(console);
    }
    return out;
}

ConsoleWidget *ConsoleManager::currentConsole() const
{
    return qobject_cast<ConsoleWidget *>(m_tabs->currentWidget());
}

ConsoleWidget *ConsoleManager::addConsole()
{
    auto *console = new ConsoleWidget(m_tabs);
    console->setUntitledName(tr("Query %1").arg(++m_untitledCount));
    console->setHistory(m_history);
    console->setConnection(m_sandbox ? m_sandbox->connection() : nullptr, m_schema);
    const int index = m_tabs->addTab(console, console->title());
    // Consoles close from their tab; other documents keep theirs.
    auto *close = new QToolButton(m_tabs);
    close->setAutoRaise(true);
    close->setText(u"×"_s);
    close->setToolTip(tr("Close this console"));
    m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, close);
    connect(close, &QToolButton::clicked, console, [this, console] { closeConsole(console); });
    connect(console, &ConsoleWidget::titleChanged, this, [this, console] { updateTitle(console); });
    m_tabs->setCurrentWidget(console);
    console->editor()->setFocus();
    updateActions();
    Q_EMIT consoleAdded(console);
    return console;
}

ConsoleWidget *ConsoleManager::newConsole()
{
    return addConsole();
}

ConsoleWidget *ConsoleManager::newConsoleOn(WebSocketConnection *connection)
{
    ConsoleWidget *console = addConsole();
    m_pinned.removeAll(nullptr);
    m_pinned.append(console);
    SchemaCatalog *catalog = nullptr;
    if (connection) {
        // One catalogue per connection, gone with it.
        catalog = connection->findChild<SchemaCatalog *>(QString(), Qt::FindDirectChildrenOnly);
        if (!catalog) {
            catalog = new SchemaCatalog(connection);
            catalog->setConnection(connection);
        }
    }
    console->setConnection(connection, catalog);
    return console;
}

void ConsoleManager::updateTitle(ConsoleWidget *console)
{
    const int index = m_tabs->indexOf(console);
    if (index >= 0) {
        m_tabs->setTabText(index, console->title());
        m_tabs->setTabToolTip(index, console->filePath());
    }
}

void ConsoleManager::updateActions()
{
    const bool console = currentConsole() != nullptr;
    m_saveAction->setEnabled(console);
    m_saveAsAction->setEnabled(console);
}

ConsoleWidget *ConsoleManager::openFile(const QString &path, QString *error)
{
    // Reuse an empty, untouched console (the one opened at start) rather than add a tab.
    ConsoleWidget *console = currentConsole();
    if (!console || !console->filePath().isEmpty() || console->isModified()
        || !console->text().isEmpty())
        console = addConsole();
    if (!console->openFile(path, error))
        return nullptr;
    return console;
}

void ConsoleManager::open()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent,
                                                      tr("Open a SurrealQL file"),
                                                      QString(),
                                                      fileFilter());
    if (path.isEmpty())
        return;
    QString error;
    if (!openFile(path, &error))
        QMessageBox::warning(m_dialogParent, tr("Open failed"), error);
}

// Not const although clang-tidy could make it so: saving changes the console's path and state.
// NOLINTNEXTLINE(readability-make-member-function-const)
bool ConsoleManager::saveCurrentAs(const QString &path, QString *error)
{
    ConsoleWidget *console = currentConsole();
    return console && console->saveFile(path, error);
}

bool ConsoleManager::save()
{
    ConsoleWidget *console = currentConsole();
    if (!console)
        return false;
    if (console->filePath().isEmpty())
        return saveAs();
    QString error;
    if (console->saveFile(console->filePath(), &error))
        return true;
    QMessageBox::warning(m_dialogParent, tr("Save failed"), error);
    return false;
}

bool ConsoleManager::saveAs()
{
    ConsoleWidget *console = currentConsole();
    if (!console)
        return false;
    QString path = QFileDialog::getSaveFileName(m_dialogParent,
                                                tr("Save the query"),
                                                console->filePath(),
                                                fileFilter());
    if (path.isEmpty())
        return false;
    if (!path.contains(u'.'))
        path += u".surql"_s;
    QString error;
    if (console->saveFile(path, &error))
        return true;
    QMessageBox::warning(m_dialogParent, tr("Save failed"), error);
    return false;
}

bool ConsoleManager::closeConsole(ConsoleWidget *console)
{
    if (console->isModified()) {
        m_tabs->setCurrentWidget(console);
        const auto answer = QMessageBox::question(m_dialogParent,
                                                  tr("Close the console"),
                                                  tr("%1 has unsaved changes. Save them first?")
                                                      .arg(console->title()),
                                                  QMessageBox::Save | QMessageBox::Discard
                                                      | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
            return false;
    }
    m_tabs->removeTab(m_tabs->indexOf(console));
    console->deleteLater();
    updateActions();
    return true;
}

} // namespace SurrealQt

#include "MainWindow.h"

#include "browser/TableBrowser.h"
#include "console/ConsoleEditor.h"
#include "console/ConsoleWidget.h"
#include "profiles/ConnectionDialog.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include "common/Confirmation.h"
#include "common/LogView.h"
#include "common/StatusText.h"
#include "common/WelcomePage.h"
#include "connections/ExplorerView.h"
#include "connections/ProfileSession.h"
#include "connections/SandboxController.h"
#include "console/ConsoleManager.h"
#include "dashboards/DashboardView.h"
#include "designer/DesignerView.h"
#include "migrations/MigrationsView.h"

#include <surrealqt/schema/SurqlSyntax.h>
#include <surrealqt/version.h>

#include <QtCore/QDir>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QCloseEvent>
#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr auto GeometryKey = "MainWindow/geometry"_L1;
constexpr auto StateKey = "MainWindow/state"_L1;
constexpr int DefaultWidth = 1100;
constexpr int DefaultHeight = 700;
} // namespace

MainWindow::MainWindow(SandboxMode sandboxMode, QWidget *parent)
    : QMainWindow(parent)
    , m_sandbox(new SandboxController(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"MainWindow"_s);
    setWindowTitle(tr("SurrealQt Studio"));
    setWindowIcon(QIcon(u":/icons/org.surrealqt.Studio.svg"_s));

    m_tabs->setObjectName(u"documentTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(false);
    m_tabs->addTab(new WelcomePage(m_tabs), tr("Welcome"));
    setCentralWidget(m_tabs);
    m_consoles = new ConsoleManager(m_tabs, this);

    createDocks();
    createMenus();
    createStatusBar();

    connect(m_sandbox, &SandboxController::stateChanged, this, &MainWindow::updateSandboxStatus);
    connect(m_sandbox, &SandboxController::databaseReady, this, &MainWindow::updateSandboxStatus);
    connect(m_sandbox, &SandboxController::databaseReady, this, &MainWindow::updateConnectionStatus);
    connect(m_sandbox, &SandboxController::stateChanged, this, &MainWindow::updateConnectionStatus);
    connect(m_explorer,
            &ExplorerView::openTableRequested,
            this,
            [this](const QString &key, const QString &table) { openTableBrowser(table, key); });
    connect(m_explorer,
            &ExplorerView::definitionRequested,
            this,
            [this](const QString &key, const QString &table) { showTableDefinition(table, key); });
    connect(m_explorer,
            &ExplorerView::queryRequested,
            this,
            [this](const QString &key, const QString &table) { newQueryForTable(table, key); });
    connect(m_explorer, &ExplorerView::openProfileRequested, this, &MainWindow::openProfile);
    connect(m_explorer, &ExplorerView::closeProfileRequested, this, &MainWindow::closeProfile);
    connect(m_explorer,
            &ExplorerView::editProfileRequested,
            this,
            &MainWindow::editConnectionProfile);
    connect(m_explorer,
            &ExplorerView::deleteProfileRequested,
            this,
            &MainWindow::deleteConnectionProfile);
    connect(m_sandbox, &SandboxController::logLine, m_log, &LogView::appendLine);
    m_explorer->setSandbox(m_sandbox);
    m_consoles->setSandbox(m_sandbox);
    auto *keychain = new KeychainSecretStore(u"SurrealQt Studio"_s, this);
    setProfileStore(new ProfileStore(keychain, {}, keychain));
    updateSandboxStatus();
    updateConnectionStatus();

    resize(DefaultWidth, DefaultHeight);
    restoreSettings();

    if (sandboxMode == SandboxMode::Start) {
        // Start once the event loop runs, so that callers can connect to the sandbox first.
        QTimer::singleShot(0, m_sandbox, &SandboxController::start);
    }
}

MainWindow::~MainWindow()
{
    // The sandbox connection outlives the status bar while the children are destroyed.
    disconnect(m_connectionState);
}

SandboxController *MainWindow::sandbox() const
{
    return m_sandbox;
}

LogView *MainWindow::logView() const
{
    return m_log;
}

ExplorerView *MainWindow::explorerView() const
{
    return m_explorer;
}

QTabWidget *MainWindow::documentTabs() const
{
    return m_tabs;
}

ConsoleManager *MainWindow::consoles() const
{
    return m_consoles;
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

QString MainWindow::connectionStatusText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::profileStatusText() const
{
    return m_profileLabel->text();
}

// A label of its own: QStatusBar::showMessage() would paint over the sandbox's state.
void MainWindow::showProfileStatus(const QString &text, bool error)
{
    showStatusText(m_profileLabel, text, error);
    m_profileLabel->setToolTip(text);
}

void MainWindow::addDocument(QWidget *document, const QString &title)
{
    const int index = m_tabs->addTab(document, title);
    auto *close = new QToolButton(m_tabs);
    close->setAutoRaise(true);
    close->setText(u"×"_s);
    close->setToolTip(tr("Close"));
    m_tabs->tabBar()->setTabButton(index, QTabBar::RightSide, close);
    connect(close, &QToolButton::clicked, document, &QObject::deleteLater);
    m_tabs->setCurrentWidget(document);
}

WebSocketConnection *MainWindow::connectionFor(const QString &connectionKey) const
{
    if (connectionKey.isEmpty() || connectionKey == ExplorerView::sandboxKey())
        return m_sandbox->isDatabaseReady() ? m_sandbox->connection() : nullptr;
    return m_explorer->connection(connectionKey);
}

TableBrowser *MainWindow::openTableBrowser(const QString &table, const QString &connectionKey)
{
    WebSocketConnection *connection = connectionFor(connectionKey);
    if (!connection)
        return nullptr;
    auto *browser = new TableBrowser(connection, table, m_tabs);
    browser->setObjectName(u"tableBrowser"_s);
    addDocument(browser, table);
    return browser;
}

WebSocketConnection *MainWindow::openConnectionOrSay(const QString &connectionKey,
                                                     const QString &whyNeeded)
{
    WebSocketConnection *connection = connectionFor(connectionKey);
    if (!connection)
        showProfileStatus(whyNeeded, true);
    return connection;
}

QString MainWindow::selectedConnectionKey() const
{
    return m_explorer->connectionKeyAt(m_explorer->currentIndex());
}

MigrationsView *MainWindow::openMigrations(const QString &directory, const QString &connectionKey)
{
    WebSocketConnection *connection
        = openConnectionOrSay(connectionKey,
                              tr("Connect first: the migrations run on an open connection."));
    if (!connection)
        return nullptr;
    QString target = tr("the sandbox (%1/%2)")
                         .arg(SandboxController::demoNamespace(), SandboxController::demoDatabase());
    if (!connectionKey.isEmpty() && connectionKey != ExplorerView::sandboxKey() && m_profiles) {
        const ConnectionProfile profile = m_profiles->profile(connectionKey);
        target = u"%1 (%2/%3)"_s.arg(profile.name, profile.ns, profile.db);
    }
    auto *view = new MigrationsView(connection, directory, target, m_tabs);
    view->setObjectName(u"migrationsView"_s);
    connect(view, &MigrationsView::logLine, m_log, &LogView::appendLine);
    addDocument(view, tr("Migrations: %1").arg(QDir(directory).dirName()));
    return view;
}

DashboardView *MainWindow::openDashboard(const QString &connectionKey)
{
    WebSocketConnection *connection
        = openConnectionOrSay(connectionKey,
                              tr("Connect first: a dashboard watches an open connection."));
    if (!connection)
        return nullptr;
    const QString key = connectionKey.isEmpty() ? ExplorerView::sandboxKey() : connectionKey;
    auto *view = new DashboardView(connection, u"dashboards/"_s + key, m_tabs);
    view->setObjectName(u"dashboardView"_s);
    addDocument(view, tr("Live dashboard"));
    return view;
}

DesignerView *MainWindow::openSchemaDiagram(const QString &connectionKey)
{
    WebSocketConnection *connection
        = openConnectionOrSay(connectionKey,
                              tr("Connect first: the diagram is read from an open connection."));
    if (!connection)
        return nullptr;
    auto *view = new DesignerView(m_tabs);
    view->setObjectName(u"designerView"_s);
    addDocument(view, tr("Schema diagram"));
    view->loadFromConnection(connection);
    return view;
}

void MainWindow::chooseMigrationsFolder()
{
    const QString key = selectedConnectionKey();
    auto *dialog = new QFileDialog(this, tr("Open a migrations folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this, key](const QString &directory) {
        openMigrations(directory, key);
    });
    dialog->open();
}

void MainWindow::showTableDefinition(const QString &table, const QString &connectionKey)
{
    WebSocketConnection *connection = connectionFor(connectionKey);
    if (!connection)
        return;
    auto *editor = new ConsoleEditor(m_tabs);
    editor->setObjectName(u"tableDefinition"_s);
    editor->setReadOnly(true);
    addDocument(editor, tr("Definition of %1").arg(table));
    const QString name = SurqlSyntax::quoteIdentifier(table);
    QPointer<ConsoleEditor> target(editor);
    connection->query(u"INFO FOR DB; INFO FOR TABLE "_s + name + u';')
        .then(this, [target, table](const Result<QueryResponse> &result) {
            if (!target)
                return;
            target->setReadOnly(false);
            if (!result || !result->isOk()) {
                target->setText(
                    u"-- "_s + (result ? result->firstError().message() : result.error().message()));
                target->setReadOnly(true);
                return;
            }
            QStringList lines{
                result->value(0).toMap().value("tables"_L1).toMap().value(table).toString()};
            const QCborMap info = result->value(1).toMap();
            for (const auto group : {"fields"_L1, "indexes"_L1, "events"_L1}) {
                const QCborMap definitions = info.value(group).toMap();
                for (auto it = definitions.constBegin(); it != definitions.constEnd(); ++it)
                    lines.append(it.value().toString());
            }
            target->setText(lines.join(u";\n"_s) + u";\n"_s);
            target->setReadOnly(true);
        });
}

void MainWindow::newConnectionProfile()
{
    openConnectionDialog(ConnectionProfile());
}

void MainWindow::editConnectionProfile(const QString &profileId)
{
    if (!m_profiles || !m_profiles->ids().contains(profileId))
        return;
    m_profiles->load(profileId).then(this, [this](const ConnectionProfile &profile) {
        openConnectionDialog(profile);
    });
}

void MainWindow::openConnectionDialog(const ConnectionProfile &profile)
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!profile.id.isEmpty()) {
        dialog->setProfile(profile);
        dialog->setWindowTitle(tr("Edit connection %1").arg(profile.name));
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // Settings get the profile; the secret store (the OS keychain) gets its secret.
        ConnectionProfile edited = dialog->profile();
        const QString name = edited.name;
        const bool open = m_sessions.contains(edited.id);
        m_profiles->save(edited).then(this, [this, name, open](const QString &error) {
            if (!error.isEmpty()) {
                m_log->appendLine(
                    tr("The connection %1 was saved without its secret: %2").arg(name, error));
            } else if (open) {
                m_log->appendLine(
                    tr("Saved the connection %1; the changes apply when it connects again.")
                        .arg(name));
            } else {
                m_log->appendLine(tr("Saved the connection %1.").arg(name));
            }
        });
        reloadProfiles();
    });
    dialog->open();
}

void MainWindow::deleteConnectionProfile(const QString &profileId)
{
    if (!m_profiles || !m_profiles->ids().contains(profileId))
        return;
    const QString name = m_profiles->profile(profileId).name;
    confirmThen(this,
                QMessageBox::Question,
                tr("Delete connection"),
                tr("Delete the connection %1 and its saved secret?").arg(name),
                [this, profileId] { removeConnectionProfile(profileId); });
}

void MainWindow::removeConnectionProfile(const QString &profileId)
{
    if (!m_profiles)
        return;
    const QString name = m_profiles->profile(profileId).name;
    closeProfile(profileId);
    m_profiles->remove(profileId).then(this, [this, name](const QString &error) {
        m_log->appendLine(error.isEmpty()
                              ? tr("Deleted the connection %1.").arg(name)
                              : tr("Deleted the connection %1; its secret could not be removed: %2")
                                    .arg(name, error));
    });
    reloadProfiles();
}

void MainWindow::setProfileStore(ProfileStore *store)
{
    m_profiles = store;
    reloadProfiles();
}

void MainWindow::reloadProfiles()
{
    QList<ConnectionProfile> profiles;
    if (m_profiles) {
        for (const QString &id : m_profiles->ids())
            profiles.append(m_profiles->profile(id));
    }
    std::sort(profiles.begin(), profiles.end(), [](const auto &a, const auto &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    m_explorer->setProfiles(profiles);
}

ProfileSession *MainWindow::profileSession(const QString &profileId) const
{
    return m_sessions.value(profileId);
}

ProfileSession *MainWindow::openProfile(const QString &profileId)
{
    if (!m_profiles || profileId.isEmpty())
        return nullptr;
    if (ProfileSession *open = m_sessions.value(profileId))
        return open;
    const QString previousDetails = m_explorer->connectionDetails(profileId);
    const QString name = m_profiles->profile(profileId).name;
    auto *session = new ProfileSession(m_profiles, profileId, this);
    m_sessions.insert(profileId, session);
    m_explorer->setConnectionDetails(profileId, tr("connecting…"));
    showProfileStatus(tr("Connecting to %1…").arg(name));
    connect(session, &ProfileSession::logLine, m_log, &LogView::appendLine);
    connect(session,
            &ProfileSession::connected,
            this,
            [this, session, profileId](WebSocketConnection *connection) {
                m_explorer->setConnectionDetails(profileId, session->addressText());
                m_explorer->showDatabase(profileId,
                                         connection,
                                         session->namespaceName(),
                                         session->databaseName());
                showProfileStatus(tr("Connected to %1.").arg(session->profile().name));
            });
    connect(session,
            &ProfileSession::failed,
            this,
            [this, session, profileId, previousDetails](const QString &message) {
                // The tree stays as it was; the status bar and the log say why.
                if (m_sessions.value(profileId) == session)
                    m_sessions.remove(profileId);
                m_explorer->setConnectionDetails(profileId, previousDetails, message);
                showProfileStatus(message, true);
                session->close();
                session->deleteLater();
            });
    connect(session, &ProfileSession::closed, this, [this, session, profileId] {
        if (m_sessions.value(profileId) != session)
            return;
        m_sessions.remove(profileId);
        m_explorer->clearDatabase(profileId);
        m_explorer->setConnectionDetails(profileId, tr("not connected"));
        session->deleteLater();
    });
    session->open();
    return session;
}

void MainWindow::closeProfile(const QString &profileId)
{
    if (ProfileSession *session = m_sessions.value(profileId))
        session->close();
}

void MainWindow::newQueryForTable(const QString &table, const QString &connectionKey)
{
    ConsoleWidget *console = connectionKey.isEmpty() || connectionKey == ExplorerView::sandboxKey()
                                 ? m_consoles->newConsole()
                                 : m_consoles->newConsoleOn(connectionFor(connectionKey));
    console->setText(u"SELECT * FROM "_s + SurqlSyntax::quoteIdentifier(table) + u" LIMIT 100;"_s);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    for (ProfileSession *session : std::as_const(m_sessions))
        session->close();
    m_sandbox->stop();
    event->accept();
}

void MainWindow::createDocks()
{
    m_explorer = new ExplorerView(this);
    m_explorer->setObjectName(u"explorerView"_s);
    m_explorerDock = new QDockWidget(tr("Explorer"), this);
    m_explorerDock->setObjectName(u"ExplorerDock"_s);
    m_explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::LeftDockWidgetArea, m_explorerDock);

    m_log = new LogView(this);
    m_log->setObjectName(u"logView"_s);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(u"LogDock"_s);
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    resizeDocks({m_explorerDock}, {320}, Qt::Horizontal);
    resizeDocks({m_logDock}, {200}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_consoles->addFileActions(fileMenu);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("New &connection…"), this, &MainWindow::newConnectionProfile);
    fileMenu->addAction(tr("Open &migrations folder…"), this, &MainWindow::chooseMigrationsFolder);
    fileMenu->addAction(tr("New live &dashboard"), this, [this] {
        openDashboard(selectedConnectionKey());
    });
    fileMenu->addAction(tr("Schema &diagram"), this, [this] {
        openSchemaDiagram(selectedConnectionKey());
    });
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *sandboxMenu = menuBar()->addMenu(tr("&Sandbox"));
    sandboxMenu->addAction(tr("&Start"), m_sandbox, &SandboxController::start);
    sandboxMenu->addAction(tr("S&top"), m_sandbox, &SandboxController::stop);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_explorerDock->toggleViewAction());
    viewMenu->addAction(m_logDock->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About SurrealQt Studio"),
                                               this,
                                               &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"sandboxStatusLabel"_s);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusLabel, 1);
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(u"profileStatusLabel"_s);
    m_profileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_profileLabel, 1);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(u"connectionStatusLabel"_s);
    m_connectionLabel->setToolTip(tr("The sandbox's connection"));
    statusBar()->addPermanentWidget(m_connectionLabel);
}

void MainWindow::updateConnectionStatus()
{
    WebSocketConnection *connection = m_sandbox->connection();
    disconnect(m_connectionState);
    if (connection) {
        m_connectionState = connect(connection,
                                    &WebSocketConnection::stateChanged,
                                    this,
                                    &MainWindow::updateConnectionStatus,
                                    Qt::UniqueConnection);
    }
    using State = WebSocketConnection::State;
    QString text = tr("Disconnected");
    if (connection) {
        switch (connection->state()) {
        case State::Connecting:
            text = tr("Connecting…");
            break;
        case State::Connected:
            text = tr("Connected");
            break;
        case State::Reconnecting:
            text = tr("Reconnecting…");
            break;
        case State::Disconnected:
        case State::Closed:
            break;
        }
    }
    m_connectionLabel->setText(text);
}

void MainWindow::updateSandboxStatus()
{
    m_statusLabel->setText(m_sandbox->statusText());
    m_statusLabel->setToolTip(m_sandbox->errorString());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About SurrealQt Studio"),
                       tr("<h3>SurrealQt Studio %1</h3>"
                          "<p>A desktop workbench for SurrealDB, built with Qt %2.</p>")
                           .arg(versionString(), QString::fromLatin1(qVersion())));
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
}

} // namespace SurrealQt

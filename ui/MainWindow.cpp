#include "MainWindow.h"

#include "common/LogView.h"
#include "common/WelcomePage.h"
#include "connections/ExplorerView.h"
#include "connections/SandboxController.h"
#include "console/ConsoleManager.h"

#include <surrealqt/version.h>

#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QCloseEvent>
#include <QtGui/QIcon>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>

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
    connect(m_sandbox, &SandboxController::logLine, m_log, &LogView::appendLine);
    m_explorer->setSandbox(m_sandbox);
    m_consoles->setSandbox(m_sandbox);
    updateSandboxStatus();

    resize(DefaultWidth, DefaultHeight);
    restoreSettings();

    if (sandboxMode == SandboxMode::Start) {
        // Start once the event loop runs, so that callers can connect to the sandbox first.
        QTimer::singleShot(0, m_sandbox, &SandboxController::start);
    }
}

MainWindow::~MainWindow() = default;

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

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
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

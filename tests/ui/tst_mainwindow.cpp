// The Studio's main window on the offscreen platform, with its sandbox server.

#include "MainWindow.h"
#include "common/LogView.h"
#include "connections/ExplorerView.h"
#include "connections/SandboxController.h"
#include "dashboards/DashboardView.h"
#include "designer/DesignerView.h"
#include "designer/SchemaScene.h"
#include "designer/TableItem.h"
#include "migrations/MigrationsView.h"

#include <surrealqt/client/DevServerProcess.h>

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>

using namespace Qt::StringLiterals;
using SurrealQt::MainWindow;
using SurrealQt::SandboxController;

namespace {
constexpr int ReadyTimeoutMs = 30000;

// QVERIFY2 evaluates its message even when the check passes: never index an empty spy.
QString firstArgument(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QString() : spy.constFirst().constFirst().toString();
}

constexpr int StopTimeoutMs = 10000;

bool isUniform(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            if (image.pixel(x, y) != first)
                return false;
        }
    }
    return true;
}
} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sandboxLifecycle();
    void withoutSandbox();
    void windowStateRestored();

private:
    QTemporaryDir m_settingsDir;
};

void tst_MainWindow::initTestCase()
{
    // Keep QSettings (window geometry) out of the user's configuration.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_MainWindow::sandboxLifecycle()
{
    MainWindow window;
    SandboxController *sandbox = window.sandbox();
    QSignalSpy readySpy(sandbox, &SandboxController::ready);
    QSignalSpy failedSpy(sandbox, &SandboxController::failed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.findChild<QDockWidget *>(u"ExplorerDock"_s)->windowTitle(), u"Explorer"_s);
    QCOMPARE(window.findChild<QDockWidget *>(u"LogDock"_s)->windowTitle(), u"Log"_s);
    QCOMPARE(window.documentTabs()->tabText(0), u"Welcome"_s);
    QVERIFY(window.logView()->isReadOnly());

    QTRY_VERIFY_WITH_TIMEOUT(!readySpy.isEmpty() || !failedSpy.isEmpty(), ReadyTimeoutMs);
    QVERIFY2(failedSpy.isEmpty(), qPrintable(firstArgument(failedSpy)));
    const QUrl rpcUrl = readySpy.constFirst().constFirst().toUrl();
    QCOMPARE(rpcUrl.scheme(), u"ws"_s);
    QCOMPARE(rpcUrl.path(), u"/rpc"_s);

    const auto *statusLabel = window.statusBar()->findChild<QLabel *>(u"sandboxStatusLabel"_s);
    QVERIFY(statusLabel);
    QVERIFY2(statusLabel->text().contains(rpcUrl.toString()), qPrintable(statusLabel->text()));
    QCOMPARE(window.statusText(), statusLabel->text());

    QTRY_VERIFY(window.logView()->lineCount() > 0);
    QVERIFY(!window.logView()->toPlainText().isEmpty());

    const QAbstractItemModel *explorer = window.explorerView()->model();
    QVERIFY(explorer->rowCount() >= 1);
    QCOMPARE(explorer->index(0, 1).data().toString(), rpcUrl.toString());

    // The demo schema is loaded and the explorer lists its tables with their counts.
    SurrealQt::ExplorerView *tree = window.explorerView();
    QTRY_VERIFY_WITH_TIMEOUT(tree->tableNames().contains(u"book"_s), ReadyTimeoutMs);
    QVERIFY(tree->tableNames().contains(u"wrote"_s));
    QTRY_COMPARE_WITH_TIMEOUT(tree->tableCount(u"book"_s), 6, ReadyTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(tree->tableCount(u"reader"_s), 503, ReadyTimeoutMs);
    QVERIFY(window.sandbox()->isDatabaseReady());
    QVERIFY2(statusLabel->text().contains(u"demo database loaded"_s),
             qPrintable(statusLabel->text()));

    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    QVERIFY(!isUniform(image));

    // The connection state is in the status bar.
    QTRY_COMPARE(window.connectionStatusText(), u"Connected"_s);

    // A migrations tab on the sandbox's database: an empty folder has nothing to apply.
    QTemporaryDir migrations;
    SurrealQt::MigrationsView *view = window.openMigrations(migrations.path());
    QVERIFY(view);
    QCOMPARE(window.documentTabs()->currentWidget(), view);
    QVERIFY(window.documentTabs()
                ->tabText(window.documentTabs()->currentIndex())
                .startsWith(u"Migrations: "_s));
    QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(u"No migrations in this folder yet"_s),
                             ReadyTimeoutMs);
    QVERIFY(!view->applyButton()->isEnabled());

    // The schema diagram of the demo database, read from the server.
    SurrealQt::DesignerView *diagram = window.openSchemaDiagram();
    QVERIFY(diagram);
    QSignalSpy loaded(diagram, &SurrealQt::DesignerView::loaded);
    QVERIFY(loaded.wait(ReadyTimeoutMs));
    QCOMPARE(loaded.constFirst().constFirst().toBool(), true);
    QVERIFY(diagram->scene()->table(u"book"_s));
    QVERIFY(diagram->scene()->table(u"wrote"_s)
            && diagram->scene()->table(u"wrote"_s)->isRelation());
    QVERIFY(!diagram->scene()->table(u"surrealqt_migrations"_s));
    QVERIFY(!diagram->scene()->links().isEmpty());

    // The File menu's entries open the same tabs, on the connection selected in the explorer.
    const auto fileAction = [&window](const QString &text) -> QAction * {
        for (QAction *action : window.menuBar()->actions().constFirst()->menu()->actions()) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    };
    tree->setCurrentIndex(tree->connectionIndex(SurrealQt::ExplorerView::sandboxKey()));
    const int tabsBefore = window.documentTabs()->count();
    QAction *dashboardAction = fileAction(u"New live &dashboard"_s);
    QVERIFY(dashboardAction);
    dashboardAction->trigger();
    QVERIFY(qobject_cast<SurrealQt::DashboardView *>(window.documentTabs()->currentWidget()));
    QAction *diagramAction = fileAction(u"Schema &diagram"_s);
    QVERIFY(diagramAction);
    diagramAction->trigger();
    QVERIFY(qobject_cast<SurrealQt::DesignerView *>(window.documentTabs()->currentWidget()));
    QAction *migrationsAction = fileAction(u"Open &migrations folder…"_s);
    QVERIFY(migrationsAction);
    migrationsAction->trigger();
    QFileDialog *folderDialog = nullptr;
    QTRY_VERIFY((folderDialog = window.findChild<QFileDialog *>()) && folderDialog->isVisible());
    folderDialog->setDirectory(migrations.path());
    static_cast<QDialog *>(folderDialog)->accept(); // as the Choose button does
    QTRY_VERIFY(qobject_cast<SurrealQt::MigrationsView *>(window.documentTabs()->currentWidget()));
    QCOMPARE(qobject_cast<SurrealQt::MigrationsView *>(window.documentTabs()->currentWidget())
                 ->directory(),
             QDir(migrations.path()).absolutePath());
    QCOMPARE(window.documentTabs()->count(), tabsBefore + 3);

    const qint64 pid = sandbox->server()->processId();
    QVERIFY(pid > 0);
    QSignalSpy stoppedSpy(sandbox, &SandboxController::stopped);
    QVERIFY(window.close());
    QVERIFY(stoppedSpy.wait(StopTimeoutMs));
    QCOMPARE(sandbox->state(), SandboxController::State::Stopped);
    QVERIFY(!sandbox->server()->isRunning());
    // The server is gone: the status bar no longer says connected.
    QTRY_VERIFY(window.connectionStatusText() != u"Connected"_s);
#ifdef Q_OS_LINUX
    QTRY_VERIFY(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
#endif
}

void tst_MainWindow::withoutSandbox()
{
    MainWindow window(MainWindow::SandboxMode::Disabled);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(200);
    QCOMPARE(window.sandbox()->state(), SandboxController::State::Disabled);
    QCOMPARE(window.statusText(), u"Sandbox disabled"_s);
    QVERIFY(!window.sandbox()->server()->isRunning());
}

void tst_MainWindow::windowStateRestored()
{
    {
        MainWindow window(MainWindow::SandboxMode::Disabled);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(910, 610);
        window.findChild<QDockWidget *>(u"LogDock"_s)->hide();
        QTest::qWait(50);
        QVERIFY(window.close());
    }
    // The settings live in the test's folder, not in the user's configuration.
    QVERIFY(
        !QDir(m_settingsDir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    MainWindow again(MainWindow::SandboxMode::Disabled);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(910, 610));
    QVERIFY(again.findChild<QDockWidget *>(u"LogDock"_s)->isHidden());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

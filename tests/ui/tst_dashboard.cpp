// Live dashboards against the dev server: a panel on a table (with a hostile name) shows its
// records and follows another client's CREATE, UPDATE and DELETE in its table, its log, its
// counters and its rate chart; the log keeps the last lines but counts everything; panels are
// saved and restored per settings key, and removed.

#include "../common/TestSupport.h"
#include "MainWindow.h"
#include "dashboards/DashboardView.h"
#include "dashboards/LivePanel.h"
#include "dashboards/RateChart.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/orm/LiveQueryModel.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QTableView>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace SurrealQt;
using Action = LiveNotification::Action;

namespace {
constexpr int TimeoutMs = 30000;
const QString Table = u"live ⟩ `item`; 😀"_s;
const QString SettingsKey = u"dashboards/test"_s;

std::unique_ptr<WebSocketConnection> connectToFixture(const QString &db)
{
    ConnectionOptions options;
    QUrl url = Test::serverUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/rpc"_s);
    options.endpoint = url;
    auto connection = std::make_unique<WebSocketConnection>(options);
    if (!Test::wait(connection->open()).value_or(Result<bool>()).isOk()
        || !Test::wait(connection->signin(Credentials::root(u"root"_s, u"root"_s)))
                .value_or(Result<QString>())
                .isOk()
        || !Test::wait(connection->use(u"studio ⟩ ns"_s, db)).value_or(Result<QCborValue>()).isOk()) {
        return nullptr;
    }
    return connection;
}
} // namespace

class tst_Dashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings().remove(SettingsKey);
        QVERIFY2(Test::serverUrl().isValid(), "no dev server fixture");
        const QString db = u"dashboard %1"_s.arg(QCoreApplication::applicationPid());
        m_connection = connectToFixture(db);
        m_writer = connectToFixture(db);
        QVERIFY(m_connection && m_writer);
        QVERIFY(run(u"DEFINE TABLE %1 SCHEMALESS; CREATE %1:a SET name = 'Ada', n = 1;"
                    "CREATE %1:b SET name = 'Bob ⟩ 😀', n = 2;"_s));
    }

    void aPanelFollowsTheTable()
    {
        DashboardView dashboard(m_connection.get(), SettingsKey);
        QSignalSpy listed(&dashboard, &DashboardView::tablesListed);
        QVERIFY(listed.wait(TimeoutMs));
        QVERIFY(dashboard.tableChoices().contains(Table));

        LivePanel *panel = dashboard.addPanel(Table);
        QSignalSpy ready(panel, &LivePanel::ready);
        QVERIFY2(ready.wait(TimeoutMs), qPrintable(panel->stateText()));
        QCOMPARE(panel->stateText(), u"live"_s);
        LiveQueryModel *model = panel->model();
        QCOMPARE(model->rowCount(), 2);
        // A schemaless table: the columns come from its records.
        QCOMPARE(model->columns(), (QStringList{u"id"_s, u"n"_s, u"name"_s}));
        QCOMPARE(panel->view()->model(), model);

        // Another client changes the table.
        QVERIFY(run(u"CREATE %1:c SET name = 'Cy', n = 3; CREATE %1:d SET name = 'Di'; "
                    "CREATE %1:e SET n = 5; UPDATE %1:a SET n = 10; DELETE %1:b;"_s));
        QTRY_COMPARE_WITH_TIMEOUT(panel->total(), 5, TimeoutMs);
        QCOMPARE(panel->count(Action::Create), 3);
        QCOMPARE(panel->count(Action::Update), 1);
        QCOMPARE(panel->count(Action::Delete), 1);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, TimeoutMs);
        const QStringList log = panel->logLines();
        QCOMPARE(log.size(), 5);
        // The engine may deliver notifications of different records in any order: count them,
        // and check that the newest line is on top.
        QCOMPARE(log.filter(u"  CREATE  "_s).size(), 3);
        QCOMPARE(log.filter(u"  UPDATE  "_s).size(), 1);
        const QStringList deleted = log.filter(u"  DELETE  "_s);
        QCOMPARE(deleted.size(), 1);
        QVERIFY2(deleted.first().endsWith(u":b"_s), qPrintable(deleted.first()));
        for (qsizetype i = 1; i < log.size(); ++i)
            QVERIFY(log.at(i - 1).left(12) >= log.at(i).left(12));
        const QList<int> counts = panel->chart()->counts();
        QCOMPARE(counts.size(), RateChart::kSeconds);
        QCOMPARE(std::accumulate(counts.begin(), counts.end(), 0), 5);

        if (const QString dir = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dashboard.addPanel(Table);
            dashboard.resize(1100, 700);
            dashboard.show();
            QTest::qWait(1500);
            QVERIFY(dashboard.grab().save(QDir(dir).filePath(u"studio-dashboard.png"_s)));
            dashboard.removePanel(dashboard.panels().last());
        }

        // The log is bounded, the counts are not.
        QVERIFY(run(u"FOR $i IN 1..=250 { CREATE %1 SET n = $i; };"_s));
        QTRY_COMPARE_WITH_TIMEOUT(panel->total(), 255, TimeoutMs);
        QCOMPARE(panel->count(Action::Create), 253);
        QCOMPARE(panel->logLines().size(), LivePanel::kMaxLogLines);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 254, TimeoutMs);
    }

    void panelsAreSavedAndRestored()
    {
        QSettings().remove(SettingsKey);
        {
            DashboardView dashboard(m_connection.get(), SettingsKey);
            dashboard.addPanel(Table);
            dashboard.addPanel(u"missing_table"_s);
        }
        DashboardView restored(m_connection.get(), SettingsKey);
        QCOMPARE(restored.panels().size(), 2);
        QCOMPARE(restored.panels().at(0)->table(), Table);
        QSignalSpy ready(restored.panels().at(0), &LivePanel::ready);
        QVERIFY(ready.wait(TimeoutMs));
        // A table that does not exist: the panel says so, and the other one is unharmed.
        LivePanel *missing = restored.panels().at(1);
        QTRY_VERIFY_WITH_TIMEOUT(missing->stateText() != u"subscribing…"_s, TimeoutMs);
        QVERIFY2(missing->stateText().startsWith(u"failed: "_s)
                     && missing->stateText().contains(u"missing_table"_s),
                 qPrintable(missing->stateText()));
        QVERIFY(!missing->model());
        QCOMPARE(restored.panels().at(0)->stateText(), u"live"_s);

        // The panel's × removes it, and the dashboard is saved without it.
        Q_EMIT missing->closeRequested();
        QCOMPARE(restored.panels().size(), 1);
        QCOMPARE(QSettings().value(SettingsKey).toStringList(), QStringList{Table});
    }

    void needsAnOpenConnection()
    {
        MainWindow window(MainWindow::SandboxMode::Disabled);
        QVERIFY(!window.openDashboard());
        QVERIFY(window.profileStatusText().contains(u"Connect first"_s));
    }

private:
    bool run(const QString &surql)
    {
        const auto result = Test::wait(
            m_writer->query(QString(surql).replace(u"%1"_s, SurqlSyntax::quoteIdentifier(Table))));
        return result && result->isOk() && (*result)->isOk();
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<WebSocketConnection> m_connection;
    std::unique_ptr<WebSocketConnection> m_writer;
};

QTEST_MAIN(tst_Dashboard)
#include "tst_dashboard.moc"

// Saved profiles in the Studio: the explorer lists them, opening one reads its secret from the
// SecretStore and shows its namespace → database → tables; a wrong password says why and loses
// nothing; a sandbox profile starts its own server with its storage and port, and stops.

#include "../common/TestSupport.h"
#include "MainWindow.h"
#include "browser/TableBrowser.h"
#include "browser/TableBrowserModel.h"
#include "common/LogView.h"
#include "connections/ExplorerView.h"
#include "connections/ProfileSession.h"
#include "connections/SandboxController.h"
#include "console/ConsoleManager.h"
#include "console/ConsoleWidget.h"
#include "profiles/ConnectionDialog.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <surrealqt/client/DevServerProcess.h>
#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QDir>
#include <QtCore/QPointer>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtNetwork/QTcpServer>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QMessageBox>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {
constexpr int TimeoutMs = 30000;
constexpr int SandboxTimeoutMs = 60000;
const QString Namespace = u"explorer ⟩ ns"_s;
const QString Database = u"explorer `db` 😀"_s;
const QString OddTable = u"odd ⟩ `name`; 😀"_s;

QUrl fixtureRpcUrl()
{
    QUrl url = Test::serverUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/rpc"_s);
    return url;
}

ConnectionProfile fixtureProfile(const QString &name, const QString &password)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.url = fixtureRpcUrl();
    profile.ns = Namespace;
    profile.db = Database;
    profile.auth = ConnectionProfile::Auth::Root;
    profile.user = u"root"_s;
    profile.secret = password;
    return profile;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

bool portIsFree(quint16 port)
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}
} // namespace

class tst_ProfileConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openSavedProfile();
    void wrongPasswordLosesNothing();
    void editAndDeleteProfile();
    void sandboxProfileWithSurrealKv();

private:
    QString saveProfile(ConnectionProfile profile);

    QTemporaryDir m_dir;
    InMemorySecretStore m_secrets;
    std::unique_ptr<ProfileStore> m_store;
};

void tst_ProfileConnections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    m_store = std::make_unique<ProfileStore>(&m_secrets, m_dir.filePath(u"profiles.ini"_s));
    QVERIFY2(Test::serverUrl().isValid(), "no dev server fixture");

    // Two tables in a database with a hostile name, one of them with a hostile name too.
    ConnectionOptions options;
    options.endpoint = fixtureRpcUrl();
    WebSocketConnection setup(options);
    QVERIFY(Test::wait(setup.open()).value_or(Result<bool>()).isOk());
    QVERIFY(Test::wait(setup.signin(Credentials::root(u"root"_s, u"root"_s)))
                .value_or(Result<QString>())
                .isOk());
    QVERIFY(Test::wait(setup.use(Namespace, Database)).value_or(Result<QCborValue>()).isOk());
    const auto made = Test::wait(
        setup.query(u"DEFINE TABLE OVERWRITE person SCHEMALESS; DELETE person;"
                    "CREATE person:ada SET name = $a; CREATE person:bob SET name = $b;"
                    "DEFINE TABLE OVERWRITE "_s
                        + SurqlSyntax::quoteIdentifier(OddTable) + u";"_s,
                    QCborMap{{u"a"_s, u"Ada ⟩ 😀"_s}, {u"b"_s, u"Bob'; --"_s}}));
    QVERIFY(made && made->isOk());
    QVERIFY2(!(*made)->firstError().isError(), qPrintable((*made)->firstError().message()));
}

QString tst_ProfileConnections::saveProfile(ConnectionProfile profile)
{
    const auto saved = Test::wait(m_store->save(profile));
    return saved && saved->isEmpty() ? profile.id : QString();
}

void tst_ProfileConnections::openSavedProfile()
{
    const QString id = saveProfile(fixtureProfile(u"Fixture ⟩ `server` 😀"_s, u"root"_s));
    QVERIFY(!id.isEmpty());

    MainWindow window(MainWindow::SandboxMode::Disabled);
    window.setProfileStore(m_store.get());
    ExplorerView *explorer = window.explorerView();
    QVERIFY(explorer->connectionKeys().contains(id));
    QCOMPARE(explorer->connectionIndex(id).data().toString(), u"Fixture ⟩ `server` 😀"_s);
    QVERIFY(explorer->tableNames(id).isEmpty());

    // Double-clicking (activating) the profile's node opens it.
    Q_EMIT explorer->activated(explorer->connectionIndex(id));
    QVERIFY(window.profileSession(id));
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(id).contains(OddTable), TimeoutMs);
    QVERIFY(explorer->tableNames(id).contains(u"person"_s));
    QTRY_COMPARE_WITH_TIMEOUT(explorer->tableCount(u"person"_s, id), 2, TimeoutMs);
    QCOMPARE(explorer->connectionDetails(id), fixtureRpcUrl().toDisplayString());

    // namespace → database → table under the profile's node.
    const QModelIndex node = explorer->connectionIndex(id);
    const QModelIndex ns = explorer->model()->index(0, 0, node);
    QCOMPARE(ns.data().toString(), Namespace);
    QCOMPARE(explorer->model()->index(0, 0, ns).data().toString(), Database);

    // make screenshots: the explorer with a saved profile open.
    if (const QString dir = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1100, 700);
        window.show();
        explorer->setCurrentIndex(explorer->connectionIndex(id));
        QTest::qWait(200);
        QVERIFY(window.grab().save(QDir(dir).filePath(u"studio-profiles.png"_s)));
    }

    // The table browser, the console and the definition work on the profile's connection.
    WebSocketConnection *connection = explorer->connection(id);
    QVERIFY(connection);
    TableBrowser *browser = window.openTableBrowser(u"person"_s, id);
    QVERIFY(browser);
    QTRY_COMPARE_WITH_TIMEOUT(browser->model()->totalCount(), 2, TimeoutMs);

    window.newQueryForTable(OddTable, id);
    ConsoleWidget *console = window.consoles()->currentConsole();
    QVERIFY(console);
    QCOMPARE(console->connection(), connection);
    QVERIFY(console->text().contains(SurqlSyntax::quoteIdentifier(OddTable)));

    window.showTableDefinition(u"person"_s, id);
    auto *definition = window.findChild<QWidget *>(u"tableDefinition"_s);
    QVERIFY(definition);

    window.closeProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.profileSession(id), TimeoutMs);
    QVERIFY(explorer->tableNames(id).isEmpty());
    QVERIFY(explorer->connectionKeys().contains(id));
    QVERIFY(m_store->remove(id).isValid());
}

void tst_ProfileConnections::wrongPasswordLosesNothing()
{
    const QString good = saveProfile(fixtureProfile(u"Good"_s, u"root"_s));
    const QString bad = saveProfile(fixtureProfile(u"Bad password"_s, u"not the password ⟩'😀"_s));
    QVERIFY(!good.isEmpty() && !bad.isEmpty());

    MainWindow window(MainWindow::SandboxMode::Disabled);
    window.setProfileStore(m_store.get());
    ExplorerView *explorer = window.explorerView();
    window.openProfile(good);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(good).contains(u"person"_s), TimeoutMs);
    const QStringList tablesBefore = explorer->tableNames(good);
    const QString detailsBefore = explorer->connectionDetails(bad);
    const int rowsBefore = explorer->model()->rowCount();

    window.openProfile(bad);
    QTRY_VERIFY_WITH_TIMEOUT(!window.profileSession(bad), TimeoutMs);
    // The error is in the status bar and in the log.
    const QString message = window.profileStatusText();
    QVERIFY2(message.contains(u"Bad password"_s) && message.contains(u"sign in"_s),
             qPrintable(message));
    QVERIFY(window.logView()->toPlainText().contains(message));
    // Nothing lost: the tree, the other connection, the saved profile and its secret.
    QCOMPARE(explorer->model()->rowCount(), rowsBefore);
    QCOMPARE(explorer->connectionDetails(bad), detailsBefore);
    QCOMPARE(explorer->model()->rowCount(explorer->connectionIndex(bad)), 0);
    QCOMPARE(explorer->tableNames(good), tablesBefore);
    QVERIFY(explorer->connection(good));
    QVERIFY(m_store->ids().contains(bad));
    QCOMPARE(m_secrets.secrets().value(ProfileStore::secretKey(bad)), u"not the password ⟩'😀"_s);
    // The working connection still answers.
    QVERIFY(window.openTableBrowser(u"person"_s, good));

    // A retry after fixing the secret works.
    ConnectionProfile fixed = m_store->profile(bad);
    fixed.secret = u"root"_s;
    QVERIFY(saveProfile(fixed) == bad);
    window.openProfile(bad);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(bad).contains(u"person"_s), TimeoutMs);

    // A server that is not there: a clear error too.
    ConnectionProfile gone = fixtureProfile(u"Nobody home"_s, u"root"_s);
    QUrl url = gone.url;
    url.setPort(freePort());
    gone.url = url;
    const QString goneId = saveProfile(gone);
    window.reloadProfiles();
    window.openProfile(goneId);
    QTRY_VERIFY_WITH_TIMEOUT(!window.profileSession(goneId), TimeoutMs);
    QVERIFY2(window.profileStatusText().contains(u"Nobody home"_s),
             qPrintable(window.profileStatusText()));
    QCOMPARE(explorer->connectionDetails(goneId), detailsBefore);
    QVERIFY(explorer->connection(good));

    for (const QString &id : {good, bad, goneId})
        Test::wait(m_store->remove(id));
}

void tst_ProfileConnections::editAndDeleteProfile()
{
    const QString id = saveProfile(fixtureProfile(u"Before"_s, u"wrong ⟩'😀"_s));
    QVERIFY(!id.isEmpty());
    const qsizetype profileCount = m_store->ids().size();
    MainWindow window(MainWindow::SandboxMode::Disabled);
    window.setProfileStore(m_store.get());
    ExplorerView *explorer = window.explorerView();
    const auto triggerAction = [&](const QString &text) {
        const QList<QAction *> actions = explorer->profileActions(id);
        for (QAction *action : actions) {
            if (action->text() == text)
                action->trigger();
        }
        qDeleteAll(actions);
    };
    QStringList texts;
    for (QAction *action : explorer->profileActions(id))
        texts.append(action->text());
    QCOMPARE(texts, (QStringList{u"Connect"_s, u"Edit…"_s, u"Delete…"_s}));

    // Edit: the dialog shows the saved secret; the changes are saved under the same id.
    triggerAction(u"Edit…"_s);
    QPointer<ConnectionDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<ConnectionDialog *>())
                                 && dialog->isVisible(),
                             TimeoutMs);
    ConnectionProfile edited = dialog->profile();
    QCOMPARE(edited.id, id);
    QCOMPARE(edited.name, u"Before"_s);
    QCOMPARE(edited.secret, u"wrong ⟩'😀"_s);
    edited.name = u"After ⟩ `x` 😀"_s;
    edited.secret = u"root"_s;
    dialog->setProfile(edited);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(m_secrets.secrets().value(ProfileStore::secretKey(id)),
                              u"root"_s,
                              TimeoutMs);
    QCOMPARE(m_store->profile(id).name, u"After ⟩ `x` 😀"_s);
    QCOMPARE(m_store->ids().size(), profileCount);
    QCOMPARE(explorer->connectionIndex(id).data().toString(), u"After ⟩ `x` 😀"_s);
    // The new secret is the one used to connect.
    window.openProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(id).contains(u"person"_s), TimeoutMs);

    // Delete asks first: Cancel keeps everything.
    triggerAction(u"Delete…"_s);
    QPointer<QMessageBox> box;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>()) && box->isVisible(),
                             TimeoutMs);
    QVERIFY(box->text().contains(u"After ⟩ `x` 😀"_s));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!box, TimeoutMs);
    QVERIFY(m_store->ids().contains(id));
    QVERIFY(explorer->connection(id));

    // Yes closes the connection and deletes the profile and its secret.
    triggerAction(u"Delete…"_s);
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>()) && box->isVisible(),
                             TimeoutMs);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_secrets.secrets().contains(ProfileStore::secretKey(id)), TimeoutMs);
    QVERIFY(!m_store->ids().contains(id));
    QVERIFY(!explorer->connectionKeys().contains(id));
    QVERIFY(!window.profileSession(id));
    QTRY_VERIFY_WITH_TIMEOUT(window.logView()->toPlainText().contains(
                                 u"Deleted the connection After ⟩ `x` 😀."_s),
                             TimeoutMs);
}

void tst_ProfileConnections::sandboxProfileWithSurrealKv()
{
    QTemporaryDir storage;
    QVERIFY(storage.isValid());
    const QString folder = storage.filePath(u"kv ⟩ data"_s);
    const quint16 port = freePort();
    QVERIFY(port != 0);

    ConnectionProfile profile;
    profile.name = u"Local sandbox"_s;
    profile.sandbox = ConnectionProfile::SandboxServer::DevServer;
    profile.storage = ConnectionProfile::Storage::SurrealKv;
    profile.storagePath = folder;
    profile.port = port;
    profile.user = u"admin"_s;
    profile.secret = u"sandbox pass ⟩'😀"_s;
    profile.ns = u"local"_s;
    profile.db = u"demo"_s;
    const QString id = saveProfile(profile);
    QVERIFY(!id.isEmpty());

    MainWindow window(MainWindow::SandboxMode::Disabled);
    window.setProfileStore(m_store.get());
    ExplorerView *explorer = window.explorerView();
    QPointer<ProfileSession> session = window.openProfile(id);
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(id).contains(u"book"_s), SandboxTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(explorer->tableCount(u"book"_s, id), 6, TimeoutMs);

    // Its own server: on the chosen port, with its storage and credentials.
    SandboxController *sandbox = session->sandbox();
    QVERIFY(sandbox);
    QCOMPARE(sandbox->rpcUrl().port(), int(port));
    QCOMPARE(sandbox->server()->storage(), u"surrealkv://"_s + QDir(folder).absolutePath());
    QCOMPARE(sandbox->user(), u"admin"_s);
    QCOMPARE(explorer->connectionDetails(id), sandbox->rpcUrl().toDisplayString());
    QVERIFY(!QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    const QModelIndex ns = explorer->model()->index(0, 0, explorer->connectionIndex(id));
    QCOMPARE(ns.data().toString(), u"local"_s);

    window.closeProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(!window.profileSession(id), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(session.isNull(), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(portIsFree(port), TimeoutMs);
    QVERIFY(explorer->tableNames(id).isEmpty());
    QCOMPARE(explorer->connectionDetails(id), u"not connected"_s);

    // The data stayed in the folder: a second start finds the demo already there.
    QPointer<ProfileSession> again = window.openProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(explorer->tableNames(id).contains(u"book"_s), SandboxTimeoutMs);
    // The demo was loaded once: the second start found the data in the folder.
    QCOMPARE(window.logView()->toPlainText().count(u"Demo loaded"_s), 1);
    window.closeProfile(id);
    QTRY_VERIFY_WITH_TIMEOUT(again.isNull(), TimeoutMs);
    Test::wait(m_store->remove(id));
}

QTEST_MAIN(tst_ProfileConnections)
#include "tst_profile_connections.moc"

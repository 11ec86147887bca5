// The table browser on the offscreen platform, against the Studio's sandbox (the dev server with
// the demo database). Changes are read back through a second connection.

#include "../common/TestSupport.h"
#include "MainWindow.h"
#include "browser/RecordInspector.h"
#include "browser/RowLoader.h"
#include "browser/TableBrowser.h"
#include "browser/TableBrowserModel.h"
#include "connections/ExplorerView.h"
#include "connections/SandboxController.h"
#include "console/ConsoleEditor.h"
#include "console/ConsoleManager.h"
#include "console/ConsoleWidget.h"
#include "console/ResultTreeModel.h"
#include "profiles/ConnectionDialog.h"
#include "profiles/ConnectionProfile.h"

#include <surrealqt/client/DevServerProcess.h>
#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/RecordId.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDir>
#include <QtCore/QStandardPaths>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {
constexpr int ReadyTimeoutMs = 60000;
constexpr int LoadTimeoutMs = 30000;
constexpr int BigRows = 100000;
constexpr int InsertBatch = 10000;
// A field name and a string no query should trip over.
const QString HostileField = u"we`ird ⟩ \"f'ield\" 😀"_s;
const QString HostileText = u"it's \"quoted\" `tick` ⟩; DROP TABLE x; -- \u0000 😀"_s;

QString cell(const TableBrowserModel *model, int row, const QString &column)
{
    return model->index(row, int(model->columns().indexOf(column))).data().toString();
}
} // namespace

class tst_Browser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void filterCheck();
    void openFromExplorer();
    void explorerDefinitionAndQuery();
    void editMergesOneField();
    void editRejectsBadLiteral();
    void badFilterShowsError();
    void goodFilterAndSort();
    void createAndDelete();
    void inspectorShowsRelations();
    void hundredThousandRows();
    void gapsInIntegerKeys();
    void connectionStatus();
    void screenshot();

private:
    QCborValue queryOne(const QString &surql, const QCborMap &vars = {});
    qint64 countOf(const QString &table, const QString &where = {});
    TableBrowser *open(const QString &table);

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WebSocketConnection> m_other; // the second connection that reads back
};

void tst_Browser::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    QSignalSpy failed(m_window->sandbox(), &SandboxController::failed);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->sandbox()->isDatabaseReady() || !failed.isEmpty(),
                             ReadyTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->explorerView()->tableNames().contains(u"author"_s),
                             LoadTimeoutMs);

    ConnectionOptions options;
    options.endpoint = m_window->sandbox()->rpcUrl();
    options.callTimeout = std::chrono::minutes(3); // 10,000-row inserts on a busy machine
    m_other = std::make_unique<WebSocketConnection>(options);
    QVERIFY(Test::wait(m_other->open()).value_or(Result<bool>(false)));
    const auto signedIn = Test::wait(m_other->signin(
        Credentials::root(m_window->sandbox()->user(), m_window->sandbox()->server()->password())));
    QVERIFY(signedIn && *signedIn);
    const auto used = Test::wait(
        m_other->use(SandboxController::demoNamespace(), SandboxController::demoDatabase()));
    QVERIFY(used && *used);
}

void tst_Browser::cleanupTestCase()
{
    m_other.reset();
    m_window.reset();
}

QCborValue tst_Browser::queryOne(const QString &surql, const QCborMap &vars)
{
    const auto result = Test::wait(m_other->query(surql, vars), std::chrono::seconds(120));
    if (!result || !*result || !(*result)->isOk()) {
        qWarning() << "query failed:" << surql
                   << (!result   ? u"timeout"_s
                       : *result ? (*result)->firstError().message()
                                 : result->error().message());
        return QCborValue(QCborValue::Undefined);
    }
    const QueryResponse &response = result->value();
    return response.value(response.size() - 1);
}

qint64 tst_Browser::countOf(const QString &table, const QString &where)
{
    const QString condition = where.isEmpty() ? QString() : u" WHERE "_s + where;
    const QCborValue rows = queryOne(u"SELECT count() AS n FROM type::table($table)"_s + condition
                                         + u" GROUP ALL"_s,
                                     QCborMap{{u"table"_s, table}});
    return rows.isArray() ? rows.toArray().at(0).toMap().value("n"_L1).toInteger(-1) : -1;
}

TableBrowser *tst_Browser::open(const QString &table)
{
    TableBrowser *browser = m_window->openTableBrowser(table);
    if (!browser)
        return nullptr;
    QTest::qWait(0);
    if (!QTest::qWaitFor([&] { return browser->model()->totalCount() >= 0; }, LoadTimeoutMs))
        return nullptr;
    return browser;
}

void tst_Browser::filterCheck()
{
    QVERIFY(RowLoader::checkFilter(u"age > 30 AND name = 'a;b'"_s).isEmpty());
    QVERIFY(RowLoader::checkFilter(u"age > 30 -- a comment"_s).isEmpty());
    QVERIFY(!RowLoader::checkFilter(u"true; DELETE book"_s).isEmpty());
    QVERIFY(!RowLoader::checkFilter(u"name = 'open"_s).isEmpty());
    QVERIFY(!RowLoader::checkFilter(u"true /* open"_s).isEmpty());
}

void tst_Browser::openFromExplorer()
{
    ExplorerView *explorer = m_window->explorerView();
    const QList<QAction *> actions = explorer->tableActions(u"author"_s);
    QCOMPARE(actions.size(), 3);
    const int tabs = m_window->documentTabs()->count();
    actions.at(0)->trigger();
    QCOMPARE(m_window->documentTabs()->count(), tabs + 1);
    auto *browser = qobject_cast<TableBrowser *>(m_window->documentTabs()->currentWidget());
    QVERIFY(browser);
    QCOMPARE(browser->model()->table(), u"author"_s);
    QTRY_VERIFY_WITH_TIMEOUT(browser->model()->totalCount() >= 0, LoadTimeoutMs);
    const qint64 authors = countOf(u"author"_s);
    QCOMPARE(browser->model()->totalCount(), authors);
    QTRY_VERIFY_WITH_TIMEOUT(browser->model()->isRowLoaded(0), LoadTimeoutMs);
    QVERIFY(cell(browser->model(), 0, u"id"_s).startsWith(u"author:"_s));
    QVERIFY(browser->model()->columns().contains(u"name"_s));
    QVERIFY(browser->statusText().contains(QString::number(authors)));
    qDeleteAll(actions);
}

void tst_Browser::explorerDefinitionAndQuery()
{
    const QList<QAction *> actions = m_window->explorerView()->tableActions(u"book"_s);
    actions.at(1)->trigger();
    auto *definition = qobject_cast<ConsoleEditor *>(m_window->documentTabs()->currentWidget());
    QVERIFY(definition);
    QTRY_VERIFY_WITH_TIMEOUT(definition->text().contains(u"DEFINE FIELD year ON book"_s),
                             LoadTimeoutMs);
    QVERIFY(definition->text().contains(u"DEFINE TABLE book"_s));
    QVERIFY(definition->text().contains(u"DEFINE INDEX book_year"_s));
    QVERIFY(definition->isReadOnly());

    actions.at(2)->trigger();
    ConsoleWidget *console = m_window->consoles()->currentConsole();
    QVERIFY(console);
    QCOMPARE(m_window->documentTabs()->currentWidget(), console);
    QCOMPARE(console->editor()->text(), u"SELECT * FROM book LIMIT 100;"_s);
    qDeleteAll(actions);
}

void tst_Browser::editMergesOneField()
{
    QVERIFY(!queryOne(u"DEFINE TABLE edit_probe SCHEMALESS;"
                      "DEFINE FIELD total ON edit_probe COMPUTED a + b;"
                      "CREATE type::record('edit_probe', $key) CONTENT $content;"_s,
                      QCborMap{{u"key"_s, HostileText},
                               {u"content"_s,
                                QCborMap{{u"a"_s, 1},
                                         {u"b"_s, 2},
                                         {u"note"_s, u"keep"_s},
                                         {HostileField, u"untouched"_s}}}})
                 .isUndefined());
    TableBrowser *browser = open(u"edit_probe"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    QCOMPARE(model->totalCount(), 1);
    QCOMPARE(cell(model, 0, u"total"_s), u"3"_s);
    const int aColumn = int(model->columns().indexOf(u"a"_s));
    QVERIFY(aColumn > 0);
    QVERIFY(model->columns().contains(HostileField));

    // Another client changes b after the grid read the record: a full replace would undo it.
    QVERIFY(!queryOne(u"UPDATE type::record('edit_probe', $key) SET b = 99"_s,
                      QCborMap{{u"key"_s, HostileText}})
                 .isUndefined());

    QSignalSpy saved(model, &TableBrowserModel::recordSaved);
    QSignalSpy errors(model, &TableBrowserModel::errorOccurred);
    QVERIFY(model->setData(model->index(0, aColumn), u"5"_s, Qt::EditRole));
    QVERIFY2(saved.wait(LoadTimeoutMs), qPrintable(errors.value(0).value(0).toString()));

    const QCborMap record = queryOne(u"SELECT * FROM ONLY type::record('edit_probe', $key)"_s,
                                     QCborMap{{u"key"_s, HostileText}})
                                .toMap();
    QCOMPARE(record.value("a"_L1).toInteger(), 5);
    QCOMPARE(record.value("b"_L1).toInteger(), 99);      // not clobbered
    QCOMPARE(record.value("total"_L1).toInteger(), 104); // computed by the server
    QCOMPARE(record.value("note"_L1).toString(), u"keep"_s);
    QCOMPARE(record.value(HostileField).toString(), u"untouched"_s);
    // The grid shows what the server returned.
    QCOMPARE(cell(model, 0, u"a"_s), u"5"_s);
    QCOMPARE(cell(model, 0, u"b"_s), u"99"_s);
    QCOMPARE(cell(model, 0, u"total"_s), u"104"_s);

    // A string cell stays a string, hostile characters and all.
    const int noteColumn = int(model->columns().indexOf(u"note"_s));
    QVERIFY(model->setData(model->index(0, noteColumn), HostileText, Qt::EditRole));
    QVERIFY(saved.wait(LoadTimeoutMs));
    const QCborMap again = queryOne(u"SELECT * FROM ONLY type::record('edit_probe', $key)"_s,
                                    QCborMap{{u"key"_s, HostileText}})
                               .toMap();
    QCOMPARE(again.value("note"_L1).toString(), HostileText);
    QCOMPARE(again.value("a"_L1).toInteger(), 5);
    QVERIFY(errors.isEmpty());
}

void tst_Browser::editRejectsBadLiteral()
{
    TableBrowser *browser = open(u"edit_probe"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    const int aColumn = int(model->columns().indexOf(u"a"_s));
    QSignalSpy errors(model, &TableBrowserModel::errorOccurred);
    QVERIFY(!model->setData(model->index(0, aColumn), u"{ unclosed"_s, Qt::EditRole));
    QCOMPARE(errors.size(), 1);
    QVERIFY(browser->showsError());
    // The id column is never editable.
    QVERIFY(!(model->flags(model->index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(model->flags(model->index(0, aColumn)) & Qt::ItemIsEditable);
    const QCborMap record = queryOne(u"SELECT * FROM ONLY type::record('edit_probe', $key)"_s,
                                     QCborMap{{u"key"_s, HostileText}})
                                .toMap();
    QCOMPARE(record.value("a"_L1).toInteger(), 5);
}

void tst_Browser::badFilterShowsError()
{
    TableBrowser *browser = open(u"book"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    const qint64 count = model->totalCount();
    const QString firstId = cell(model, 0, u"id"_s);
    QVERIFY(count > 0);

    QSignalSpy errors(model, &TableBrowserModel::errorOccurred);
    browser->filterEdit()->setText(u"year >"_s);
    browser->applyFilter();
    QVERIFY(errors.wait(LoadTimeoutMs));
    QVERIFY(browser->showsError());
    QVERIFY2(browser->statusText().contains(u"filter"_s), qPrintable(browser->statusText()));
    QCOMPARE(model->totalCount(), count);
    QCOMPARE(model->filter(), QString());
    QCOMPARE(cell(model, 0, u"id"_s), firstId);

    // A second statement is refused before anything runs.
    browser->filterEdit()->setText(u"true; DELETE book"_s);
    browser->applyFilter();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(model->totalCount(), count);
    QCOMPARE(countOf(u"book"_s), count);
}

void tst_Browser::goodFilterAndSort()
{
    TableBrowser *browser = open(u"book"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QSignalSpy applied(model, &TableBrowserModel::filterApplied);
    browser->filterEdit()->setText(u"year > 1960 -- newer books only"_s);
    browser->applyFilter();
    QVERIFY(applied.wait(LoadTimeoutMs));
    const qint64 expected = countOf(u"book"_s, u"year > 1960"_s);
    QCOMPARE(model->totalCount(), expected);
    QVERIFY(!browser->showsError());

    // Sorting by year, descending: the first row is the newest book.
    browser->filterEdit()->clear();
    browser->applyFilter();
    QVERIFY(applied.wait(LoadTimeoutMs));
    const int yearColumn = int(model->columns().indexOf(u"year"_s));
    QVERIFY(yearColumn > 0);
    browser->view()->sortByColumn(yearColumn, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    const qint64 newest
        = queryOne(u"SELECT VALUE math::max(year) FROM book GROUP ALL"_s).toArray().at(0).toInteger();
    QCOMPARE(cell(model, 0, u"year"_s), QString::number(newest));
    for (int row = 1; row < model->totalCount(); ++row)
        QVERIFY(cell(model, row - 1, u"year"_s).toInt() >= cell(model, row, u"year"_s).toInt());
}

void tst_Browser::createAndDelete()
{
    QVERIFY(!queryOne(u"DEFINE TABLE scratch SCHEMALESS; CREATE scratch:first SET x = 1;"_s)
                 .isUndefined());
    TableBrowser *browser = open(u"scratch"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    const qint64 before = model->totalCount();
    QSignalSpy created(model, &TableBrowserModel::recordCreated);
    QSignalSpy errors(model, &TableBrowserModel::errorOccurred);
    model->createRecord();
    QVERIFY2(created.wait(LoadTimeoutMs), qPrintable(errors.value(0).value(0).toString()));
    const QCborValue id = created.constFirst().constFirst().value<QCborValue>();
    QVERIFY(RecordId::fromCbor(id).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), before + 1, LoadTimeoutMs);
    QCOMPARE(countOf(u"scratch"_s), before + 1);

    // Delete the new record, wherever the id order put it.
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(int(before)), LoadTimeoutMs);
    for (int r = 0; r < model->totalCount(); ++r) {
        if (model->recordId(r) == id)
            row = r;
    }
    QVERIFY(row >= 0);
    QSignalSpy deleted(model, &TableBrowserModel::recordsDeleted);
    model->deleteRecords({row});
    QVERIFY(deleted.wait(LoadTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), before, LoadTimeoutMs);
    QVERIFY(queryOne(u"SELECT * FROM $id"_s, QCborMap{{u"id"_s, id}}).toArray().isEmpty());
}

void tst_Browser::inspectorShowsRelations()
{
    TableBrowser *browser = open(u"author"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    int herbert = -1;
    for (int row = 0; row < model->totalCount(); ++row) {
        if (cell(model, row, u"id"_s) == u"author:herbert"_s)
            herbert = row;
    }
    QVERIFY(herbert >= 0);
    QSignalSpy relations(browser->inspector(), &RecordInspector::relationsLoaded);
    browser->view()->setCurrentIndex(model->index(herbert, 0));
    QVERIFY(relations.wait(LoadTimeoutMs));
    const QCborValue record = browser->inspector()->record();
    QCOMPARE(Values::toSurql(record.toMap().value("id"_L1)), u"author:herbert"_s);
    QVERIFY(browser->inspector()->recordModel()->rowCount() >= 3);
    const qint64 wrote = countOf(u"wrote"_s, u"in = author:herbert"_s);
    QVERIFY(wrote > 0);
    ResultTreeModel *outgoing = browser->inspector()->outgoingModel();
    QVERIFY(outgoing->rowCount() >= wrote);
    const QCborMap edge = outgoing->valueAt(outgoing->index(0, 0)).toMap();
    QCOMPARE(Values::toSurql(edge.value("in"_L1)), u"author:herbert"_s);
    QVERIFY(Values::toSurql(edge.value("out"_L1)).startsWith(u"book:"_s));
    const qint64 followers = countOf(u"follows"_s, u"out = author:herbert"_s);
    QCOMPARE(browser->inspector()->incomingModel()->rowCount(), followers);
}

void tst_Browser::hundredThousandRows()
{
    QVERIFY(!queryOne(u"DEFINE TABLE big SCHEMALESS"_s).isUndefined());
    // In batches, by a server-side loop: one INSERT of many rows is slow on this engine.
    for (int start = 1; start <= BigRows; start += InsertBatch) {
        QVERIFY(!queryOne(u"FOR $i IN $from..=$to { CREATE type::record('big', $i) SET n = $i, "
                          "label = 'row ' + <string>$i }"_s,
                          QCborMap{{u"from"_s, start}, {u"to"_s, start + InsertBatch - 1}})
                     .isUndefined());
    }
    QCOMPARE(countOf(u"big"_s), BigRows);

    TableBrowser *browser = open(u"big"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), BigRows, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    QCOMPARE(cell(model, 0, u"id"_s), u"big:1"_s);

    // Scroll to the end: the last page loads by keyset from the end, not by walking.
    // Once the view has laid out its 100,000 rows, scroll to the end.
    QTRY_VERIFY_WITH_TIMEOUT(browser->view()->verticalScrollBar()->maximum() > 0, LoadTimeoutMs);
    browser->view()->scrollToBottom();
    QTRY_VERIFY2_WITH_TIMEOUT(model->isRowLoaded(BigRows - 1),
                              qPrintable(browser->statusText()),
                              LoadTimeoutMs);
    QCOMPARE(cell(model, BigRows - 1, u"id"_s), u"big:100000"_s);
    QCOMPARE(cell(model, BigRows - 1, u"n"_s), u"100000"_s);

    // The middle: reached by walking the ids from the nearest known page.
    browser->view()->scrollTo(model->index(BigRows / 2, 0), QAbstractItemView::PositionAtTop);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(BigRows / 2), LoadTimeoutMs);
    QCOMPARE(cell(model, BigRows / 2, u"id"_s), u"big:%1"_s.arg((BigRows / 2) + 1));

    // The cache holds pages, not the table.
    QVERIFY(model->cache().heldPages() <= TableBrowserModel::MaxPages);

    // Descending by id, the first row is the last record.
    browser->view()->sortByColumn(0, Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    QCOMPARE(cell(model, 0, u"id"_s), u"big:100000"_s);
    QTRY_VERIFY_WITH_TIMEOUT(browser->view()->verticalScrollBar()->maximum() > 0, LoadTimeoutMs);
    browser->view()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(BigRows - 1), LoadTimeoutMs);
    QCOMPARE(cell(model, BigRows - 1, u"id"_s), u"big:1"_s);
}

// Integer keys page through a bounded id range first; across a gap, and into string keys
// (which sort after numbers), the open range takes over and no record is skipped.
void tst_Browser::gapsInIntegerKeys()
{
    QVERIFY(!queryOne(u"DEFINE TABLE gappy SCHEMALESS;"
                      "FOR $i IN 1..=250 { CREATE type::record('gappy', $i) SET n = $i };"
                      "FOR $i IN 1000000..=1000250 { CREATE type::record('gappy', $i) SET n = $i };"
                      "CREATE type::record('gappy', $odd) SET n = -1;"
                      "CREATE gappy:zed SET n = -2;"_s,
                      QCborMap{{u"odd"_s, u"a ⟩ `b`; 😀"_s}})
                 .isUndefined());
    TableBrowser *browser = open(u"gappy"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 503, LoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(browser->view()->verticalScrollBar()->maximum() > 0, LoadTimeoutMs);
    for (const int row : {249, 250, 450, 501, 502}) {
        browser->view()->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(row), LoadTimeoutMs);
    }
    QCOMPARE(cell(model, 249, u"id"_s), u"gappy:250"_s);
    QCOMPARE(cell(model, 250, u"id"_s), u"gappy:1000000"_s);
    QCOMPARE(cell(model, 450, u"id"_s), u"gappy:1000200"_s);
    QCOMPARE(cell(model, 501, u"n"_s), u"-1"_s);
    QCOMPARE(cell(model, 502, u"id"_s), u"gappy:zed"_s);
}

void tst_Browser::connectionStatus()
{
    const auto *label = m_window->statusBar()->findChild<QLabel *>(u"connectionStatusLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), u"Connected"_s);
    QCOMPARE(m_window->connectionStatusText(), u"Connected"_s);
}

void tst_Browser::screenshot()
{
    // Only the welcome page, the first console and a fresh browser on `author`.
    QTabWidget *tabs = m_window->documentTabs();
    for (int i = tabs->count() - 1; i >= 0; --i) {
        QWidget *page = tabs->widget(i);
        if (qobject_cast<TableBrowser *>(page) || qobject_cast<ConsoleEditor *>(page))
            delete page;
    }
    const QList<ConsoleWidget *> consoles = m_window->consoles()->consoles();
    for (ConsoleWidget *console : consoles.mid(1)) {
        console->editor()->setModified(false);
        m_window->consoles()->closeConsole(console);
    }
    TableBrowser *browser = open(u"author"_s);
    QVERIFY(browser);
    TableBrowserModel *model = browser->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->isRowLoaded(0), LoadTimeoutMs);
    QSignalSpy relations(browser->inspector(), &RecordInspector::relationsLoaded);
    int leguin = 0; // two books written, two followers
    for (int row = 0; row < model->totalCount(); ++row) {
        if (cell(model, row, u"id"_s) == u"author:leguin"_s)
            leguin = row;
    }
    browser->view()->selectRow(leguin);
    QVERIFY(relations.wait(LoadTimeoutMs));
    browser->view()->resizeColumnsToContents();
    if (auto *log = m_window->findChild<QDockWidget *>(u"LogDock"_s))
        m_window->resizeDocks({log}, {120}, Qt::Vertical);
    QTest::qWait(300);
    const QString target = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR", QDir::currentPath());
    QVERIFY(QDir().mkpath(target));
    const QImage window = m_window->grab().toImage();
    QVERIFY(!window.isNull());
    const QString browserFile = QDir(target).filePath(u"studio-browser.png"_s);
    QVERIFY(window.save(browserFile, "PNG"));
    qInfo("screenshot: %s", qPrintable(browserFile));

    ConnectionDialog dialog;
    ConnectionProfile profile;
    profile.name = u"Production (read only)"_s;
    profile.url = QUrl(u"wss://db.example.com/rpc"_s);
    profile.ns = u"shop"_s;
    profile.db = u"main"_s;
    profile.auth = ConnectionProfile::Auth::Database;
    profile.user = u"analyst"_s;
    profile.secret = u"not-a-real-secret"_s;
    dialog.setProfile(profile);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.adjustSize();
    QTest::qWait(100);
    const QString dialogFile = QDir(target).filePath(u"studio-connection.png"_s);
    QVERIFY(dialog.grab().toImage().save(dialogFile, "PNG"));
    qInfo("screenshot: %s", qPrintable(dialogFile));
}

QTEST_MAIN(tst_Browser)
#include "tst_browser.moc"

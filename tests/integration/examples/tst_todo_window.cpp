// examples/todo's window, driven offscreen against the dev server as a user would: type a to-do
// with tags, press Enter, mark it done, delete it; each step is checked in the database through
// another connection, and the table follows.

#include "../orm/OrmTestSupport.h"

#include "TodoWindow.h"
#include "models.h"

#include <surrealqt/orm/Objects.h>
#include <surrealqt/orm/Registry.h>

#include <QtCore/QCommandLineParser>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;
using Test::wait;
using Test::waitUntil;

namespace {

QPushButton *button(const QWidget &window, const QString &text)
{
    for (auto *candidate : window.findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

class tst_TodoWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_db; // the test's own connection
    std::unique_ptr<TodoWindow> m_window;
    QString m_database = u"todo_window"_s;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        m_db = OrmTest::openRoot(m_database);
        QVERIFY(m_db);
        // The tables as the example's models define them (what todo-manage migrate creates).
        QVERIFY(
            OrmTest::run(m_db.get(), u"REMOVE TABLE IF EXISTS todo; REMOVE TABLE IF EXISTS tag"_s));
        for (const QString &statement : SchemaPrinter::statements(Registry::schema()))
            QVERIFY(OrmTest::run(m_db.get(), statement));

        // The window takes the options todo takes on its command line.
        QCommandLineParser parser;
        ConnectionArguments connection;
        connection.addTo(parser);
        QVERIFY(parser.parse({u"todo"_s,
                              u"--endpoint"_s,
                              Test::serverUrl().toString(),
                              u"--user"_s,
                              u"root"_s,
                              u"--pass"_s,
                              u"root"_s,
                              u"--ns"_s,
                              u"orm"_s,
                              u"--db"_s,
                              m_database}));
        QVERIFY(!connection.read(parser));
        m_window = std::make_unique<TodoWindow>(connection);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->connectToServer();
        auto *model = qobject_cast<LiveQueryModel *>(m_window->findChild<QTableView *>()->model());
        QVERIFY(model);
        QVERIFY(waitUntil([model] { return model->isReady(); }));
    }

    void addMarkDoneDelete()
    {
        auto *input = m_window->findChild<QLineEdit *>();
        auto *view = m_window->findChild<QTableView *>();
        auto *model = qobject_cast<LiveQueryModel *>(view->model());
        QVERIFY(input && model);
        QCOMPARE(model->rowCount(), 0);

        // "Buy milk ⟩ `x`; #shop #🦀" → one to-do linked to two tags, created as needed.
        // (keyClicks types Latin-1 only: insert() puts the text in as typing would.)
        input->insert(u"Buy milk ⟩ `x`; #shop #🦀"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitUntil([model] { return model->rowCount() == 1; }));
        QVERIFY(input->text().isEmpty());
        const Todo shown = model->object<Todo>(0);
        QCOMPARE(shown.title, u"Buy milk ⟩ `x`;"_s);
        QCOMPARE(shown.tags.size(), 2);
        const auto tags = wait(objects<Tag>(m_db.get()).orderBy({u"name"_s}).all());
        QVERIFY(tags && tags->isOk());
        QCOMPARE(tags->value().size(), 2);
        QCOMPARE(tags->value().at(0).name, u"shop"_s);
        QCOMPARE(tags->value().at(1).name, u"🦀"_s);

        // The same tag again is reused, not duplicated (getOrCreate).
        QTest::keyClicks(input, u"Bread #shop"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(waitUntil([model] { return model->rowCount() == 2; }));
        QCOMPARE(wait(objects<Tag>(m_db.get()).count())->value(), qint64(2));

        // Done: only that field changes, in the database and then in the table.
        const int row = model->rowOf(shown.id.toCbor());
        QVERIFY(row >= 0);
        view->selectRow(row);
        button(*m_window, u"Done / not done"_s)->click();
        QVERIFY(waitUntil([model, row] { return model->object<Todo>(row).done; }));
        const auto stored = wait(objects<Todo>(m_db.get()).refresh(shown));
        QVERIFY(stored && stored->isOk());
        QVERIFY(stored->value().done);
        QCOMPARE(stored->value().title, shown.title);

        // Delete: gone from the database and from the table.
        view->selectRow(model->rowOf(shown.id.toCbor()));
        button(*m_window, u"Delete"_s)->click();
        QVERIFY(waitUntil([model] { return model->rowCount() == 1; }));
        QCOMPARE(wait(objects<Todo>(m_db.get()).count())->value(), qint64(1));

        // An empty to-do (only tags, or nothing) is not sent.
        QTest::keyClicks(input, u"#onlytag"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QTest::qWait(300);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(wait(objects<Tag>(m_db.get()).count())->value(), qint64(2));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(tst_TodoWindow)
#include "tst_todo_window.moc"

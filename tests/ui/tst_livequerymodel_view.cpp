// A QTableView on a LiveQueryModel (offscreen) while another connection writes: the view's rows
// follow each CREATE, UPDATE and DELETE through rowsInserted, dataChanged and rowsRemoved, never
// a reset, so the user's selection stays on its record while other rows come and go.

#include "../integration/orm/OrmTestSupport.h"

#include <surrealqt/orm/LiveQueryModel.h>
#include <surrealqt/orm/Objects.h>

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableView>

using namespace SurrealQt;
using namespace OrmTest;
using namespace Qt::Literals::StringLiterals;
using Test::wait;
using Test::waitUntil;

namespace {

Author author(const QString &name, int age)
{
    Author a;
    a.name = name;
    a.age = age;
    return a;
}

// What the view shows in `column` for each of its rows, in the view's order.
QStringList shown(const QTableView &view, const QString &column)
{
    const auto *model = qobject_cast<const LiveQueryModel *>(view.model());
    const int section = static_cast<int>(model->columns().indexOf(column));
    QStringList texts;
    for (int row = 0; row < view.verticalHeader()->count(); ++row)
        texts.append(view.model()->index(row, section).data().toString());
    return texts;
}

QString selectedName(const QTableView &view)
{
    const auto rows = view.selectionModel()->selectedRows(static_cast<int>(
        qobject_cast<const LiveQueryModel *>(view.model())->columns().indexOf(u"name"_s)));
    return rows.size() == 1 ? rows.first().data().toString() : QString();
}

} // namespace

class tst_LiveQueryModelView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_viewer; // the view's connection
    std::unique_ptr<WebSocketConnection> m_writer; // another client

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        m_viewer = openRoot(u"live_view"_s);
        m_writer = openRoot(u"live_view"_s);
        QVERIFY(m_viewer && m_writer);
        QVERIFY(defineTestModels(m_writer.get()));
    }

    void viewFollowsAnotherConnectionsWrites()
    {
        const auto writer = objects<Author>(m_writer.get());
        const auto adult = wait(writer.save(author(u"Adult"_s, 30)));
        const auto child = wait(writer.save(author(u"Child"_s, 8)));
        QVERIFY(adult && adult->isOk() && child && child->isOk());

        LiveQueryModel model(m_viewer.get(),
                             objects<Author>(m_viewer.get()).filter(u"age__gte"_s, 18));
        QTableView view;
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setModel(&model);
        view.resize(640, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.start();
        QVERIFY(waitUntil([&] { return model.isReady(); }));
        QCOMPARE(shown(view, u"name"_s), QStringList{u"Adult"_s});
        QCOMPARE(view.model()->headerData(1, Qt::Horizontal).toString(), u"name"_s);
        QCOMPARE(view.horizontalHeader()->count(), model.columnCount());
        inserted.clear(); // the first read inserted Adult; count the writes' rows from here

        // The user selects Adult; rows that come and go around it must not move the selection.
        view.selectRow(0);
        QCOMPARE(selectedName(view), u"Adult"_s);

        // CREATE (with a hostile name) → one more row in the view, drawn where the view says.
        const QString hostile = u"Senior ⟩ `x`; DELETE author; 🦀"_s;
        const auto senior = wait(writer.save(author(hostile, 70)));
        QVERIFY(senior && senior->isOk());
        QVERIFY(waitUntil([&] { return view.verticalHeader()->count() == 2; }));
        QCOMPARE(shown(view, u"name"_s), (QStringList{u"Adult"_s, hostile}));
        QVERIFY(view.visualRect(view.model()->index(1, 1)).isValid());
        QCOMPARE(selectedName(view), u"Adult"_s);

        // UPDATE into the filter → inserted; UPDATE of a shown row → that row's cells change.
        QVERIFY(wait(writer.merge(child->value(), {{u"age"_s, 20}}))->isOk());
        QVERIFY(waitUntil([&] { return view.verticalHeader()->count() == 3; }));
        QVERIFY(wait(writer.merge(adult->value(), {{u"age"_s, 31}}))->isOk());
        QVERIFY(waitUntil([&] { return shown(view, u"age"_s).value(0) == u"31"_s; }));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(selectedName(view), u"Adult"_s);

        // UPDATE out of the filter, and DELETE → rows removed from the view.
        QVERIFY(wait(writer.merge(senior->value(), {{u"age"_s, 5}}))->isOk());
        QVERIFY(waitUntil([&] { return view.verticalHeader()->count() == 2; }));
        QVERIFY(!shown(view, u"name"_s).contains(hostile));
        const auto deleted = wait(writer.remove(child->value()));
        QVERIFY(deleted && deleted->isOk() && deleted->value());
        QVERIFY(waitUntil([&] { return view.verticalHeader()->count() == 1; }));
        QCOMPARE(shown(view, u"name"_s), QStringList{u"Adult"_s});
        QCOMPARE(selectedName(view), u"Adult"_s);

        QCOMPARE(inserted.count(), 2);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), view.verticalHeader()->count());
    }
};

QTEST_MAIN(tst_LiveQueryModelView)
#include "tst_livequerymodel_view.moc"

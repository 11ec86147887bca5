// LiveQueryModel against the real engine: one SELECT then a LIVE SELECT; a second connection
// writes and each write becomes rowsInserted, dataChanged or rowsRemoved for just that row (never
// a reset), checked by QAbstractItemModelTester; after a dropped connection the model resyncs.

#include "OrmTestSupport.h"

#include <surrealqt/orm/LiveQueryModel.h>
#include <surrealqt/orm/Objects.h>

#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

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

QStringList names(const LiveQueryModel &model)
{
    QStringList list;
    const int column = static_cast<int>(model.columns().indexOf(u"name"_s));
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, column).data().toString());
    list.sort();
    return list;
}

} // namespace

class tst_OrmLiveModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_viewer; // the model's connection
    std::unique_ptr<WebSocketConnection> m_writer; // another client

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        m_viewer = openRoot(u"live"_s);
        m_writer = openRoot(u"live"_s);
        QVERIFY(m_viewer && m_writer);
        QVERIFY(defineTestModels(m_writer.get()));
    }

    void writesBecomeRowSignals()
    {
        const auto writer = objects<Author>(m_writer.get());
        QVERIFY(wait(writer.save(author(u"Adult"_s, 30)))->isOk());
        QVERIFY(wait(writer.save(author(u"Senior ⟩ 🦀"_s, 70)))->isOk());
        QVERIFY(wait(writer.save(author(u"Child"_s, 8)))->isOk());

        LiveQueryModel model(m_viewer.get(),
                             objects<Author>(m_viewer.get()).filter(u"age__gte"_s, 18));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.start();
        QVERIFY(waitUntil([&] { return model.isReady(); }));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(names(model), (QStringList{u"Adult"_s, u"Senior ⟩ 🦀"_s}));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"id"_s);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"name"_s);
        QCOMPARE(model.columnCount(), 1 + ModelMeta::of<Author>().fieldNames().size());
        inserted.clear();

        // CREATE → one row inserted at the end.
        const Author added = wait(writer.save(author(u"New"_s, 40)))->value();
        QVERIFY(waitUntil([&] { return model.rowCount() == 3; }));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 2);
        QCOMPARE(model.rowOf(added.id.toCbor()), 2);

        // A record outside the filter never shows.
        QVERIFY(wait(writer.save(author(u"Kid"_s, 5)))->isOk());

        // UPDATE → dataChanged for just that row.
        Author edited = added;
        edited.age = 41;
        edited = wait(writer.save(edited))->value();
        QVERIFY(waitUntil([&] { return !changed.isEmpty(); }));
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 2);
        QCOMPARE(bottomRight.row(), 2);
        const int ageColumn = static_cast<int>(model.columns().indexOf(u"age"_s));
        QCOMPARE(model.index(2, ageColumn).data().toInt(), 41);

        // DELETE → that row removed.
        QVERIFY(wait(writer.remove(edited))->value());
        QVERIFY(waitUntil([&] { return model.rowCount() == 2; }));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 2);
        QCOMPARE(model.rowOf(edited.id.toCbor()), -1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1); // the child never came in

        // An update that takes a record out of the filter removes its row; one that brings a
        // record in inserts it (the server itself says nothing about the first).
        Author leaving = model.object<Author>(0);
        leaving.age = 3;
        QVERIFY(wait(writer.save(leaving))->isOk());
        QVERIFY(waitUntil([&] { return model.rowCount() == 1; }));
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowOf(leaving.id.toCbor()), -1);
        leaving.age = 33;
        QVERIFY(wait(writer.save(leaving))->isOk());
        QVERIFY(waitUntil([&] { return model.rowCount() == 2; }));
        QCOMPARE(model.rowOf(leaving.id.toCbor()), 1);
        QCOMPARE(model.object<Author>(1).age, 33);
        QCOMPARE(reset.size(), 0);
    }

    void resyncsAfterAReconnect()
    {
        QVERIFY(run(m_writer.get(), u"DELETE author"_s));
        const auto writer = objects<Author>(m_writer.get());
        const Author stays = wait(writer.save(author(u"Stays"_s, 20)))->value();
        const Author goes = wait(writer.save(author(u"Goes"_s, 21)))->value();

        LiveQueryModel model(m_viewer.get(), objects<Author>(m_viewer.get()));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy resynced(&model, &LiveQueryModel::resynced);
        model.start();
        QVERIFY(waitUntil([&] { return model.isReady(); }));
        QCOMPARE(model.rowCount(), 2);

        // Drop the viewer's socket, change things while it is away.
        m_viewer->simulateNetworkFailure();
        QVERIFY(wait(writer.remove(goes))->value());
        Author changed = stays;
        changed.age = 99;
        QVERIFY(wait(writer.save(changed))->isOk());
        QVERIFY(wait(writer.save(author(u"Arrived"_s, 22)))->isOk());

        QVERIFY(waitUntil([&] { return !resynced.isEmpty(); }, std::chrono::seconds(30)));
        QVERIFY(waitUntil([&] { return model.rowCount() == 2; }));
        QCOMPARE(names(model), (QStringList{u"Arrived"_s, u"Stays"_s}));
        const int ageColumn = static_cast<int>(model.columns().indexOf(u"age"_s));
        QCOMPARE(model.index(model.rowOf(stays.id.toCbor()), ageColumn).data().toInt(), 99);
        QCOMPARE(reset.size(), 0);

        // And it is live again.
        QVERIFY(wait(writer.save(author(u"After"_s, 23)))->isOk());
        QVERIFY(waitUntil([&] { return model.rowCount() == 3; }));
    }

    void invalidQuerySetReportsAnError()
    {
        LiveQueryModel model(m_viewer.get(),
                             QuerySet(u"author"_s).limit(3),
                             ModelMeta::of<Author>());
        QSignalSpy errors(&model, &LiveQueryModel::errorOccurred);
        model.start();
        QCOMPARE(errors.size(), 1);
        QVERIFY(!model.isReady());
        QCOMPARE(model.rowCount(), 0);
    }

    void cleanupTestCase()
    {
        if (m_writer)
            run(m_writer.get(), u"REMOVE TABLE IF EXISTS author"_s);
    }
};

QTEST_GUILESS_MAIN(tst_OrmLiveModel)
#include "tst_orm_livemodel.moc"

// SurrealQt::Functions, ChangeFeedStream and Transaction against the real engine behind the
// dev server.

#include "../common/TestSupport.h"

#include <surrealqt/client/ChangeFeedStream.h>
#include <surrealqt/client/Functions.h>
#include <surrealqt/client/Transaction.h>
#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cmath>

using namespace SurrealQt;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Test::wait;

class tst_FunctionsChangeFeed : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> connectTo(const QString &db)
    {
        ConnectionOptions options;
        options.endpoint = Test::serverUrl();
        auto connection = std::make_unique<WebSocketConnection>(options);
        const auto opened = wait(connection->open());
        if (!opened || !*opened)
            return nullptr;
        if (!wait(connection->signin(Credentials::root(u"root"_s, u"root"_s)))->isOk())
            return nullptr;
        if (!wait(connection->use(u"sdkx"_s, db))->isOk())
            return nullptr;
        return connection;
    }

    static qint64 countRows(WebSocketConnection *connection, const QString &table)
    {
        const auto r = wait(
            connection->query(u"SELECT * FROM type::table($t)"_s, QCborMap{{u"t"_s, table}}));
        return r && r->isOk() ? r->value().value(0).toArray().size() : -1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(Test::serverUrl().isValid()); }

    void builtinsAcrossNamespaces()
    {
        auto connection = connectTo(u"fn"_s);
        QVERIFY(connection);
        Functions functions(connection.get());
        QCOMPARE(wait(functions.fn(u"math::sqrt"_s, {16}))->value().toDouble(), 4.0);
        QCOMPARE(wait(functions.call(u"math::sqrt"_s, 81))->value().toDouble(), 9.0);
        QCOMPARE(wait(functions.math().sqrt(16))->value().toDouble(), 4.0);
        QCOMPARE(wait(functions.math().max(QCborArray{3, 9, 4}))->value().toInteger(), 9);
        QVERIFY(std::abs(wait(functions.math().pi())->value().toDouble() - M_PI) < 1e-12);
        QVERIFY(std::abs(wait(functions.fn(u"math::pi"_s))->value().toDouble() - M_PI) < 1e-12);
        QCOMPARE(wait(functions.string().uppercase(u"abc"_s))->value().toString(), u"ABC"_s);
        QCOMPARE(wait(functions.string().distanceLevenshtein(u"kitten"_s, u"sitting"_s))
                     ->value()
                     .toInteger(),
                 3);
        QCOMPARE(wait(functions.array().distinct(QCborArray{1, 1, 2}))->value().toArray(),
                 (QCborArray{1, 2}));
        QCOMPARE(wait(functions.crypto().md5(u"a"_s))->value().toString(),
                 u"0cc175b9c0f1b6a831c399e269772661"_s);
        QCOMPARE(wait(functions.type().isNumber(3))->value().toBool(), true);
        QCOMPARE(wait(functions.type().int_(u"42"_s))->value().toInteger(), 42);
        QCOMPARE(wait(functions.object().keys(QCborMap{{u"a"_s, 1}, {u"b"_s, 2}}))->value().toArray(),
                 (QCborArray{u"a"_s, u"b"_s}));
        const auto uuid = wait(functions.rand().uuidV4());
        QVERIFY(uuid && uuid->isOk());
        QVERIFY(uuid->value().isUuid() || !QUuid(uuid->value().toString()).isNull());
        QVERIFY(wait(functions.time().now())->isOk());
        QCOMPARE(wait(functions.global().count(QCborArray{1, 2, 3}))->value().toInteger(), 3);
        QCOMPARE(wait(functions.global().not_(false))->value().toBool(), true);
        QVERIFY(Functions::isBuiltin(u"geo::distance"));
        QVERIFY(Functions::isConstant(u"math::tau"));
        QVERIFY(!Functions::isConstant(u"math::sqrt"));
        QVERIFY(Functions::builtinNames().size() > 300);
    }

    void customFunctionsAndHostileArguments()
    {
        auto connection = connectTo(u"fn"_s);
        QVERIFY(connection);
        QVERIFY(wait(connection->query(u"DEFINE FUNCTION OVERWRITE fn::greet($name: string) "
                                       "{ RETURN 'Hello, ' + $name + '!'; }"_s))
                    ->isOk());
        Functions functions(connection.get());
        QCOMPARE(wait(functions.fn(u"fn::greet"_s, {u"Tobie"_s}))->value().toString(),
                 u"Hello, Tobie!"_s);
        QCOMPARE(wait(functions.custom(u"greet"_s, {u"Jaime"_s}))->value().toString(),
                 u"Hello, Jaime!"_s);
        const QStringList hostile{u"'; REMOVE DATABASE fn; --"_s,
                                  u"`x`; ⟨y⟩ \\ \" $name"_s,
                                  QString::fromUtf8("nul\0byte", 8),
                                  u"🦀 emoji ⟩"_s};
        for (const QString &text : hostile) {
            const auto r = wait(functions.call(u"fn::greet"_s, text));
            QVERIFY(r && r->isOk());
            QCOMPARE(r->value().toString(), u"Hello, "_s + text + u"!"_s);
            QCOMPARE(wait(functions.string().len(text))->value().toInteger(), text.toUcs4().size());
        }
        QCOMPARE(wait(connection->query(u"RETURN session::db()"_s))->value().value(0).toString(),
                 u"fn"_s);
    }

    void errorsAreClear()
    {
        auto connection = connectTo(u"fn"_s);
        QVERIFY(connection);
        Functions functions(connection.get());
        const auto arity = wait(functions.math().sqrt());
        QVERIFY(arity && !arity->isOk());
        QVERIFY2(arity->error().message().contains(u"math::sqrt"_s),
                 qPrintable(arity->error().message()));
        const auto type = wait(functions.math().sqrt(u"x"_s));
        QVERIFY(type && !type->isOk());
        QVERIFY(type->error().message().contains(u"argument"_s, Qt::CaseInsensitive));
        const auto unknown = wait(functions.fn(u"math::nope"_s, {1}));
        QVERIFY(unknown && !unknown->isOk());
        QVERIFY(unknown->error().message().contains(u"math::nope"_s));
        const auto missing = wait(functions.custom(u"missing"_s));
        QVERIFY(missing && !missing->isOk());
        QVERIFY(missing->error().message().contains(u"fn::missing"_s));
        const QStringList invalid{u""_s,
                                  u"math::sqrt(1); REMOVE DATABASE fn"_s,
                                  u"fn::"_s,
                                  u"::x"_s,
                                  u"fn::a b"_s,
                                  u"fn:::x"_s,
                                  u"1fn::x"_s,
                                  u"fn::⟨x⟩"_s};
        for (const QString &name : invalid) {
            const auto r = wait(functions.fn(name));
            QVERIFY2(r && !r->isOk(), qPrintable(name));
            QCOMPARE(r->error().kind(), RpcError::Kind::Validation);
            QVERIFY(r->error().message().contains(u"invalid function name"_s));
        }
        const auto constantWithArgs = wait(functions.fn(u"math::pi"_s, {1}));
        QCOMPARE(constantWithArgs->error().kind(), RpcError::Kind::Validation);
    }

    void changeFeedStreamsAndResumes()
    {
        auto connection = connectTo(u"cf"_s);
        QVERIFY(connection);
        // A fresh table each run: a change feed outlives REMOVE TABLE on a reused server.
        const QString table = u"feed_"_s + QUuid::createUuid().toString(QUuid::Id128);
        // (a hex name of our own, so formatting it is safe: DEFINE TABLE takes no parameter)
        QVERIFY(wait(connection->query(u"DEFINE TABLE %1 CHANGEFEED 1h"_s.arg(table)))->isOk());
        const auto write = [&](int n) {
            return wait(connection->query(u"CREATE type::record($t, $n) SET n = $n"_s,
                                          QCborMap{{u"t"_s, table}, {u"n"_s, n}}))
                ->isOk();
        };
        QVERIFY(write(1) && write(2) && write(3));

        QList<ChangeSet> seen;
        auto stream = std::make_unique<ChangeFeedStream>(connection.get(), table);
        stream->setInterval(50ms);
        stream->setBatchSize(2); // several pages
        connect(stream.get(), &ChangeFeedStream::changes, this, [&](const QList<ChangeSet> &s) {
            seen += s;
        });
        QSignalSpy failed(stream.get(), &ChangeFeedStream::failed);
        stream->start();
        const auto updates = [&] {
            QList<qint64> ns;
            for (const ChangeSet &set : seen)
                for (const QCborValue &change : set.changes)
                    if (change.toMap().contains(u"update"_s))
                        ns.append(
                            change.toMap().value(u"update"_s).toMap().value(u"n"_s).toInteger());
            return ns;
        };
        QVERIFY(Test::waitUntil([&] { return updates().size() >= 3; }, 10s));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(updates(), (QList<qint64>{1, 2, 3}));
        for (qsizetype i = 1; i < seen.size(); ++i)
            QVERIFY(seen[i].versionstamp > seen[i - 1].versionstamp);
        QCOMPARE(stream->cursor(), seen.constLast().versionstamp + 1);

        QVERIFY(write(4)); // seen while running
        QVERIFY(Test::waitUntil([&] { return updates().size() >= 4; }, 10s));
        const quint64 saved = stream->cursor();
        stream.reset();

        QVERIFY(write(5) && write(6));
        QVERIFY(wait(connection->query(u"DELETE type::record($t, 1)"_s, QCborMap{{u"t"_s, table}}))
                    ->isOk());
        seen.clear();
        stream = std::make_unique<ChangeFeedStream>(connection.get(), table);
        stream->setInterval(50ms);
        stream->setCursor(saved);
        connect(stream.get(), &ChangeFeedStream::changes, this, [&](const QList<ChangeSet> &s) {
            seen += s;
        });
        stream->start();
        QVERIFY(Test::waitUntil([&] { return seen.size() >= 3; }, 10s));
        QTest::qWait(200);
        QCOMPARE(updates(), (QList<qint64>{5, 6}));
        QCOMPARE(seen.size(), 3);
        QVERIFY(seen[2].changes.at(0).toMap().contains(u"delete"_s));
        QVERIFY(seen[0].versionstamp >= saved);
    }

    void changeFeedErrors()
    {
        auto connection = connectTo(u"cf"_s);
        QVERIFY(connection);
        QVERIFY(wait(connection->query(u"DEFINE TABLE IF NOT EXISTS plain"_s))->isOk());
        for (const QString &table : {u"plain"_s, u"missing"_s, u"x`; REMOVE TABLE plain; `"_s}) {
            ChangeFeedStream stream(connection.get(), table);
            QSignalSpy failed(&stream, &ChangeFeedStream::failed);
            stream.start();
            QVERIFY(failed.wait(5000));
            QVERIFY(!stream.isRunning());
            const auto error = failed.at(0).at(0).value<RpcError>();
            QVERIFY2(error.message().contains(table), qPrintable(error.message()));
            if (table == u"plain"_s) {
                QCOMPARE(error.kind(), RpcError::Kind::Validation);
                QVERIFY(error.message().contains(u"no change feed"_s));
            } else {
                QCOMPARE(error.kind(), RpcError::Kind::NotFound);
            }
        }
        QCOMPARE(ChangeFeedStream::statement(u"a`b\\c"_s, 42, 10),
                 u"SHOW CHANGES FOR TABLE `a\\`b\\\\c` SINCE 42 LIMIT 10"_s);
        QVERIFY(wait(connection->query(u"INFO FOR TABLE plain"_s))->isOk());
    }

    void transactionsCommitOrCancelWhenDropped()
    {
        auto connection = connectTo(u"txn"_s);
        QVERIFY(connection);
        QVERIFY(wait(connection->query(u"REMOVE TABLE IF EXISTS wallet; DEFINE TABLE wallet"_s))
                    ->isOk());
        {
            const auto txn = wait(Transaction::begin(connection.get()));
            QVERIFY(txn && txn->isOk());
            QVERIFY(wait(txn->value()->query(u"CREATE wallet:dropped SET v = 1"_s))->isOk());
            QVERIFY(txn->value()->isOpen());
        } // dropped: cancels
        QCOMPARE(countRows(connection.get(), u"wallet"_s), 0);

        auto txn = wait(Transaction::begin(connection.get()));
        QVERIFY(txn && txn->isOk());
        Transaction &kept = *txn->value();
        QVERIFY(wait(kept.query(u"CREATE wallet:kept SET v = $v"_s, {{u"v"_s, 2}}))->isOk());
        QVERIFY(
            wait(kept.call(u"create"_s, {QCborValue(QCborTag(8), QCborArray{u"wallet"_s, u"b"_s})}))
                ->isOk());
        QCOMPARE(countRows(connection.get(), u"wallet"_s), 0); // not visible outside yet
        QVERIFY(wait(kept.commit())->isOk());
        QCOMPARE(kept.state(), Transaction::State::Committed);
        QVERIFY(!wait(kept.commit())->isOk());
        QVERIFY(!wait(kept.query(u"RETURN 1"_s))->isOk());
        QCOMPARE(countRows(connection.get(), u"wallet"_s), 2);

        const auto id = wait(connection->begin());
        QVERIFY(id && id->isOk());
        {
            Transaction adopted(connection.get(), id->value());
            QVERIFY(wait(adopted.query(u"CREATE wallet:gone"_s))->isOk());
            Transaction moved(std::move(adopted));
            QVERIFY(!adopted.isOpen());
            QVERIFY(wait(moved.cancel())->isOk());
        }
        QCOMPARE(countRows(connection.get(), u"wallet"_s), 2);
    }
};

QTEST_GUILESS_MAIN(tst_FunctionsChangeFeed)
#include "tst_functions_changefeed.moc"

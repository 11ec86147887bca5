// SurrealQt::ConnectionPool against the real engine behind the dev server.

#include "../common/TestSupport.h"

#include <surrealqt/client/ConnectionPool.h>
#include <surrealqt/client/HttpConnection.h>
#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDateTime>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace std::chrono_literals;
using Test::wait;

namespace {

// One namespace per run, so that the test can run again against the same server.
const QString kNs = QStringLiteral("sdk_pool_%1").arg(QDateTime::currentMSecsSinceEpoch());

Credentials root()
{
    return Credentials::root(QStringLiteral("root"), QStringLiteral("root"));
}

ConnectionOptions serverOptions()
{
    ConnectionOptions options;
    options.endpoint = Test::serverUrl();
    options.reconnect.initialDelay = 50ms;
    return options;
}

ConnectionPool::Settings settings(
    int size, ConnectionPool::Transport transport = ConnectionPool::Transport::WebSocket)
{
    ConnectionPool::Settings s;
    s.size = size;
    s.transport = transport;
    s.acquireTimeout = 5s;
    s.healthCheckInterval = 0ms; // the tests run the checks themselves unless they say so
    return s;
}

PooledConnection take(ConnectionPool &pool, std::chrono::milliseconds timeout = {})
{
    const auto lease = wait(pool.acquire(timeout));
    return lease && lease->isOk() ? lease->value() : PooledConnection();
}

} // namespace

class tst_ConnectionPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid() && Test::serverUrl().port() > 0,
                 "SURREALQT_TEST_SERVER_FILE must name the devserver fixture's url file");
    }

    void acquiresAndReleasesWithCorrectCounts()
    {
        ConnectionPool pool(serverOptions(), root(), kNs, QStringLiteral("counts"), settings(2));
        const auto opened = wait(pool.open());
        QVERIFY2(opened && opened->isOk(),
                 opened ? qPrintable(opened->error().toString()) : "timeout");
        auto stats = pool.statistics();
        QCOMPARE(stats.size, 2);
        QCOMPARE(stats.idle, 2);
        QCOMPARE(stats.inUse, 0);

        PooledConnection first = take(pool);
        QVERIFY(first);
        QVERIFY(qobject_cast<WebSocketConnection *>(first.get()));
        const auto db = wait(first->query(QStringLiteral("RETURN session::db()")));
        QCOMPARE(db->value().value(0).toString(), QStringLiteral("counts"));
        {
            PooledConnection second = take(pool);
            QVERIFY(second);
            QVERIFY(second.get() != first.get());
            stats = pool.statistics();
            QCOMPARE(stats.idle, 0);
            QCOMPARE(stats.inUse, 2);
            QCOMPARE(stats.totalAcquired, 2);
        } // RAII: the second one goes back here
        stats = pool.statistics();
        QCOMPARE(stats.idle, 1);
        QCOMPARE(stats.inUse, 1);

        // Copies share one lease; release() on any of them ends it for all.
        PooledConnection copy = first;
        copy.release();
        QVERIFY(!first.isValid());
        QVERIFY(!copy.isValid());
        stats = pool.statistics();
        QCOMPARE(stats.idle, 2);
        QCOMPARE(stats.inUse, 0);
        QCOMPARE(stats.totalAcquired, 2);
        QCOMPARE(stats.waiting, 0);
        QCOMPARE(stats.replaced, 0);
    }

    void waitsWhenExhaustedAndTimesOut()
    {
        ConnectionPool pool(serverOptions(), root(), kNs, QStringLiteral("exhausted"), settings(2));
        QVERIFY(wait(pool.open())->isOk());
        PooledConnection a = take(pool);
        PooledConnection b = take(pool);
        QVERIFY(a && b);

        QElapsedTimer clock;
        clock.start();
        auto timedOut = pool.acquire(300ms);
        QVERIFY(!timedOut.isFinished());
        QCOMPARE(pool.statistics().waiting, 1);
        const auto failed = wait(timedOut);
        QVERIFY(failed && !failed->isOk());
        QCOMPARE(failed->error().kind(), RpcError::Kind::Timeout);
        QVERIFY(clock.elapsed() >= 250);
        QCOMPARE(pool.statistics().waiting, 0);

        // A waiter gets the connection someone releases.
        auto waiting = pool.acquire(5s);
        QCOMPARE(pool.statistics().waiting, 1);
        Connection *freed = a.get();
        a.release();
        const auto served = wait(waiting);
        QVERIFY(served && served->isOk());
        QCOMPARE(served->value().get(), freed);
        QCOMPARE(pool.statistics().waiting, 0);
        QCOMPARE(pool.statistics().inUse, 2);

        // A cancelled request is withdrawn and never takes a connection.
        auto withdrawn = pool.acquire(5s);
        withdrawn.cancel();
        b.release();
        QVERIFY(Test::waitUntil([&] { return pool.statistics().idle == 1; }, 1s));
        QCOMPARE(pool.statistics().waiting, 0);
        QCOMPARE(pool.statistics().totalAcquired, 3);
    }

    void runsParallelQueries_data()
    {
        QTest::addColumn<int>("transport");
        QTest::newRow("websocket") << int(ConnectionPool::Transport::WebSocket);
        QTest::newRow("http") << int(ConnectionPool::Transport::Http);
    }

    void runsParallelQueries()
    {
        QFETCH(int, transport);
        ConnectionPool pool(serverOptions(),
                            root(),
                            kNs,
                            QStringLiteral("parallel"),
                            settings(3, ConnectionPool::Transport(transport)));
        QVERIFY(wait(pool.open())->isOk());
        if (ConnectionPool::Transport(transport) == ConnectionPool::Transport::Http)
            QVERIFY(qobject_cast<HttpConnection *>(take(pool).get()));
        const qint64 before = pool.statistics().totalAcquired;
        int maxInUse = 0;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] {
            maxInUse = std::max(maxInUse, pool.statistics().inUse);
        });
        probe.start(1);
        constexpr int kQueries = 30;
        QList<QFuture<Result<QueryResponse>>> futures;
        for (int i = 0; i < kQueries; ++i)
            futures.append(pool.query(QStringLiteral("SLEEP 20ms; RETURN [$n * 2, session::db()]"),
                                      QCborMap{{QStringLiteral("n"), i}}));
        QCOMPARE(pool.statistics().inUse, 3);
        QCOMPARE(pool.statistics().waiting, kQueries - 3);
        for (int i = 0; i < kQueries; ++i) {
            const auto result = wait(futures[i]);
            QVERIFY2(result && result->isOk(),
                     result ? qPrintable(result->error().toString()) : "timeout");
            const QCborArray values = result->value().value(1).toArray();
            QCOMPARE(values.at(0).toInteger(), 2 * i);
            QCOMPARE(values.at(1).toString(), QStringLiteral("parallel"));
        }
        probe.stop();
        const auto stats = pool.statistics();
        QCOMPARE(stats.totalAcquired - before, kQueries);
        QCOMPARE(stats.inUse, 0);
        QCOMPARE(stats.idle, 3);
        QCOMPARE(stats.waiting, 0);
        QCOMPARE(maxInUse, 3);
    }

    void healthCheckReplacesADeadConnection()
    {
        ConnectionOptions options = serverOptions();
        options.reconnect.enabled = false; // the pool, not the connection, heals
        auto s = settings(2);
        s.healthCheckInterval = 200ms;
        ConnectionPool pool(options, root(), kNs, QStringLiteral("health"), s);
        QVERIFY(wait(pool.open())->isOk());
        QSignalSpy replaced(&pool, &ConnectionPool::connectionReplaced);

        PooledConnection lease = take(pool);
        QPointer<WebSocketConnection> victim = qobject_cast<WebSocketConnection *>(lease.get());
        QVERIFY(victim);
        lease.release();
        victim->simulateNetworkFailure();
        QVERIFY(Test::waitUntil(
            [&] { return victim && victim->state() == WebSocketConnection::State::Disconnected; },
            2s));

        QVERIFY(replaced.wait(3000));
        QCOMPARE(replaced.size(), 1);
        QVERIFY(Test::waitUntil([&] { return pool.statistics().idle == 2; }, 5s));
        auto stats = pool.statistics();
        QCOMPARE(stats.size, 2);
        QCOMPARE(stats.replaced, 1);
        QVERIFY(Test::waitUntil([&] { return victim.isNull(); }, 2s)); // the dead one is gone

        // Both connections work; no further replacement happens while they are healthy.
        PooledConnection a = take(pool);
        PooledConnection b = take(pool);
        QVERIFY(a && b);
        QVERIFY(wait(a->query(QStringLiteral("RETURN 1")))->isOk());
        QVERIFY(wait(b->query(QStringLiteral("RETURN 1")))->isOk());
        a.release();
        b.release();
        QSignalSpy checked(&pool, &ConnectionPool::healthChecked);
        QVERIFY(checked.wait(2000));
        QCOMPARE(pool.statistics().replaced, 1);
    }

    void replacesAConnectionThatDiedWhileLent()
    {
        ConnectionOptions options = serverOptions();
        options.reconnect.enabled = false;
        ConnectionPool pool(options, root(), kNs, QStringLiteral("lent"), settings(1));
        QVERIFY(wait(pool.open())->isOk());
        PooledConnection lease = take(pool);
        auto *ws = qobject_cast<WebSocketConnection *>(lease.get());
        QVERIFY(ws);
        ws->simulateNetworkFailure();
        QVERIFY(
            Test::waitUntil([&] { return ws->state() == WebSocketConnection::State::Disconnected; },
                            2s));
        lease.release();
        QCOMPARE(pool.statistics().replaced, 1);
        const auto result = wait(pool.query(QStringLiteral("RETURN 'healed'")));
        QVERIFY2(result && result->isOk(),
                 result ? qPrintable(result->error().toString()) : "timeout");
        QCOMPARE(result->value().value(0).toString(), QStringLiteral("healed"));
    }

    void reportsSetupFailures()
    {
        ConnectionOptions options;
        options.endpoint = QUrl(QStringLiteral("ws://127.0.0.1:1/rpc"));
        options.reconnect.enabled = false;
        ConnectionPool pool(options, root(), kNs, QStringLiteral("nowhere"), settings(2));
        const auto opened = wait(pool.open());
        QVERIFY(opened && !opened->isOk());
        QCOMPARE(opened->error().kind(), RpcError::Kind::Connection);
        const auto lease = wait(pool.acquire(2s));
        QVERIFY(lease && !lease->isOk());
        QCOMPARE(lease->error().kind(), RpcError::Kind::Connection);

        ConnectionPool refused(serverOptions(),
                               Credentials::root(QStringLiteral("root"), QStringLiteral("nope")),
                               kNs,
                               QStringLiteral("refused"),
                               settings(1));
        const auto denied = wait(refused.query(QStringLiteral("RETURN 1")));
        QVERIFY(denied && !denied->isOk());
        QCOMPARE(denied->error().kind(), RpcError::Kind::NotAllowed);
    }

    void closeFailsWaiters()
    {
        ConnectionPool pool(serverOptions(), root(), kNs, QStringLiteral("close"), settings(1));
        PooledConnection held = take(pool); // acquire() opens the pool by itself
        QVERIFY(held);
        auto waiting = pool.acquire(5s);
        pool.close();
        const auto result = wait(waiting);
        QVERIFY(result && !result->isOk());
        QCOMPARE(result->error().kind(), RpcError::Kind::ConnectionLost);
        held.release(); // after close: harmless
        QCOMPARE(wait(pool.acquire())->error().kind(), RpcError::Kind::ConnectionLost);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionPool)
#include "tst_connectionpool.moc"

// Reconnect after a server crash: the test runs its own dev server (not the fixture's) on a
// fixed port with surrealkv storage, kills it with SIGKILL in the middle of work, restarts it on
// the same port and storage, and checks that the connection comes back by itself with its
// session (auth, use, let) replayed and that the same LiveQuery object keeps delivering.

#include "../common/RestartableDevServer.h"
#include "../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace SurrealQt;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Test::wait;

class tst_ReconnectRestart : public QObject
{
    Q_OBJECT

private:
    // Restarted on the same port with the same surrealkv directory every time.
    Test::RestartableDevServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.isValid());
        QVERIFY(m_server.start());
    }

    void cleanupTestCase() { m_server.stop(); }

    void sessionAndLiveQuerySurviveACrash()
    {
        ConnectionOptions options;
        options.endpoint = m_server.endpoint();
        options.reconnect.initialDelay = 100ms;
        options.reconnect.maxDelay = 500ms;
        options.reconnect.maxAttempts = -1;
        // Declared before the connection: its destructor still emits into them.
        QList<WebSocketConnection::State> states;
        QList<LiveNotification> received;
        WebSocketConnection connection(options);
        connect(&connection,
                &WebSocketConnection::stateChanged,
                this,
                [&](WebSocketConnection::State state) { states.append(state); });
        QSignalSpy reconnected(&connection, &WebSocketConnection::reconnected);

        QVERIFY(wait(connection.open())->isOk());
        QVERIFY(wait(connection.signin(Credentials::root(u"root"_s, u"root"_s)))->isOk());
        QVERIFY(wait(connection.use(u"crash"_s, u"test"_s))->isOk());
        QVERIFY(wait(connection.let(u"marker"_s, u"kept across restarts"_s))->isOk());

        QVERIFY(wait(connection.query(u"DEFINE TABLE IF NOT EXISTS event"_s))->isOk());
        const auto live = wait(connection.live(u"event"_s));
        QVERIFY2(live && live->isOk(), live ? qPrintable(live->error().toString()) : "timeout");
        LiveQuery *query = live->value();
        connect(query, &LiveQuery::notification, this, [&](const LiveNotification &n) {
            received.append(n);
        });
        QSignalSpy resubscribed(query, &LiveQuery::resubscribed);
        QSignalSpy killed(query, &LiveQuery::killed);
        const QUuid firstId = query->id();

        const auto create = [&](int n) {
            return connection.query(u"CREATE type::record('event', $n) SET n = $n"_s,
                                    QCborMap{{u"n"_s, n}});
        };
        QVERIFY(wait(create(1))->isOk());
        QVERIFY(Test::waitUntil([&] { return received.size() == 1; }, 10s));

        // Mid-work: a call in flight when the server dies. It must finish (with its result if
        // the reply won the race, else a clear "connection lost"), never hang.
        auto inFlight = create(2);
        m_server.crash();
        QVERIFY(Test::waitUntil(
            [&] { return connection.state() == WebSocketConnection::State::Reconnecting; }, 10s));
        const auto lost = wait(inFlight, 10s);
        QVERIFY(lost);
        if (!lost->isOk())
            QCOMPARE(lost->error().kind(), RpcError::Kind::ConnectionLost);
        QTest::qWait(400); // a few failed attempts while the server is down
        QCOMPARE(connection.state(), WebSocketConnection::State::Reconnecting);

        QVERIFY(m_server.start());
        QVERIFY(Test::waitUntil([&] { return reconnected.size() == 1; }, 20s));
        QCOMPARE(connection.state(), WebSocketConnection::State::Connected);
        const qsizetype reconnecting = states.indexOf(WebSocketConnection::State::Reconnecting);
        QVERIFY(reconnecting >= 0);
        QVERIFY(states.indexOf(WebSocketConnection::State::Connected, reconnecting) > reconnecting);

        // The session came back without a new signin: auth, ns/db and variables.
        const auto session = wait(connection.query(
            u"RETURN [session::ns(), session::db(), $marker]; SELECT * FROM event:1"_s));
        QVERIFY(session && session->isOk());
        const QueryResponse &response = session->value();
        QVERIFY2(response.isOk(), qPrintable(response.firstError().toString()));
        QCOMPARE(response.value(0).toArray(),
                 (QCborArray{u"crash"_s, u"test"_s, u"kept across restarts"_s}));
        QCOMPARE(response.value(1).toArray().size(), 1); // surrealkv kept the data

        // The same LiveQuery object carries on under its new server-side id.
        QVERIFY(Test::waitUntil([&] { return resubscribed.size() == 1; }, 10s));
        QVERIFY(query->isActive());
        QVERIFY(query->id() != firstId);
        const qsizetype before = received.size();
        QVERIFY(wait(create(10))->isOk());
        QVERIFY(wait(create(11))->isOk());
        QVERIFY(Test::waitUntil([&] { return received.size() == before + 2; }, 10s));
        QCOMPARE(received.at(before).action, LiveNotification::Action::Create);
        QCOMPARE(received.at(before).value.toMap().value(u"n"_s).toInteger(), 10);
        QCOMPARE(received.at(before + 1).value.toMap().value(u"n"_s).toInteger(), 11);
        QCOMPARE(received.at(before).queryId, query->id());
        QCOMPARE(killed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ReconnectRestart)
#include "tst_reconnect_restart.moc"

// The RPC layer without a server: error mapping, frame classification, query results, backoff.

#include <surrealqt/client/ConnectionOptions.h>
#include <surrealqt/client/LiveQuery.h>
#include <surrealqt/rpc/Envelope.h>
#include <surrealqt/rpc/Method.h>
#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDateTime>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace std::chrono_literals;

class tst_Rpc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsThreeXKindsAndDetails()
    {
        const QCborMap wire{{QStringLiteral("code"), -32002},
                            {QStringLiteral("message"),
                             QStringLiteral("There was a problem with authentication")},
                            {QStringLiteral("kind"), QStringLiteral("NotAllowed")},
                            {QStringLiteral("details"),
                             QCborMap{{QStringLiteral("kind"), QStringLiteral("Auth")},
                                      {QStringLiteral("details"),
                                       QCborMap{{QStringLiteral("kind"),
                                                 QStringLiteral("TokenExpired")}}}}}};
        const RpcError error = RpcError::fromWire(wire);
        QCOMPARE(error.kind(), RpcError::Kind::NotAllowed);
        QCOMPARE(error.code(), -32002);
        QCOMPARE(error.detailKind(), QStringLiteral("TokenExpired"));
        QVERIFY(error.isAuthFailure());
        QVERIFY(error.toString().contains(QLatin1String("authentication")));
    }

    void mapsTwoXCodesWithoutKind_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("parse") << -32700 << int(RpcError::Kind::Serialization);
        QTest::newRow("method not found") << -32601 << int(RpcError::Kind::NotFound);
        QTest::newRow("2.x invalid params") << -32602 << int(RpcError::Kind::Validation);
        QTest::newRow("generic") << -32000 << int(RpcError::Kind::Internal);
        QTest::newRow("timeout") << -32004 << int(RpcError::Kind::Timeout);
    }

    void mapsTwoXCodesWithoutKind()
    {
        QFETCH(int, code);
        QFETCH(int, kind);
        const RpcError error = RpcError::fromWire(
            QCborMap{{QStringLiteral("code"), code},
                     {QStringLiteral("message"), QStringLiteral("m")}});
        QCOMPARE(int(error.kind()), kind);
    }

    void survivesErrorsThatAreNotObjects()
    {
        QCOMPARE(RpcError::fromWire(QCborValue(42)).kind(), RpcError::Kind::Protocol);
        const RpcError empty = RpcError::fromWire(QCborMap{});
        QVERIFY(!empty.message().isEmpty());
    }

    void classifiesFrames()
    {
        const auto frame = [](QCborMap map) { return RpcMessage::fromCbor(map); };
        const RpcMessage ok = frame({{QStringLiteral("id"), 7}, {QStringLiteral("result"), 1}});
        QCOMPARE(ok.type, RpcMessage::Type::Response);
        QCOMPARE(*ok.id, 7);
        const RpcMessage stringId = frame(
            {{QStringLiteral("id"), QStringLiteral("9")}, {QStringLiteral("result"), 1}});
        QCOMPARE(*stringId.id, 9);
        const RpcMessage error = frame(
            {{QStringLiteral("id"), 8},
             {QStringLiteral("error"),
              QCborMap{{QStringLiteral("code"), -32000},
                       {QStringLiteral("message"), QStringLiteral("x")}}}});
        QCOMPARE(error.type, RpcMessage::Type::Error);
        const QUuid live = QUuid::createUuid();
        const RpcMessage notification = frame(
            {{QStringLiteral("result"),
              QCborMap{{QStringLiteral("id"), QCborValue(live)},
                       {QStringLiteral("action"), QStringLiteral("CREATE")},
                       {QStringLiteral("record"), 1},
                       {QStringLiteral("result"), 2}}}});
        QCOMPARE(notification.type, RpcMessage::Type::Notification);
        QVERIFY(!notification.id);
        const RpcMessage neither = frame({{QStringLiteral("id"), 3}});
        QCOMPARE(neither.type, RpcMessage::Type::Malformed);
        QCOMPARE(*neither.id, 3);
        QCOMPARE(frame({{QStringLiteral("result"), 5}}).type, RpcMessage::Type::Malformed);
        QCOMPARE(RpcMessage::fromCbor(QCborArray{1, 2}).type, RpcMessage::Type::Malformed);
    }

    void reportsUndecodableBytes()
    {
        const RpcMessage truncated = RpcMessage::fromBytes(QByteArray::fromHex("a262696401"));
        QCOMPARE(truncated.type, RpcMessage::Type::Malformed);
        QVERIFY2(truncated.error.message().contains(QLatin1String("malformed CBOR")),
                 qPrintable(truncated.error.message()));
        QCOMPARE(RpcMessage::fromBytes(QByteArray()).type, RpcMessage::Type::Malformed);
        // Well-formed CBOR whose result holds a datetime of three elements: still malformed,
        // with the decoder's reason, and it names its call so that only that call fails.
        const RpcMessage badValue = RpcMessage::fromBytes(
            QByteArray::fromHex("a2 62 6964 07 66 726573756c74 cc 83 01 02 03"));
        QCOMPARE(badValue.type, RpcMessage::Type::Malformed);
        QCOMPARE(badValue.id, std::optional<qint64>(7));
        QVERIFY2(badValue.error.message().contains(QLatin1String("tag 12 (datetime)")),
                 qPrintable(badValue.error.message()));
        // Replies decode into canonical values: a uuid record key arrives as a QUuid.
        const RpcMessage canonical = RpcMessage::fromBytes(
            QByteArray::fromHex("a2 62 6964 08 66 726573756c74 c8 82 66 706572736f6e d8 25 50 "
                                "0193a1b2c3d47e5f8a9b0c1d2e3f4a5b"));
        QCOMPARE(canonical.type, RpcMessage::Type::Response);
        QVERIFY(canonical.result.taggedValue().toArray().at(1).isUuid());
        QCOMPARE(RpcMessage::fromBytes(QByteArray::fromHex("1c")).type, RpcMessage::Type::Malformed);
    }

    void encodesRequests()
    {
        RpcRequest request{5,
                           QStringLiteral("query"),
                           {QStringLiteral("RETURN 1")},
                           QUuid::createUuid(),
                           {}};
        const QCborMap map = request.toCbor().toMap();
        QCOMPARE(map.value(QStringLiteral("id")).toInteger(), 5);
        QVERIFY(map.value(QStringLiteral("session")).isUuid());
        QVERIFY(!map.contains(QStringLiteral("txn")));
        // Tag 37 with 16 bytes on the wire, as the server requires.
        const QByteArray bytes = map.value(QStringLiteral("session")).toCbor();
        QCOMPARE(bytes.left(3), QByteArray::fromHex("d82550"));
        // The bytes written straight from the fields are that map's encoding, with the
        // values in SurrealDB's forms (a QDateTime parameter as tag 12, not Qt's tag 0 text).
        request.txn = QUuid::createUuid();
        QCOMPARE(request.toBytes(), Values::encodeCbor(request.toCbor()));
        RpcRequest withDate{6,
                            QStringLiteral("let"),
                            {QStringLiteral("when"),
                             QCborValue(QDateTime::fromMSecsSinceEpoch(1500, Qt::UTC))},
                            {},
                            {}};
        QCOMPARE(withDate.toBytes().toHex(' '),
                 QByteArray::fromHex("a3 62 6964 06 66 6d6574686f64 63 6c6574 66 706172616d73 "
                                     "82 64 7768656e cc 82 01 1a 1dcd6500")
                     .toHex(' '));
    }

    void parsesQueryResults()
    {
        const QCborArray wire{QCborMap{{QStringLiteral("status"), QStringLiteral("OK")},
                                       {QStringLiteral("time"), QStringLiteral("1.5ms")},
                                       {QStringLiteral("result"), 42}},
                              QCborMap{{QStringLiteral("status"), QStringLiteral("ERR")},
                                       {QStringLiteral("time"), QStringLiteral("120µs")},
                                       {QStringLiteral("result"),
                                        QStringLiteral("An error occurred: boom")},
                                       {QStringLiteral("kind"), QStringLiteral("Thrown")}}};
        const Result<QueryResponse> response = QueryResponse::fromWire(wire);
        QVERIFY(response);
        QCOMPARE(response->size(), 2);
        QCOMPARE(response->value(0).toInteger(), 42);
        QCOMPARE(response->at(0).time(), std::chrono::nanoseconds(1500000));
        QVERIFY(!response->at(1).isOk());
        QCOMPARE(response->at(1).error().kind(), RpcError::Kind::Thrown);
        QCOMPARE(response->firstError().message(), QStringLiteral("An error occurred: boom"));
        QVERIFY(!QueryResponse::fromWire(QCborValue(1)));
        QVERIFY(!QueryResponse::fromWire(QCborArray{1}));
    }

    void parsesServerDurations()
    {
        QCOMPARE(QueryResponse::parseTime(u"2s"), std::chrono::nanoseconds(2000000000));
        QCOMPARE(QueryResponse::parseTime(u"1m3s"), std::chrono::nanoseconds(63000000000));
        QCOMPARE(QueryResponse::parseTime(u"819.429µs"), std::chrono::nanoseconds(819429));
        QCOMPARE(QueryResponse::parseTime(u"12ns"), std::chrono::nanoseconds(12));
        QCOMPARE(QueryResponse::parseTime(u"garbage"), std::chrono::nanoseconds(0));
        QCOMPARE(QueryResponse::parseTime(u"1h30m"), std::chrono::nanoseconds(5400000000000));
        QCOMPARE(QueryResponse::parseTime(u"1.5.3ms"), std::chrono::nanoseconds(0));
        QCOMPARE(QueryResponse::parseTime(u"ms"), std::chrono::nanoseconds(0));
        QCOMPARE(QueryResponse::parseTime(u"5"), std::chrono::nanoseconds(0));
    }

    void knowsWhichMethodsAreSafeToRepeat()
    {
        QVERIFY(Method::isReplayable(u"select"));
        QVERIFY(Method::isReplayable(u"use"));
        QVERIFY(!Method::isReplayable(u"query"));
        QVERIFY(!Method::isReplayable(u"create"));
        QVERIFY(!Method::isReplayable(u"nonsense"));
        int count = 0;
        Method::all(&count);
        QCOMPARE(count, 34);
    }

    void backsOffExponentiallyWithJitter()
    {
        ReconnectPolicy policy;
        policy.initialDelay = 500ms;
        policy.maxDelay = 30s;
        policy.jitter = 0.1;
        QCOMPARE(policy.delayFor(0, 0.5), 500ms);
        QCOMPARE(policy.delayFor(3, 0.5), 4000ms);
        QCOMPARE(policy.delayFor(20, 0.5), 30000ms);
        QCOMPARE(policy.delayFor(0, 0.0), 450ms);
        QVERIFY(policy.delayFor(0, 0.999) <= 550ms && policy.delayFor(0, 0.999) > 540ms);
    }

    void derivesRpcAndHttpAddresses()
    {
        ConnectionOptions options;
        options.endpoint = QUrl(QStringLiteral("http://db.example:8000"));
        QCOMPARE(options.rpcUrl(), QUrl(QStringLiteral("ws://db.example:8000/rpc")));
        options.endpoint = QUrl(QStringLiteral("wss://db.example/rpc"));
        QCOMPARE(options.httpUrl(), QUrl(QStringLiteral("https://db.example")));
        QCOMPARE(options.rpcUrl(), QUrl(QStringLiteral("wss://db.example/rpc")));
    }

    void namesLiveActions()
    {
        using Action = LiveNotification::Action;
        for (const Action action : {Action::Create, Action::Update, Action::Delete, Action::Killed})
            QCOMPARE(LiveNotification::actionFromName(LiveNotification::actionName(action)), action);
        QCOMPARE(LiveNotification::actionName(Action::Delete), QStringLiteral("DELETE"));
        QCOMPARE(LiveNotification::actionFromName(u"delete"), Action::Unknown);
        QCOMPARE(LiveNotification::actionName(Action::Unknown), QStringLiteral("UNKNOWN"));
    }
};

QTEST_GUILESS_MAIN(tst_Rpc)
#include "tst_rpc.moc"

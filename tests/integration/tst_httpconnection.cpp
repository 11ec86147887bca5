// SurrealQt::HttpConnection against the real engine behind the dev server (plus a few canned
// replies from a local socket for the malformed cases a real server never sends).

#include "../common/TestSupport.h"

#include <surrealqt/client/HttpConnection.h>

#include <QtCore/QBuffer>
#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDateTime>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace std::chrono_literals;
using Test::wait;

namespace {

const QString kHostile = QStringLiteral("'; REMOVE DATABASE test; -- \"⟩\\ ⟨x⟩ $y & a+b=c");
// One namespace per run, so that the test can run again against the same server.
const QString kNs = QStringLiteral("sdk_http_%1").arg(QDateTime::currentMSecsSinceEpoch());

QCborValue table(const QString &name)
{
    return QCborValue(QCborTag(7), name);
}

QCborValue recordId(const QString &tb, const QCborValue &key)
{
    return QCborValue(QCborTag(8), QCborArray{tb, key});
}

// The call and every statement in it succeeded.
bool allOk(const std::optional<Result<QueryResponse>> &response)
{
    if (!response)
        qWarning("the query timed out");
    else if (!response->isOk())
        qWarning() << response->error();
    else if (!response->value().isOk())
        qWarning() << response->value().firstError();
    return response && response->isOk() && response->value().isOk();
}

Credentials root()
{
    return Credentials::root(QStringLiteral("root"), QStringLiteral("root"));
}

// A one-shot HTTP server that answers every request with the same canned reply.
class CannedServer : public QTcpServer
{
public:
    explicit CannedServer(QByteArray reply)
        : m_reply(std::move(reply))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_received += socket->readAll();
                    if (m_received.contains("\r\n\r\n")) {
                        socket->write(m_reply);
                        socket->disconnectFromHost();
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

    static QByteArray response(const QByteArray &status,
                               const QByteArray &type,
                               const QByteArray &body)
    {
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + type
               + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size())
               + "\r\n\r\n" + body;
    }

private:
    QByteArray m_reply;
    QByteArray m_received;
};

} // namespace

class tst_HttpConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpConnection> connectAs(const QString &db,
                                              bool signin = true,
                                              ConnectionOptions::Format format
                                              = ConnectionOptions::Format::Cbor)
    {
        ConnectionOptions options;
        options.endpoint = Test::serverUrl();
        options.format = format;
        auto connection = std::make_unique<HttpConnection>(options);
        if (signin) {
            const auto token = wait(connection->signin(root()));
            if (!token || !token->isOk())
                return nullptr;
        }
        if (!db.isEmpty() && !wait(connection->use(kNs, db))->isOk())
            return nullptr;
        return connection;
    }

    static qint64 countOf(HttpConnection &connection, const QString &tb)
    {
        const auto rows = wait(
            connection.query(QStringLiteral("SELECT count() FROM type::table($tb) GROUP ALL"),
                             QCborMap{{QStringLiteral("tb"), tb}}));
        if (!rows || !rows->isOk())
            return -1;
        const QCborArray array = rows->value().value(0).toArray();
        return array.isEmpty() ? 0 : array.at(0).toMap().value(QStringLiteral("count")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid() && Test::serverUrl().port() > 0,
                 "SURREALQT_TEST_SERVER_FILE must name the devserver fixture's url file");
    }

    void bindsHostileValuesExactly_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("cbor") << int(ConnectionOptions::Format::Cbor);
        QTest::newRow("json") << int(ConnectionOptions::Format::Json);
    }

    void bindsHostileValuesExactly()
    {
        QFETCH(int, format);
        auto connection = connectAs(QStringLiteral("bind"), true, ConnectionOptions::Format(format));
        QVERIFY(connection);
        QVERIFY(!connection->token().isEmpty());
        QCOMPARE(connection->namespaceName(), kNs);
        const auto version = wait(connection->version());
        QVERIFY(version && version->isOk());
        QVERIFY2(version->value().startsWith(QLatin1String("surrealdb-")),
                 qPrintable(version->value()));
        const auto response = wait(
            connection->query(QStringLiteral(
                                  "RETURN $x; RETURN string::len($x); RETURN session::db()"),
                              QCborMap{{QStringLiteral("x"), kHostile}}));
        QVERIFY2(response && response->isOk(),
                 response ? qPrintable(response->error().toString()) : "timeout");
        QCOMPARE(response->value().size(), 3);
        QCOMPARE(response->value().value(0).toString(), kHostile);
        QCOMPARE(response->value().value(1).toInteger(), kHostile.size());
        QCOMPARE(response->value().value(2).toString(), QStringLiteral("bind"));
        QVERIFY(wait(connection->ping())->isOk());
    }

    void keepsVariablesClientSide()
    {
        auto connection = connectAs(QStringLiteral("vars"));
        QVERIFY(connection);
        QVERIFY(wait(connection->let(QStringLiteral("greeting"), kHostile))->isOk());
        QVERIFY(wait(connection->let(QStringLiteral("n"), 7))->isOk());
        QCOMPARE(connection->variables().size(), 2);
        const auto merged = wait(connection->query(QStringLiteral("RETURN [$greeting, $n]"),
                                                   QCborMap{{QStringLiteral("n"), 8}}));
        QVERIFY(merged && merged->isOk());
        const QCborArray values = merged->value().value(0).toArray();
        QCOMPARE(values.at(0).toString(), kHostile);
        QCOMPARE(values.at(1).toInteger(), 8); // the call's own value wins
        QVERIFY(wait(connection->unset(QStringLiteral("greeting")))->isOk());
        const auto after = wait(connection->query(QStringLiteral("RETURN $greeting")));
        QVERIFY(after && after->isOk());
        QVERIFY(!after->value().value(0).isString());
        // `use` is answered here, without a round trip.
        auto used = connection->use(kNs, QStringLiteral("other"));
        QVERIFY(used.isFinished());
        QCOMPARE(wait(connection->query(QStringLiteral("RETURN session::db()")))
                     ->value()
                     .value(0)
                     .toString(),
                 QStringLiteral("other"));
    }

    void crudMethods()
    {
        auto connection = connectAs(QStringLiteral("crud"));
        QVERIFY(connection);
        QVERIFY(allOk(wait(connection->query(QStringLiteral("DEFINE TABLE person SCHEMALESS")))));
        const QCborValue tobie = recordId(QStringLiteral("person"), QStringLiteral("42abc"));
        const auto created = wait(
            connection->create(tobie, QCborMap{{QStringLiteral("name"), kHostile}}));
        QVERIFY2(created && created->isOk(),
                 created ? qPrintable(created->error().toString()) : "timeout");
        QVERIFY(wait(connection->merge(tobie, QCborMap{{QStringLiteral("age"), 42}}))->isOk());
        const auto selected = wait(connection->select(tobie));
        QVERIFY(selected && selected->isOk());
        const QCborMap row = selected->value().isArray() ? selected->value().toArray().at(0).toMap()
                                                         : selected->value().toMap();
        QCOMPARE(row.value(QStringLiteral("name")).toString(), kHostile);
        QCOMPARE(row.value(QStringLiteral("age")).toInteger(), 42);
        QVERIFY(
            wait(connection
                     ->insert(table(QStringLiteral("person")),
                              QCborArray{QCborMap{{QStringLiteral("name"), QStringLiteral("b")}},
                                         QCborMap{{QStringLiteral("name"), QStringLiteral("c")}}}))
                ->isOk());
        QCOMPARE(wait(connection->select(table(QStringLiteral("person"))))->value().toArray().size(),
                 3);
        QVERIFY(wait(connection->upsert(recordId(QStringLiteral("person"), QStringLiteral("u")),
                                        QCborMap{{QStringLiteral("name"), QStringLiteral("u")}}))
                    ->isOk());
        QVERIFY(wait(connection->remove(tobie))->isOk());
        QCOMPARE(wait(connection->select(table(QStringLiteral("person"))))->value().toArray().size(),
                 3);
        const auto sqrt = wait(connection->run(QStringLiteral("math::sqrt"), {16}));
        QVERIFY2(sqrt && sqrt->isOk(), sqrt ? qPrintable(sqrt->error().toString()) : "timeout");
        QCOMPARE(sqrt->value().toDouble(), 4.0);
        const auto info = wait(connection->info());
        QVERIFY(info && info->isOk());
    }

    void refusesAnonymousAndBadPasswords()
    {
        auto anonymous = connectAs(QStringLiteral("anon"), false);
        QVERIFY(anonymous);
        const auto refused = wait(anonymous->query(QStringLiteral("RETURN 1")));
        QVERIFY(refused && !refused->isOk());
        QCOMPARE(refused->error().kind(), RpcError::Kind::NotAllowed);
        QCOMPARE(anonymous->reauthenticationCount(), 0);

        const auto wrong = wait(
            anonymous->signin(Credentials::root(QStringLiteral("root"), QStringLiteral("nope"))));
        QVERIFY(wrong && !wrong->isOk());
        QCOMPARE(wrong->error().kind(), RpcError::Kind::NotAllowed);
        QVERIFY(!wrong->error().message().isEmpty());
        QVERIFY(anonymous->token().isEmpty());

        // Basic auth: refused with the wrong password (HTTP 401), accepted with the right one.
        anonymous->setBasicAuth(QStringLiteral("root"), QStringLiteral("nope"));
        const auto badBasic = wait(anonymous->query(QStringLiteral("RETURN 1")));
        QVERIFY(badBasic && !badBasic->isOk());
        QCOMPARE(badBasic->error().kind(), RpcError::Kind::NotAllowed);
        QCOMPARE(badBasic->error().code(), 401);
        anonymous->setBasicAuth(QStringLiteral("root"), QStringLiteral("root"));
        QVERIFY(anonymous->usesBasicAuth());
        const auto basic = wait(anonymous->query(QStringLiteral("RETURN 'basic'")));
        QVERIFY2(basic && basic->isOk(), basic ? qPrintable(basic->error().toString()) : "timeout");
        QCOMPARE(basic->value().value(0).toString(), QStringLiteral("basic"));

        // invalidate forgets every credential.
        QVERIFY(wait(anonymous->invalidate())->isOk());
        QVERIFY(!anonymous->usesBasicAuth());
        QCOMPARE(wait(anonymous->query(QStringLiteral("RETURN 1")))->error().kind(),
                 RpcError::Kind::NotAllowed);

        // authenticate checks the token with the server and keeps it.
        auto signedIn = connectAs(QStringLiteral("anon"));
        QVERIFY(signedIn);
        QVERIFY(!wait(anonymous->authenticate(QStringLiteral("not-a-token")))->isOk());
        QVERIFY(wait(anonymous->authenticate(signedIn->token()))->isOk());
        QCOMPARE(anonymous->token(), signedIn->token());
        QVERIFY(wait(anonymous->query(QStringLiteral("RETURN 1")))->isOk());
    }

    void unsupportedMethodsFailClearly()
    {
        auto connection = connectAs(QStringLiteral("unsupported"));
        QVERIFY(connection);
        const QStringList methods{QStringLiteral("live"),
                                  QStringLiteral("kill"),
                                  QStringLiteral("begin"),
                                  QStringLiteral("commit"),
                                  QStringLiteral("cancel"),
                                  QStringLiteral("attach"),
                                  QStringLiteral("detach"),
                                  QStringLiteral("sessions")};
        for (const QString &method : methods) {
            auto future = connection->call(method);
            QVERIFY2(future.isFinished(), qPrintable(method));
            const Result<QCborValue> result = future.result();
            QVERIFY(!result.isOk());
            QCOMPARE(result.error().kind(), RpcError::Kind::Validation);
            QVERIFY2(result.error().message().contains(
                         QLatin1String("needs a WebSocket connection")),
                     qPrintable(result.error().message()));
        }
        CallOptions inTxn;
        inTxn.txn = QUuid::createUuid();
        const auto txn = wait(connection->query(QStringLiteral("RETURN 1"), {}, inTxn));
        QCOMPARE(txn->error().kind(), RpcError::Kind::Validation);
        const auto unknown = wait(connection->call(QStringLiteral("no_such_method")));
        QVERIFY(unknown && !unknown->isOk());
        QCOMPARE(unknown->error().code(), -32601);
    }

    void sqlEndpoint()
    {
        auto connection = connectAs(QStringLiteral("sql"));
        QVERIFY(connection);
        QVERIFY(wait(connection->let(QStringLiteral("fromLet"), QStringLiteral("kept")))->isOk());
        const auto response = wait(
            connection->sql(QStringLiteral("RETURN [$x, $n, $fromLet, session::db()]"),
                            QCborMap{{QStringLiteral("x"), kHostile}, {QStringLiteral("n"), 5}}));
        QVERIFY2(response && response->isOk(),
                 response ? qPrintable(response->error().toString()) : "timeout");
        const QCborArray values = response->value().value(0).toArray();
        QCOMPARE(values.at(0).toString(), kHostile);
        QCOMPARE(values.at(1).toString(), QStringLiteral("5")); // URL parameters arrive as strings
        QCOMPARE(values.at(2).toString(), QStringLiteral("kept"));
        QCOMPARE(values.at(3).toString(), QStringLiteral("sql"));
        const auto parse = wait(connection->sql(QStringLiteral("SELEC nonsense")));
        QVERIFY(parse && !parse->isOk());
        QVERIFY2(parse->error().message().contains(QLatin1String("Parse error")),
                 qPrintable(parse->error().message()));
        auto anonymous = connectAs(QStringLiteral("sql"), false);
        const auto refused = wait(anonymous->sql(QStringLiteral("RETURN 1")));
        QVERIFY(refused && !refused->isOk());
        QCOMPARE(refused->error().kind(), RpcError::Kind::NotAllowed);
    }

    void healthAndVersion()
    {
        auto connection = connectAs(QString(), false);
        const auto healthy = wait(connection->health());
        QVERIFY(healthy && healthy->isOk());
        QVERIFY(healthy->value());
        const auto version = wait(connection->serverVersion());
        QVERIFY(version && version->isOk());
        QVERIFY2(version->value().startsWith(QLatin1String("surrealdb-")),
                 qPrintable(version->value()));
    }

    void exportThenImportReproducesData()
    {
        auto source = connectAs(QStringLiteral("export_src"));
        QVERIFY(source);
        QVERIFY(allOk(wait(source->query(
            QStringLiteral(
                "DEFINE TABLE note SCHEMAFULL; DEFINE FIELD text ON note TYPE string; "
                "DEFINE FIELD n ON note TYPE int; "
                "FOR $i IN 1..=200 { CREATE type::record('note', $i) SET text = $text, n = $i };"),
            QCborMap{{QStringLiteral("text"), kHostile}}))));
        QSignalSpy exportProgress(source.get(), &HttpConnection::progress);
        const auto dump = wait(source->exportSql());
        QVERIFY2(dump && dump->isOk(), dump ? qPrintable(dump->error().toString()) : "timeout");
        QVERIFY(dump->value().contains(QLatin1String("DEFINE TABLE note")));
        QVERIFY(exportProgress.size() > 0);
        QCOMPARE(exportProgress.last().at(0).toLongLong(), dump->value().toUtf8().size());

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("dump.surql")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(dump->value().toUtf8());
        file.close();

        auto target = connectAs(QStringLiteral("import_dst"));
        QVERIFY(target);
        QSignalSpy importProgress(target.get(), &HttpConnection::progress);
        QFile input(file.fileName()); // not opened: importSql opens it
        const auto imported = wait(target->importSql(&input));
        QVERIFY2(imported && imported->isOk(),
                 imported ? qPrintable(imported->error().toString()) : "timeout");
        QVERIFY(importProgress.size() > 0);
        bool sawAll = false;
        for (const QList<QVariant> &signal : importProgress)
            sawAll = sawAll || signal.at(0).toLongLong() == file.size();
        QVERIFY(sawAll);

        const QString select = QStringLiteral("SELECT * FROM note ORDER BY n");
        const auto before = wait(source->query(select));
        const auto after = wait(target->query(select));
        QVERIFY(before && before->isOk() && after && after->isOk());
        QCOMPARE(after->value().value(0).toArray().size(), 200);
        QCOMPARE(after->value().value(0), before->value().value(0));
        // The schema came across too.
        const auto schemafull = wait(target->query(QStringLiteral("CREATE note SET text = 1")));
        QVERIFY(schemafull && !schemafull->value().isOk());
    }

    void failedImportsSayWhyAndLoseNothing()
    {
        auto target = connectAs(QStringLiteral("import_bad"));
        QVERIFY(target);
        QVERIFY(
            allOk(wait(target->query(QStringLiteral("DEFINE TABLE keep; CREATE keep:1 SET v = $v"),
                                     QCborMap{{QStringLiteral("v"), kHostile}}))));
        QTemporaryDir dir;

        QFile missing(dir.filePath(QStringLiteral("missing.surql")));
        const auto unreadable = wait(target->importSql(&missing));
        QVERIFY(unreadable && !unreadable->isOk());
        QCOMPARE(unreadable->error().kind(), RpcError::Kind::Validation);
        QVERIFY2(unreadable->error().message().contains(QLatin1String("missing.surql")),
                 qPrintable(unreadable->error().message()));
        QVERIFY(!wait(target->importSql(nullptr))->isOk());

        QFile invalid(dir.filePath(QStringLiteral("invalid.surql")));
        QVERIFY(invalid.open(QIODevice::WriteOnly));
        invalid.write("OPTION IMPORT;\nCREATE keep:2 SET v = 2;\nSELEC garbage FROM;\n");
        invalid.close();
        const auto rejected = wait(target->importSql(&invalid));
        QVERIFY(rejected && !rejected->isOk());
        QVERIFY2(rejected->error().message().contains(QLatin1String("Parse error")),
                 qPrintable(rejected->error().message()));

        QCOMPARE(countOf(*target, QStringLiteral("keep")), 1);
        const auto kept = wait(target->select(recordId(QStringLiteral("keep"), 1)));
        QVERIFY(kept && kept->isOk());
        const QCborMap row = kept->value().isArray() ? kept->value().toArray().at(0).toMap()
                                                     : kept->value().toMap();
        QCOMPARE(row.value(QStringLiteral("v")).toString(), kHostile);
    }

    void batchedTransactionIsAllOrNothing()
    {
        auto connection = connectAs(QStringLiteral("batch"));
        QVERIFY(connection);
        QVERIFY(allOk(wait(connection->query(QStringLiteral(
            "DEFINE TABLE account SCHEMAFULL; DEFINE FIELD balance ON account TYPE int; "
            "DEFINE FIELD owner ON account TYPE string")))));
        const auto good = wait(
            connection->transaction({QStringLiteral(
                                         "CREATE account:a SET balance = $a, owner = $owner"),
                                     QStringLiteral(
                                         "CREATE account:b SET balance = $b, owner = $owner;")},
                                    QCborMap{{QStringLiteral("a"), 100},
                                             {QStringLiteral("b"), 50},
                                             {QStringLiteral("owner"), kHostile}}));
        QVERIFY2(good && good->isOk(), good ? qPrintable(good->error().toString()) : "timeout");
        QCOMPARE(countOf(*connection, QStringLiteral("account")), 2);

        const auto bad = wait(
            connection->transaction({QStringLiteral("UPDATE account:a SET balance -= $amount"),
                                     QStringLiteral("UPDATE account:b SET balance += $amount"),
                                     QStringLiteral(
                                         "CREATE account:c SET balance = $wrong, owner = $owner")},
                                    QCborMap{{QStringLiteral("amount"), 30},
                                             {QStringLiteral("wrong"),
                                              QStringLiteral("not a number")},
                                             {QStringLiteral("owner"), kHostile}}));
        QVERIFY(bad && !bad->isOk());
        QVERIFY2(!bad->error().message().contains(QLatin1String("not executed")),
                 qPrintable(bad->error().message()));
        QCOMPARE(countOf(*connection, QStringLiteral("account")), 2);
        const auto balances = wait(connection->query(
            QStringLiteral("SELECT VALUE balance FROM account ORDER BY balance")));
        QCOMPARE(balances->value().value(0).toArray(), (QCborArray{50, 100}));

        const auto empty = wait(connection->transaction({QStringLiteral(" ; ")}));
        QCOMPARE(empty->error().kind(), RpcError::Kind::Validation);
    }

    void signsInAgainWhenTheTokenExpires()
    {
        const QString db = QStringLiteral("expiry");
        auto admin = connectAs(db);
        QVERIFY(admin);
        const auto defined = wait(admin->query(QStringLiteral(
            "DEFINE TABLE member SCHEMALESS PERMISSIONS FOR select, create, update WHERE id = "
            "$auth.id;"
            "DEFINE ACCESS member ON DATABASE TYPE RECORD "
            "SIGNUP (CREATE member SET name = $name, pass = crypto::argon2::generate($pass)) "
            "SIGNIN (SELECT * FROM member WHERE name = $name AND crypto::argon2::compare(pass, "
            "$pass)) "
            "DURATION FOR TOKEN 1s, FOR SESSION 1s;"
            "INFO FOR DB;")));
        QVERIFY(allOk(defined));
        const QString access = defined->value()
                                   .value(2)
                                   .toMap()
                                   .value(QStringLiteral("accesses"))
                                   .toMap()
                                   .value(QStringLiteral("member"))
                                   .toString();
        QVERIFY2(access.contains(QLatin1String("DURATION FOR TOKEN 1s, FOR SESSION 1s")),
                 qPrintable(access));

        const QCborMap vars{{QStringLiteral("name"), kHostile},
                            {QStringLiteral("pass"), QStringLiteral("secret")}};
        const Credentials member = Credentials::record(kNs, db, QStringLiteral("member"), vars);
        auto signup = connectAs(QString(), false);
        QVERIFY(wait(signup->signup(member))->isOk());

        auto connection = connectAs(QString(), false);
        QVERIFY(wait(connection->use(kNs, db))->isOk());
        QVERIFY(wait(connection->signin(member))->isOk());
        const QString firstToken = connection->token();
        // The same token, kept by a connection that has no credentials to sign in again with.
        auto tokenOnly = connectAs(QString(), false);
        QVERIFY(wait(tokenOnly->use(kNs, db))->isOk());
        QVERIFY(wait(tokenOnly->authenticate(firstToken))->isOk());

        QSignalSpy reauthenticated(connection.get(), &HttpConnection::reauthenticated);
        const QString whoAmI = QStringLiteral("SELECT VALUE name FROM $auth");
        const auto fresh = wait(connection->query(whoAmI));
        QVERIFY2(fresh && fresh->isOk(), fresh ? qPrintable(fresh->error().toString()) : "timeout");
        QCOMPARE(fresh->value().value(0).toArray().at(0).toString(), kHostile);
        // Normally 0; 1 only if this machine took over a second since the signin.
        const int before = connection->reauthenticationCount();
        QCOMPARE(reauthenticated.size(), before);

        QTest::qWait(2200); // JWT expiry has a resolution of one second
        const auto later = wait(connection->query(whoAmI));
        QVERIFY2(later && later->isOk(), later ? qPrintable(later->error().toString()) : "timeout");
        QCOMPARE(later->value().value(0).toArray().at(0).toString(), kHostile);
        QCOMPARE(reauthenticated.size(), before + 1);
        QCOMPARE(connection->reauthenticationCount(), before + 1);
        QVERIFY(connection->token() != firstToken);

        const auto expired = wait(tokenOnly->query(whoAmI));
        QVERIFY(expired && !expired->isOk());
        QCOMPARE(expired->error().kind(), RpcError::Kind::NotAllowed);
        QVERIFY2(expired->error().message().contains(QLatin1String("expired")),
                 qPrintable(expired->error().message()));
        QCOMPARE(tokenOnly->reauthenticationCount(), 0);

        // Concurrent calls that all meet the expired token share one new signin.
        QTest::qWait(2200);
        QList<QFuture<Result<QueryResponse>>> calls;
        for (int i = 0; i < 5; ++i)
            calls.append(connection->query(whoAmI));
        for (auto &call : calls) {
            const auto result = wait(call);
            QVERIFY2(result && result->isOk(),
                     result ? qPrintable(result->error().toString()) : "timeout");
        }
        QCOMPARE(connection->reauthenticationCount(), before + 2);
    }

    void timesOutAndCancels()
    {
        auto connection = connectAs(QStringLiteral("timeouts"));
        QVERIFY(connection);
        CallOptions quick;
        quick.timeout = 200ms;
        QElapsedTimer clock;
        clock.start();
        const auto slow = wait(connection->query(QStringLiteral("SLEEP 2s; RETURN 1"), {}, quick));
        QVERIFY(slow && !slow->isOk());
        QCOMPARE(slow->error().kind(), RpcError::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));

        // call() itself (a continuation's future, like query()'s, only cancels itself before
        // Qt 6.7), sql() and transaction() abort their request when cancelled.
        auto cancelled = connection->call(QStringLiteral("query"),
                                          {QStringLiteral("SLEEP 1s; RETURN 1")});
        auto cancelledSql = connection->sql(QStringLiteral("SLEEP 1s; RETURN 1"));
        auto cancelledBatch = connection->transaction({QStringLiteral("SLEEP 1s")});
        QCOMPARE(connection->pendingCount(), 3);
        clock.restart();
        cancelled.cancel();
        cancelledSql.cancel();
        cancelledBatch.cancel();
        QVERIFY(Test::waitUntil([&] { return connection->pendingCount() == 0; }, 500ms));
        QVERIFY(cancelled.isCanceled() && cancelledSql.isCanceled() && cancelledBatch.isCanceled());
        const auto after = wait(connection->query(QStringLiteral("RETURN 'alive'")));
        QCOMPARE(after->value().value(0).toString(), QStringLiteral("alive"));
    }

    void reportsUnreachableServers()
    {
        ConnectionOptions options;
        options.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));
        HttpConnection connection(options);
        const auto ping = wait(connection.ping());
        QVERIFY(ping && !ping->isOk());
        QCOMPARE(ping->error().kind(), RpcError::Kind::Connection);
        QVERIFY2(ping->error().message().contains(QLatin1String("127.0.0.1:1")),
                 qPrintable(ping->error().message()));
        const auto health = wait(connection.health());
        QCOMPARE(health->error().kind(), RpcError::Kind::Connection);
    }

    void mapsMalformedReplies_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("garbage cbor")
            << CannedServer::response("200 OK", "application/cbor", "\xff\xfe\x01")
            << int(RpcError::Kind::Protocol) << QStringLiteral("malformed");
        // {result: tag 12 [1, 2, 3]}: a datetime must be [seconds, nanoseconds].
        QTest::newRow("cbor, bad datetime")
            << CannedServer::response("200 OK",
                                      "application/cbor",
                                      QByteArray::fromHex("a166726573756c74cc83010203"))
            << int(RpcError::Kind::Protocol) << QStringLiteral("tag 12 (datetime)");
        QTest::newRow("cbor, not an envelope")
            << CannedServer::response("200 OK", "application/cbor", "\x83\x01\x02\x03")
            << int(RpcError::Kind::Protocol) << QStringLiteral("not an RPC response");
        QTest::newRow("html error page")
            << CannedServer::response("502 Bad Gateway", "text/html", "<html>bad gateway</html>")
            << int(RpcError::Kind::Protocol) << QStringLiteral("502");
        QTest::newRow("json error body") << CannedServer::response(
            "403 Forbidden",
            "application/json",
            R"({"code":403,"details":"Forbidden","description":"Not allowed here","information":"Forbidden"})")
                                         << int(RpcError::Kind::NotAllowed)
                                         << QStringLiteral("Not allowed here");
        QTest::newRow("truncated json") << CannedServer::response("500 Internal Server Error",
                                                                  "application/json",
                                                                  R"({"code":5)")
                                        << int(RpcError::Kind::Protocol) << QStringLiteral("500");
    }

    void mapsMalformedReplies()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, kind);
        QFETCH(QString, message);
        CannedServer server(reply);
        ConnectionOptions options;
        options.endpoint = server.url();
        HttpConnection connection(options);
        const auto result = wait(connection.query(QStringLiteral("RETURN 1")));
        QVERIFY(result && !result->isOk());
        QCOMPARE(int(result->error().kind()), kind);
        QVERIFY2(result->error().message().contains(message), qPrintable(result->error().message()));
    }
};

QTEST_GUILESS_MAIN(tst_HttpConnection)
#include "tst_httpconnection.moc"

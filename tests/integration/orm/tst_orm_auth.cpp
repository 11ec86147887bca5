// Atomic blocks and the user model against the real engine: an atomic block commits or undoes
// everything; signup/signin/authenticate through the model's record access, with the password
// hashed by crypto::argon2 on the server and never readable in clear.

#include "OrmTestSupport.h"

#include <surrealqt/orm/Atomic.h>
#include <surrealqt/orm/Objects.h>
#include <surrealqt/orm/UserAuth.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace OrmTest;
using namespace Qt::Literals::StringLiterals;
using Test::wait;

class tst_OrmAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_root;

    std::unique_ptr<WebSocketConnection> openAnonymous()
    {
        ConnectionOptions options;
        options.endpoint = Test::serverUrl();
        auto connection = std::make_unique<WebSocketConnection>(options);
        const auto opened = wait(connection->open());
        if (!opened || !opened->isOk())
            return nullptr;
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        m_root = openRoot(u"auth"_s);
        QVERIFY(m_root);
        QVERIFY(defineTestModels(m_root.get()));
    }

    void atomicCommitsOrUndoesEverything()
    {
        const auto authors = objects<Author>(m_root.get());
        Author a;
        a.name = u"First"_s;
        a.age = 1;
        const auto committed = wait(atomic<Author>(m_root.get(), [&](const Transaction &txn) {
            return authors.inTransaction(txn).save(a);
        }));
        QVERIFY(committed && committed->isOk());
        QCOMPARE(wait(authors.count())->value(), 1);

        // The second save fails (the ASSERT on age): the first one is undone with it.
        const auto undone = wait(atomic<Author>(m_root.get(), [&](const Transaction &txn) {
            const auto inside = authors.inTransaction(txn);
            Author ok;
            ok.name = u"Undone"_s;
            Author bad;
            bad.name = u"Bad"_s;
            bad.age = -1;
            return inside.save(ok)
                .then([inside, bad](const Result<Author> &saved) {
                    if (!saved)
                        return readyFuture(saved);
                    return inside.save(bad);
                })
                .unwrap();
        }));
        QVERIFY(undone && !undone->isOk());
        QVERIFY(undone->error().message().contains(u"age"_s));
        QCOMPARE(wait(authors.count())->value(), 1);
        QCOMPARE(wait(authors.filter(u"name"_s, u"Undone"_s).count())->value(), 0);
    }

    void signupSigninAndAuthenticate()
    {
        const QString password = u"s3cret ' \" ` ⟩ ; 🦀"_s;
        auto user = openAnonymous();
        QVERIFY(user);
        const auto signedUp = wait(Users<Member>::signup(user.get(),
                                                         u"orm"_s,
                                                         u"auth"_s,
                                                         {{u"email"_s, u"ann@example.com"_s},
                                                          {u"password"_s, password},
                                                          {u"nickname"_s, u"annie ⟩"_s}}));
        QVERIFY2(signedUp && signedUp->isOk(),
                 signedUp ? qPrintable(signedUp->error().toString()) : "timeout");
        QVERIFY(!signedUp->value().token.isEmpty());
        const Member ann = signedUp->value().user;
        QCOMPARE(ann.email, u"ann@example.com"_s);
        QCOMPARE(ann.nickname, u"annie ⟩"_s);
        QVERIFY(ann.password.isEmpty()); // never sent back to the user

        // The user's own SELECT returns no password field at all.
        const QCborValue own = value(user.get(), u"SELECT * FROM member"_s);
        QCOMPARE(own.toArray().size(), 1);
        QVERIFY(!own.toArray().first().toMap().contains(u"password"_s));

        // Root sees an argon2 hash, never the clear text.
        const QString stored = value(m_root.get(),
                                     u"SELECT VALUE password FROM ONLY $id"_s,
                                     {{u"id"_s, ann.id.toCbor()}})
                                   .toString();
        QVERIFY(stored.startsWith(u"$argon2"_s));
        QVERIFY(!stored.contains(password));

        // signin with the right password, refused with a wrong one.
        auto other = openAnonymous();
        const auto signedIn = wait(
            Users<Member>::signin(other.get(), u"orm"_s, u"auth"_s, u"ann@example.com"_s, password));
        QVERIFY(signedIn && signedIn->isOk());
        QCOMPARE(signedIn->value().user.id, ann.id);
        auto third = openAnonymous();
        const auto refused = wait(
            Users<Member>::signin(third.get(), u"orm"_s, u"auth"_s, u"ann@example.com"_s, u"no"_s));
        QVERIFY(refused && !refused->isOk());

        // authenticate with the token on a fresh connection.
        const auto authenticated = wait(
            Users<Member>::authenticate(third.get(), signedIn->value().token));
        QVERIFY(authenticated && authenticated->isOk());
        QCOMPARE(authenticated->value().id, ann.id);

        // A plain ORM save of a password is hashed by the server as well.
        Member bob;
        bob.email = u"bob@example.com"_s;
        bob.password = u"plain"_s;
        bob = wait(objects<Member>(m_root.get()).save(bob))->value();
        QVERIFY(bob.password.startsWith(u"$argon2"_s));
        QVERIFY(wait(Users<Member>::signin(openAnonymous().get(),
                                           u"orm"_s,
                                           u"auth"_s,
                                           u"bob@example.com"_s,
                                           u"plain"_s))
                    ->isOk());

        // Not a user model: a clear error, nothing sent.
        const auto notUser = wait(
            UserAuth::signup(user.get(), ModelMeta::of<Author>(), u"orm"_s, u"auth"_s, {}));
        QVERIFY(notUser && !notUser->isOk());
        QCOMPARE(notUser->error().kind(), RpcError::Kind::Validation);
    }

    void cleanupTestCase()
    {
        if (m_root) {
            run(m_root.get(),
                u"REMOVE TABLE IF EXISTS member; REMOVE TABLE IF EXISTS author; REMOVE ACCESS IF "
                u"EXISTS member_access ON DATABASE"_s);
        }
    }
};

QTEST_GUILESS_MAIN(tst_OrmAuth)
#include "tst_orm_auth.moc"

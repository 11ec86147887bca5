#pragma once

#include "ModelMeta.h"
#include "Objects.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QFuture>
#include <QtCore/QString>

#include <utility>

namespace SurrealQt {

// Record-access auth for a user model (ModelSpec::user()): signup and signin go through the
// model's DEFINE ACCESS, whose SIGNUP hashes the password with crypto::argon2 on the server and
// whose SIGNIN compares it there. The connection then acts as that user; the record read back
// (`SELECT * FROM ONLY $auth`) never holds the password, which the user cannot select.
class SURREALQT_CORE_EXPORT UserAuth
{
public:
    // {token, record}
    using Signed = std::pair<QString, QCborMap>;

    // `variables` are the SIGNUP variables: the identity, the password and the signup fields.
    static QFuture<Result<Signed>> signup(Connection *connection,
                                          const ModelMeta &model,
                                          const QString &ns,
                                          const QString &db,
                                          const QCborMap &variables);
    static QFuture<Result<Signed>> signin(Connection *connection,
                                          const ModelMeta &model,
                                          const QString &ns,
                                          const QString &db,
                                          const QString &identity,
                                          const QString &password);
    // Authenticates the connection with a token from signup/signin; resolves with the record.
    static QFuture<Result<QCborMap>> authenticate(Connection *connection, const QString &token);
    // The signed-in user's record.
    static QFuture<Result<QCborMap>> current(Connection *connection);
};

// The token and the typed user model after signup or signin.
template<typename T>
struct UserSession
{
    QString token;
    T user;
};

// UserAuth with typed user models:
//   auto session = Users<Member>::signin(connection, u"app"_s, u"main"_s, email, password);
template<typename T>
class Users
{
public:
    static QFuture<Result<UserSession<T>>> signup(Connection *connection,
                                                  const QString &ns,
                                                  const QString &db,
                                                  const QCborMap &variables)
    {
        return typed(UserAuth::signup(connection, ModelMeta::of<T>(), ns, db, variables));
    }
    static QFuture<Result<UserSession<T>>> signin(Connection *connection,
                                                  const QString &ns,
                                                  const QString &db,
                                                  const QString &identity,
                                                  const QString &password)
    {
        return typed(UserAuth::signin(connection, ModelMeta::of<T>(), ns, db, identity, password));
    }
    static QFuture<Result<T>> authenticate(Connection *connection, const QString &token)
    {
        return UserAuth::authenticate(connection, token).then([](const Result<QCborMap> &record) {
            return record.map([](const QCborMap &r) { return Objects<T>::fromRecord(r); });
        });
    }

private:
    static QFuture<Result<UserSession<T>>> typed(QFuture<Result<UserAuth::Signed>> future)
    {
        return future.then([](const Result<UserAuth::Signed> &signedIn) {
            return signedIn.map([](const UserAuth::Signed &s) {
                return UserSession<T>{s.first, Objects<T>::fromRecord(s.second)};
            });
        });
    }
};

} // namespace SurrealQt

#include "UserAuth.h"

#include "QueryRunner_p.h"

#include <QtCore/QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

RpcError notAUserModel(const ModelMeta &model)
{
    return RpcError(RpcError::Kind::Validation,
                    QCoreApplication::translate("SurrealQt::UserAuth",
                                                "%1 is not a user model (ModelSpec::user())")
                        .arg(model.table()));
}

QFuture<Result<UserAuth::Signed>> withRecord(Connection *connection, QFuture<Result<QString>> token)
{
    return token
        .then([connection](const Result<QString> &signedIn) {
            if (!signedIn)
                return QueryRunner::ready(Result<UserAuth::Signed>(signedIn.error()));
            const QString text = signedIn.value();
            return UserAuth::current(connection)
                .then([text](const Result<QCborMap> &record) -> Result<UserAuth::Signed> {
                    if (!record)
                        return record.error();
                    return UserAuth::Signed{text, record.value()};
                });
        })
        .unwrap();
}

} // namespace

QFuture<Result<UserAuth::Signed>> UserAuth::signup(Connection *connection,
                                                   const ModelMeta &model,
                                                   const QString &ns,
                                                   const QString &db,
                                                   const QCborMap &variables)
{
    const auto access = model.accessDef();
    if (!access)
        return QueryRunner::ready(Result<Signed>(notAUserModel(model)));
    return withRecord(connection,
                      connection->signup(Credentials::record(ns, db, access->name, variables)));
}

QFuture<Result<UserAuth::Signed>> UserAuth::signin(Connection *connection,
                                                   const ModelMeta &model,
                                                   const QString &ns,
                                                   const QString &db,
                                                   const QString &identity,
                                                   const QString &password)
{
    const auto access = model.accessDef();
    if (!access)
        return QueryRunner::ready(Result<Signed>(notAUserModel(model)));
    const UserSpec &user = model.spec().userSpec();
    const QCborMap variables{{user.identity, identity}, {user.password, password}};
    return withRecord(connection,
                      connection->signin(Credentials::record(ns, db, access->name, variables)));
}

QFuture<Result<QCborMap>> UserAuth::authenticate(Connection *connection, const QString &token)
{
    return connection->authenticate(token)
        .then([connection](const Result<QCborValue> &done) {
            if (!done)
                return QueryRunner::ready(Result<QCborMap>(done.error()));
            return current(connection);
        })
        .unwrap();
}

QFuture<Result<QCborMap>> UserAuth::current(Connection *connection)
{
    return QueryRunner::runAs<QCborMap>(
        connection,
        SurqlQuery(u"SELECT * FROM ONLY $auth"_s),
        [](const QCborValue &value) -> Result<QCborMap> {
            if (!value.isMap()) {
                return RpcError(RpcError::Kind::NotAllowed,
                                QCoreApplication::translate("SurrealQt::UserAuth",
                                                            "no signed-in user record"));
            }
            return value.toMap();
        });
}

} // namespace SurrealQt

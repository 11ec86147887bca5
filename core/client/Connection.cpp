#include "Connection.h"

namespace SurrealQt {

namespace {

QCborArray optionalData(QCborArray params, const QCborValue &data)
{
    if (!data.isUndefined())
        params.append(data);
    return params;
}

} // namespace

Result<QString> Connection::tokenFrom(const Result<QCborValue> &result)
{
    if (!result)
        return result.error();
    const QCborValue &value = result.value();
    if (value.isString())
        return value.toString();
    if (value.isMap() && value.toMap().value(QLatin1String("access")).isString())
        return value.toMap().value(QLatin1String("access")).toString();
    return RpcError(RpcError::Kind::Protocol, QStringLiteral("signin did not return a token"));
}

QFuture<Result<QCborValue>> Connection::ping(const CallOptions &options)
{
    return call(QStringLiteral("ping"), {}, options);
}

QFuture<Result<QString>> Connection::version(const CallOptions &options)
{
    return callAs<QString>(QStringLiteral("version"), {}, options, [](const Result<QCborValue> &r) {
        if (!r)
            return Result<QString>(r.error());
        // The docs show an object; the server sends a string. Accept both.
        const QCborValue &v = r.value();
        return Result<QString>(v.isMap() ? v.toMap().value(QLatin1String("version")).toString()
                                         : v.toString());
    });
}

QFuture<Result<QCborValue>> Connection::info(const CallOptions &options)
{
    return call(QStringLiteral("info"), {}, options);
}

QFuture<Result<QCborValue>> Connection::use(const QString &ns,
                                            const QString &db,
                                            const CallOptions &options)
{
    const auto name = [](const QString &s) {
        return s.isNull() ? QCborValue(nullptr) : QCborValue(s);
    };
    return call(QStringLiteral("use"), {name(ns), name(db)}, options);
}

QFuture<Result<QString>> Connection::signin(const Credentials &credentials,
                                            const CallOptions &options)
{
    if (credentials.level() == Credentials::Level::Token) {
        const QString token = credentials.tokenText();
        return callAs<QString>(QStringLiteral("authenticate"),
                               {token},
                               options,
                               [token](const Result<QCborValue> &r) {
                                   return r ? Result<QString>(token) : Result<QString>(r.error());
                               });
    }
    return callAs<QString>(QStringLiteral("signin"),
                           {credentials.toSigninParams()},
                           options,
                           &tokenFrom);
}

QFuture<Result<QString>> Connection::signup(const Credentials &credentials,
                                            const CallOptions &options)
{
    return callAs<QString>(QStringLiteral("signup"),
                           {credentials.toSigninParams()},
                           options,
                           &tokenFrom);
}

QFuture<Result<QCborValue>> Connection::authenticate(const QString &token,
                                                     const CallOptions &options)
{
    return call(QStringLiteral("authenticate"), {token}, options);
}

QFuture<Result<QCborValue>> Connection::invalidate(const CallOptions &options)
{
    return call(QStringLiteral("invalidate"), {}, options);
}

QFuture<Result<QCborValue>> Connection::reset(const CallOptions &options)
{
    return call(QStringLiteral("reset"), {}, options);
}

QFuture<Result<QCborValue>> Connection::let(const QString &name,
                                            const QCborValue &value,
                                            const CallOptions &options)
{
    return call(QStringLiteral("let"), {name, value}, options);
}

QFuture<Result<QCborValue>> Connection::unset(const QString &name, const CallOptions &options)
{
    return call(QStringLiteral("unset"), {name}, options);
}

void Connection::callInto(const QString &method,
                          const QCborArray &params,
                          const CallOptions &options,
                          std::function<void(const Result<QCborValue> &)> done)
{
    call(method, params, options).then([done = std::move(done)](const Result<QCborValue> &result) {
        done(result);
    });
}

QFuture<Result<QueryResponse>> Connection::query(const QString &surql,
                                                 const QCborMap &vars,
                                                 const CallOptions &options)
{
    return callAs<QueryResponse>(QStringLiteral("query"),
                                 {surql, vars},
                                 options,
                                 [](const Result<QCborValue> &r) {
                                     return r ? QueryResponse::fromWire(r.value())
                                              : Result<QueryResponse>(r.error());
                                 });
}

QFuture<Result<QCborValue>> Connection::select(const QCborValue &what, const CallOptions &options)
{
    return call(QStringLiteral("select"), {what}, options);
}

QFuture<Result<QCborValue>> Connection::create(const QCborValue &what,
                                               const QCborValue &data,
                                               const CallOptions &options)
{
    return call(QStringLiteral("create"), optionalData({what}, data), options);
}

QFuture<Result<QCborValue>> Connection::insert(const QCborValue &what,
                                               const QCborValue &data,
                                               const CallOptions &options)
{
    return call(QStringLiteral("insert"), {what, data}, options);
}

QFuture<Result<QCborValue>> Connection::insertRelation(const QCborValue &table,
                                                       const QCborValue &data,
                                                       const CallOptions &options)
{
    return call(QStringLiteral("insert_relation"), {table, data}, options);
}

QFuture<Result<QCborValue>> Connection::update(const QCborValue &what,
                                               const QCborValue &data,
                                               const CallOptions &options)
{
    return call(QStringLiteral("update"), optionalData({what}, data), options);
}

QFuture<Result<QCborValue>> Connection::upsert(const QCborValue &what,
                                               const QCborValue &data,
                                               const CallOptions &options)
{
    return call(QStringLiteral("upsert"), optionalData({what}, data), options);
}

QFuture<Result<QCborValue>> Connection::merge(const QCborValue &what,
                                              const QCborValue &data,
                                              const CallOptions &options)
{
    return call(QStringLiteral("merge"), {what, data}, options);
}

QFuture<Result<QCborValue>> Connection::patch(const QCborValue &what,
                                              const QCborArray &patches,
                                              bool diff,
                                              const CallOptions &options)
{
    return call(QStringLiteral("patch"), {what, patches, diff}, options);
}

QFuture<Result<QCborValue>> Connection::remove(const QCborValue &what, const CallOptions &options)
{
    return call(QStringLiteral("delete"), {what}, options);
}

QFuture<Result<QCborValue>> Connection::relate(const QCborValue &in,
                                               const QCborValue &relation,
                                               const QCborValue &out,
                                               const QCborValue &data,
                                               const CallOptions &options)
{
    return call(QStringLiteral("relate"), optionalData({in, relation, out}, data), options);
}

QFuture<Result<QCborValue>> Connection::run(const QString &function,
                                            const QCborArray &args,
                                            const CallOptions &options)
{
    return call(QStringLiteral("run"), {function, QCborValue(nullptr), args}, options);
}

} // namespace SurrealQt

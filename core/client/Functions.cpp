#include "Functions.h"

#include <algorithm>

namespace SurrealQt {

namespace {

const BuiltinFunctionInfo *findBuiltin(QStringView name)
{
    const std::u16string_view key(name.utf16(), static_cast<size_t>(name.size()));
    const auto it = std::find_if(kBuiltinFunctions.begin(),
                                 kBuiltinFunctions.end(),
                                 [key](const BuiltinFunctionInfo &info) {
                                     return info.name == key;
                                 });
    return it == kBuiltinFunctions.end() ? nullptr : &*it;
}

bool isIdentifier(QStringView part)
{
    if (part.isEmpty() || part.front().isDigit())
        return false;
    return std::all_of(part.begin(), part.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
               || c == u'_';
    });
}

} // namespace

Functions::Functions(Connection *connection, CallOptions options)
    : BuiltinFunctions(connection, std::move(options))
{}

bool Functions::isValidName(QStringView name)
{
    if (name.isEmpty())
        return false;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = name.indexOf(u"::", start);
        if (!isIdentifier(name.sliced(start, (end < 0 ? name.size() : end) - start)))
            return false;
        if (end < 0)
            return true;
        start = end + 2;
    }
}

bool Functions::isBuiltin(QStringView name)
{
    return findBuiltin(name) != nullptr;
}

bool Functions::isConstant(QStringView name)
{
    const BuiltinFunctionInfo *info = findBuiltin(name);
    return info && info->constant;
}

QStringList Functions::builtinNames()
{
    QStringList names;
    names.reserve(qsizetype(kBuiltinFunctions.size()));
    for (const BuiltinFunctionInfo &info : kBuiltinFunctions)
        names.append(QString::fromUtf16(info.name.data(), qsizetype(info.name.size())));
    return names;
}

QFuture<Result<QCborValue>> Functions::fn(const QString &name, const QCborArray &args) const
{
    if (!isValidName(name)) {
        return QtFuture::makeReadyFuture(Result<QCborValue>(
            RpcError(RpcError::Kind::Validation,
                     QStringLiteral(
                         "invalid function name \"%1\": expected identifiers separated by ::, "
                         "like math::sqrt or fn::greet")
                         .arg(name))));
    }
    FunctionNamespace runner(m_connection, m_options);
    if (isConstant(name)) {
        if (!args.isEmpty()) {
            return QtFuture::makeReadyFuture(Result<QCborValue>(
                RpcError(RpcError::Kind::Validation,
                         QStringLiteral("%1 is a constant and takes no arguments").arg(name))));
        }
        return runner.constant(name);
    }
    return runner.run(name, args);
}

QFuture<Result<QCborValue>> Functions::custom(const QString &name, const QCborArray &args) const
{
    return fn(name.startsWith(QLatin1String("fn::")) ? name : QStringLiteral("fn::") + name, args);
}

} // namespace SurrealQt

#include "Lookup.h"

#include <QtCore/QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

using Kind = Lookup::Kind;

constexpr std::array<std::pair<Kind, const char16_t *>, 22> kNames{{
    {Kind::Exact, u"exact"},
    {Kind::Gt, u"gt"},
    {Kind::Gte, u"gte"},
    {Kind::Lt, u"lt"},
    {Kind::Lte, u"lte"},
    {Kind::In, u"in"},
    {Kind::NotIn, u"not_in"},
    {Kind::Contains, u"contains"},
    {Kind::NotContains, u"not_contains"},
    {Kind::ContainsAll, u"containsall"},
    {Kind::ContainsAny, u"containsany"},
    {Kind::Like, u"like"},
    {Kind::ILike, u"ilike"},
    {Kind::IContains, u"icontains"},
    {Kind::StartsWith, u"startswith"},
    {Kind::IStartsWith, u"istartswith"},
    {Kind::EndsWith, u"endswith"},
    {Kind::IEndsWith, u"iendswith"},
    {Kind::Regex, u"regex"},
    {Kind::IRegex, u"iregex"},
    {Kind::Match, u"match"},
    {Kind::IsNull, u"isnull"},
}};

RpcError wrongValue(Kind kind, const char *expected)
{
    return RpcError(RpcError::Kind::Validation,
                    QCoreApplication::translate("SurrealQt::Lookup", "the %1 lookup needs %2")
                        .arg(Lookup::name(kind),
                             QCoreApplication::translate("SurrealQt::Lookup", expected)));
}

bool isList(const QCborValue &value)
{
    return value.isArray() || (value.isTag() && value.tag() == QCborTag(56));
}

// A string function applied to a field that may hold anything: SurrealDB 3 refuses a
// non-string argument, so the type test comes first (AND short-circuits).
QString stringTest(const QString &field, const QString &test)
{
    return u"(type::is_string("_s + field + u") AND "_s + test + u')';
}

// Rust's regex::escape: only the meta characters take a backslash (Rust refuses the escape of
// anything else, so QRegularExpression::escape would not do).
void appendEscaped(QString &regex, QChar c)
{
    static const QString meta = u"\\.+*?()|[]{}^$#&-~"_s;
    if (meta.contains(c))
        regex += u'\\';
    regex += c;
}

QString lower(const QString &text)
{
    return u"string::lowercase("_s + text + u')';
}

QString binary(const QString &field, QLatin1StringView op, const QString &param)
{
    return field + u' ' + op + u' ' + param;
}

} // namespace

std::optional<Lookup::Kind> Lookup::fromName(QStringView name)
{
    for (const auto &[kind, text] : kNames) {
        if (name == QStringView(text))
            return kind;
    }
    return std::nullopt;
}

QString Lookup::name(Kind kind)
{
    for (const auto &[k, text] : kNames) {
        if (k == kind)
            return QString::fromUtf16(text);
    }
    return {};
}

QList<Lookup::Kind> Lookup::all()
{
    QList<Kind> kinds;
    for (const auto &entry : kNames)
        kinds.append(entry.first);
    return kinds;
}

QString Lookup::likeToRegex(QStringView pattern)
{
    QString regex = u"^"_s;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'\\' && i + 1 < pattern.size()) {
            appendEscaped(regex, pattern.at(++i));
        } else if (c == u'%') {
            regex += u".*"_s;
        } else if (c == u'_') {
            regex += u'.';
        } else {
            appendEscaped(regex, c);
        }
    }
    return regex + u'$';
}

Result<QString> Lookup::condition(Kind kind,
                                  const QString &f,
                                  const QCborValue &value,
                                  SurqlQuery &query)
{
    switch (kind) {
    case Kind::IsNull:
        if (!value.isBool())
            return wrongValue(kind, QT_TRANSLATE_NOOP("SurrealQt::Lookup", "true or false"));
        return value.toBool()
                   ? QString(u"("_s + f + u" IS NONE OR "_s + f + u" IS NULL)"_s)
                   : QString(u"("_s + f + u" IS NOT NONE AND "_s + f + u" IS NOT NULL)"_s);
    case Kind::In:
    case Kind::NotIn:
    case Kind::ContainsAll:
    case Kind::ContainsAny:
        if (!isList(value))
            return wrongValue(kind, QT_TRANSLATE_NOOP("SurrealQt::Lookup", "a list of values"));
        break;
    case Kind::Like:
    case Kind::ILike:
    case Kind::IContains:
    case Kind::StartsWith:
    case Kind::IStartsWith:
    case Kind::EndsWith:
    case Kind::IEndsWith:
    case Kind::Regex:
    case Kind::IRegex:
    case Kind::Match:
        if (!value.isString())
            return wrongValue(kind, QT_TRANSLATE_NOOP("SurrealQt::Lookup", "a string"));
        break;
    default:
        break;
    }

    switch (kind) {
    case Kind::Exact:
        return binary(f, "="_L1, query.bind(value));
    case Kind::Gt:
        return binary(f, ">"_L1, query.bind(value));
    case Kind::Gte:
        return binary(f, ">="_L1, query.bind(value));
    case Kind::Lt:
        return binary(f, "<"_L1, query.bind(value));
    case Kind::Lte:
        return binary(f, "<="_L1, query.bind(value));
    case Kind::In:
        return binary(f, "INSIDE"_L1, query.bind(value));
    case Kind::NotIn:
        return binary(f, "NOTINSIDE"_L1, query.bind(value));
    case Kind::Contains:
        return binary(f, "CONTAINS"_L1, query.bind(value));
    case Kind::NotContains:
        return binary(f, "CONTAINSNOT"_L1, query.bind(value));
    case Kind::ContainsAll:
        return binary(f, "CONTAINSALL"_L1, query.bind(value));
    case Kind::ContainsAny:
        return binary(f, "CONTAINSANY"_L1, query.bind(value));
    case Kind::Match:
        return binary(f, "@@"_L1, query.bind(value));
    case Kind::Like:
        return stringTest(f,
                          u"string::matches("_s + f + u", "_s
                              + query.bind(likeToRegex(value.toString())) + u')');
    case Kind::ILike:
        return stringTest(f,
                          u"string::matches("_s + f + u", "_s
                              + query.bind(QString(u"(?i)"_s + likeToRegex(value.toString())))
                              + u')');
    case Kind::Regex:
        return stringTest(f, u"string::matches("_s + f + u", "_s + query.bind(value) + u')');
    case Kind::IRegex:
        return stringTest(f,
                          u"string::matches("_s + f + u", "_s
                              + query.bind(QString(u"(?i)"_s + value.toString())) + u')');
    case Kind::IContains:
        return stringTest(f, binary(lower(f), "CONTAINS"_L1, lower(query.bind(value))));
    case Kind::StartsWith:
        return stringTest(f, u"string::starts_with("_s + f + u", "_s + query.bind(value) + u')');
    case Kind::IStartsWith:
        return stringTest(f,
                          u"string::starts_with("_s + lower(f) + u", "_s + lower(query.bind(value))
                              + u')');
    case Kind::EndsWith:
        return stringTest(f, u"string::ends_with("_s + f + u", "_s + query.bind(value) + u')');
    case Kind::IEndsWith:
        return stringTest(f,
                          u"string::ends_with("_s + lower(f) + u", "_s + lower(query.bind(value))
                              + u')');
    case Kind::IsNull:
        break;
    }
    return RpcError(RpcError::Kind::Internal, u"unknown lookup"_s);
}

} // namespace SurrealQt

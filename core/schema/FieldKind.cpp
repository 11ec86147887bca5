#include "FieldKind.h"

#include "FieldKindReader_p.h"
#include "SurqlLexer_p.h"
#include "SurqlSyntax.h"

#include <algorithm>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

FieldKind::FieldKind(Type type)
    : m_type(type)
{}

FieldKind FieldKind::record(QStringList tables)
{
    FieldKind kind(Type::Record);
    kind.m_names = std::move(tables);
    return kind;
}

FieldKind FieldKind::table(QStringList tables)
{
    FieldKind kind(Type::Table);
    kind.m_names = std::move(tables);
    return kind;
}

FieldKind FieldKind::geometry(QStringList kinds)
{
    FieldKind kind(Type::Geometry);
    kind.m_names = std::move(kinds);
    return kind;
}

FieldKind FieldKind::file(QStringList buckets)
{
    FieldKind kind(Type::File);
    kind.m_names = std::move(buckets);
    return kind;
}

FieldKind FieldKind::array(FieldKind element, std::optional<qint64> size)
{
    FieldKind kind(Type::Array);
    kind.m_children.push_back(std::move(element));
    kind.m_size = size;
    return kind;
}

FieldKind FieldKind::set(FieldKind element, std::optional<qint64> size)
{
    FieldKind kind(Type::Set);
    kind.m_children.push_back(std::move(element));
    kind.m_size = size;
    return kind;
}

FieldKind FieldKind::option(FieldKind inner)
{
    return either({FieldKind(Type::None), std::move(inner)});
}

FieldKind FieldKind::either(const std::vector<FieldKind> &kinds)
{
    std::vector<FieldKind> flat;
    QStringList seen;
    const auto add = [&](const FieldKind &k) {
        const QString text = k.toString();
        if (!seen.contains(text)) {
            seen.append(text);
            flat.push_back(k);
        }
    };
    for (const FieldKind &k : kinds) {
        if (k.m_type == Type::Either) {
            for (const FieldKind &inner : k.m_children)
                add(inner);
        } else {
            add(k);
        }
    }
    if (flat.empty())
        return FieldKind(Type::None);
    if (flat.size() == 1)
        return flat.front();
    FieldKind kind(Type::Either);
    kind.m_children = std::move(flat);
    return kind;
}

std::optional<FieldKind> FieldKind::literal(QStringView text)
{
    const QList<SurqlToken> tokens = SurqlLexer::tokenize(text);
    bool negative = false;
    qsizetype index = 0;
    if (tokens.size() == 3 && tokens.at(0).isPunct(u"-")) {
        negative = true;
        index = 1;
    } else if (tokens.size() != 2) {
        return std::nullopt;
    }
    const SurqlToken &t = tokens.at(index);
    FieldKind kind(Type::Literal);
    const QString sign = negative ? u"-"_s : QString();
    if (t.is(SurqlToken::Type::String) && !negative) {
        kind.m_literal = SurqlSyntax::quoteString(t.text);
        return kind;
    }
    if (t.is(SurqlToken::Type::Identifier) && !negative
        && (t.text == u"true" || t.text == u"false")) {
        kind.m_literal = t.text;
        return kind;
    }
    if (!t.is(SurqlToken::Type::Number))
        return std::nullopt;
    QString number = t.text;
    number.remove(u'_');
    if (!negative) {
        if (auto duration = SurqlSyntax::normalizeDuration(number)) {
            kind.m_literal = *duration;
            return kind;
        }
    }
    if (number.endsWith(u"dec")) {
        number.chop(3);
        bool ok = false;
        number.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        // The server prints decimal literals in a type with a leading space.
        kind.m_literal = u" "_s + sign + number;
        return kind;
    }
    const bool isFloat = number.endsWith(u'f') || number.contains(u'.') || number.contains(u'e')
                         || number.contains(u'E');
    if (number.endsWith(u'f'))
        number.chop(1);
    bool ok = false;
    if (!isFloat) {
        const qint64 value = QString(sign + number).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        kind.m_literal = QString::number(value);
        return kind;
    }
    const double value = QString(sign + number).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    // As INFO prints it: a leading space, then the float with its `f` suffix.
    kind.m_literal = u" "_s + SurqlSyntax::formatDouble(value) + u'f';
    return kind;
}

FieldKind FieldKind::literalArray(std::vector<FieldKind> items)
{
    FieldKind kind(Type::LiteralArray);
    kind.m_children = std::move(items);
    return kind;
}

FieldKind FieldKind::literalObject(const QStringList &keys, std::vector<FieldKind> values)
{
    // The server keeps object literal types in a sorted map (by UTF-8 bytes); the last value of a
    // repeated key wins.
    std::vector<std::pair<QByteArray, std::pair<QString, FieldKind>>> entries;
    for (qsizetype i = 0; i < keys.size() && size_t(i) < values.size(); ++i) {
        const QByteArray sortKey = keys.at(i).toUtf8();
        auto existing = std::find_if(entries.begin(), entries.end(), [&](const auto &e) {
            return e.first == sortKey;
        });
        if (existing != entries.end()) {
            existing->second.second = values[size_t(i)];
        } else {
            entries.push_back({sortKey, {keys.at(i), values[size_t(i)]}});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    FieldKind kind(Type::LiteralObject);
    for (auto &entry : entries) {
        kind.m_keys.append(entry.second.first);
        kind.m_children.push_back(std::move(entry.second.second));
    }
    return kind;
}

std::optional<FieldKind> FieldKind::parse(QStringView text, QString *error)
{
    const QList<SurqlToken> tokens = SurqlLexer::tokenize(text);
    qsizetype pos = 0;
    FieldKindReader reader(tokens, pos);
    auto kind = reader.read();
    if (kind && !tokens.at(qMin(pos, tokens.size() - 1)).is(SurqlToken::Type::End)) {
        if (error) {
            *error = u"unexpected "_s + tokens.at(pos).describe() + u" after the type"_s;
        }
        return std::nullopt;
    }
    if (!kind && error) {
        const SurqlToken &at = tokens.at(qMax<qsizetype>(0, reader.errorIndex()));
        *error = u"expected "_s + reader.expected() + u", found "_s + at.describe();
    }
    return kind;
}

bool FieldKind::isOptional() const
{
    if (m_type == Type::None)
        return true;
    return m_type == Type::Either
           && std::any_of(m_children.begin(), m_children.end(), [](const FieldKind &k) {
                  return k.isOptional();
              });
}

std::optional<FieldKind> FieldKind::innerKind() const
{
    switch (m_type) {
    case Type::Array:
    case Type::Set:
        return m_children.empty() ? FieldKind() : m_children.front();
    case Type::Either: {
        std::vector<FieldKind> inner;
        QStringList seen;
        for (const FieldKind &k : m_children) {
            auto element = k.innerKind();
            // INFO shows `array<int> | set<int>` → `int` once.
            if (element && !seen.contains(element->toString())) {
                seen.append(element->toString());
                inner.push_back(std::move(*element));
            }
        }
        if (inner.empty())
            return std::nullopt;
        // Like the server: an either of the element kinds as they are (not flattened), so an
        // either of one `any` is not `any` itself.
        FieldKind kind(Type::Either);
        kind.m_children = std::move(inner);
        return kind;
    }
    default:
        return std::nullopt;
    }
}

QString FieldKind::toString() const
{
    const auto joined = [](const QStringList &names, bool keywordFree) {
        QStringList out;
        for (const QString &n : names)
            out.append(keywordFree ? SurqlSyntax::quoteKeywordFreeIdentifier(n) : n);
        return out.join(u" | "_s);
    };
    const auto list = [](const std::vector<FieldKind> &kinds, const QString &separator) {
        QStringList out;
        for (const FieldKind &k : kinds)
            out.append(k.toString());
        return out.join(separator);
    };
    switch (m_type) {
    case Type::Any:
        return u"any"_s;
    case Type::None:
        return u"none"_s;
    case Type::Null:
        return u"null"_s;
    case Type::Bool:
        return u"bool"_s;
    case Type::Bytes:
        return u"bytes"_s;
    case Type::Datetime:
        return u"datetime"_s;
    case Type::Decimal:
        return u"decimal"_s;
    case Type::Duration:
        return u"duration"_s;
    case Type::Float:
        return u"float"_s;
    case Type::Int:
        return u"int"_s;
    case Type::Number:
        return u"number"_s;
    case Type::Object:
        return u"object"_s;
    case Type::String:
        return u"string"_s;
    case Type::Uuid:
        return u"uuid"_s;
    case Type::Regex:
        return u"regex"_s;
    case Type::Range:
        return u"range"_s;
    case Type::Function:
        return u"function"_s;
    case Type::Record:
        return m_names.isEmpty() ? u"record"_s : u"record<"_s + joined(m_names, true) + u'>';
    case Type::Table:
        return m_names.isEmpty() ? u"table"_s : u"table<"_s + joined(m_names, true) + u'>';
    case Type::Geometry:
        return m_names.isEmpty() ? u"geometry"_s : u"geometry<"_s + joined(m_names, false) + u'>';
    case Type::File:
        return m_names.isEmpty() ? u"file"_s : u"file<"_s + joined(m_names, true) + u'>';
    case Type::Array:
    case Type::Set: {
        const QString name = m_type == Type::Array ? u"array"_s : u"set"_s;
        const FieldKind element = m_children.empty() ? FieldKind() : m_children.front();
        if (!m_size)
            return element.isAny() ? name : name + u'<' + element.toString() + u'>';
        return name + u'<' + element.toString() + u", "_s + QString::number(*m_size) + u'>';
    }
    case Type::Either:
        return list(m_children, u" | "_s);
    case Type::Literal:
        return m_literal;
    case Type::LiteralArray:
        return u'[' + list(m_children, u", "_s) + u']';
    case Type::LiteralObject: {
        QStringList entries;
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            entries.append(SurqlSyntax::quoteObjectKey(m_keys.at(i)) + u": "_s
                           + m_children[size_t(i)].toString());
        }
        return u"{ "_s + entries.join(u", "_s) + u" }"_s;
    }
    }
    return u"any"_s;
}

} // namespace SurrealQt

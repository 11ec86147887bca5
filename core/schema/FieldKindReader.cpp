#include "FieldKindReader_p.h"

#include "SurqlSyntax.h"

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kMaxDepth = 64;

std::optional<FieldKind::Type> simpleType(const QString &lower)
{
    static const QList<std::pair<QString, FieldKind::Type>> table{
        {u"any"_s, FieldKind::Type::Any},
        {u"none"_s, FieldKind::Type::None},
        {u"null"_s, FieldKind::Type::Null},
        {u"bool"_s, FieldKind::Type::Bool},
        {u"bytes"_s, FieldKind::Type::Bytes},
        {u"datetime"_s, FieldKind::Type::Datetime},
        {u"decimal"_s, FieldKind::Type::Decimal},
        {u"duration"_s, FieldKind::Type::Duration},
        {u"float"_s, FieldKind::Type::Float},
        {u"int"_s, FieldKind::Type::Int},
        {u"number"_s, FieldKind::Type::Number},
        {u"object"_s, FieldKind::Type::Object},
        {u"string"_s, FieldKind::Type::String},
        {u"uuid"_s, FieldKind::Type::Uuid},
        {u"regex"_s, FieldKind::Type::Regex},
        {u"range"_s, FieldKind::Type::Range},
        {u"function"_s, FieldKind::Type::Function},
    };
    for (const auto &[name, type] : table) {
        if (name == lower)
            return type;
    }
    return std::nullopt;
}

} // namespace

const SurqlToken &FieldKindReader::peek() const
{
    return m_tokens.at(qMin(m_pos, m_tokens.size() - 1));
}

bool FieldKindReader::acceptPunct(QStringView symbol)
{
    if (!peek().isPunct(symbol))
        return false;
    ++m_pos;
    return true;
}

std::nullopt_t FieldKindReader::fail(const QString &expected)
{
    if (m_errorIndex < 0) {
        m_errorIndex = qMin(m_pos, m_tokens.size() - 1);
        m_expected = expected;
    }
    return std::nullopt;
}

std::optional<FieldKind> FieldKindReader::read()
{
    return readEither(0);
}

std::optional<FieldKind> FieldKindReader::readEither(int depth)
{
    if (depth > kMaxDepth)
        return fail(u"a less deeply nested type"_s);
    std::vector<FieldKind> alternatives;
    do {
        auto kind = readSingle(depth);
        if (!kind)
            return std::nullopt;
        alternatives.push_back(std::move(*kind));
    } while (acceptPunct(u"|"));
    return FieldKind::either(alternatives);
}

std::optional<FieldKind> FieldKindReader::readSingle(int depth)
{
    const SurqlToken &t = peek();
    if (t.is(SurqlToken::Type::String) || t.is(SurqlToken::Type::Number)) {
        ++m_pos;
        const QString text = t.is(SurqlToken::Type::String) ? SurqlSyntax::quoteString(t.text)
                                                            : t.text;
        if (auto kind = FieldKind::literal(text))
            return kind;
        --m_pos;
        return fail(u"a type"_s);
    }
    if (t.isPunct(u"-") && m_pos + 1 < m_tokens.size()
        && m_tokens.at(m_pos + 1).is(SurqlToken::Type::Number)) {
        const QString text = u"-"_s + m_tokens.at(m_pos + 1).text;
        if (auto kind = FieldKind::literal(text)) {
            m_pos += 2;
            return kind;
        }
        return fail(u"a type"_s);
    }
    if (t.isPunct(u"["))
        return readLiteralArray(depth);
    if (t.isPunct(u"{"))
        return readLiteralObject(depth);
    if (t.is(SurqlToken::Type::Identifier)) {
        ++m_pos;
        return readNamed(t.text.toLower(), depth);
    }
    return fail(u"a type"_s);
}

std::optional<FieldKind> FieldKindReader::readNamed(const QString &word, int depth)
{
    if (word == u"true" || word == u"false")
        return FieldKind::literal(word);
    if (auto type = simpleType(word))
        return FieldKind(*type);
    if (word == u"option") {
        if (!acceptPunct(u"<"))
            return fail(u"'<' after option"_s);
        auto inner = readEither(depth + 1);
        if (!inner)
            return std::nullopt;
        if (!acceptPunct(u">"))
            return fail(u"'>' or '|'"_s);
        return FieldKind::option(*inner);
    }
    if (word == u"array" || word == u"set")
        return readElement(word == u"set", depth);
    if (word == u"record" || word == u"table" || word == u"geometry" || word == u"file") {
        QStringList names;
        if (acceptPunct(u"<")) {
            auto read = readNames(word == u"geometry");
            if (!read)
                return std::nullopt;
            names = *read;
        }
        if (word == u"record")
            return FieldKind::record(names);
        if (word == u"table")
            return FieldKind::table(names);
        if (word == u"file")
            return FieldKind::file(names);
        static const QStringList geometries{u"feature"_s,
                                            u"point"_s,
                                            u"line"_s,
                                            u"polygon"_s,
                                            u"multipoint"_s,
                                            u"multiline"_s,
                                            u"multipolygon"_s,
                                            u"collection"_s};
        for (const QString &name : names) {
            if (!geometries.contains(name)) {
                return fail(u"a geometry kind (point, line, polygon, multipoint, multiline, "
                            "multipolygon, collection)"_s);
            }
        }
        return FieldKind::geometry(names);
    }
    --m_pos;
    return fail(u"a type"_s);
}

std::optional<QStringList> FieldKindReader::readNames(bool lowercase)
{
    QStringList names;
    do {
        const SurqlToken &t = peek();
        if (!t.is(SurqlToken::Type::Identifier) && !t.is(SurqlToken::Type::QuotedIdent))
            return fail(u"a name"_s);
        names.append(lowercase ? t.text.toLower() : t.text);
        ++m_pos;
    } while (acceptPunct(u"|") || acceptPunct(u","));
    if (!acceptPunct(u">"))
        return fail(u"'>' or '|'"_s);
    return names;
}

std::optional<FieldKind> FieldKindReader::readElement(bool isSet, int depth)
{
    FieldKind element;
    std::optional<qint64> size;
    if (acceptPunct(u"<")) {
        auto inner = readEither(depth + 1);
        if (!inner)
            return std::nullopt;
        element = *inner;
        if (acceptPunct(u",")) {
            const SurqlToken &n = peek();
            bool ok = false;
            const qint64 value = n.is(SurqlToken::Type::Number) ? n.text.toLongLong(&ok) : 0;
            if (!ok || value < 0)
                return fail(u"a maximum length"_s);
            ++m_pos;
            size = value;
        }
        if (!acceptPunct(u">"))
            return fail(size ? u"'>'"_s : u"'>', '|' or ','"_s);
    }
    return isSet ? FieldKind::set(element, size) : FieldKind::array(element, size);
}

std::optional<FieldKind> FieldKindReader::readLiteralArray(int depth)
{
    ++m_pos; // [
    std::vector<FieldKind> items;
    while (!acceptPunct(u"]")) {
        auto item = readEither(depth + 1);
        if (!item)
            return std::nullopt;
        items.push_back(std::move(*item));
        if (!acceptPunct(u",") && !peek().isPunct(u"]"))
            return fail(u"',' or ']'"_s);
    }
    return FieldKind::literalArray(std::move(items));
}

std::optional<FieldKind> FieldKindReader::readLiteralObject(int depth)
{
    ++m_pos; // {
    QStringList keys;
    std::vector<FieldKind> values;
    while (!acceptPunct(u"}")) {
        const SurqlToken &key = peek();
        if (!key.is(SurqlToken::Type::Identifier) && !key.is(SurqlToken::Type::String)
            && !key.is(SurqlToken::Type::QuotedIdent) && !key.is(SurqlToken::Type::Number))
            return fail(u"an object key"_s);
        ++m_pos;
        if (!acceptPunct(u":"))
            return fail(u"':'"_s);
        auto value = readEither(depth + 1);
        if (!value)
            return std::nullopt;
        keys.append(key.text);
        values.push_back(std::move(*value));
        if (!acceptPunct(u",") && !peek().isPunct(u"}"))
            return fail(u"',' or '}'"_s);
    }
    return FieldKind::literalObject(keys, std::move(values));
}

} // namespace SurrealQt

#include "SurqlParser_p.h"

#include "CborTags.h"
#include "DateTime.h"
#include "Decimal.h"
#include "Duration.h"
#include "FileRef.h"
#include "Geometry.h"
#include "Range.h"
#include "ValueHelpers_p.h"
#include "Values.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QLocale>

#include <limits>

namespace SurrealQt {

namespace {

constexpr int kMaxDepth = 256;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || isDigit(c);
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'';
}

// Letters that may follow a number: dec, f, and duration units (µ and μ for microseconds).
bool isSuffixChar(QChar c)
{
    return isIdentChar(c) || c == u'µ' || c == u'μ';
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

SurqlParser::SurqlParser(QStringView text)
    : m_text(text)
{}

std::nullopt_t SurqlParser::fail(const QString &reason)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("at position %1: %2").arg(m_pos).arg(reason);
    return std::nullopt;
}

void SurqlParser::skipWhitespace()
{
    while (!atEnd() && peek().isSpace())
        ++m_pos;
}

QChar SurqlParser::peek(qsizetype ahead) const
{
    return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
}

bool SurqlParser::lookingAt(QStringView text) const
{
    return m_text.mid(m_pos).startsWith(text);
}

bool SurqlParser::accept(QChar c)
{
    if (atEnd() || peek() != c)
        return false;
    ++m_pos;
    return true;
}

bool SurqlParser::atBoundEnd() const
{
    if (atEnd())
        return true;
    const QChar c = peek();
    return c.isSpace() || c == u',' || c == u']' || c == u'}' || c == u')' || c == u';';
}

QString SurqlParser::readWord()
{
    const qsizetype start = m_pos;
    while (!atEnd() && isIdentChar(peek()))
        ++m_pos;
    return m_text.sliced(start, m_pos - start).toString();
}

std::optional<QCborValue> SurqlParser::parseDocument()
{
    auto value = parseValue(0);
    if (!value)
        return std::nullopt;
    skipWhitespace();
    if (!atEnd())
        return fail(QStringLiteral("unexpected text after the value"));
    return value;
}

std::optional<RecordId> SurqlParser::parseRecordIdDocument()
{
    skipWhitespace();
    QString table;
    if (accept(u'`') || accept(u'⟨')) {
        auto name = parseDelimited(m_text[m_pos - 1] == u'`' ? u'`' : u'⟩');
        if (!name)
            return std::nullopt;
        table = *name;
    } else {
        table = readWord();
        if (table.isEmpty())
            return fail(QStringLiteral("expected a table name"));
    }
    if (peek() != u':')
        return fail(QStringLiteral("expected ':' between the table and the key"));
    const auto value = parseRecordIdAfterTable(table, 0);
    if (!value)
        return std::nullopt;
    skipWhitespace();
    if (!atEnd())
        return fail(QStringLiteral("unexpected text after the record id"));
    return RecordId::fromCbor(*value);
}

std::optional<QCborValue> SurqlParser::parseValue(int depth)
{
    if (depth > kMaxDepth)
        return fail(QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
    skipWhitespace();
    return parseRangeOf(depth, &SurqlParser::parsePrimary);
}

std::optional<QCborValue> SurqlParser::parsePrimary(int depth)
{
    skipWhitespace();
    if (atEnd())
        return fail(QStringLiteral("unexpected end of text, expected a value"));
    const QChar c = peek();
    if (isQuote(c)) {
        ++m_pos;
        auto text = parseDelimited(c);
        if (!text)
            return std::nullopt;
        return QCborValue(*text);
    }
    if (c == u'[')
        return parseArray(depth);
    if (c == u'{')
        return parseBraced(depth);
    if (c == u'(')
        return parsePoint();
    if (c == u'-' || isDigit(c))
        return parseNumber();
    if (isQuote(peek(1)) && QStringView(u"dubrfs").contains(c))
        return parsePrefixed();
    if (isIdentStart(c) || c == u'`' || c == u'⟨')
        return parseWord(depth);
    return fail(QStringLiteral("unexpected character '%1'").arg(c));
}

std::optional<QCborValue> SurqlParser::parseNumber()
{
    const qsizetype start = m_pos;
    const bool negative = accept(u'-');
    if (negative && lookingAt(u"Infinity")) {
        m_pos += 8;
        return QCborValue(-std::numeric_limits<double>::infinity());
    }
    const qsizetype digitsStart = m_pos;
    while (isDigit(peek()))
        ++m_pos;
    if (m_pos == digitsStart)
        return fail(QStringLiteral("expected a number"));
    bool isFloat = false;
    if (peek() == u'.' && isDigit(peek(1))) {
        ++m_pos;
        while (isDigit(peek()))
            ++m_pos;
        isFloat = true;
    }
    if ((peek() == u'e' || peek() == u'E')
        && (isDigit(peek(1)) || ((peek(1) == u'+' || peek(1) == u'-') && isDigit(peek(2))))) {
        m_pos += 2;
        while (isDigit(peek()))
            ++m_pos;
        isFloat = true;
    }
    const QStringView number = m_text.sliced(start, m_pos - start);
    if (isSuffixChar(peek())) {
        const qsizetype suffixStart = m_pos;
        while (isSuffixChar(peek()))
            ++m_pos;
        const QStringView suffix = m_text.sliced(suffixStart, m_pos - suffixStart);
        if (suffix == u"dec")
            return Decimal::fromString(number)->toCbor();
        if (suffix == u"f")
            return QCborValue(QLocale::c().toDouble(number));
        if (!isFloat && !negative) {
            QString error;
            if (const auto duration = Duration::parse(m_text.sliced(start, m_pos - start), &error))
                return duration->toCbor();
            m_pos = start;
            return fail(error);
        }
        m_pos = suffixStart;
        return fail(QStringLiteral("invalid number suffix \"%1\"").arg(suffix));
    }
    bool ok = false;
    if (isFloat) {
        const double value = QLocale::c().toDouble(number, &ok);
        if (!ok)
            return fail(QStringLiteral("invalid number \"%1\"").arg(number));
        return QCborValue(value);
    }
    const qint64 value = number.toLongLong(&ok);
    if (!ok) {
        m_pos = start;
        return fail(QStringLiteral("integer %1 out of the 64-bit range").arg(number));
    }
    return QCborValue(value);
}

std::optional<QCborValue> SurqlParser::parseArray(int depth)
{
    ++m_pos; // [
    skipWhitespace();
    if (accept(u']'))
        return QCborValue(QCborArray());
    const auto items = parseItems(depth, u']', "an array");
    if (!items)
        return std::nullopt;
    return QCborValue(*items);
}

std::optional<QCborArray> SurqlParser::parseItems(int depth, QChar close, const char *what)
{
    QCborArray items;
    for (;;) {
        const auto item = parseValue(depth + 1);
        if (!item)
            return std::nullopt;
        items.append(*item);
        skipWhitespace();
        if (accept(u',')) {
            skipWhitespace();
            if (accept(close))
                return items;
            continue;
        }
        if (accept(close))
            return items;
        return fail(QStringLiteral("expected ',' or '%1' in %2").arg(close, QLatin1String(what)));
    }
}

std::optional<QString> SurqlParser::parseObjectKey()
{
    const QChar c = peek();
    if (isQuote(c) || c == u'`') {
        ++m_pos;
        return parseDelimited(c);
    }
    if (c == u'⟨') {
        ++m_pos;
        return parseDelimited(u'⟩');
    }
    if (!atEnd() && isIdentChar(c))
        return readWord();
    return fail(QStringLiteral("expected an object key"));
}

std::optional<QCborValue> SurqlParser::parseBraced(int depth)
{
    ++m_pos; // {
    skipWhitespace();
    if (accept(u'}'))
        return QCborValue(QCborMap());
    if (accept(u',')) {
        skipWhitespace();
        if (!accept(u'}'))
            return fail(QStringLiteral("expected '}' after '{,'"));
        return Values::set({});
    }

    // An object when the first item is a key followed by ':', else a set.
    const qsizetype itemStart = m_pos;
    bool isObject = false;
    if (parseObjectKey()) {
        skipWhitespace();
        isObject = peek() == u':';
    }
    m_pos = itemStart;
    m_error.clear();

    if (!isObject) {
        const auto items = parseItems(depth, u'}', "a set");
        if (!items)
            return std::nullopt;
        return Values::set(*items);
    }

    QCborMap map;
    for (;;) {
        const auto key = parseObjectKey();
        if (!key)
            return std::nullopt;
        skipWhitespace();
        if (!accept(u':'))
            return fail(QStringLiteral("expected ':' after the object key"));
        const auto value = parseValue(depth + 1);
        if (!value)
            return std::nullopt;
        map.insert(*key, *value);
        skipWhitespace();
        if (accept(u',')) {
            skipWhitespace();
            if (accept(u'}'))
                break;
            continue;
        }
        if (accept(u'}'))
            break;
        return fail(QStringLiteral("expected ',' or '}' in an object"));
    }
    // As in SurrealDB, an object that is exactly a GeoJSON geometry is a geometry.
    if (map.size() == 2 && map.contains(QStringLiteral("type"))
        && (map.contains(QStringLiteral("coordinates"))
            || map.contains(QStringLiteral("geometries")))) {
        if (const auto geometry = Geometry::fromGeoJson(map))
            return geometry->toCbor();
    }
    return QCborValue(map);
}

std::optional<double> SurqlParser::parseCoordinate()
{
    skipWhitespace();
    if (lookingAt(u"NaN")) {
        m_pos += 3;
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (lookingAt(u"Infinity")) {
        m_pos += 8;
        return std::numeric_limits<double>::infinity();
    }
    const auto number = parseNumber();
    if (!number)
        return std::nullopt;
    if (!number->isInteger() && !number->isDouble())
        return fail(QStringLiteral("expected a number as a point coordinate"));
    return number->toDouble();
}

std::optional<QCborValue> SurqlParser::parsePoint()
{
    ++m_pos; // (
    const auto longitude = parseCoordinate();
    if (!longitude)
        return std::nullopt;
    skipWhitespace();
    if (!accept(u','))
        return fail(QStringLiteral("expected ',' between the point coordinates"));
    const auto latitude = parseCoordinate();
    if (!latitude)
        return std::nullopt;
    skipWhitespace();
    if (!accept(u')'))
        return fail(QStringLiteral("expected ')' after the point coordinates"));
    return Geometry::point(*longitude, *latitude).toCbor();
}

std::optional<QCborValue> SurqlParser::parsePrefixed()
{
    const QChar prefix = m_text[m_pos];
    const QChar quote = m_text[m_pos + 1];
    const qsizetype start = m_pos;
    m_pos += 2;
    const auto content = parseDelimited(quote);
    if (!content)
        return std::nullopt;
    QString error;
    std::optional<QCborValue> result;
    switch (prefix.unicode()) {
    case u'd':
        if (const auto dateTime = DateTime::parse(*content, &error))
            result = dateTime->toCbor();
        break;
    case u'u':
        if (const auto uuid = ValueHelpers::parseUuidText(*content)) {
            result = QCborValue(*uuid);
        } else {
            error = QStringLiteral("invalid uuid \"%1\"").arg(*content);
        }
        break;
    case u'r':
        if (const auto id = RecordId::parse(*content, &error))
            result = id->toCbor();
        break;
    case u'b': {
        bool valid = content->size() % 2 == 0;
        for (QChar c : *content)
            valid = valid && hexValue(c) >= 0;
        if (valid) {
            result = QCborValue(QByteArray::fromHex(content->toLatin1()));
        } else {
            error = QStringLiteral("invalid bytes literal: expected an even number of hex digits");
        }
        break;
    }
    case u'f':
        if (const auto file = FileRef::parse(*content, &error))
            result = file->toCbor();
        break;
    default:
        result = QCborValue(*content);
        break;
    }
    if (!result) {
        m_pos = start;
        return fail(error);
    }
    return result;
}

std::optional<QCborValue> SurqlParser::parseWord(int depth)
{
    QString name;
    bool quoted = true;
    if (accept(u'`')) {
        auto text = parseDelimited(u'`');
        if (!text)
            return std::nullopt;
        name = *text;
    } else if (accept(u'⟨')) {
        auto text = parseDelimited(u'⟩');
        if (!text)
            return std::nullopt;
        name = *text;
    } else {
        name = readWord();
        quoted = false;
    }
    if (!quoted) {
        if (name.compare(u"NONE", Qt::CaseInsensitive) == 0)
            return Values::none();
        if (name.compare(u"NULL", Qt::CaseInsensitive) == 0)
            return QCborValue(nullptr);
        if (name.compare(u"true", Qt::CaseInsensitive) == 0)
            return QCborValue(true);
        if (name.compare(u"false", Qt::CaseInsensitive) == 0)
            return QCborValue(false);
        if (name == u"NaN")
            return QCborValue(std::numeric_limits<double>::quiet_NaN());
        if (name == u"Infinity")
            return QCborValue(std::numeric_limits<double>::infinity());
    }
    if (peek() == u':' && peek(1) != u':')
        return parseRecordIdAfterTable(name, depth);
    return QCborValue(QCborTag(CborTags::Table), name);
}

std::optional<QCborValue> SurqlParser::parseRecordIdAfterTable(const QString &table, int depth)
{
    ++m_pos; // :
    const qsizetype start = m_pos;
    const auto key = parseKeyOrKeyRange(depth);
    if (!key)
        return std::nullopt;
    QString error;
    const auto id = RecordId::fromKey(table, *key, &error);
    if (!id) {
        m_pos = start;
        return fail(error);
    }
    return id->toCbor();
}

std::optional<QCborValue> SurqlParser::parseKeyOrKeyRange(int depth)
{
    return parseRangeOf(depth, &SurqlParser::parseRecordKey);
}

// `a`, `a..b`, `a>..=b`, `..b`, `a..`: one item read by `parseItem`, or a range of them.
std::optional<QCborValue> SurqlParser::parseRangeOf(int depth, ItemParser parseItem)
{
    Range::Bound begin;
    std::optional<QCborValue> first;
    if (!lookingAt(u"..")) {
        first = (this->*parseItem)(depth);
        if (!first)
            return std::nullopt;
        begin = Range::Bound::included(*first);
    }
    if (first && lookingAt(u">..")) {
        begin.type = Range::BoundType::Excluded;
        m_pos += 3;
    } else if (lookingAt(u"..")) {
        m_pos += 2;
    } else {
        return first;
    }
    Range::Bound end;
    const bool inclusive = accept(u'=');
    if (inclusive || !atBoundEnd()) {
        const auto item = (this->*parseItem)(depth);
        if (!item)
            return std::nullopt;
        end = inclusive ? Range::Bound::included(*item) : Range::Bound::excluded(*item);
    }
    return Range(begin, end).toCbor();
}

std::optional<QCborValue> SurqlParser::parseRecordKey(int depth)
{
    if (atEnd())
        return fail(QStringLiteral("expected a record key"));
    const QChar c = peek();
    if (accept(u'⟨') || accept(u'`')) {
        auto text = parseDelimited(c == u'`' ? u'`' : u'⟩');
        if (!text)
            return std::nullopt;
        return QCborValue(*text);
    }
    if (c == u'[')
        return parseArray(depth + 1);
    if (c == u'{') {
        auto value = parseBraced(depth + 1);
        if (value && !value->isMap())
            return fail(QStringLiteral("expected an object as the record key"));
        return value;
    }
    if (c == u'u' && isQuote(peek(1)))
        return parsePrefixed();
    if (c == u'-' || isDigit(c)) {
        const qsizetype start = m_pos;
        const bool negative = accept(u'-');
        while (isDigit(peek()))
            ++m_pos;
        if (m_pos == start + (negative ? 1 : 0))
            return fail(QStringLiteral("expected digits in the record key"));
        if (!negative && isIdentChar(peek())) {
            // 42abc: a string key that starts with digits.
            while (isIdentChar(peek()))
                ++m_pos;
            return QCborValue(m_text.sliced(start, m_pos - start).toString());
        }
        bool ok = false;
        const qint64 value = m_text.sliced(start, m_pos - start).toLongLong(&ok);
        if (!ok) {
            m_pos = start;
            return fail(QStringLiteral("record key integer out of the 64-bit range"));
        }
        return QCborValue(value);
    }
    if (isIdentStart(c))
        return QCborValue(readWord());
    return fail(QStringLiteral("expected a record key"));
}

std::optional<QString> SurqlParser::parseDelimited(QChar closing)
{
    QString out;
    for (;;) {
        if (atEnd())
            return fail(QStringLiteral("unterminated text: expected '%1'").arg(closing));
        const QChar c = m_text[m_pos++];
        if (c == closing)
            return out;
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (atEnd())
            return fail(QStringLiteral("unterminated escape sequence"));
        const QChar escaped = m_text[m_pos++];
        switch (escaped.unicode()) {
        case u'\\':
        case u'/':
        case u'"':
        case u'\'':
        case u'`':
        case u'⟩':
            out += escaped;
            break;
        case u'b':
            out += u'\b';
            break;
        case u'f':
            out += u'\f';
            break;
        case u'n':
            out += u'\n';
            break;
        case u'r':
            out += u'\r';
            break;
        case u't':
            out += u'\t';
            break;
        case u'0':
            out += QChar(0);
            break;
        case u'u': {
            char32_t code = 0;
            if (accept(u'{')) {
                int count = 0;
                while (count < 6 && hexValue(peek()) >= 0) {
                    code = code * 16 + char32_t(hexValue(peek()));
                    ++m_pos;
                    ++count;
                }
                if (count == 0 || !accept(u'}') || code > 0x10FFFF
                    || (code >= 0xD800 && code <= 0xDFFF))
                    return fail(QStringLiteral("invalid \\u{…} escape"));
                out += QString::fromUcs4(&code, 1);
            } else {
                for (int i = 0; i < 4; ++i) {
                    if (hexValue(peek()) < 0)
                        return fail(QStringLiteral("invalid \\u escape: expected 4 hex digits"));
                    code = code * 16 + char32_t(hexValue(peek()));
                    ++m_pos;
                }
                out += QChar(char16_t(code));
            }
            break;
        }
        default:
            --m_pos;
            return fail(QStringLiteral("invalid escape sequence '\\%1'").arg(escaped));
        }
    }
}

} // namespace SurrealQt

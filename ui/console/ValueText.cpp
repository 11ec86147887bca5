#include "console/ValueText.h"

#include <surrealqt/schema/SurqlSyntax.h>
#include <surrealqt/values/RecordId.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QUuid>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

// The CBOR tags SurrealDB uses (docs/surrealdb-protocol.md, section 3).
enum Tag : quint64 {
    TagNone = 6,
    TagTable = 7,
    TagRecordId = 8,
    TagStringUuid = 9,
    TagDecimal = 10,
    TagDateTime = 12,
    TagStringDuration = 13,
    TagDuration = 14,
    TagFuture = 15,
    TagUuid = 37,
    TagRange = 49,
    TagBoundIncluded = 50,
    TagBoundExcluded = 51,
    TagFile = 55,
    TagSet = 56,
    TagPoint = 88,
    TagLine = 89,
    TagPolygon = 90,
    TagMultiPoint = 91,
    TagMultiLine = 92,
    TagMultiPolygon = 93,
    TagCollection = 94,
};

quint64 tagOf(const QCborValue &value)
{
    return value.isTag() ? quint64(value.tag()) : 0;
}

bool isPlainIdentifier(QStringView text, bool allowLeadingDigit)
{
    if (text.isEmpty())
        return false;
    bool allDigits = true;
    for (QChar c : text) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            return false;
        allDigits = allDigits && c.isDigit();
    }
    return allowLeadingDigit ? !allDigits : !text.front().isDigit();
}

QString formatDuration(const QCborArray &parts)
{
    static constexpr qint64 Minute = 60;
    static constexpr qint64 Hour = 60 * Minute;
    static constexpr qint64 Day = 24 * Hour;
    static constexpr qint64 Week = 7 * Day;
    static constexpr qint64 Year = 365 * Day;
    qint64 seconds = !parts.isEmpty() ? parts.at(0).toInteger() : 0;
    qint64 nanos = parts.size() > 1 ? parts.at(1).toInteger() : 0;
    QString out;
    const auto take = [&out](qint64 &amount, qint64 unit, QStringView suffix) {
        if (amount >= unit) {
            out += QString::number(amount / unit) + suffix;
            amount %= unit;
        }
    };
    take(seconds, Year, u"y");
    take(seconds, Week, u"w");
    take(seconds, Day, u"d");
    take(seconds, Hour, u"h");
    take(seconds, Minute, u"m");
    take(seconds, 1, u"s");
    take(nanos, 1000000, u"ms");
    take(nanos, 1000, u"µs");
    take(nanos, 1, u"ns");
    return out.isEmpty() ? u"0ns"_s : out;
}

QString formatDateTime(const QCborArray &parts)
{
    const qint64 seconds = !parts.isEmpty() ? parts.at(0).toInteger() : 0;
    const qint64 nanos = parts.size() > 1 ? parts.at(1).toInteger() : 0;
    QString text
        = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    if (nanos > 0) {
        QString fraction = QString::number(nanos).rightJustified(9, u'0');
        while (fraction.endsWith(u'0'))
            fraction.chop(1);
        text += u'.' + fraction;
    }
    return text + u'Z';
}

QString formatDouble(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// GeoJSON for a geometry value: {type, coordinates} or {type, geometries}.
QCborValue geoJson(const QCborValue &value);

QCborValue coordinates(const QCborValue &value)
{
    const QCborArray items = value.taggedValue().toArray();
    if (tagOf(value) == TagPoint)
        return items;
    QCborArray out;
    for (const QCborValue &item : items)
        out.append(coordinates(item));
    return out;
}

QCborValue geoJson(const QCborValue &value)
{
    static const std::array<QString, 7> types = {u"Point"_s,
                                                 u"LineString"_s,
                                                 u"Polygon"_s,
                                                 u"MultiPoint"_s,
                                                 u"MultiLineString"_s,
                                                 u"MultiPolygon"_s,
                                                 u"GeometryCollection"_s};
    const quint64 tag = tagOf(value);
    QCborMap map{{u"type"_s, types.at(tag - TagPoint)}};
    if (tag == TagCollection) {
        QCborArray geometries;
        for (const QCborValue &item : value.taggedValue().toArray())
            geometries.append(geoJson(item));
        map.insert(u"geometries"_s, geometries);
    } else {
        map.insert(u"coordinates"_s, coordinates(value));
    }
    return map;
}

class Writer
{
public:
    Writer(ValueText::Style style, qsizetype budget, bool pretty)
        : m_style(style)
        , m_budget(budget)
        , m_pretty(pretty)
    {}

    QString finish()
    {
        if (m_budget >= 0 && m_out.size() > m_budget) {
            m_out.truncate(m_budget);
            m_out += u'…';
        }
        return std::move(m_out);
    }

    void write(const QCborValue &value, bool topLevel = false);

private:
    bool full() const { return m_budget >= 0 && m_out.size() > m_budget; }
    bool json() const { return m_style == ValueText::Style::Json; }
    void quoted(QStringView text, QChar quote = u'"');
    void prefixed(QStringView prefix, QStringView text);
    void newline();
    void writeArray(const QCborArray &array, QChar open, QChar close);
    void writeMap(const QCborMap &map);
    void writeTagged(const QCborValue &value);
    void writeRecordId(const QCborArray &parts);
    void writeBound(const QCborValue &bound, bool end);

    ValueText::Style m_style;
    qsizetype m_budget;
    bool m_pretty;
    int m_depth = 0;
    QString m_out;
};

void Writer::quoted(QStringView text, QChar quote)
{
    m_out += quote;
    for (QChar c : text) {
        if (full())
            return;
        switch (c.unicode()) {
        case u'\\':
            m_out += u"\\\\";
            break;
        case u'\n':
            m_out += u"\\n";
            break;
        case u'\r':
            m_out += u"\\r";
            break;
        case u'\t':
            m_out += u"\\t";
            break;
        default:
            if (c == quote)
                m_out += u'\\';
            if (c.unicode() < 0x20) {
                m_out += u"\\u%1"_s.arg(c.unicode(), 4, 16, QChar(u'0'));
            } else {
                m_out += c;
            }
        }
    }
    m_out += quote;
}

// d"…", u"…", b"…", f"…" in SurrealQL; a JSON string; bare text on display.
void Writer::prefixed(QStringView prefix, QStringView text)
{
    if (m_style == ValueText::Style::Surql)
        m_out += prefix;
    if (m_style == ValueText::Style::Display && !prefix.isEmpty()) {
        m_out += text;
    } else {
        quoted(text);
    }
}

void Writer::newline()
{
    if (!m_pretty)
        return;
    m_out += u'\n';
    m_out += QString(qsizetype(m_depth) * 2, u' ');
}

void Writer::write(const QCborValue &value, bool topLevel)
{
    if (full())
        return;
    switch (value.type()) {
    case QCborValue::Undefined:
    case QCborValue::Invalid:
        m_out += json() ? u"null"_s : u"NONE"_s;
        return;
    case QCborValue::Null:
        m_out += json() ? u"null"_s : u"NULL"_s;
        return;
    case QCborValue::False:
    case QCborValue::True:
        m_out += value.toBool() ? u"true"_s : u"false"_s;
        return;
    case QCborValue::Integer:
        m_out += QString::number(value.toInteger());
        return;
    case QCborValue::Double: {
        const double number = value.toDouble();
        if (json()) {
            m_out += std::isfinite(number) ? formatDouble(number) : u"null"_s;
        } else if (m_style == ValueText::Style::Surql && std::isfinite(number)) {
            m_out += formatDouble(number) + u'f';
        } else {
            m_out += formatDouble(number);
        }
        return;
    }
    case QCborValue::String:
        if (topLevel && m_style == ValueText::Style::Display) {
            m_out += value.toString();
        } else {
            quoted(value.toString());
        }
        return;
    case QCborValue::ByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (json()) {
            QCborArray numbers;
            for (char byte : bytes)
                numbers.append(int(quint8(byte)));
            write(numbers);
        } else {
            m_out += u"b\""_s + QString::fromLatin1(bytes.toHex().toUpper()) + u'"';
        }
        return;
    }
    case QCborValue::Uuid:
        prefixed(u"u", value.toUuid().toString(QUuid::WithoutBraces));
        return;
    case QCborValue::Array:
        writeArray(value.toArray(), u'[', u']');
        return;
    case QCborValue::Map:
        writeMap(value.toMap());
        return;
    case QCborValue::DateTime:
        prefixed(u"d", value.toDateTime().toUTC().toString(Qt::ISODateWithMs));
        return;
    default:
        break;
    }
    if (value.isTag()) {
        writeTagged(value);
        return;
    }
    if (value.isSimpleType()) {
        m_out += u"simple(%1)"_s.arg(int(value.toSimpleType()));
    } else {
        m_out += json() ? u"null"_s : u"NONE"_s;
    }
}

void Writer::writeTagged(const QCborValue &value)
{
    const QCborValue inner = value.taggedValue();
    switch (tagOf(value)) {
    case TagNone:
        m_out += json() ? u"null"_s : u"NONE"_s;
        return;
    case TagTable:
        if (json()) {
            quoted(inner.toString());
        } else {
            m_out += SurqlSyntax::quoteKeywordFreeIdentifier(inner.toString());
        }
        return;
    case TagRecordId:
        if (inner.isString()) {
            prefixed(u"r", inner.toString());
        } else {
            writeRecordId(inner.toArray());
        }
        return;
    case TagStringUuid:
        prefixed(u"u", inner.toString());
        return;
    case TagDecimal:
        if (m_style == ValueText::Style::Surql) {
            m_out += inner.toString() + u"dec"_s;
        } else if (json()) {
            quoted(inner.toString());
        } else {
            m_out += inner.toString();
        }
        return;
    case TagDateTime:
        prefixed(u"d", formatDateTime(inner.toArray()));
        return;
    case TagStringDuration:
    case TagDuration: {
        const QString text = inner.isString() ? inner.toString() : formatDuration(inner.toArray());
        if (json()) {
            quoted(text);
        } else {
            m_out += text;
        }
        return;
    }
    case TagFuture:
        m_out += json() ? u"null"_s : u"<future>"_s;
        return;
    case TagUuid:
        prefixed(u"u", QUuid::fromRfc4122(inner.toByteArray()).toString(QUuid::WithoutBraces));
        return;
    case TagRange: {
        const QCborArray bounds = inner.toArray();
        if (json())
            m_out += u'"';
        writeBound(bounds.at(0), false);
        m_out += bounds.at(1).isTag() && tagOf(bounds.at(1)) == TagBoundIncluded ? u"..="_s
                                                                                 : u".."_s;
        writeBound(bounds.at(1), true);
        if (json())
            m_out += u'"';
        return;
    }
    case TagFile: {
        const QCborArray parts = inner.toArray();
        const QString key = parts.at(1).toString();
        prefixed(u"f",
                 QString(parts.at(0).toString() + (key.startsWith(u'/') ? u":"_s : u":/"_s) + key));
        return;
    }
    case TagSet:
        if (json()) {
            writeArray(inner.toArray(), u'[', u']');
        } else {
            writeArray(inner.toArray(), u'{', u'}');
        }
        return;
    case TagPoint:
        if (!json()) {
            const QCborArray xy = inner.toArray();
            m_out += u'(' + formatDouble(xy.at(0).toDouble()) + u", "_s
                     + formatDouble(xy.at(1).toDouble()) + u')';
            return;
        }
        write(geoJson(value));
        return;
    case TagLine:
    case TagPolygon:
    case TagMultiPoint:
    case TagMultiLine:
    case TagMultiPolygon:
    case TagCollection:
        write(geoJson(value));
        return;
    default:
        write(inner);
    }
}

void Writer::writeRecordId(const QCborArray &parts)
{
    const QCborValue table = parts.at(0);
    const QCborValue key = parts.at(1);
    const bool quoteWhole = json();
    if (quoteWhole) {
        // JSON: the whole id as one string, keys printed as in SurrealQL.
        Writer inner(ValueText::Style::Surql, m_budget, false);
        inner.writeRecordId(parts);
        quoted(inner.finish());
        return;
    }
    const QString tableName = table.toString();
    if (key.isString()) {
        // The core's printer: escaped backticks, and keys that start with a digit in ⟨⟩.
        m_out += RecordId(tableName, key.toString()).toSurql();
        return;
    }
    m_out += SurqlSyntax::quoteKeywordFreeIdentifier(tableName);
    m_out += u':';
    const ValueText::Style saved = m_style;
    m_style = ValueText::Style::Surql;
    write(key);
    m_style = saved;
}

void Writer::writeBound(const QCborValue &bound, bool end)
{
    if (!bound.isTag())
        return;
    const ValueText::Style saved = m_style;
    m_style = ValueText::Style::Surql;
    write(bound.taggedValue());
    m_style = saved;
    if (!end && tagOf(bound) == TagBoundExcluded)
        m_out += u'>';
}

void Writer::writeArray(const QCborArray &array, QChar open, QChar close)
{
    m_out += open;
    if (array.isEmpty()) {
        m_out += close;
        return;
    }
    ++m_depth;
    for (qsizetype i = 0; i < array.size() && !full(); ++i) {
        if (i > 0)
            m_out += m_pretty ? u","_s : u", "_s;
        newline();
        write(array.at(i));
    }
    --m_depth;
    newline();
    m_out += close;
}

void Writer::writeMap(const QCborMap &map)
{
    if (map.isEmpty()) {
        m_out += u"{}"_s;
        return;
    }
    m_out += m_pretty || json() ? u"{"_s : u"{ "_s;
    ++m_depth;
    bool first = true;
    for (auto it = map.constBegin(); it != map.constEnd() && !full(); ++it) {
        if (!first)
            m_out += m_pretty ? u","_s : u", "_s;
        first = false;
        newline();
        const QString key = it.key().toString();
        if (json() || !isPlainIdentifier(key, false)) {
            quoted(key);
        } else {
            m_out += key;
        }
        m_out += u": "_s;
        write(it.value());
    }
    --m_depth;
    newline();
    m_out += m_pretty || json() ? u"}"_s : u" }"_s;
}

} // namespace

QString ValueText::format(const QCborValue &value, Style style, qsizetype budget)
{
    Writer writer(style, budget, false);
    writer.write(value, true);
    return writer.finish();
}

QString ValueText::formatPretty(const QCborValue &value, Style style, qsizetype budget)
{
    Writer writer(style, budget, true);
    writer.write(value, true);
    return writer.finish();
}

QString ValueText::typeName(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Undefined:
    case QCborValue::Invalid:
        return u"none"_s;
    case QCborValue::Null:
        return u"null"_s;
    case QCborValue::False:
    case QCborValue::True:
        return u"bool"_s;
    case QCborValue::Integer:
        return u"int"_s;
    case QCborValue::Double:
        return u"float"_s;
    case QCborValue::String:
        return u"string"_s;
    case QCborValue::ByteArray:
        return u"bytes"_s;
    case QCborValue::Uuid:
        return u"uuid"_s;
    case QCborValue::Array:
        return u"array"_s;
    case QCborValue::Map:
        return u"object"_s;
    case QCborValue::DateTime:
        return u"datetime"_s;
    default:
        break;
    }
    switch (tagOf(value)) {
    case TagNone:
        return u"none"_s;
    case TagTable:
        return u"table"_s;
    case TagRecordId:
        return u"record"_s;
    case TagStringUuid:
    case TagUuid:
        return u"uuid"_s;
    case TagDecimal:
        return u"decimal"_s;
    case TagDateTime:
        return u"datetime"_s;
    case TagStringDuration:
    case TagDuration:
        return u"duration"_s;
    case TagRange:
        return u"range"_s;
    case TagFile:
        return u"file"_s;
    case TagSet:
        return u"set"_s;
    case TagPoint:
    case TagLine:
    case TagPolygon:
    case TagMultiPoint:
    case TagMultiLine:
    case TagMultiPolygon:
    case TagCollection:
        return u"geometry"_s;
    default:
        return u"unknown"_s;
    }
}

bool ValueText::isNumber(const QCborValue &value)
{
    return value.isInteger() || value.isDouble() || tagOf(value) == TagDecimal;
}

bool ValueText::isNoneOrNull(const QCborValue &value)
{
    return value.isUndefined() || value.isInvalid() || value.isNull() || tagOf(value) == TagNone;
}

} // namespace SurrealQt

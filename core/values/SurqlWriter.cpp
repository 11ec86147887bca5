// Values::toSurql and Values::parseSurql.

#include "Values.h"

#include "CborTags.h"
#include "DateTime.h"
#include "Decimal.h"
#include "Duration.h"
#include "FileRef.h"
#include "Geometry.h"
#include "Range.h"
#include "RecordId.h"
#include "SurqlParser_p.h"
#include "SurqlText_p.h"
#include "Table.h"
#include "ValueHelpers_p.h"

#include <QtCore/QCborMap>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>

namespace SurrealQt::Values {

namespace {

// How many non-string object keys are being printed (see the Map case of toSurql).
thread_local int t_keyDepth = 0;

template<typename T>
std::optional<QString> classSurql(const QCborValue &value)
{
    if (const auto typed = T::fromCbor(value))
        return typed->toSurql();
    return std::nullopt;
}

QString setToSurql(const QCborArray &items)
{
    if (items.isEmpty())
        return QStringLiteral("{,}");
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += u", ";
        const QCborValue item = items.at(i);
        // `{person:1}` would read as an object: a record id in a set goes in r"…".
        if (kindOf(item) == ValueKind::RecordId) {
            out += u'r' + SurqlText::quoteString(toSurql(item));
        } else {
            out += toSurql(item);
        }
    }
    if (items.size() == 1)
        out += u',';
    out += u'}';
    return out;
}

std::optional<QString> taggedToSurql(const QCborValue &value)
{
    switch (quint64(value.tag())) {
    case CborTags::None:
        return QStringLiteral("NONE");
    case CborTags::Table:
        return classSurql<Table>(value);
    case CborTags::RecordId:
        return classSurql<RecordId>(value);
    case CborTags::StringUuid:
        if (const auto uuid = ValueHelpers::parseUuidText(value.taggedValue().toString()))
            return toSurql(QCborValue(*uuid));
        break;
    case CborTags::StringDecimal:
        return classSurql<Decimal>(value);
    case CborTags::SpecDateTime:
    case CborTags::CustomDateTime:
        return classSurql<DateTime>(value);
    case CborTags::StringDuration:
    case CborTags::CustomDuration:
        return classSurql<Duration>(value);
    case CborTags::Range:
        return classSurql<Range>(value);
    case CborTags::File:
        return classSurql<FileRef>(value);
    case CborTags::Set:
        return setToSurql(value.taggedValue().toArray());
    case CborTags::GeometryPoint:
    case CborTags::GeometryLine:
    case CborTags::GeometryPolygon:
    case CborTags::GeometryMultiPoint:
    case CborTags::GeometryMultiLine:
    case CborTags::GeometryMultiPolygon:
    case CborTags::GeometryCollection:
        return classSurql<Geometry>(value);
    default:
        break;
    }
    return std::nullopt;
}

} // namespace

QString toSurql(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer:
        return QString::number(value.toInteger());
    case QCborValue::Double:
        return SurqlText::formatFloat(value.toDouble());
    case QCborValue::String:
        return SurqlText::quoteString(value.toString());
    case QCborValue::ByteArray:
        return QStringLiteral("b\"") + QString::fromLatin1(value.toByteArray().toHex().toUpper())
               + u'"';
    case QCborValue::Array: {
        QString out = QStringLiteral("[");
        const QCborArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                out += u", ";
            out += toSurql(array.at(i));
        }
        out += u']';
        return out;
    }
    case QCborValue::Map: {
        const QCborMap map = value.toMap();
        if (map.isEmpty())
            return QStringLiteral("{}");
        QString out = QStringLiteral("{ ");
        bool first = true;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (!first)
                out += u", ";
            first = false;
            const QCborValue key = it.key();
            if (key.isString()) {
                out += SurqlText::escapeObjectKey(key.toString());
            } else if (t_keyDepth > 0) {
                // Inside a key that is already being quoted: quoting again at every level would
                // double the escapes per level, and a few hundred bytes of maps keyed by maps
                // would print as 2^depth characters.
                out += toSurql(key);
            } else {
                // A non-string key (CBOR allows it; SurrealDB never sends one) becomes the string
                // of its SurrealQL form.
                ++t_keyDepth;
                const QString text = toSurql(key);
                --t_keyDepth;
                out += SurqlText::quoteString(text);
            }
            out += u": " + toSurql(it.value());
        }
        out += u" }";
        return out;
    }
    case QCborValue::False:
        return QStringLiteral("false");
    case QCborValue::True:
        return QStringLiteral("true");
    case QCborValue::Null:
        return QStringLiteral("NULL");
    case QCborValue::Undefined:
    case QCborValue::Invalid:
        return QStringLiteral("NONE");
    case QCborValue::Uuid:
        return u'u' + SurqlText::quoteString(value.toUuid().toString(QUuid::WithoutBraces));
    case QCborValue::DateTime:
        if (const auto dateTime = DateTime::fromQDateTime(value.toDateTime()))
            return dateTime->toSurql();
        return QStringLiteral("NONE");
    case QCborValue::Url:
        return SurqlText::quoteString(value.toUrl().toString());
    case QCborValue::RegularExpression:
        return u'/' + value.toRegularExpression().pattern() + u'/';
    case QCborValue::Tag:
        if (const auto text = taggedToSurql(value))
            return *text;
        // Not a SurrealDB tag, or a malformed payload: print what is inside.
        return toSurql(value.taggedValue());
    default:
        break;
    }
    return QStringLiteral("NULL");
}

std::optional<QCborValue> parseSurql(QStringView text, QString *error)
{
    SurqlParser parser(text);
    auto value = parser.parseDocument();
    if (!value && error)
        *error = parser.errorString();
    return value;
}

} // namespace SurrealQt::Values

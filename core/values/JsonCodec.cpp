// Values::toJson and Values::fromJson.

#include "Values.h"

#include "CborTags.h"
#include "DateTime.h"
#include "Decimal.h"
#include "Duration.h"
#include "FileRef.h"
#include "Geometry.h"
#include "Range.h"
#include "RecordId.h"
#include "Table.h"
#include "ValueHelpers_p.h"

#include <QtCore/QCborMap>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

#include <cmath>
#include <limits>

namespace SurrealQt::Values {

namespace {

std::optional<QJsonValue> taggedToJson(const QCborValue &value)
{
    const QCborValue inner = value.taggedValue();
    switch (quint64(value.tag())) {
    case CborTags::None:
        return QJsonValue(QJsonValue::Null);
    case CborTags::Table:
        if (const auto table = Table::fromCbor(value))
            return table->name();
        break;
    case CborTags::RecordId:
        if (const auto id = RecordId::fromCbor(value))
            return id->toSurql();
        break;
    case CborTags::StringUuid:
        if (const auto uuid = ValueHelpers::parseUuidText(inner.toString()))
            return uuid->toString(QUuid::WithoutBraces);
        break;
    case CborTags::StringDecimal:
        if (const auto decimal = Decimal::fromCbor(value))
            return decimal->toString();
        break;
    case CborTags::SpecDateTime:
    case CborTags::CustomDateTime:
        if (const auto dateTime = DateTime::fromCbor(value))
            return dateTime->toString();
        break;
    case CborTags::StringDuration:
    case CborTags::CustomDuration:
        if (const auto duration = Duration::fromCbor(value))
            return duration->toString();
        break;
    case CborTags::Range:
        if (const auto range = Range::fromCbor(value))
            return range->toSurql();
        break;
    case CborTags::File:
        if (const auto file = FileRef::fromCbor(value))
            return file->toSurql();
        break;
    case CborTags::Set:
        return toJson(inner);
    case CborTags::GeometryPoint:
    case CborTags::GeometryLine:
    case CborTags::GeometryPolygon:
    case CborTags::GeometryMultiPoint:
    case CborTags::GeometryMultiLine:
    case CborTags::GeometryMultiPolygon:
    case CborTags::GeometryCollection:
        if (const auto geometry = Geometry::fromCbor(value))
            return geometry->toGeoJson().toJsonObject();
        break;
    default:
        break;
    }
    return std::nullopt;
}

QCborValue genericFromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return json.toBool();
    case QJsonValue::Double: {
        // QCborValue keeps the integer/double distinction of the parsed JSON text.
        const QCborValue number = QCborValue::fromJsonValue(json);
        return number.isInteger() ? number : QCborValue(json.toDouble());
    }
    case QJsonValue::String:
        return json.toString();
    case QJsonValue::Array: {
        QCborArray array;
        for (const QJsonValue &item : json.toArray())
            array.append(genericFromJson(item));
        return array;
    }
    case QJsonValue::Object: {
        QCborMap map;
        const QJsonObject object = json.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            map.insert(it.key(), genericFromJson(it.value()));
        return map;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QCborValue(nullptr);
}

template<typename T>
std::optional<QCborValue> canonical(const std::optional<T> &value)
{
    if (!value)
        return std::nullopt;
    return value->toCbor();
}

std::optional<QCborValue> typedFromJson(const QJsonValue &json, ValueKind hint, QString *error)
{
    const QString text = json.toString();
    switch (hint) {
    case ValueKind::Bool:
        if (json.isBool())
            return QCborValue(json.toBool());
        break;
    case ValueKind::Integer: {
        const QCborValue number = QCborValue::fromJsonValue(json);
        if (number.isInteger())
            return number;
        const double d = json.toDouble();
        if (json.isDouble() && std::trunc(d) == d && std::abs(d) < 9.2e18)
            return QCborValue(qint64(d));
        break;
    }
    case ValueKind::Float:
        if (json.isDouble())
            return QCborValue(json.toDouble());
        if (text == u"NaN")
            return QCborValue(std::numeric_limits<double>::quiet_NaN());
        if (text == u"Infinity" || text == u"inf")
            return QCborValue(std::numeric_limits<double>::infinity());
        if (text == u"-Infinity" || text == u"-inf")
            return QCborValue(-std::numeric_limits<double>::infinity());
        break;
    case ValueKind::Decimal:
        if (json.isString())
            return canonical(Decimal::fromString(text, error));
        if (json.isDouble()) {
            const QCborValue number = QCborValue::fromJsonValue(json);
            return number.isInteger() ? Decimal::fromInteger(number.toInteger()).toCbor()
                                      : Decimal::fromDouble(json.toDouble()).toCbor();
        }
        break;
    case ValueKind::String:
        if (json.isString())
            return QCborValue(text);
        break;
    case ValueKind::Bytes:
        if (json.isArray()) {
            QByteArray bytes;
            for (const QJsonValue &item : json.toArray()) {
                const qint64 byte = item.toInteger(-1);
                if (!item.isDouble() || byte < 0 || byte > 255) {
                    if (error)
                        *error = QStringLiteral("bytes: expected numbers 0-255");
                    return std::nullopt;
                }
                bytes.append(char(byte));
            }
            return QCborValue(bytes);
        }
        break;
    case ValueKind::DateTime:
        if (json.isString())
            return canonical(DateTime::parse(text, error));
        break;
    case ValueKind::Duration:
        if (json.isString())
            return canonical(Duration::parse(text, error));
        break;
    case ValueKind::Uuid:
        if (const auto uuid = ValueHelpers::parseUuidText(text))
            return QCborValue(*uuid);
        break;
    case ValueKind::RecordId:
        if (json.isString())
            return canonical(RecordId::parse(text, error));
        break;
    case ValueKind::Table:
        if (json.isString())
            return Table(text).toCbor();
        break;
    case ValueKind::Geometry:
        if (json.isObject()) {
            return canonical(
                Geometry::fromGeoJson(QCborMap::fromJsonObject(json.toObject()), error));
        }
        break;
    case ValueKind::Range:
        if (json.isString()) {
            auto value = parseSurql(text, error);
            if (value && kindOf(*value) == ValueKind::Range)
                return value;
            if (value && error)
                *error = QStringLiteral("\"%1\" is not a range").arg(text);
            return std::nullopt;
        }
        break;
    case ValueKind::Set:
        if (json.isArray())
            return set(genericFromJson(json).toArray());
        break;
    case ValueKind::File:
        if (json.isString())
            return canonical(FileRef::parse(text, error));
        break;
    case ValueKind::Array:
        if (json.isArray())
            return genericFromJson(json);
        break;
    case ValueKind::Object:
        if (json.isObject())
            return genericFromJson(json);
        break;
    case ValueKind::None:
    case ValueKind::Null:
    case ValueKind::Any:
    case ValueKind::Unknown:
        return genericFromJson(json);
    }
    if (error)
        *error = QStringLiteral("cannot read a %1 from this JSON value").arg(valueKindName(hint));
    return std::nullopt;
}

} // namespace

QJsonValue toJson(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer:
        return value.toInteger();
    case QCborValue::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) ? QJsonValue(d) : QJsonValue(QJsonValue::Null);
    }
    case QCborValue::String:
        return value.toString();
    case QCborValue::ByteArray: {
        QJsonArray array;
        for (const char byte : value.toByteArray())
            array.append(int(quint8(byte)));
        return array;
    }
    case QCborValue::Array: {
        QJsonArray array;
        for (const QCborValue &item : value.toArray())
            array.append(toJson(item));
        return array;
    }
    case QCborValue::Map: {
        QJsonObject object;
        const QCborMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            const QCborValue key = it.key();
            object.insert(key.isString() ? key.toString() : toSurql(key), toJson(it.value()));
        }
        return object;
    }
    case QCborValue::False:
        return false;
    case QCborValue::True:
        return true;
    case QCborValue::Uuid:
        return value.toUuid().toString(QUuid::WithoutBraces);
    case QCborValue::DateTime:
        if (const auto dateTime = DateTime::fromQDateTime(value.toDateTime()))
            return dateTime->toString();
        break;
    case QCborValue::Url:
        return value.toUrl().toString();
    case QCborValue::Tag:
        if (const auto json = taggedToJson(value))
            return *json;
        return toJson(value.taggedValue());
    default:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

std::optional<QCborValue> fromJson(const QJsonValue &json, ValueKind hint, QString *error)
{
    if (json.isNull() || json.isUndefined())
        return hint == ValueKind::None ? none() : QCborValue(nullptr);
    return typedFromJson(json, hint, error);
}

} // namespace SurrealQt::Values

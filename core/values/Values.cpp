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
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QMetaType>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

namespace SurrealQt::Values {

namespace {

constexpr int kMaxDepth = 512;

std::optional<QCborValue> normalizeItem(const QCborValue &value, QString *error, int depth)
{
    if (depth > kMaxDepth) {
        if (error)
            *error = QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth);
        return std::nullopt;
    }
    switch (value.type()) {
    case QCborValue::Array: {
        QCborArray array;
        for (const QCborValue &item : value.toArray()) {
            auto normalized = normalizeItem(item, error, depth + 1);
            if (!normalized)
                return std::nullopt;
            array.append(*normalized);
        }
        return QCborValue(array);
    }
    case QCborValue::Map: {
        QCborMap map;
        const QCborMap source = value.toMap();
        for (auto it = source.cbegin(); it != source.cend(); ++it) {
            auto key = normalizeItem(it.key(), error, depth + 1);
            auto item = key ? normalizeItem(it.value(), error, depth + 1) : std::nullopt;
            if (!item)
                return std::nullopt;
            map.insert(*key, *item);
        }
        return QCborValue(map);
    }
    case QCborValue::DateTime: {
        const auto dateTime = DateTime::fromQDateTime(value.toDateTime());
        if (!dateTime) {
            if (error)
                *error = QStringLiteral("invalid QDateTime");
            return std::nullopt;
        }
        return dateTime->toCbor();
    }
    case QCborValue::Url:
        return QCborValue(value.toUrl().toString(QUrl::FullyEncoded));
    case QCborValue::Tag: {
        const auto inner = normalizeItem(value.taggedValue(), error, depth + 1);
        if (!inner)
            return std::nullopt;
        return ValueHelpers::canonicalTagged(quint64(value.tag()), *inner, error);
    }
    default:
        break;
    }
    return value;
}

template<typename T>
QVariant classVariant(const QCborValue &value)
{
    if (const auto typed = T::fromCbor(value))
        return QVariant::fromValue(*typed);
    return QVariant::fromValue(value);
}

template<typename T>
bool holds(const QVariant &variant)
{
    return variant.metaType() == QMetaType::fromType<T>();
}

QCborValue normalizedOrRaw(const QCborValue &value)
{
    return normalize(value).value_or(value);
}

} // namespace

QCborValue none()
{
    return QCborValue(QCborTag(CborTags::None), QCborValue(nullptr));
}

bool isNone(const QCborValue &value)
{
    return value.isUndefined() || value.isInvalid()
           || (value.isTag() && quint64(value.tag()) == CborTags::None);
}

bool isNull(const QCborValue &value)
{
    return value.isNull();
}

QCborValue set(const QCborArray &items)
{
    return QCborValue(QCborTag(CborTags::Set), items);
}

bool isSet(const QCborValue &value)
{
    return value.isTag() && quint64(value.tag()) == CborTags::Set && value.taggedValue().isArray();
}

QCborArray setItems(const QCborValue &value)
{
    return isSet(value) ? value.taggedValue().toArray() : QCborArray();
}

QCborValue uuid(const QUuid &uuid)
{
    return QCborValue(uuid);
}

QCborValue bytes(const QByteArray &bytes)
{
    return QCborValue(bytes);
}

ValueKind kindOf(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer:
        return ValueKind::Integer;
    case QCborValue::Double:
        return ValueKind::Float;
    case QCborValue::String:
    case QCborValue::Url:
        return ValueKind::String;
    case QCborValue::ByteArray:
        return ValueKind::Bytes;
    case QCborValue::Array:
        return ValueKind::Array;
    case QCborValue::Map:
        return ValueKind::Object;
    case QCborValue::False:
    case QCborValue::True:
        return ValueKind::Bool;
    case QCborValue::Null:
        return ValueKind::Null;
    case QCborValue::Undefined:
    case QCborValue::Invalid:
        return ValueKind::None;
    case QCborValue::Uuid:
        return ValueKind::Uuid;
    case QCborValue::DateTime:
        return ValueKind::DateTime;
    case QCborValue::Tag:
        break;
    default:
        return ValueKind::Unknown;
    }
    switch (quint64(value.tag())) {
    case CborTags::None:
        return ValueKind::None;
    case CborTags::Table:
        return ValueKind::Table;
    case CborTags::RecordId:
        return ValueKind::RecordId;
    case CborTags::StringUuid:
    case CborTags::SpecUuid:
        return ValueKind::Uuid;
    case CborTags::StringDecimal:
        return ValueKind::Decimal;
    case CborTags::SpecDateTime:
    case CborTags::CustomDateTime:
        return ValueKind::DateTime;
    case CborTags::StringDuration:
    case CborTags::CustomDuration:
        return ValueKind::Duration;
    case CborTags::Range:
        return ValueKind::Range;
    case CborTags::File:
        return ValueKind::File;
    case CborTags::Set:
        return ValueKind::Set;
    case CborTags::GeometryPoint:
    case CborTags::GeometryLine:
    case CborTags::GeometryPolygon:
    case CborTags::GeometryMultiPoint:
    case CborTags::GeometryMultiLine:
    case CborTags::GeometryMultiPolygon:
    case CborTags::GeometryCollection:
        return ValueKind::Geometry;
    default:
        break;
    }
    return ValueKind::Unknown;
}

std::optional<QCborValue> normalize(const QCborValue &value, QString *error)
{
    return normalizeItem(value, error, 0);
}

QVariant toVariant(const QCborValue &value)
{
    registerMetaTypes();
    switch (kindOf(value)) {
    case ValueKind::None:
        return {};
    case ValueKind::Null:
        return QVariant::fromValue(nullptr);
    case ValueKind::Bool:
        return value.toBool();
    case ValueKind::Integer:
        return QVariant::fromValue(value.toInteger());
    case ValueKind::Float:
        return value.toDouble();
    case ValueKind::String:
        return value.isUrl() ? value.toUrl().toString() : value.toString();
    case ValueKind::Bytes:
        return value.toByteArray();
    case ValueKind::Uuid:
        if (value.isUuid())
            return value.toUuid();
        break;
    case ValueKind::DateTime:
        return classVariant<DateTime>(value);
    case ValueKind::Duration:
        return classVariant<Duration>(value);
    case ValueKind::Decimal:
        return classVariant<Decimal>(value);
    case ValueKind::RecordId:
        return classVariant<RecordId>(value);
    case ValueKind::Table:
        return classVariant<Table>(value);
    case ValueKind::Geometry:
        return classVariant<Geometry>(value);
    case ValueKind::Range:
        return classVariant<Range>(value);
    case ValueKind::File:
        return classVariant<FileRef>(value);
    case ValueKind::Array:
        return QVariant::fromValue(value.toArray());
    case ValueKind::Object:
        return QVariant::fromValue(value.toMap());
    case ValueKind::Set:
    case ValueKind::Any:
    case ValueKind::Unknown:
        break;
    }
    return QVariant::fromValue(value);
}

QCborValue fromVariant(const QVariant &variant)
{
    if (!variant.isValid())
        return none();
    if (holds<std::nullptr_t>(variant))
        return QCborValue(nullptr);
    if (holds<RecordId>(variant))
        return variant.value<RecordId>().toCbor();
    if (holds<Table>(variant))
        return variant.value<Table>().toCbor();
    if (holds<Duration>(variant))
        return variant.value<Duration>().toCbor();
    if (holds<DateTime>(variant))
        return variant.value<DateTime>().toCbor();
    if (holds<Decimal>(variant))
        return variant.value<Decimal>().toCbor();
    if (holds<Geometry>(variant))
        return variant.value<Geometry>().toCbor();
    if (holds<Range>(variant))
        return variant.value<Range>().toCbor();
    if (holds<FileRef>(variant))
        return variant.value<FileRef>().toCbor();
    if (holds<QCborValue>(variant))
        return normalizedOrRaw(variant.value<QCborValue>());
    if (holds<QCborArray>(variant))
        return normalizedOrRaw(variant.value<QCborArray>());
    if (holds<QCborMap>(variant))
        return normalizedOrRaw(variant.value<QCborMap>());
    if (holds<QUuid>(variant))
        return QCborValue(variant.value<QUuid>());
    if (holds<QDateTime>(variant)) {
        const auto dateTime = DateTime::fromQDateTime(variant.toDateTime());
        return dateTime ? dateTime->toCbor() : QCborValue(nullptr);
    }
    if (holds<QByteArray>(variant))
        return QCborValue(variant.toByteArray());
    if (holds<QJsonValue>(variant))
        return fromJson(variant.toJsonValue()).value_or(QCborValue(nullptr));
    if (holds<QJsonObject>(variant))
        return fromJson(variant.toJsonObject()).value_or(QCborValue(nullptr));
    if (holds<QJsonArray>(variant))
        return fromJson(variant.toJsonArray()).value_or(QCborValue(nullptr));
    if (holds<QVariantList>(variant) || holds<QStringList>(variant)) {
        QCborArray array;
        for (const QVariant &item : variant.toList())
            array.append(fromVariant(item));
        return array;
    }
    if (holds<QVariantMap>(variant) || holds<QVariantHash>(variant)) {
        QCborMap map;
        const QVariantMap source = variant.toMap();
        for (auto it = source.cbegin(); it != source.cend(); ++it)
            map.insert(it.key(), fromVariant(it.value()));
        return map;
    }
    return normalizedOrRaw(QCborValue::fromVariant(variant));
}

void registerMetaTypes()
{
    static const bool registered = [] {
        QMetaType::registerConverter<RecordId, QString>(
            [](const RecordId &v) { return v.toSurql(); });
        QMetaType::registerConverter<Table, QString>([](const Table &v) { return v.name(); });
        QMetaType::registerConverter<Duration, QString>(
            [](const Duration &v) { return v.toString(); });
        QMetaType::registerConverter<DateTime, QString>(
            [](const DateTime &v) { return v.toString(); });
        QMetaType::registerConverter<Decimal, QString>(
            [](const Decimal &v) { return v.toString(); });
        QMetaType::registerConverter<Geometry, QString>(
            [](const Geometry &v) { return v.toSurql(); });
        QMetaType::registerConverter<Range, QString>([](const Range &v) { return v.toSurql(); });
        QMetaType::registerConverter<FileRef, QString>(
            [](const FileRef &v) { return v.toString(); });
        return true;
    }();
    Q_UNUSED(registered)
}

} // namespace SurrealQt::Values

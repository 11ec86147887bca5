#include "ValueHelpers_p.h"

#include "CborTags.h"
#include "DateTime.h"
#include "Decimal.h"
#include "Duration.h"
#include "FileRef.h"
#include "Geometry.h"
#include "Range.h"
#include "RecordId.h"
#include "SurqlText_p.h"
#include "Table.h"
#include "Values.h"

#include <QtCore/QCborArray>

namespace SurrealQt::ValueHelpers {

namespace {

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

template<typename T>
std::optional<QCborValue> canonical(const std::optional<T> &value)
{
    if (!value)
        return std::nullopt;
    return value->toCbor();
}

} // namespace

std::optional<QUuid> parseUuidText(QStringView text)
{
    if (text.size() != 36)
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != u'-' : !isHexDigit(text[i]))
            return std::nullopt;
    }
    return QUuid::fromString(text);
}

QString recordKeyToSurql(const QCborValue &key)
{
    if (key.isString())
        return SurqlText::escapeRecordKey(key.toString());
    if (key.isTag() && quint64(key.tag()) == CborTags::Range) {
        const auto range = Range::fromCbor(key);
        if (!range)
            return Values::toSurql(key.taggedValue());
        QString out;
        if (!range->begin().isUnbounded()) {
            out += recordKeyToSurql(range->begin().value);
            if (range->begin().type == Range::BoundType::Excluded)
                out += u'>';
        }
        out += u"..";
        if (!range->end().isUnbounded()) {
            if (range->end().type == Range::BoundType::Included)
                out += u'=';
            out += recordKeyToSurql(range->end().value);
        }
        return out;
    }
    // Integers, uuids, arrays and objects print as their literals.
    return Values::toSurql(key);
}

std::optional<QCborValue> canonicalTagged(quint64 tag, const QCborValue &inner, QString *error)
{
    const QCborValue tagged(QCborTag(tag), inner);
    switch (tag) {
    case CborTags::SpecDateTime:
        if (!inner.isString()) {
            if (error)
                *error = QStringLiteral("tag 0 (datetime) expects RFC 3339 text");
            return std::nullopt;
        }
        return canonical(DateTime::parse(inner.toString(), error));
    case CborTags::None:
        if (!inner.isNull() && !inner.isUndefined()) {
            if (error)
                *error = QStringLiteral("tag 6 (NONE) expects null");
            return std::nullopt;
        }
        return Values::none();
    case CborTags::Table:
        return canonical(Table::fromCbor(tagged, error));
    case CborTags::RecordId:
        return canonical(RecordId::fromCbor(tagged, error));
    case CborTags::StringUuid: {
        const auto uuid = inner.isString() ? parseUuidText(inner.toString()) : std::nullopt;
        if (!uuid) {
            if (error)
                *error = QStringLiteral("tag 9 (uuid) expects uuid text");
            return std::nullopt;
        }
        return QCborValue(*uuid);
    }
    case CborTags::StringDecimal:
        return canonical(Decimal::fromCbor(tagged, error));
    case CborTags::CustomDateTime:
        return canonical(DateTime::fromCbor(tagged, error));
    case CborTags::StringDuration:
    case CborTags::CustomDuration:
        return canonical(Duration::fromCbor(tagged, error));
    case CborTags::SpecUuid:
        if (!inner.isByteArray() || inner.toByteArray().size() != 16) {
            if (error) {
                *error = QStringLiteral("tag 37 (uuid) expects a 16-byte byte string, got %1")
                             .arg(inner.isByteArray()
                                      ? QStringLiteral("%1 bytes").arg(inner.toByteArray().size())
                                      : QStringLiteral("another type"));
            }
            return std::nullopt;
        }
        return QCborValue(QUuid::fromRfc4122(inner.toByteArray()));
    case CborTags::Range:
        return canonical(Range::fromCbor(tagged, error));
    case CborTags::File:
        return canonical(FileRef::fromCbor(tagged, error));
    case CborTags::Set:
        if (!inner.isArray()) {
            if (error)
                *error = QStringLiteral("tag 56 (set) expects an array");
            return std::nullopt;
        }
        return tagged;
    case CborTags::GeometryPoint:
    case CborTags::GeometryLine:
    case CborTags::GeometryPolygon:
    case CborTags::GeometryMultiPoint:
    case CborTags::GeometryMultiLine:
    case CborTags::GeometryMultiPolygon:
    case CborTags::GeometryCollection:
        return canonical(Geometry::fromCbor(tagged, error));
    default:
        break;
    }
    // Not a SurrealDB tag. QCborValue may have turned it into an extended type (tag 1 into a
    // QDateTime, which we carry as tag 12).
    if (tagged.isDateTime())
        return canonical(DateTime::fromQDateTime(tagged.toDateTime()));
    return tagged;
}

} // namespace SurrealQt::ValueHelpers

#pragma once

#include <QtCore/QtGlobal>

// The CBOR tags SurrealDB uses on the wire (docs/surrealdb-protocol.md, section 3).
namespace SurrealQt::CborTags {

// RFC 3339 text; input only (the server replies with CustomDateTime).
constexpr quint64 SpecDateTime = 0;
// NONE: the tag around a null.
constexpr quint64 None = 6;
constexpr quint64 Table = 7;
// [table, key], or a "table:key" text (input only).
constexpr quint64 RecordId = 8;
// Uuid as text; input only.
constexpr quint64 StringUuid = 9;
constexpr quint64 StringDecimal = 10;
// [seconds i64, nanoseconds u32], exactly two elements.
constexpr quint64 CustomDateTime = 12;
// Duration as SurrealQL text; input only.
constexpr quint64 StringDuration = 13;
// [], [seconds] or [seconds, nanoseconds].
constexpr quint64 CustomDuration = 14;
// 2.x futures; not accepted by 3.x.
constexpr quint64 Future = 15;
// Uuid as a 16-byte byte string (QCborValue maps it to QUuid).
constexpr quint64 SpecUuid = 37;
// [begin, end], each bound BoundIncluded(v), BoundExcluded(v) or null (unbounded).
constexpr quint64 Range = 49;
constexpr quint64 BoundIncluded = 50;
constexpr quint64 BoundExcluded = 51;
// [bucket, key] (3.x).
constexpr quint64 File = 55;
// An array of values (3.x).
constexpr quint64 Set = 56;
constexpr quint64 GeometryPoint = 88;
constexpr quint64 GeometryLine = 89;
constexpr quint64 GeometryPolygon = 90;
constexpr quint64 GeometryMultiPoint = 91;
constexpr quint64 GeometryMultiLine = 92;
constexpr quint64 GeometryMultiPolygon = 93;
constexpr quint64 GeometryCollection = 94;

} // namespace SurrealQt::CborTags

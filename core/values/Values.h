#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include "ValueKind.h"

#include <QtCore/QByteArray>
#include <QtCore/QCborArray>
#include <QtCore/QCborValue>
#include <QtCore/QJsonValue>
#include <QtCore/QString>
#include <QtCore/QUuid>
#include <QtCore/QVariant>

#include <optional>

// Utilities over QCborValue, the carrier of every SurrealDB value. The canonical forms are the
// ones the server sends: NONE is tag 6(null), datetimes tag 12, durations tag 14, uuids a
// QCborValue::Uuid (tag 37), record ids tag 8 [table, key], and so on (see CborTags.h); the
// value classes (RecordId, Table, Duration, DateTime, Decimal, Geometry, Range, FileRef) convert
// to and from them.
namespace SurrealQt::Values {

// ---- Building and inspecting -------------------------------------------------------------------

// NONE: tag 6 around null.
SURREALQT_CORE_EXPORT QCborValue none();
// Tag 6, and also an undefined or invalid QCborValue (a missing map entry).
SURREALQT_CORE_EXPORT bool isNone(const QCborValue &value);
SURREALQT_CORE_EXPORT bool isNull(const QCborValue &value);
// A set: tag 56 around an array.
SURREALQT_CORE_EXPORT QCborValue set(const QCborArray &items);
SURREALQT_CORE_EXPORT bool isSet(const QCborValue &value);
SURREALQT_CORE_EXPORT QCborArray setItems(const QCborValue &value);
// A uuid (QCborValue maps tag 37 to QUuid natively).
SURREALQT_CORE_EXPORT QCborValue uuid(const QUuid &uuid);
// Bytes: a plain byte string.
SURREALQT_CORE_EXPORT QCborValue bytes(const QByteArray &bytes);
// The SurrealDB type of a value (never ValueKind::Any). Input-only forms count too: a
// QCborValue::DateTime is a DateTime, tag 13 a Duration, tag 9 a Uuid.
SURREALQT_CORE_EXPORT ValueKind kindOf(const QCborValue &value);
// Validates every SurrealDB tag and returns the canonical form (see decodeCbor); a
// QCborValue::DateTime becomes tag 12.
SURREALQT_CORE_EXPORT std::optional<QCborValue> normalize(const QCborValue &value,
                                                          QString *error = nullptr);

// ---- SurrealQL ---------------------------------------------------------------------------------

// A SurrealQL literal: NONE, NULL, 42, 1.5f, 3.14dec, "text", d"…", 1h30m, u"…", b"0A0B",
// person:tobie, person:⟨tobie smith⟩, [1, 2], { a: 1, "b c": 2 }, {1, 2} (set), 1..=5,
// (1.5, 2) (point), GeoJSON objects (other geometries), f"bucket:/key", table names.
SURREALQT_CORE_EXPORT QString toSurql(const QCborValue &value);
// Reads what toSurql() prints (a literal, not an expression); the error names the position.
SURREALQT_CORE_EXPORT std::optional<QCborValue> parseSurql(QStringView text,
                                                           QString *error = nullptr);

// ---- JSON --------------------------------------------------------------------------------------

// SurrealDB's JSON form: NONE and NULL → null, record id → "tb:key", datetime → RFC 3339 with
// nanoseconds, duration, uuid, decimal, table, range and file → strings, geometry → GeoJSON,
// bytes → array of numbers, set → array, non-finite float → null.
SURREALQT_CORE_EXPORT QJsonValue toJson(const QCborValue &value);
// Rebuilds a value from its JSON form, given the kind it stands for (value → JSON → value is
// lossless when the kind is known). With ValueKind::Any, numbers become integers when they are
// integral, and strings stay strings. Elements of arrays, sets and objects are read as Any. A
// JSON null is NONE for the hint None and NULL otherwise.
SURREALQT_CORE_EXPORT std::optional<QCborValue> fromJson(const QJsonValue &json,
                                                         ValueKind hint = ValueKind::Any,
                                                         QString *error = nullptr);

// ---- QVariant (item models) ----------------------------------------------------------------------

// NONE → invalid QVariant; NULL → std::nullptr_t; bool, qint64, double, QString, QByteArray,
// QUuid for the plain kinds; RecordId, Table, Duration, DateTime, Decimal, Geometry, Range and
// FileRef for theirs; QCborArray and QCborMap for arrays and objects; QCborValue for sets and
// anything else.
SURREALQT_CORE_EXPORT QVariant toVariant(const QCborValue &value);
// The reverse of toVariant(), plus the usual Qt types (QDateTime → tag 12, QVariantList,
// QVariantMap, QJsonValue, numbers, strings...).
SURREALQT_CORE_EXPORT QCborValue fromVariant(const QVariant &variant);
// Registers the value classes' conversions to QString (their SurrealQL form), so that
// QVariant::toString() works in views. toVariant() calls it; calling it again is harmless.
SURREALQT_CORE_EXPORT void registerMetaTypes();

// ---- CBOR --------------------------------------------------------------------------------------

// The wire bytes. Datetimes always go out as tag 12 [s, ns] (a QCborValue::DateTime too, where
// QCborValue itself would write tag 0 text in milliseconds), floats as 64-bit doubles, integers
// in their shortest form, a QCborValue::Url as a plain string. Other values are written as they
// are: build them with the value classes to get SurrealDB's canonical forms.
SURREALQT_CORE_EXPORT QByteArray encodeCbor(const QCborValue &value);
// The same, appended to `out` (to write a value inside a larger item without building it).
SURREALQT_CORE_EXPORT void appendCbor(QByteArray &out, const QCborValue &value);
// A text string appended to `out`, without building a QCborValue for it.
SURREALQT_CORE_EXPORT void appendCborText(QByteArray &out, QStringView text);
// Reads one CBOR item and returns its canonical form: tag 0 text → tag 12 (keeping the
// nanoseconds), tag 13 → tag 14, tag 9 → uuid, tag 8 "tb:key" → [tb, key]. Malformed bytes,
// trailing bytes and wrong SurrealDB tag payloads (tag 12 with 3 elements, tag 37 with 15
// bytes...) give nullopt and "CBOR error at offset N: reason" in *error.
SURREALQT_CORE_EXPORT std::optional<QCborValue> decodeCbor(const QByteArray &data,
                                                           QString *error = nullptr);

} // namespace SurrealQt::Values

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace SurrealQt {

// The SurrealDB type of a value carried by a QCborValue (see Values::kindOf), also used as the
// hint that tells Values::fromJson which type a JSON value stands for.
enum class ValueKind {
    Any, // as a hint: no hint; as a kind: never returned
    None,
    Null,
    Bool,
    Integer,
    Float,
    Decimal,
    String,
    Bytes,
    DateTime,
    Duration,
    Uuid,
    RecordId,
    Table,
    Geometry,
    Range,
    Set,
    File,
    Array,
    Object,
    Unknown, // a tag or simple value SurrealDB does not define
};

// The SurrealQL type name: "none", "int", "datetime", "record"... ("any" and "unknown" for the
// two extra kinds).
SURREALQT_CORE_EXPORT QString valueKindName(ValueKind kind);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::ValueKind)

#include "ValueKind.h"

namespace SurrealQt {

QString valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Any:
        return QStringLiteral("any");
    case ValueKind::None:
        return QStringLiteral("none");
    case ValueKind::Null:
        return QStringLiteral("null");
    case ValueKind::Bool:
        return QStringLiteral("bool");
    case ValueKind::Integer:
        return QStringLiteral("int");
    case ValueKind::Float:
        return QStringLiteral("float");
    case ValueKind::Decimal:
        return QStringLiteral("decimal");
    case ValueKind::String:
        return QStringLiteral("string");
    case ValueKind::Bytes:
        return QStringLiteral("bytes");
    case ValueKind::DateTime:
        return QStringLiteral("datetime");
    case ValueKind::Duration:
        return QStringLiteral("duration");
    case ValueKind::Uuid:
        return QStringLiteral("uuid");
    case ValueKind::RecordId:
        return QStringLiteral("record");
    case ValueKind::Table:
        return QStringLiteral("table");
    case ValueKind::Geometry:
        return QStringLiteral("geometry");
    case ValueKind::Range:
        return QStringLiteral("range");
    case ValueKind::Set:
        return QStringLiteral("set");
    case ValueKind::File:
        return QStringLiteral("file");
    case ValueKind::Array:
        return QStringLiteral("array");
    case ValueKind::Object:
        return QStringLiteral("object");
    case ValueKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace SurrealQt

#pragma once

#include <QtCore/QString>

#include <utility>

namespace SurrealQt {

// One PERMISSIONS rule: NONE, FULL, or WHERE with the condition's SurrealQL text.
struct Permission
{
    enum class Type { None, Full, Where };

    Type type = Type::Full;
    QString condition; // the WHERE expression, empty otherwise

    static Permission none() { return {Type::None, {}}; }
    static Permission full() { return {Type::Full, {}}; }
    static Permission where(QString condition) { return {Type::Where, std::move(condition)}; }

    friend bool operator==(const Permission &, const Permission &) = default;
};

} // namespace SurrealQt

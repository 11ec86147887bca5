#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE USER. The server stores a PASSHASH; a PASSWORD given in a file stays a password here
// (its hash is salted, so it can never compare equal to the live definition).
struct UserDef
{
    QString name;
    QString level = QStringLiteral("DATABASE"); // DATABASE, NAMESPACE or ROOT
    QString passhash;
    std::optional<QString> password;
    QStringList roles{QStringLiteral("VIEWER")};
    QString tokenDuration = QStringLiteral("1h");
    QString sessionDuration = QStringLiteral("NONE");
    std::optional<QString> comment;

    friend bool operator==(const UserDef &, const UserDef &) = default;
};

} // namespace SurrealQt

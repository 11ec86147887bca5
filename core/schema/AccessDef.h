#pragma once

#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// DEFINE ACCESS: RECORD (SIGNUP, SIGNIN, WITH REFRESH, WITH JWT), JWT or BEARER, with
// AUTHENTICATE and the DURATION FOR GRANT / TOKEN / SESSION. The server never shows symmetric
// keys or issuer keys: INFO prints them as '[REDACTED]', and so does this model.
struct AccessDef
{
    enum class Type { Record, Jwt, Bearer };

    struct Jwt
    {
        enum class Verify { Key, Url };
        Verify verify = Verify::Key;
        QString algorithm = QStringLiteral("HS512");
        QString key = QStringLiteral("[REDACTED]"); // Verify::Key
        QString url;                                // Verify::Url
        std::optional<QString> issuerKey = QStringLiteral("[REDACTED]");

        friend bool operator==(const Jwt &, const Jwt &) = default;
    };

    QString name;
    QString level = QStringLiteral("DATABASE"); // DATABASE, NAMESPACE or ROOT
    Type type = Type::Record;
    std::optional<QString> signup;              // RECORD
    std::optional<QString> signin;              // RECORD
    bool withRefresh = false;                   // RECORD
    QString bearerFor = QStringLiteral("USER"); // BEARER FOR USER | RECORD
    Jwt jwt;                                    // RECORD (WITH JWT) and JWT
    std::optional<QString> authenticate;
    // Canonical durations, or "NONE" for no expiry.
    QString grantDuration = QStringLiteral("4w2d");
    QString tokenDuration = QStringLiteral("1h");
    QString sessionDuration = QStringLiteral("NONE");
    std::optional<QString> comment;

    friend bool operator==(const AccessDef &, const AccessDef &) = default;
};

} // namespace SurrealQt

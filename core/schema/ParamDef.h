#pragma once

#include "Permission.h"

#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// DEFINE PARAM $name VALUE expression.
struct ParamDef
{
    QString name; // without `$`
    QString value;
    Permission permission = Permission::full();
    std::optional<QString> comment;

    friend bool operator==(const ParamDef &, const ParamDef &) = default;
};

} // namespace SurrealQt

#pragma once

#include "FieldKind.h"
#include "Permission.h"

#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// DEFINE FUNCTION fn::name($arg: kind, ...) [-> kind] { body }.
struct FunctionDef
{
    struct Argument
    {
        QString name; // without `$`
        FieldKind kind;

        friend bool operator==(const Argument &, const Argument &) = default;
    };

    QString name; // without `fn::`, parts joined by `::` (`greet`, `user::score`)
    QList<Argument> arguments;
    std::optional<FieldKind> returns;
    QString body; // the block, braces included
    Permission permission = Permission::full();
    std::optional<QString> comment;

    friend bool operator==(const FunctionDef &, const FunctionDef &) = default;
};

} // namespace SurrealQt

#pragma once

#include "FieldKind.h"
#include "Permissions.h"
#include "SurqlSyntax.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE FIELD: one field of a table. Expressions are kept as SurrealQL text.
struct FieldDef
{
    // REFERENCE [ON DELETE REJECT | CASCADE | IGNORE | UNSET | THEN expr]
    struct Reference
    {
        enum class OnDelete { Ignore, Reject, Cascade, Unset, Then };
        OnDelete onDelete = OnDelete::Ignore;
        QString then; // the expression for ON DELETE THEN

        friend bool operator==(const Reference &, const Reference &) = default;
    };

    // The field's path: {"address", "city"}; "*" stands for every element (`tags[*]`, `tags.*`).
    QStringList path;
    std::optional<FieldKind> kind;
    bool flexible = false;
    std::optional<QString> defaultValue;
    bool defaultAlways = false;
    bool readonly = false;
    std::optional<QString> value;
    std::optional<QString> assertion;
    std::optional<QString> computed;
    std::optional<Reference> reference;
    Permissions permissions = Permissions::full(); // remove is not used for fields
    std::optional<QString> comment;

    // The path as SurrealQL (`address.city`, `tags.*`, `` `first name` ``).
    QString name() const { return SurqlSyntax::formatPath(path); }

    friend bool operator==(const FieldDef &, const FieldDef &) = default;
};

} // namespace SurrealQt

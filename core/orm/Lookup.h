#pragma once

#include "SurqlQuery.h"

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// The Django-style lookups of a filter (`age__gte`, `name__icontains`) and the SurrealQL
// condition each one becomes on SurrealDB 3.x. The value is always bound as a parameter.
class SURREALQT_CORE_EXPORT Lookup
{
public:
    enum class Kind {
        Exact,       // f = $v
        Gt,          // f > $v
        Gte,         // f >= $v
        Lt,          // f < $v
        Lte,         // f <= $v
        In,          // f INSIDE $v (an array)
        NotIn,       // f NOTINSIDE $v
        Contains,    // f CONTAINS $v (an array element, or a substring)
        NotContains, // f CONTAINSNOT $v
        ContainsAll, // f CONTAINSALL $v
        ContainsAny, // f CONTAINSANY $v
        Like,        // SQL LIKE pattern (% and _), matched as an anchored regex
        ILike,       // the same, case-insensitive
        IContains,   // case-insensitive substring
        StartsWith,
        IStartsWith,
        EndsWith,
        IEndsWith,
        Regex,  // string::matches (Rust regex syntax)
        IRegex, // the same with (?i)
        Match,  // f @@ $v: full-text search, needs a FULLTEXT index on f
        IsNull, // true: f IS NONE OR f IS NULL; false: neither
    };

    // "gte" → Gt... nullopt for an unknown name.
    static std::optional<Kind> fromName(QStringView name);
    static QString name(Kind kind);
    static QList<Kind> all();

    // The condition for the field (already valid SurrealQL, e.g. `address.city`) against the
    // value, binding whatever value it needs to `query`. Fails for a value of the wrong type
    // (isnull needs a bool, in a list, like a string...).
    static Result<QString> condition(Kind kind,
                                     const QString &field,
                                     const QCborValue &value,
                                     SurqlQuery &query);

    // A LIKE pattern as an anchored regex: % → .*, _ → ., \% and \_ literal, the rest escaped.
    static QString likeToRegex(QStringView pattern);
};

} // namespace SurrealQt

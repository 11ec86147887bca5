#pragma once

#include "Migration.h"

#include <surrealqt/schema/Schema.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// The schema that migrations reach, rebuilt without a server: each operation's forward
// SurrealQL is replayed onto a Schema model. DEFINE statements go through SchemaParser (with
// OVERWRITE replacing), REMOVE statements drop the definition (a field's exact path only, as
// the server does); data statements (UPDATE, LET, IF, …) change no schema and are skipped.
class SURREALQT_CORE_EXPORT MigrationState
{
public:
    // The schema after the first `count` migrations (all when -1). The error names the
    // migration and the operation whose SurrealQL does not replay.
    static std::optional<Schema> replay(const QList<Migration> &migrations,
                                        qsizetype count = -1,
                                        QString *error = nullptr);
    // Applies one SurrealQL text (several statements) to `schema`; false with `error` when a
    // statement does not parse, in which case `schema` is unchanged.
    static bool apply(Schema &schema, const QString &surql, QString *error = nullptr);

    // Splits SurrealQL into statements at the `;` outside brackets, strings and comments.
    static QStringList statements(const QString &surql);
};

} // namespace SurrealQt

#pragma once

#include "Schema.h"

#include <surrealqt/surrealqt_core_export.h>

#include <optional>

namespace SurrealQt {

// Brings a schema to the form the server would hold after running its statements, so that a
// schema written by hand compares equal to the one read back from the database:
// - the fields the server creates by itself are added: `in` and `out` of a relation table, and
//   `x.*` (and deeper) for a field whose type holds an array or a set;
// - what INFO never shows is set to what INFO would read as: secret keys become '[REDACTED]',
//   settings that a definition's kind does not print go back to their defaults;
// - every list is sorted by name.
class SURREALQT_CORE_EXPORT SchemaNormalizer
{
public:
    static Schema normalized(Schema schema);

    // Adds the implied fields of one table.
    static void addImpliedFields(TableDef &table);
    // Whether the server creates this field by itself when the table or the parent field is
    // defined (so a script must leave it out, or write it with OVERWRITE).
    static bool isImpliedField(const TableDef &table, const FieldDef &field);
    // The definition the server creates by itself at `path`, or nullopt when it creates none.
    static std::optional<FieldDef> impliedField(const TableDef &table, const QStringList &path);
    // The access as INFO shows it: symmetric and issuer keys as '[REDACTED]'.
    static AccessDef redacted(AccessDef access);
};

} // namespace SurrealQt

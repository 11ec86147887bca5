#pragma once

#include "Schema.h"
#include "SchemaParseError.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QStringView>

#include <optional>

namespace SurrealQt {

// Reads DEFINE statements (a .surql file, or the values of INFO FOR DB / INFO FOR TABLE) into a
// Schema. Accepts OVERWRITE and IF NOT EXISTS, skips comments and OPTION statements; expressions
// are kept as text. Any other statement, or a malformed one, is a SchemaParseError that names the
// line, the column and what was expected. It never crashes on garbage.
class SURREALQT_CORE_EXPORT SchemaParser
{
public:
    // Where the text comes from. They differ in one default only: a table's PERMISSIONS FOR …
    // that does not mention delete means delete NONE when a person writes it (File), and delete
    // FULL when INFO prints it (INFO leaves out a FULL delete rule).
    enum class Origin { File, Info };

    static std::optional<Schema> parse(QStringView text,
                                       SchemaParseError *error = nullptr,
                                       Origin origin = Origin::File);
    // Adds the definitions to `schema`; on error returns false and leaves `schema` unchanged.
    static bool parseInto(Schema &schema,
                          QStringView text,
                          SchemaParseError *error = nullptr,
                          Origin origin = Origin::File);
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>

namespace SurrealQt {

// Why DEFINE text could not be read: where (1-based line and column, counted in UTF-16 code
// units), what the parser expected there and what it found.
struct SURREALQT_CORE_EXPORT SchemaParseError
{
    int line = 0;
    int column = 0;
    QString expected; // "a table name", "';'", "NONE, FULL or FOR"
    QString found;    // "'PERMISSION'", "end of input", "unterminated string"

    bool isError() const { return line > 0; }
    // "line 3, column 14: expected a table name, found ';'"
    QString message() const;
};

} // namespace SurrealQt

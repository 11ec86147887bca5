#pragma once

#include <QtCore/QString>

namespace SurrealQt {

// Where the server says a query went wrong: SurrealDB's parse errors read
// "Parse error: Unexpected token `;`, expected an expression\n --> [2:15]\n  |\n2 | ...".
struct ErrorLocation
{
    int line = 0;   // 1-based; 0 when the message has no position
    int column = 0; // 1-based, in characters

    bool isValid() const { return line > 0 && column > 0; }

    // Reads the first " --> [line:col]" in a message.
    static ErrorLocation fromMessage(const QString &message);
    // The position in a whole text of a location inside a part of it that starts at 0-based
    // (line, column): a selection's first line is shifted by the selection's column.
    ErrorLocation offsetBy(int line, int column) const;
};

} // namespace SurrealQt

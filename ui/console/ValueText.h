#pragma once

#include <QtCore/QCborValue>
#include <QtCore/QString>

namespace SurrealQt {

// Prints SurrealDB values (QCborValue with SurrealDB's tags) for the console's views: as
// SurrealQL literals, as SurrealDB's JSON form, or as the short text a grid cell shows. Every
// function takes a character budget and stops once it is spent (adding "…"), so that a cell or
// a text view never formats more than it shows.
class ValueText
{
public:
    enum class Style {
        Surql,   // person:tobie, d"2024-01-02T03:04:05Z", 1h30m, "text", 1.5f, 9.99dec
        Json,    // "person:tobie", "2024-01-02T03:04:05Z", "1h30m", "text", 1.5, "9.99"
        Display, // like Surql, but a top-level string is shown bare and floats without the f
    };

    static constexpr qsizetype Unlimited = -1;

    // One line of text.
    static QString format(const QCborValue &value, Style style, qsizetype budget = Unlimited);
    // Indented over several lines (objects and arrays one entry per line).
    static QString formatPretty(const QCborValue &value, Style style, qsizetype budget = Unlimited);
    // The SurrealQL type name of a value: "object", "array", "record", "datetime"...
    static QString typeName(const QCborValue &value);
    // Whether a value is a number (int, float or decimal), for right-aligned cells.
    static bool isNumber(const QCborValue &value);
    // NONE (tag 6, or an undefined value) or NULL.
    static bool isNoneOrNull(const QCborValue &value);
};

} // namespace SurrealQt

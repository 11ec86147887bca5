#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

#include <optional>

namespace SurrealQt {

// SurrealQL spelling rules shared by the schema parser, the printer and anything that splices a
// name into SurrealQL text: identifier quoting, string quoting, and the canonical forms the server
// prints for durations and numbers.
class SURREALQT_CORE_EXPORT SurqlSyntax
{
public:
    // A table, field, index, event, analyzer, access or user name as SurrealQL text: bare when it
    // is a plain identifier ([A-Za-z_][A-Za-z0-9_]*, not NaN or Infinity) and not a reserved
    // keyword, otherwise in backticks with `\` escapes. Always safe to splice into a statement.
    static QString quoteIdentifier(QStringView name);
    // The same without the keyword check: for the places where the server never expects a keyword
    // (record<...>, IN/OUT of a relation, a param's or function's name, nested field parts).
    static QString quoteKeywordFreeIdentifier(QStringView name);
    // Whether the server treats the word (any case) as a reserved keyword that needs backticks.
    static bool isReservedKeyword(QStringView word);
    // A string literal as the server prints it: single quotes, or double quotes when the text
    // contains a single quote; backslash escapes for the quote, `\`, NUL, CR, LF, TAB and BS.
    static QString quoteString(QStringView text);
    // An object key: bare when plain, otherwise in double quotes.
    static QString quoteObjectKey(QStringView key);
    // A field path (`address.city`, `tags.*`): the first part as quoteIdentifier, the others as
    // quoteKeywordFreeIdentifier, "*" as `.*`.
    static QString formatPath(const QStringList &parts);

    // A duration literal in canonical form (1y2w3d4h5m6s7ms8µs9ns; `90m` becomes `1h30m`), or
    // nullopt when the text is not a duration. "0ns" for zero.
    static std::optional<QString> normalizeDuration(QStringView text);
    // A number as Rust prints an f64 / f32: the shortest text that reads back the same value, in
    // fixed notation ("0.5", "2", "0.40242960438184466").
    static QString formatDouble(double value);
    static QString formatFloat(float value);
};

} // namespace SurrealQt

#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE ANALYZER: an optional FUNCTION, TOKENIZERS and FILTERS, in canonical upper case
// (`BLANK`, `EDGENGRAM(1,3)`, `SNOWBALL(ENGLISH)`).
struct AnalyzerDef
{
    QString name;
    std::optional<QString> function; // the function's name without `fn::`
    QStringList tokenizers;
    QStringList filters;
    std::optional<QString> comment;

    friend bool operator==(const AnalyzerDef &, const AnalyzerDef &) = default;
};

} // namespace SurrealQt

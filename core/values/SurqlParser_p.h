#pragma once

// Private: a small reader for SurrealQL value literals (what Values::toSurql prints): NONE, NULL,
// booleans, numbers (int, 1.5f, 3.14dec), durations, strings, d"…", u"…", r"…", b"…", f"…",
// arrays, objects (GeoJSON objects become geometries), sets {a, b}, points (lon, lat), tables,
// record ids and ranges.

#include "RecordId.h"

#include <QtCore/QCborValue>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

class SurqlParser
{
public:
    explicit SurqlParser(QStringView text);

    // The whole text as one value.
    std::optional<QCborValue> parseDocument();
    // The whole text as a record id: table:key.
    std::optional<RecordId> parseRecordIdDocument();
    // "at position N: reason".
    const QString &errorString() const { return m_error; }

private:
    std::optional<QCborValue> parseValue(int depth);
    std::optional<QCborValue> parsePrimary(int depth);
    std::optional<QCborValue> parseNumber();
    std::optional<QCborValue> parseArray(int depth);
    std::optional<QCborValue> parseBraced(int depth);
    // Values separated by commas (a trailing one allowed) up to `close`, which is consumed. The
    // opening bracket and the empty list are the caller's; `what` names the list in errors.
    std::optional<QCborArray> parseItems(int depth, QChar close, const char *what);
    std::optional<QCborValue> parsePoint();
    std::optional<double> parseCoordinate();
    std::optional<QCborValue> parsePrefixed();
    std::optional<QCborValue> parseWord(int depth);
    std::optional<QCborValue> parseRecordIdAfterTable(const QString &table, int depth);
    std::optional<QCborValue> parseKeyOrKeyRange(int depth);
    std::optional<QCborValue> parseRecordKey(int depth);
    using ItemParser = std::optional<QCborValue> (SurqlParser::*)(int);
    std::optional<QCborValue> parseRangeOf(int depth, ItemParser parseItem);
    std::optional<QString> parseDelimited(QChar closing);
    std::optional<QString> parseObjectKey();
    QString readWord();

    std::nullopt_t fail(const QString &reason);
    void skipWhitespace();
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const;
    bool lookingAt(QStringView text) const;
    bool accept(QChar c);
    bool atBoundEnd() const;

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace SurrealQt

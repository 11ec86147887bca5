#pragma once

// Private helpers that print SurrealQL tokens: quoted strings, identifiers, record keys, numbers.

#include <QtCore/QString>
#include <QtCore/QStringView>

namespace SurrealQt::SurqlText {

// [A-Za-z_][A-Za-z0-9_]*
bool isPlainIdentifier(QStringView text);
// Appends text with SurrealQL escapes: backslash, the closing character, control characters.
void appendEscaped(QString &out, QStringView text, QChar closing);
// "text" with escapes.
QString quoteString(QStringView text);
// A table or field name: bare when plain (and not NONE/NULL/TRUE/FALSE), else `backticked`.
QString escapeIdentifier(QStringView text);
// A record id key that is a string: bare when plain, else ⟨bracketed⟩ with ⟩ escaped as \⟩.
QString escapeRecordKey(QStringView text);
// An object key: bare when plain, else "quoted".
QString escapeObjectKey(QStringView text);
// A float literal that stays a float when parsed back: 1.5f, 1f, NaN, Infinity, -Infinity.
QString formatFloat(double value);
// A plain number for geometry coordinates: 1, 1.5, 1e+20, NaN.
QString formatCoordinate(double value);

} // namespace SurrealQt::SurqlText

#pragma once

// Private helpers shared by the value classes and the codecs.

#include <QtCore/QCborValue>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <optional>

namespace SurrealQt::ValueHelpers {

// 8-4-4-4-12 hex digits, nothing else (no braces).
std::optional<QUuid> parseUuidText(QStringView text);
// A record id key as SurrealQL: tobie, ⟨tobie smith⟩, 42, u"…", [..], { .. }, 1..=5.
QString recordKeyToSurql(const QCborValue &key);
// Validates the payload of SurrealDB tag `tag` and returns the canonical form: tag 0 text
// becomes tag 12, tag 13 becomes tag 14, tag 9 and tag 37 become a QCborValue::Uuid, tag 8
// text becomes [table, key], points get double coordinates. Other tags pass through.
std::optional<QCborValue> canonicalTagged(quint64 tag, const QCborValue &inner, QString *error);

} // namespace SurrealQt::ValueHelpers

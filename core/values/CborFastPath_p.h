#pragma once

// Private: the fast path of Values::decodeCbor.

#include <QtCore/QByteArrayView>

namespace SurrealQt::CborFastPath {

// True when `data` is exactly one CBOR item, already in SurrealDB's canonical form, that
// QCborValue::fromCbor builds into the very value the strict reader of Values::decodeCbor
// returns. It reads the bytes without building anything and says no to whatever the two could
// disagree on: integers beyond 64-bit signed, floats other than doubles, simple values other
// than false/true/null/undefined, indefinite lengths, map keys that are not text, duplicate
// keys, deep nesting, and every tag except the canonical SurrealDB forms of NONE, table,
// record id, decimal, datetime, duration, uuid and set. The caller decodes those (and every
// malformed input) with the strict reader, which also names the offset of an error.
bool applies(QByteArrayView data);

} // namespace SurrealQt::CborFastPath

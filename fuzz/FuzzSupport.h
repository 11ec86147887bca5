#pragma once

// Shared by the libFuzzer targets: the input as Qt types, and invariant checks that abort (which
// libFuzzer reports as a crash and saves the input for).

#include <surrealqt/values/Values.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace SurrealQtFuzz {

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Aborts with a message naming the broken invariant and the value(s) involved.
[[noreturn]] inline void fail(const char *invariant, const QString &details)
{
    std::fprintf(stderr, "invariant broken: %s\n%s\n", invariant, qUtf8Printable(details));
    std::abort();
}

// Exercises the printers on a value that decoded: none of them may crash.
inline void touch(const QCborValue &value)
{
    (void) SurrealQt::Values::kindOf(value);
    (void) SurrealQt::Values::toSurql(value);
    (void) SurrealQt::Values::toJson(value);
    (void) SurrealQt::Values::normalize(value);
}

} // namespace SurrealQtFuzz

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <chrono>
#include <compare>
#include <optional>

namespace SurrealQt {

// A SurrealDB duration: whole seconds and nanoseconds (0-999999999). SurrealQL form: 1h30m,
// 1y2w3d4h5m6s7ms8µs9ns (a year is 365 days). On the wire: tag 14 [], [s] or [s, ns] (the
// shortest form, as the server writes it); tag 13 text is read too.
class SURREALQT_CORE_EXPORT Duration
{
public:
    Duration() = default;
    // nanoseconds >= 1e9 carry into the seconds. Durations are never negative in SurrealDB.
    Duration(qint64 seconds, quint32 nanoseconds);

    static Duration fromMilliseconds(qint64 milliseconds);
    static Duration fromChrono(std::chrono::nanoseconds duration);
    // 1h30m, 90s, 1y2w3d4h5m6s7ms8µs9ns: whole numbers with units y w d h m s ms µs (or us) ns.
    static std::optional<Duration> parse(QStringView text, QString *error = nullptr);
    // Tag 14 [], [s] or [s, ns], or tag 13 text.
    static std::optional<Duration> fromCbor(const QCborValue &value, QString *error = nullptr);

    qint64 seconds() const { return m_seconds; }
    quint32 nanoseconds() const { return m_nanoseconds; }
    bool isZero() const { return m_seconds == 0 && m_nanoseconds == 0; }
    // Saturates at the qint64 range.
    qint64 toMilliseconds() const;
    std::chrono::nanoseconds toChrono() const;

    // 1h30m; 0ns for zero.
    QString toString() const;
    // Same as toString(): durations are bare literals in SurrealQL.
    QString toSurql() const { return toString(); }
    // Tag 14 in the shortest form.
    QCborValue toCbor() const;

    friend bool operator==(const Duration &, const Duration &) = default;
    friend std::strong_ordering operator<=>(const Duration &a, const Duration &b)
    {
        const auto bySeconds = a.m_seconds <=> b.m_seconds;
        return std::is_neq(bySeconds) ? bySeconds : a.m_nanoseconds <=> b.m_nanoseconds;
    }

private:
    qint64 m_seconds = 0;
    quint32 m_nanoseconds = 0;
};

SURREALQT_CORE_EXPORT size_t qHash(const Duration &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const Duration &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::Duration)

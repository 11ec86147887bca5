#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDateTime>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <compare>
#include <optional>

namespace SurrealQt {

// A SurrealDB datetime: seconds since the Unix epoch and nanoseconds (always positive, so
// 1969-12-31T23:59:59.5Z is {-1, 500000000}). QDateTime keeps only milliseconds; this keeps all
// nine digits. On the wire: tag 12 [seconds, nanoseconds]; tag 0 RFC 3339 text is read too.
class SURREALQT_CORE_EXPORT DateTime
{
public:
    DateTime() = default;
    // nanoseconds >= 1e9 carry into the seconds.
    DateTime(qint64 seconds, quint32 nanoseconds);

    static std::optional<DateTime> fromQDateTime(const QDateTime &dateTime);
    static DateTime currentDateTime();
    // RFC 3339: 2024-01-02T03:04:05.123456789Z, up to 9 fraction digits, Z or ±hh:mm.
    static std::optional<DateTime> parse(QStringView text, QString *error = nullptr);
    // Tag 12 [s, ns], tag 0 text, or a QCborValue::DateTime.
    static std::optional<DateTime> fromCbor(const QCborValue &value, QString *error = nullptr);

    qint64 seconds() const { return m_seconds; }
    quint32 nanoseconds() const { return m_nanoseconds; }

    // UTC, truncated to milliseconds; invalid when out of QDateTime's range.
    QDateTime toQDateTime() const;
    // RFC 3339 in UTC, fraction as 0, 3, 6 or 9 digits: 2024-01-02T03:04:05.123456789Z.
    QString toString() const;
    // d"2024-01-02T03:04:05.123456789Z"
    QString toSurql() const;
    // Tag 12 [seconds, nanoseconds].
    QCborValue toCbor() const;

    friend bool operator==(const DateTime &, const DateTime &) = default;
    friend std::strong_ordering operator<=>(const DateTime &a, const DateTime &b)
    {
        const auto bySeconds = a.m_seconds <=> b.m_seconds;
        return std::is_neq(bySeconds) ? bySeconds : a.m_nanoseconds <=> b.m_nanoseconds;
    }

private:
    qint64 m_seconds = 0;
    quint32 m_nanoseconds = 0;
};

SURREALQT_CORE_EXPORT size_t qHash(const DateTime &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const DateTime &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::DateTime)

#include "DateTime.h"

#include "CborTags.h"
#include "SurqlText_p.h"

#include <QtCore/QCborArray>
#include <QtCore/QHashFunctions>

#include <limits>

namespace SurrealQt {

namespace {

constexpr qint64 kSecondsPerDay = 86400;
constexpr quint32 kNanosPerSecond = 1'000'000'000;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = floorDiv(year, 400);
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = floorDiv(days, 146097);
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096)
                             / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isLeapYear(qint64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(qint64 year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// A tiny cursor over the text for the RFC 3339 reader.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text[m_pos]; }
    qsizetype pos() const { return m_pos; }

    bool accept(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // Exactly `count` digits (or between count and maxCount).
    std::optional<qint64> digits(int count, int maxCount = -1)
    {
        if (maxCount < count)
            maxCount = count;
        qint64 value = 0;
        int n = 0;
        while (n < maxCount && !atEnd() && peek().isDigit() && peek().unicode() < 128) {
            value = value * 10 + (peek().unicode() - u'0');
            ++m_pos;
            ++n;
        }
        if (n < count)
            return std::nullopt;
        return value;
    }

    int lastDigitCount(qsizetype start) const { return int(m_pos - start); }

private:
    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

DateTime::DateTime(qint64 seconds, quint32 nanoseconds)
    : m_seconds(seconds + nanoseconds / kNanosPerSecond)
    , m_nanoseconds(nanoseconds % kNanosPerSecond)
{}

std::optional<DateTime> DateTime::fromQDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return std::nullopt;
    const qint64 msecs = dateTime.toMSecsSinceEpoch();
    const qint64 seconds = floorDiv(msecs, 1000);
    const auto millis = quint32(msecs - seconds * 1000);
    return DateTime(seconds, millis * 1'000'000);
}

DateTime DateTime::currentDateTime()
{
    return *fromQDateTime(QDateTime::currentDateTimeUtc());
}

std::optional<DateTime> DateTime::parse(QStringView text, QString *error)
{
    const auto fail = [&](const QString &reason) -> std::optional<DateTime> {
        setError(error, QStringLiteral("invalid datetime \"%1\": %2").arg(text.toString(), reason));
        return std::nullopt;
    };

    Reader r(text);
    int sign = 1;
    bool expanded = false;
    if (r.accept(u'+')) {
        expanded = true;
    } else if (r.accept(u'-')) {
        sign = -1;
        expanded = true;
    }
    const auto year = r.digits(4, expanded ? 9 : 4);
    if (!year)
        return fail(QStringLiteral("expected a four-digit year"));
    if (!r.accept(u'-'))
        return fail(QStringLiteral("expected '-' after the year"));
    const auto month = r.digits(2);
    if (!month || *month < 1 || *month > 12)
        return fail(QStringLiteral("expected a month 01-12"));
    if (!r.accept(u'-'))
        return fail(QStringLiteral("expected '-' after the month"));
    const qint64 fullYear = sign * *year;
    const auto day = r.digits(2);
    if (!day || *day < 1 || *day > daysInMonth(fullYear, int(*month)))
        return fail(QStringLiteral("day out of range for the month"));
    if (!r.accept(u'T') && !r.accept(u't') && !r.accept(u' '))
        return fail(QStringLiteral("expected 'T' between date and time"));
    const auto hour = r.digits(2);
    if (!hour || *hour > 23)
        return fail(QStringLiteral("expected an hour 00-23"));
    if (!r.accept(u':'))
        return fail(QStringLiteral("expected ':' after the hour"));
    const auto minute = r.digits(2);
    if (!minute || *minute > 59)
        return fail(QStringLiteral("expected minutes 00-59"));
    if (!r.accept(u':'))
        return fail(QStringLiteral("expected ':' after the minutes"));
    const auto second = r.digits(2);
    if (!second || *second > 59)
        return fail(QStringLiteral("expected seconds 00-59"));
    quint32 nanos = 0;
    if (r.accept(u'.') || r.accept(u',')) {
        const qsizetype start = r.pos();
        const auto fraction = r.digits(1, 9);
        if (!fraction)
            return fail(QStringLiteral("expected fraction digits after '.'"));
        if (!r.atEnd() && r.peek().isDigit())
            return fail(QStringLiteral("more than 9 fraction digits"));
        qint64 value = *fraction;
        for (int n = r.lastDigitCount(start); n < 9; ++n)
            value *= 10;
        nanos = quint32(value);
    }
    qint64 offsetSeconds = 0;
    if (r.accept(u'Z') || r.accept(u'z')) {
        // UTC
    } else if (r.peek() == u'+' || r.peek() == u'-') {
        const int offsetSign = r.peek() == u'-' ? -1 : 1;
        r.accept(r.peek());
        const auto offsetHours = r.digits(2);
        if (!offsetHours || *offsetHours > 23 || !r.accept(u':'))
            return fail(QStringLiteral("expected an offset ±hh:mm"));
        const auto offsetMinutes = r.digits(2);
        if (!offsetMinutes || *offsetMinutes > 59)
            return fail(QStringLiteral("expected an offset ±hh:mm"));
        offsetSeconds = offsetSign * (*offsetHours * 3600 + *offsetMinutes * 60);
    } else {
        return fail(QStringLiteral("expected 'Z' or an offset ±hh:mm"));
    }
    if (!r.atEnd())
        return fail(QStringLiteral("unexpected text after the datetime"));

    const qint64 days = daysFromCivil(fullYear, int(*month), int(*day));
    const qint64 seconds = days * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second
                           - offsetSeconds;
    return DateTime(seconds, nanos);
}

std::optional<DateTime> DateTime::fromCbor(const QCborValue &value, QString *error)
{
    if (value.isDateTime()) {
        auto result = fromQDateTime(value.toDateTime());
        if (!result)
            setError(error, QStringLiteral("invalid QDateTime"));
        return result;
    }
    if (!value.isTag()) {
        setError(error, QStringLiteral("expected a datetime (tag 12 or tag 0)"));
        return std::nullopt;
    }
    const auto tag = quint64(value.tag());
    const QCborValue inner = value.taggedValue();
    if (tag == CborTags::SpecDateTime) {
        if (!inner.isString()) {
            setError(error, QStringLiteral("tag 0 (datetime) expects RFC 3339 text"));
            return std::nullopt;
        }
        return parse(inner.toString(), error);
    }
    if (tag != CborTags::CustomDateTime) {
        setError(error,
                 QStringLiteral("expected a datetime (tag 12 or tag 0), got tag %1").arg(tag));
        return std::nullopt;
    }
    const QCborArray array = inner.toArray();
    if (!inner.isArray() || array.size() != 2 || !array.at(0).isInteger()
        || !array.at(1).isInteger()) {
        setError(error,
                 QStringLiteral("tag 12 (datetime) expects an array of exactly 2 integers "
                                "[seconds, nanoseconds], got %1")
                     .arg(inner.isArray() ? QStringLiteral("%1 elements").arg(array.size())
                                          : QStringLiteral("no array")));
        return std::nullopt;
    }
    const qint64 nanos = array.at(1).toInteger();
    if (nanos < 0 || nanos >= kNanosPerSecond) {
        setError(error,
                 QStringLiteral("tag 12 (datetime): nanoseconds %1 out of range 0-999999999")
                     .arg(nanos));
        return std::nullopt;
    }
    return DateTime(array.at(0).toInteger(), quint32(nanos));
}

QDateTime DateTime::toQDateTime() const
{
    constexpr qint64 kLimit = std::numeric_limits<qint64>::max() / 1000 - 1;
    if (m_seconds > kLimit || m_seconds < -kLimit)
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_seconds * 1000 + m_nanoseconds / 1'000'000, Qt::UTC);
}

QString DateTime::toString() const
{
    const qint64 days = floorDiv(m_seconds, kSecondsPerDay);
    const qint64 secondOfDay = m_seconds - days * kSecondsPerDay;
    const CivilDate date = civilFromDays(days);

    QString out;
    if (date.year < 0 || date.year > 9999)
        out += date.year < 0 ? u'-' : u'+';
    out += QStringLiteral("%1").arg(qAbs(date.year), 4, 10, QLatin1Char('0'));
    out += QStringLiteral("-%1-%2T%3:%4:%5")
               .arg(date.month, 2, 10, QLatin1Char('0'))
               .arg(date.day, 2, 10, QLatin1Char('0'))
               .arg(secondOfDay / 3600, 2, 10, QLatin1Char('0'))
               .arg(secondOfDay / 60 % 60, 2, 10, QLatin1Char('0'))
               .arg(secondOfDay % 60, 2, 10, QLatin1Char('0'));
    if (m_nanoseconds != 0) {
        int digits = 9;
        quint32 fraction = m_nanoseconds;
        if (fraction % 1'000'000 == 0) {
            digits = 3;
            fraction /= 1'000'000;
        } else if (fraction % 1000 == 0) {
            digits = 6;
            fraction /= 1000;
        }
        out += u'.' + QStringLiteral("%1").arg(fraction, digits, 10, QLatin1Char('0'));
    }
    out += u'Z';
    return out;
}

QString DateTime::toSurql() const
{
    return u'd' + SurqlText::quoteString(toString());
}

QCborValue DateTime::toCbor() const
{
    return QCborValue(QCborTag(CborTags::CustomDateTime),
                      QCborArray{m_seconds, qint64(m_nanoseconds)});
}

size_t qHash(const DateTime &value, size_t seed)
{
    return qHashMulti(seed, value.seconds(), value.nanoseconds());
}

QDebug operator<<(QDebug debug, const DateTime &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "DateTime(" << value.toString() << ')';
    return debug;
}

} // namespace SurrealQt

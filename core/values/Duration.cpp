#include "Duration.h"

#include "CborTags.h"

#include <QtCore/QCborArray>
#include <QtCore/QHashFunctions>

#include <array>
#include <limits>

namespace SurrealQt {

namespace {

constexpr quint32 kNanosPerSecond = 1'000'000'000;
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;
constexpr qint64 kYear = 365 * kDay;

struct Unit
{
    QStringView name;
    qint64 seconds; // whole-second units
    qint64 nanos;   // sub-second units
};

// Longest names first so that "ms" wins over "m".
const std::array kUnits = {
    Unit{u"ms", 0, 1'000'000},
    Unit{u"us", 0, 1'000},
    Unit{u"µs", 0, 1'000},
    Unit{u"μs", 0, 1'000},
    Unit{u"ns", 0, 1},
    Unit{u"y", kYear, 0},
    Unit{u"w", kWeek, 0},
    Unit{u"d", kDay, 0},
    Unit{u"h", kHour, 0},
    Unit{u"m", kMinute, 0},
    Unit{u"s", 1, 0},
};

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

Duration::Duration(qint64 seconds, quint32 nanoseconds)
    : m_seconds(seconds + nanoseconds / kNanosPerSecond)
    , m_nanoseconds(nanoseconds % kNanosPerSecond)
{}

Duration Duration::fromMilliseconds(qint64 milliseconds)
{
    if (milliseconds < 0)
        return {};
    return Duration(milliseconds / 1000, quint32(milliseconds % 1000) * 1'000'000);
}

Duration Duration::fromChrono(std::chrono::nanoseconds duration)
{
    const qint64 count = duration.count();
    if (count < 0)
        return {};
    return Duration(count / kNanosPerSecond, quint32(count % kNanosPerSecond));
}

std::optional<Duration> Duration::parse(QStringView text, QString *error)
{
    const auto fail = [&](const QString &reason) -> std::optional<Duration> {
        setError(error, QStringLiteral("invalid duration \"%1\": %2").arg(text.toString(), reason));
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(QStringLiteral("empty text"));

    qint64 seconds = 0;
    qint64 nanos = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        quint64 amount = 0;
        const qsizetype start = pos;
        while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9') {
            const quint64 digit = text[pos].unicode() - u'0';
            if (amount > (std::numeric_limits<quint64>::max() - digit) / 10)
                return fail(QStringLiteral("number too large"));
            amount = amount * 10 + digit;
            ++pos;
        }
        if (pos == start)
            return fail(QStringLiteral("expected a number at position %1").arg(pos));
        const Unit *unit = nullptr;
        for (const Unit &candidate : kUnits) {
            if (text.sliced(pos).startsWith(candidate.name)) {
                unit = &candidate;
                break;
            }
        }
        if (!unit) {
            return fail(
                QStringLiteral("expected a unit (y w d h m s ms µs ns) at position %1").arg(pos));
        }
        pos += unit->name.size();
        if (unit->seconds > 0) {
            if (amount > quint64(kMax / unit->seconds))
                return fail(QStringLiteral("duration too large"));
            const qint64 add = qint64(amount) * unit->seconds;
            if (seconds > kMax - add)
                return fail(QStringLiteral("duration too large"));
            seconds += add;
        } else {
            const quint64 perSecond = kNanosPerSecond / quint64(unit->nanos);
            const auto add = qint64(amount / perSecond);
            if (seconds > kMax - add)
                return fail(QStringLiteral("duration too large"));
            seconds += add;
            nanos += qint64(amount % perSecond) * unit->nanos;
            if (nanos >= kNanosPerSecond) {
                if (seconds == kMax)
                    return fail(QStringLiteral("duration too large"));
                ++seconds;
                nanos -= kNanosPerSecond;
            }
        }
    }
    return Duration(seconds, quint32(nanos));
}

std::optional<Duration> Duration::fromCbor(const QCborValue &value, QString *error)
{
    if (!value.isTag()) {
        setError(error, QStringLiteral("expected a duration (tag 14 or tag 13)"));
        return std::nullopt;
    }
    const auto tag = quint64(value.tag());
    const QCborValue inner = value.taggedValue();
    if (tag == CborTags::StringDuration) {
        if (!inner.isString()) {
            setError(error, QStringLiteral("tag 13 (duration) expects text"));
            return std::nullopt;
        }
        return parse(inner.toString(), error);
    }
    if (tag != CborTags::CustomDuration) {
        setError(error,
                 QStringLiteral("expected a duration (tag 14 or tag 13), got tag %1").arg(tag));
        return std::nullopt;
    }
    const QCborArray array = inner.toArray();
    bool valid = inner.isArray() && array.size() <= 2;
    for (const QCborValue &item : array)
        valid = valid && item.isInteger() && item.toInteger() >= 0;
    if (!valid) {
        setError(error,
                 QStringLiteral("tag 14 (duration) expects [], [seconds] or [seconds, "
                                "nanoseconds] with non-negative integers"));
        return std::nullopt;
    }
    const qint64 seconds = array.isEmpty() ? 0 : array.at(0).toInteger();
    const qint64 nanos = array.size() > 1 ? array.at(1).toInteger() : 0;
    if (nanos >= kNanosPerSecond) {
        setError(error,
                 QStringLiteral("tag 14 (duration): nanoseconds %1 out of range 0-999999999")
                     .arg(nanos));
        return std::nullopt;
    }
    return Duration(seconds, quint32(nanos));
}

qint64 Duration::toMilliseconds() const
{
    if (m_seconds > kMax / 1000 - 1)
        return kMax;
    return m_seconds * 1000 + m_nanoseconds / 1'000'000;
}

std::chrono::nanoseconds Duration::toChrono() const
{
    if (m_seconds > kMax / kNanosPerSecond - 1)
        return std::chrono::nanoseconds::max();
    return std::chrono::nanoseconds(m_seconds * kNanosPerSecond + m_nanoseconds);
}

QString Duration::toString() const
{
    if (isZero())
        return QStringLiteral("0ns");
    QString out;
    qint64 rest = m_seconds;
    const auto part = [&out](qint64 amount, QStringView unit) {
        if (amount > 0)
            out += QString::number(amount) + unit;
    };
    part(rest / kYear, u"y");
    rest %= kYear;
    part(rest / kWeek, u"w");
    rest %= kWeek;
    part(rest / kDay, u"d");
    rest %= kDay;
    part(rest / kHour, u"h");
    rest %= kHour;
    part(rest / kMinute, u"m");
    part(rest % kMinute, u"s");
    part(m_nanoseconds / 1'000'000, u"ms");
    part(m_nanoseconds / 1000 % 1000, u"µs");
    part(m_nanoseconds % 1000, u"ns");
    return out;
}

QCborValue Duration::toCbor() const
{
    QCborArray array;
    if (!isZero())
        array.append(m_seconds);
    if (m_nanoseconds != 0)
        array.append(qint64(m_nanoseconds));
    return QCborValue(QCborTag(CborTags::CustomDuration), array);
}

size_t qHash(const Duration &value, size_t seed)
{
    return qHashMulti(seed, value.seconds(), value.nanoseconds());
}

QDebug operator<<(QDebug debug, const Duration &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Duration(" << value.toString() << ')';
    return debug;
}

} // namespace SurrealQt

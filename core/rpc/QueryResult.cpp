#include "QueryResult.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>

#include <array>
#include <charconv>
#include <utility>

namespace SurrealQt {

namespace {

struct Unit
{
    const char16_t *suffix;
    double nanoseconds;
};

// Longest suffixes first so "ms" is not read as "m" followed by garbage.
constexpr std::array kUnits = {
    Unit{u"ns", 1.0},
    Unit{u"µs", 1e3},
    Unit{u"us", 1e3},
    Unit{u"ms", 1e6},
    Unit{u"s", 1e9},
    Unit{u"m", 60e9},
    Unit{u"h", 3600e9},
    Unit{u"d", 86400e9},
    Unit{u"w", 604800e9},
    Unit{u"y", 31536000e9},
};

QString textOf(const QCborValue &value)
{
    // NONE arrives as tag 6 around null; a plain string is the common case.
    return value.isString() ? value.toString() : QString();
}

} // namespace

StatementResult StatementResult::fromWire(const QCborValue &statement)
{
    StatementResult out;
    const QCborMap map = statement.toMap();
    out.m_timeText = textOf(map.value(QLatin1String("time")));
    out.m_time = QueryResponse::parseTime(out.m_timeText);
    out.m_type = textOf(map.value(QLatin1String("type")));
    const QCborValue result = map.value(QLatin1String("result"));
    if (map.value(QLatin1String("status")).toString() == QLatin1String("OK")) {
        out.m_result = result;
    } else {
        const QCborValue kind = map.value(QLatin1String("kind"));
        const RpcError::Kind errorKind = kind.isString() ? RpcError::kindFromName(kind.toString())
                                                         : RpcError::Kind::Query;
        QString message = result.isString() ? result.toString()
                                            : textOf(map.value(QLatin1String("detail")));
        if (message.isEmpty())
            message = QStringLiteral("the statement failed without a message");
        out.m_error = RpcError(errorKind, message, 0, map.value(QLatin1String("details")));
    }
    return out;
}

Result<QueryResponse> QueryResponse::fromWire(const QCborValue &result)
{
    if (!result.isArray()) {
        return RpcError(RpcError::Kind::Protocol,
                        QStringLiteral("a query reply must be an array of statement results"));
    }
    QueryResponse out;
    const QCborArray statements = result.toArray();
    out.m_statements.reserve(statements.size());
    for (const QCborValue &statement : statements) {
        if (!statement.isMap()) {
            return RpcError(RpcError::Kind::Protocol,
                            QStringLiteral("a statement result must be an object"));
        }
        out.m_statements.append(StatementResult::fromWire(statement));
    }
    return out;
}

RpcError QueryResponse::firstError() const
{
    for (const StatementResult &statement : m_statements) {
        if (!statement.isOk())
            return statement.error();
    }
    return {};
}

QCborValue QueryResponse::value(qsizetype index) const
{
    if (index < 0 || index >= m_statements.size())
        return {};
    return m_statements.at(index).result();
}

std::chrono::nanoseconds QueryResponse::parseTime(QStringView text)
{
    // Parsed by hand (ASCII digits, std::from_chars): one runs for every statement of every
    // reply, and QStringView::toDouble goes through the locale machinery.
    double total = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        std::array<char, 32> digits{};
        std::size_t length = 0;
        while (pos < text.size() && length < digits.size()) {
            const char16_t c = text[pos].unicode();
            if ((c < u'0' || c > u'9') && c != u'.')
                break;
            digits[length++] = char(c);
            ++pos;
        }
        double amount = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + length, amount);
        if (length == 0 || error != std::errc() || end != digits.data() + length)
            return std::chrono::nanoseconds{0};
        const Unit *matched = nullptr;
        for (const Unit &unit : kUnits) {
            const QStringView suffix(unit.suffix);
            if (text.sliced(pos).startsWith(suffix)
                && (!matched || suffix.size() > QStringView(matched->suffix).size()))
                matched = &unit;
        }
        if (!matched)
            return std::chrono::nanoseconds{0};
        total += amount * matched->nanoseconds;
        pos += QStringView(matched->suffix).size();
    }
    return std::chrono::nanoseconds{static_cast<long long>(total)};
}

} // namespace SurrealQt

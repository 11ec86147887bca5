#include "SurqlSyntax.h"

#include <QtCore/QSet>

#include <algorithm>
#include <array>
#include <cmath>

namespace SurrealQt {

namespace {

using namespace Qt::Literals::StringLiterals;

bool isPlainIdentifier(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit() || name == u"NaN" || name == u"Infinity")
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
               || u == u'_';
    });
}

QString escaped(QStringView text, QChar quote)
{
    QString out;
    out.reserve(text.size() + 2);
    out += quote;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\0':
            out += u"\\0"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'\b':
            out += u"\\u{8}"_s;
            break;
        default:
            if (c == quote)
                out += u'\\';
            out += c;
        }
    }
    out += quote;
    return out;
}

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;
constexpr qint64 kYear = 365 * kDay;

} // namespace

bool SurqlSyntax::isReservedKeyword(QStringView word)
{
    static const QSet<QString> keywords = [] {
        QSet<QString> set;
        for (const char16_t *k :
             {u"ALTER",    u"BEGIN",   u"BREAK",   u"CANCEL", u"COMMIT", u"CONTINUE", u"CREATE",
              u"DEFINE",   u"DELETE",  u"FOR",     u"IF",     u"INFO",   u"INSERT",   u"KILL",
              u"LIVE",     u"OPTION",  u"REBUILD", u"RETURN", u"RELATE", u"REMOVE",   u"SELECT",
              u"LET",      u"SHOW",    u"SLEEP",   u"THROW",  u"UPDATE", u"UPSERT",   u"USE",
              u"DIFF",     u"RAND",    u"NONE",    u"NULL",   u"AFTER",  u"BEFORE",   u"VALUE",
              u"BY",       u"ALL",     u"TRUE",    u"FALSE",  u"WHERE",  u"TABLE",    u"TB",
              u"SEQUENCE", u"FUNCTION"})
            set.insert(QString::fromUtf16(k));
        return set;
    }();
    return word.size() <= 8 && keywords.contains(word.toString().toUpper());
}

QString SurqlSyntax::quoteKeywordFreeIdentifier(QStringView name)
{
    return isPlainIdentifier(name) ? name.toString() : escaped(name, u'`');
}

QString SurqlSyntax::quoteIdentifier(QStringView name)
{
    if (isReservedKeyword(name))
        return escaped(name, u'`');
    return quoteKeywordFreeIdentifier(name);
}

QString SurqlSyntax::quoteString(QStringView text)
{
    return escaped(text, text.contains(u'\'') ? u'"' : u'\'');
}

QString SurqlSyntax::quoteObjectKey(QStringView key)
{
    return isPlainIdentifier(key) ? key.toString() : escaped(key, u'"');
}

QString SurqlSyntax::formatPath(const QStringList &parts)
{
    QString out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (i > 0)
            out += u'.';
        if (part == u"*") {
            out += u'*';
        } else if (i == 0) {
            out += quoteIdentifier(part);
        } else {
            out += quoteKeywordFreeIdentifier(part);
        }
    }
    return out;
}

std::optional<QString> SurqlSyntax::normalizeDuration(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    quint64 seconds = 0;
    quint64 nanos = 0;
    qsizetype i = 0;
    while (i < text.size()) {
        quint64 amount = 0;
        const qsizetype digitsStart = i;
        while (i < text.size() && text[i].isDigit() && text[i].unicode() < 128) {
            if (amount > (std::numeric_limits<quint64>::max() - 9) / 10)
                return std::nullopt;
            amount = amount * 10 + (text[i].unicode() - u'0');
            ++i;
        }
        if (i == digitsStart)
            return std::nullopt;
        const qsizetype unitStart = i;
        while (i < text.size() && !text[i].isDigit())
            ++i;
        const QStringView unit = text.mid(unitStart, i - unitStart);
        auto addSeconds = [&](quint64 factor) {
            if (factor != 0 && amount > std::numeric_limits<quint64>::max() / factor / 2)
                return false;
            seconds += amount * factor;
            return true;
        };
        bool ok = true;
        if (unit == u"ns") {
            nanos += amount;
        } else if (unit == u"us" || unit == u"µs" || unit == u"μs") {
            nanos += amount * 1000;
        } else if (unit == u"ms") {
            nanos += amount * 1000000;
        } else if (unit == u"s") {
            ok = addSeconds(1);
        } else if (unit == u"m") {
            ok = addSeconds(kMinute);
        } else if (unit == u"h") {
            ok = addSeconds(kHour);
        } else if (unit == u"d") {
            ok = addSeconds(kDay);
        } else if (unit == u"w") {
            ok = addSeconds(kWeek);
        } else if (unit == u"y") {
            ok = addSeconds(kYear);
        } else {
            return std::nullopt;
        }
        if (!ok || nanos > std::numeric_limits<quint64>::max() / 4)
            return std::nullopt;
    }
    seconds += nanos / 1000000000;
    nanos %= 1000000000;
    if (seconds == 0 && nanos == 0)
        return u"0ns"_s;
    QString out;
    const std::array<std::pair<quint64, char16_t>, 6> units{{{quint64(kYear), u'y'},
                                                             {quint64(kWeek), u'w'},
                                                             {quint64(kDay), u'd'},
                                                             {quint64(kHour), u'h'},
                                                             {quint64(kMinute), u'm'},
                                                             {1, u's'}}};
    for (const auto &[size, letter] : units) {
        if (seconds >= size) {
            out += QString::number(seconds / size) + QChar(letter);
            seconds %= size;
        }
    }
    const quint64 ms = nanos / 1000000;
    const quint64 us = nanos / 1000 % 1000;
    const quint64 ns = nanos % 1000;
    if (ms > 0)
        out += QString::number(ms) + u"ms"_s;
    if (us > 0)
        out += QString::number(us) + u"µs"_s;
    if (ns > 0)
        out += QString::number(ns) + u"ns"_s;
    return out;
}

QString SurqlSyntax::formatDouble(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    for (int decimals = 0; decimals <= 340; ++decimals) {
        const QString text = QString::number(value, 'f', decimals);
        if (text.toDouble() == value)
            return text;
    }
    return QString::number(value, 'g', 17);
}

QString SurqlSyntax::formatFloat(float value)
{
    if (std::isnan(value) || std::isinf(value))
        return formatDouble(double(value));
    for (int decimals = 0; decimals <= 60; ++decimals) {
        const QString text = QString::number(double(value), 'f', decimals);
        if (float(text.toDouble()) == value)
            return text;
    }
    return QString::number(double(value), 'g', 9);
}

} // namespace SurrealQt

#include "Decimal.h"

#include "CborTags.h"

#include <QtCore/QLocale>

#include <cmath>
#include <utility>

namespace SurrealQt {

namespace {

bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// [+-] digits [. digits] [(e|E) [+-] digits], at least one digit before the exponent. One
// template for UTF-16 text and for the Latin-1 view of a CBOR text string's bytes.
template<typename View>
bool validDecimal(View text)
{
    const qsizetype size = text.size();
    const auto at = [&](qsizetype pos) { return char16_t(text[pos].unicode()); };
    qsizetype pos = 0;
    if (pos < size && (at(pos) == u'+' || at(pos) == u'-'))
        ++pos;
    qsizetype digits = 0;
    while (pos < size && isAsciiDigit(at(pos))) {
        ++pos;
        ++digits;
    }
    if (pos < size && at(pos) == u'.') {
        ++pos;
        while (pos < size && isAsciiDigit(at(pos))) {
            ++pos;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (pos < size && (at(pos) == u'e' || at(pos) == u'E')) {
        ++pos;
        if (pos < size && (at(pos) == u'+' || at(pos) == u'-'))
            ++pos;
        const qsizetype start = pos;
        while (pos < size && isAsciiDigit(at(pos)))
            ++pos;
        if (pos == start)
            return false;
    }
    return pos == size;
}

} // namespace

Decimal::Decimal(QString text)
    : m_text(std::move(text))
{}

bool Decimal::isValid(QStringView text)
{
    return validDecimal(text);
}

bool Decimal::isValid(QLatin1StringView text)
{
    return validDecimal(text);
}

std::optional<Decimal> Decimal::fromString(QStringView text, QString *error)
{
    if (!isValid(text)) {
        if (error)
            *error = QStringLiteral("invalid decimal \"%1\"").arg(text.toString());
        return std::nullopt;
    }
    return Decimal(text.toString());
}

Decimal Decimal::fromDouble(double value)
{
    if (!std::isfinite(value))
        return {};
    return Decimal(QString::number(value, 'g', QLocale::FloatingPointShortest));
}

Decimal Decimal::fromInteger(qint64 value)
{
    return Decimal(QString::number(value));
}

std::optional<Decimal> Decimal::fromCbor(const QCborValue &value, QString *error)
{
    if (!value.isTag() || quint64(value.tag()) != CborTags::StringDecimal
        || !value.taggedValue().isString()) {
        if (error)
            *error = QStringLiteral("tag 10 (decimal) expects text");
        return std::nullopt;
    }
    return fromString(value.taggedValue().toString(), error);
}

double Decimal::toDouble() const
{
    return QLocale::c().toDouble(m_text);
}

QString Decimal::toSurql() const
{
    // The text as SurrealQL reads it: no '+' sign, a digit on both sides of the point.
    QString text = m_text;
    if (text.startsWith(u'+'))
        text.remove(0, 1);
    const qsizetype sign = text.startsWith(u'-') ? 1 : 0;
    if (text.size() > sign && text[sign] == u'.')
        text.insert(sign, u'0');
    const qsizetype point = text.indexOf(u'.');
    if (point >= 0 && (point + 1 == text.size() || !isAsciiDigit(text[point + 1].unicode())))
        text.remove(point, 1);
    return text + QStringLiteral("dec");
}

QCborValue Decimal::toCbor() const
{
    return QCborValue(QCborTag(CborTags::StringDecimal), m_text);
}

size_t qHash(const Decimal &value, size_t seed)
{
    return qHash(value.toString(), seed);
}

QDebug operator<<(QDebug debug, const Decimal &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Decimal(" << value.toString() << ')';
    return debug;
}

} // namespace SurrealQt

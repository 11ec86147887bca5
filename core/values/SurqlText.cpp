#include "SurqlText_p.h"

#include <QtCore/QLocale>

#include <algorithm>
#include <cmath>

namespace SurrealQt::SurqlText {

namespace {

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

bool isPlainIdentifier(QStringView text)
{
    if (text.isEmpty() || !isIdentStart(text.front()))
        return false;
    return std::ranges::all_of(text, isIdentChar);
}

void appendEscaped(QString &out, QStringView text, QChar closing)
{
    for (QChar c : text) {
        if (c == u'\\' || c == closing) {
            out += u'\\';
            out += c;
            continue;
        }
        switch (c.unicode()) {
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'\f':
            out += u"\\f";
            break;
        case u'\b':
            out += u"\\b";
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                out += u"\\u{" + QString::number(c.unicode(), 16).toUpper() + u'}';
            } else {
                out += c;
            }
        }
    }
}

QString quoteString(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    appendEscaped(out, text, u'"');
    out += u'"';
    return out;
}

QString escapeIdentifier(QStringView text)
{
    const bool reserved = text.compare(u"NONE", Qt::CaseInsensitive) == 0
                          || text.compare(u"NULL", Qt::CaseInsensitive) == 0
                          || text.compare(u"TRUE", Qt::CaseInsensitive) == 0
                          || text.compare(u"FALSE", Qt::CaseInsensitive) == 0;
    if (isPlainIdentifier(text) && !reserved)
        return text.toString();
    QString out;
    out += u'`';
    appendEscaped(out, text, u'`');
    out += u'`';
    return out;
}

QString escapeRecordKey(QStringView text)
{
    if (isPlainIdentifier(text))
        return text.toString();
    QString out;
    out += u'⟨';
    appendEscaped(out, text, u'⟩');
    out += u'⟩';
    return out;
}

QString escapeObjectKey(QStringView text)
{
    return isPlainIdentifier(text) ? text.toString() : quoteString(text);
}

QString formatFloat(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    // QString::number drops the sign of -0.0.
    if (value == 0 && std::signbit(value))
        return QStringLiteral("-0f");
    return QString::number(value, 'f', QLocale::FloatingPointShortest) + u'f';
}

QString formatCoordinate(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    // QString::number drops the sign of -0.0, and -0 would read back as the integer 0.
    if (value == 0 && std::signbit(value))
        return QStringLiteral("-0.0");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace SurrealQt::SurqlText

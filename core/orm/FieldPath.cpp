#include "FieldPath.h"

#include <QtCore/QCoreApplication>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

bool FieldPath::isIdentifier(QStringView name)
{
    if (name.isEmpty() || !(isAsciiLetter(name.front()) || name.front() == u'_'))
        return false;
    return std::ranges::all_of(name, [](QChar c) {
        return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

std::optional<FieldPath> FieldPath::parse(QStringView path, QString *error)
{
    return fromParts({path.toString()}, error);
}

std::optional<FieldPath> FieldPath::fromParts(const QStringList &parts, QString *error)
{
    FieldPath result;
    for (const QString &part : parts) {
        for (const QStringView name : QStringView(part).split(u'.'))
            result.m_parts.append(name.toString());
    }
    for (const QString &name : std::as_const(result.m_parts)) {
        if (!isIdentifier(name)) {
            if (error) {
                *error = QCoreApplication::translate(
                             "SurrealQt::FieldPath",
                             "invalid field name \"%1\": a field name is letters, digits and "
                             "underscores (not starting with a digit), in dotted paths")
                             .arg(parts.join(u"."_s));
            }
            return std::nullopt;
        }
    }
    if (result.m_parts.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("SurrealQt::FieldPath", "empty field name");
        return std::nullopt;
    }
    return result;
}

} // namespace SurrealQt

#include "console/ErrorLocation.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace SurrealQt {

ErrorLocation ErrorLocation::fromMessage(const QString &message)
{
    static const QRegularExpression pattern(u"-->\\s*\\[(\\d+):(\\d+)\\]"_s);
    const QRegularExpressionMatch match = pattern.match(message);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

ErrorLocation ErrorLocation::offsetBy(int line, int column) const
{
    if (!isValid())
        return *this;
    return {this->line + line, this->line == 1 ? this->column + column : this->column};
}

} // namespace SurrealQt

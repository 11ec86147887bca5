#include "SchemaParseError.h"

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

QString SchemaParseError::message() const
{
    if (!isError())
        return {};
    return u"line %1, column %2: expected %3, found %4"_s.arg(line).arg(column).arg(expected, found);
}

} // namespace SurrealQt

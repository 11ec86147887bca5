#include <surrealqt/version.h>

namespace SurrealQt {

QString versionString()
{
    return QStringLiteral(SURREALQT_VERSION_STRING);
}

} // namespace SurrealQt

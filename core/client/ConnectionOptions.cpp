#include "ConnectionOptions.h"

#include <algorithm>
#include <cmath>

namespace SurrealQt {

std::chrono::milliseconds ReconnectPolicy::delayFor(int attempt, double unitRandom) const
{
    const double base = static_cast<double>(initialDelay.count())
                        * std::pow(multiplier, std::max(0, attempt));
    const double capped = std::min(base, static_cast<double>(maxDelay.count()));
    const double spread = 1.0 + jitter * (2.0 * std::clamp(unitRandom, 0.0, 1.0) - 1.0);
    return std::chrono::milliseconds(static_cast<long long>(std::max(0.0, capped * spread)));
}

QUrl ConnectionOptions::rpcUrl() const
{
    QUrl url = endpoint;
    if (url.scheme() == QLatin1String("http")) {
        url.setScheme(QStringLiteral("ws"));
    } else if (url.scheme() == QLatin1String("https")) {
        url.setScheme(QStringLiteral("wss"));
    }
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/rpc"));
    return url;
}

QUrl ConnectionOptions::httpUrl() const
{
    QUrl url = endpoint;
    if (url.scheme() == QLatin1String("ws")) {
        url.setScheme(QStringLiteral("http"));
    } else if (url.scheme() == QLatin1String("wss")) {
        url.setScheme(QStringLiteral("https"));
    }
    if (url.path() == QLatin1String("/rpc") || url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

} // namespace SurrealQt

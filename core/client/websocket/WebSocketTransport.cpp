#include "WebSocketTransport_p.h"

#include "QtWebSocketTransport_p.h"

#include <surrealqt/client/ConnectionOptions.h>

#include <QtNetwork/QNetworkProxyFactory>

#ifdef Q_OS_UNIX
#include "PosixWebSocketTransport_p.h"
#endif

namespace SurrealQt {

std::unique_ptr<WebSocketTransport> makeWebSocketTransport(const QUrl &url,
                                                           const ConnectionOptions &options)
{
#ifdef Q_OS_UNIX
    // SURREALQT_WS_TRANSPORT=qt picks QWebSocket everywhere (a fallback, and its tests).
    const bool qtAsked = qEnvironmentVariable("SURREALQT_WS_TRANSPORT") == QLatin1String("qt");
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(
        QNetworkProxyQuery(url));
    const bool direct = proxies.isEmpty() || proxies.first().type() == QNetworkProxy::NoProxy
                        || proxies.first().type() == QNetworkProxy::DefaultProxy;
    if (url.scheme() == QLatin1String("ws") && direct && !qtAsked)
        return std::make_unique<PosixWebSocketTransport>(options.callTimeout);
#endif
    return std::make_unique<QtWebSocketTransport>(options.caCertificateFile);
}

} // namespace SurrealQt

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QUrl>

#include <chrono>

namespace SurrealQt {

// How a dropped WebSocket comes back: exponential backoff with jitter.
struct SURREALQT_CORE_EXPORT ReconnectPolicy
{
    bool enabled = true;
    int maxAttempts = 10; // < 0: try forever
    std::chrono::milliseconds initialDelay{500};
    std::chrono::milliseconds maxDelay{30000};
    double multiplier = 2.0;
    double jitter = 0.1; // ±10 %

    // The wait before attempt `attempt` (0-based); `unitRandom` in [0, 1) spreads the jitter.
    std::chrono::milliseconds delayFor(int attempt, double unitRandom) const;
};

struct SURREALQT_CORE_EXPORT ConnectionOptions
{
    enum class Format { Cbor, Json };

    // ws://, wss://, http:// or https://; a bare host:port path gets /rpc appended for WebSockets.
    QUrl endpoint;
    Format format = Format::Cbor;
    std::chrono::milliseconds callTimeout{30000};
    // A ping this often keeps NATs open and detects a dead peer; zero turns it off.
    std::chrono::milliseconds keepAliveInterval{30000};
    ReconnectPolicy reconnect;
    // Extra CA certificates (PEM) to trust for wss:// and https://, e.g. a private CA.
    QString caCertificateFile;

    // The WebSocket RPC address for this endpoint (http→ws, https→wss, /rpc path).
    QUrl rpcUrl() const;
    // The HTTP base address for this endpoint (ws→http, wss→https, no path).
    QUrl httpUrl() const;
};

} // namespace SurrealQt

#pragma once

#include <QtCore/QUuid>

#include <chrono>
#include <functional>

namespace SurrealQt {

// Per-call routing and limits: which session and transaction a request runs in, and how long
// the caller waits for it. A zero timeout means the connection's default.
struct CallOptions
{
    QUuid session;
    QUuid txn;
    std::chrono::milliseconds timeout{0};
    // Abandons the call once this returns true. The typed helpers set it so that cancelling
    // their future reaches the request (Qt 6.4's .then() does not pass cancellation upstream).
    std::function<bool()> cancelled;
};

} // namespace SurrealQt

#pragma once

#include <QtCore/QUuid>

#include <chrono>

namespace SurrealQt {

// Per-call routing and limits: which session and transaction a request runs in, and how long
// the caller waits for it. A zero timeout means the connection's default.
struct CallOptions
{
    QUuid session;
    QUuid txn;
    std::chrono::milliseconds timeout{0};
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>

namespace SurrealQt {

// The RPC method catalogue of SurrealDB 3.x and what the client needs to know about each one.
struct SURREALQT_CORE_EXPORT MethodInfo
{
    const char *name;
    // Safe to send again after a reconnect: it reads, or it sets state the replay restores anyway.
    bool replayable;
    // Changes session state (ns/db, auth, variables) that a reconnect must replay.
    bool sessionState;
};

class SURREALQT_CORE_EXPORT Method
{
public:
    // Every 3.x method, in protocol order.
    static const MethodInfo *all(int *count);
    // nullptr for a name that is not in the catalogue.
    static const MethodInfo *find(QStringView name);
    static bool isReplayable(QStringView name);
};

} // namespace SurrealQt

#include "Method.h"

#include <array>

namespace SurrealQt {

namespace {

// clang-format off
constexpr std::array kMethods = {
    MethodInfo{"ping",            true,  false},
    MethodInfo{"version",         true,  false},
    MethodInfo{"info",            true,  false},
    MethodInfo{"use",             true,  true},
    MethodInfo{"signin",          true,  true},
    MethodInfo{"signup",          false, true},
    MethodInfo{"authenticate",    true,  true},
    MethodInfo{"refresh",         false, true},
    MethodInfo{"revoke",          false, false},
    MethodInfo{"invalidate",      true,  true},
    MethodInfo{"reset",           true,  true},
    MethodInfo{"let",             true,  true},
    MethodInfo{"set",             true,  true},
    MethodInfo{"unset",           true,  true},
    MethodInfo{"live",            false, false},
    MethodInfo{"kill",            true,  false},
    MethodInfo{"query",           false, false},
    MethodInfo{"select",          true,  false},
    MethodInfo{"create",          false, false},
    MethodInfo{"insert",          false, false},
    MethodInfo{"insert_relation", false, false},
    MethodInfo{"update",          false, false},
    MethodInfo{"upsert",          true,  false},
    MethodInfo{"merge",           false, false},
    MethodInfo{"patch",           false, false},
    MethodInfo{"delete",          true,  false},
    MethodInfo{"relate",          false, false},
    MethodInfo{"run",             false, false},
    MethodInfo{"attach",          false, true},
    MethodInfo{"detach",          false, true},
    MethodInfo{"sessions",        true,  false},
    MethodInfo{"begin",           false, false},
    MethodInfo{"commit",          false, false},
    MethodInfo{"cancel",          false, false},
};
// clang-format on

} // namespace

const MethodInfo *Method::all(int *count)
{
    if (count)
        *count = static_cast<int>(kMethods.size());
    return kMethods.data();
}

const MethodInfo *Method::find(QStringView name)
{
    for (const MethodInfo &method : kMethods) {
        if (name == QLatin1String(method.name))
            return &method;
    }
    return nullptr;
}

bool Method::isReplayable(QStringView name)
{
    const MethodInfo *method = find(name);
    return method && method->replayable;
}

} // namespace SurrealQt

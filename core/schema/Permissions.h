#pragma once

#include "Permission.h"

namespace SurrealQt {

// PERMISSIONS per action of a table or field. Fields have no delete rule (it stays FULL).
struct Permissions
{
    Permission select;
    Permission create;
    Permission update;
    Permission remove; // FOR delete

    static Permissions all(const Permission &p) { return {p, p, p, p}; }
    static Permissions none() { return all(Permission::none()); }
    static Permissions full() { return all(Permission::full()); }

    friend bool operator==(const Permissions &, const Permissions &) = default;
};

} // namespace SurrealQt

#include "Schema.h"

#include <algorithm>

namespace SurrealQt {

namespace {

template<typename T>
T *byName(QList<T> &list, const QString &name)
{
    for (T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

template<typename T>
void sortByName(QList<T> &list)
{
    std::stable_sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return a.name < b.name;
    });
}

template<typename T>
QList<T> sorted(QList<T> list)
{
    sortByName(list);
    return list;
}

} // namespace

TableDef *Schema::table(const QString &name)
{
    return byName(tables, name);
}

const TableDef *Schema::table(const QString &name) const
{
    return byName(const_cast<Schema *>(this)->tables, name);
}

AnalyzerDef *Schema::analyzer(const QString &name)
{
    return byName(analyzers, name);
}

FunctionDef *Schema::function(const QString &name)
{
    return byName(functions, name);
}

ParamDef *Schema::param(const QString &name)
{
    return byName(params, name);
}

AccessDef *Schema::access(const QString &name)
{
    return byName(accesses, name);
}

UserDef *Schema::user(const QString &name)
{
    return byName(users, name);
}

bool Schema::isEmpty() const
{
    return tables.isEmpty() && analyzers.isEmpty() && functions.isEmpty() && params.isEmpty()
           && accesses.isEmpty() && users.isEmpty();
}

void Schema::sort()
{
    sortByName(tables);
    for (TableDef &t : tables)
        t.sortChildren();
    sortByName(analyzers);
    sortByName(functions);
    sortByName(params);
    sortByName(accesses);
    sortByName(users);
}

bool operator==(const Schema &a, const Schema &b)
{
    return sorted(a.tables) == sorted(b.tables) && sorted(a.analyzers) == sorted(b.analyzers)
           && sorted(a.functions) == sorted(b.functions) && sorted(a.params) == sorted(b.params)
           && sorted(a.accesses) == sorted(b.accesses) && sorted(a.users) == sorted(b.users);
}

} // namespace SurrealQt

#include "TableDef.h"

#include <algorithm>

namespace SurrealQt {

namespace {

template<typename List, typename Key>
auto findIn(List &list, const Key &key, auto keyOf) -> decltype(&list.front())
{
    for (auto &item : list) {
        if (keyOf(item) == key)
            return &item;
    }
    return nullptr;
}

bool pathLess(const QStringList &a, const QStringList &b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

template<typename T>
QList<T> sortedByName(QList<T> list)
{
    std::sort(list.begin(), list.end(), [](const T &x, const T &y) { return x.name < y.name; });
    return list;
}

QList<FieldDef> sortedFields(QList<FieldDef> fields)
{
    std::stable_sort(fields.begin(), fields.end(), [](const FieldDef &x, const FieldDef &y) {
        return pathLess(x.path, y.path);
    });
    return fields;
}

} // namespace

FieldDef *TableDef::field(const QStringList &path)
{
    return findIn(fields, path, [](const FieldDef &f) { return f.path; });
}

const FieldDef *TableDef::field(const QStringList &path) const
{
    return const_cast<TableDef *>(this)->field(path);
}

IndexDef *TableDef::index(const QString &name)
{
    return findIn(indexes, name, [](const IndexDef &i) { return i.name; });
}

const IndexDef *TableDef::index(const QString &name) const
{
    return const_cast<TableDef *>(this)->index(name);
}

EventDef *TableDef::event(const QString &name)
{
    return findIn(events, name, [](const EventDef &e) { return e.name; });
}

const EventDef *TableDef::event(const QString &name) const
{
    return const_cast<TableDef *>(this)->event(name);
}

void TableDef::sortChildren()
{
    fields = sortedFields(fields);
    indexes = sortedByName(indexes);
    events = sortedByName(events);
}

bool operator==(const TableDef &a, const TableDef &b)
{
    return a.name == b.name && a.type == b.type && a.relationIn == b.relationIn
           && a.relationOut == b.relationOut && a.enforced == b.enforced
           && a.schemafull == b.schemafull && a.drop == b.drop && a.view == b.view
           && a.changefeed == b.changefeed
           && a.changefeedIncludeOriginal == b.changefeedIncludeOriginal
           && a.permissions == b.permissions && a.comment == b.comment
           && sortedFields(a.fields) == sortedFields(b.fields)
           && sortedByName(a.indexes) == sortedByName(b.indexes)
           && sortedByName(a.events) == sortedByName(b.events);
}

} // namespace SurrealQt

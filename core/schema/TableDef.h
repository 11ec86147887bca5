#pragma once

#include "EventDef.h"
#include "FieldDef.h"
#include "IndexDef.h"
#include "Permissions.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE TABLE, with the table's fields, indexes and events.
struct SURREALQT_CORE_EXPORT TableDef
{
    enum class Type { Any, Normal, Relation };

    QString name;
    Type type = Type::Any;
    QStringList relationIn;  // TYPE RELATION IN a | b
    QStringList relationOut; // TYPE RELATION OUT c
    bool enforced = false;
    bool schemafull = false;
    bool drop = false;
    QString view; // the view's query after AS (`SELECT … FROM …`), empty when not a view
    std::optional<QString> changefeed; // canonical duration
    bool changefeedIncludeOriginal = false;
    Permissions permissions = Permissions::none();
    std::optional<QString> comment;

    QList<FieldDef> fields;
    QList<IndexDef> indexes;
    QList<EventDef> events;

    bool isView() const { return !view.isEmpty(); }

    FieldDef *field(const QStringList &path);
    const FieldDef *field(const QStringList &path) const;
    IndexDef *index(const QString &name);
    const IndexDef *index(const QString &name) const;
    EventDef *event(const QString &name);
    const EventDef *event(const QString &name) const;

    // The fields sorted so that a parent comes before its children (`a`, `a.*`, `a.b`, `ab`),
    // indexes and events sorted by name: the order the printer writes them in.
    void sortChildren();

    // Equal when the table clauses are equal and the same fields, indexes and events exist,
    // whatever their order.
    friend SURREALQT_CORE_EXPORT bool operator==(const TableDef &a, const TableDef &b);
};

} // namespace SurrealQt

#pragma once

#include "AccessDef.h"
#include "AnalyzerDef.h"
#include "FunctionDef.h"
#include "ParamDef.h"
#include "TableDef.h"
#include "UserDef.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>

namespace SurrealQt {

// A database's schema: its tables (with their fields, indexes and events) and the database-level
// analyzers, functions, params, accesses and users. Read one from DEFINE statements with
// SchemaParser, from a live database with SchemaIntrospector; write one with SchemaPrinter.
struct SURREALQT_CORE_EXPORT Schema
{
    QList<TableDef> tables;
    QList<AnalyzerDef> analyzers;
    QList<FunctionDef> functions;
    QList<ParamDef> params;
    QList<AccessDef> accesses;
    QList<UserDef> users;

    TableDef *table(const QString &name);
    const TableDef *table(const QString &name) const;
    AnalyzerDef *analyzer(const QString &name);
    FunctionDef *function(const QString &name);
    ParamDef *param(const QString &name);
    AccessDef *access(const QString &name);
    UserDef *user(const QString &name);

    bool isEmpty() const;
    // Every list sorted by name (tables' children too): the order the printer writes.
    void sort();

    // Equal when the same definitions exist with the same clauses, whatever their order.
    friend SURREALQT_CORE_EXPORT bool operator==(const Schema &a, const Schema &b);
};

} // namespace SurrealQt

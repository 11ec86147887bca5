#pragma once

#include "Schema.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace SurrealQt {

// Writes schema definitions as SurrealQL DEFINE statements, each exactly as INFO FOR DB / INFO
// FOR TABLE prints it, and a whole schema as a stable, ordered .surql text.
class SURREALQT_CORE_EXPORT SchemaPrinter
{
public:
    enum class Mode {
        // Exactly INFO's text.
        Info,
        // Text to run: the same, except where INFO's text would not recreate the definition. A
        // table's FULL delete rule is written out (INFO leaves it out, and the server reads a
        // missing rule as NONE); fields the server creates by itself (`in`/`out` of a relation,
        // `x.*` of an array) are left out, or written with OVERWRITE when they differ from the
        // server's own; a record access's generated JWT key
        // (shown as '[REDACTED]') is left out, so the server generates a new one.
        Surql,
    };

    static QString printTable(const TableDef &table, Mode mode = Mode::Info);
    static QString printField(const FieldDef &field, const QString &table);
    static QString printIndex(const IndexDef &index, const QString &table);
    static QString printEvent(const EventDef &event, const QString &table);
    static QString printAccess(const AccessDef &access, Mode mode = Mode::Info);
    static QString printAnalyzer(const AnalyzerDef &analyzer);
    static QString printFunction(const FunctionDef &function);
    static QString printParam(const ParamDef &param);
    static QString printUser(const UserDef &user);
    // `PERMISSIONS NONE`, `PERMISSIONS FOR select FULL, FOR create, update WHERE …`.
    static QString printPermissions(const Permissions &permissions,
                                    bool forTable,
                                    Mode mode = Mode::Info);

    // Every definition, in an order the server accepts when run top to bottom: params,
    // functions, analyzers, accesses, users, then each table (views last) followed by its
    // fields (parents first), indexes and events; names sorted within each group.
    static QStringList statements(const Schema &schema, Mode mode = Mode::Surql);
    // The statements as a .surql file: one per line, each ending with `;`, a blank line before
    // each table.
    static QString print(const Schema &schema, Mode mode = Mode::Surql);
};

} // namespace SurrealQt

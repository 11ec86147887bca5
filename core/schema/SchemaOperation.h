#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>

namespace SurrealQt {

// One step of a schema change, with the SurrealQL that applies it and the SurrealQL that undoes
// it (several statements are separated by ";\n"). A destructive step can lose data or leave
// records that no longer fit; `reason` says which.
struct SURREALQT_CORE_EXPORT SchemaOperation
{
    enum class Type {
        CreateTable,
        DropTable,
        AlterTable,
        AddField,
        AlterField,
        RemoveField,
        CreateIndex, // also a changed index (DEFINE INDEX OVERWRITE)
        DropIndex,
        DefineEvent, // also a changed event
        RemoveEvent,
        DefineAccess,
        RemoveAccess,
        DefineAnalyzer,
        RemoveAnalyzer,
        DefineFunction,
        RemoveFunction,
        DefineParam,
        RemoveParam,
        DefineUser,
        RemoveUser,
    };

    Type type = Type::CreateTable;
    QString table; // the table of a field, index or event (and of a table operation)
    QString name;  // the definition's name; a field's path as SurrealQL (`address.city`)
    QString forward;
    QString backward;
    bool destructive = false;
    QString reason;

    // "AddField", "DropTable", …
    static QString typeName(Type type);
    // "AddField person.name", "DefineAnalyzer english"
    QString description() const;

    friend bool operator==(const SchemaOperation &, const SchemaOperation &) = default;
};

} // namespace SurrealQt

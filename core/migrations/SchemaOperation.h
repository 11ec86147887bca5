#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <surrealqt/schema/FieldDef.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

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
        RenameField, // add the new field, copy the data, remove the old one
        RunSurql,    // a data migration: forward and backward SurrealQL written by hand
    };

    Type type = Type::CreateTable;
    QString table; // the table of a field, index or event (and of a table operation)
    QString name;  // the definition's name; a field's path as SurrealQL (`address.city`)
    QString forward;
    QString backward;
    bool destructive = false;
    QString reason;
    // A field operation's path ({"address", "city"}).
    QStringList fieldPath;
    // AlterField whose TYPE changes, or AddField of a required field on an existing table: the
    // new type. The executor then counts the records whose value does not fit it (in the
    // migration's transaction) and refuses the migration when there are any: SurrealDB itself
    // accepts the definition and leaves old values (or none) in place.
    QString kind;
    // An optional SurrealQL expression, run after the definition:
    // - AlterField: converts the old values (`<int> age`):
    //   `UPDATE table SET field = convert WHERE field != NONE`;
    // - AddField: fills the records without a value (the diff sets the field's DEFAULT):
    //   `UPDATE table SET field = convert WHERE field == NONE`.
    // Not for paths through `*`.
    QString convert;

    // The forward SurrealQL with the conversion, if any.
    QString forwardWithConversion() const;

    // Adds the field `to` (defined as `field`, renamed), copies every record's value of
    // `field` into it, removes `field`; backward does the same the other way.
    static SchemaOperation renameField(const QString &table,
                                       const FieldDef &field,
                                       const QString &to);
    // A hand-written data migration.
    static SchemaOperation runSurql(const QString &forward,
                                    const QString &backward,
                                    const QString &name = {});

    // "AddField", "DropTable", …
    static QString typeName(Type type);
    // The type named by typeName(), or nullopt.
    static std::optional<Type> typeFromName(QStringView name);
    // "AddField person.name", "DefineAnalyzer english"
    QString description() const;

    friend bool operator==(const SchemaOperation &, const SchemaOperation &) = default;
};

} // namespace SurrealQt

#pragma once

#include "SchemaOperation.h"

#include <surrealqt/schema/FieldKind.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace SurrealQt {

// Server-side checks that existing records fit a field's new type. SurrealDB accepts a changed
// TYPE silently and leaves old values in place (and a new required field empty), so such an
// AlterField (or AddField) is guarded:
// the records whose value does not fit are counted in the migration's own transaction, and a
// THROW with the count rolls the whole migration back.
class SURREALQT_CORE_EXPORT TypeCheck
{
public:
    // A SurrealQL condition that holds when `value` (an expression) fits `kind` as the server
    // coerces it (numbers convert when lossless; NONE fits only an optional kind). Kinds that
    // SurrealQL cannot test (regex, function, file, table) count as fitting.
    static QString fitsPredicate(const FieldKind &kind, const QString &value, int depth = 0);
    // An expression that counts the records of `table` whose value at `path` does not fit.
    static QString misfitCount(const QString &table, const QStringList &path, const FieldKind &kind);
    // The statements that THROW (naming the field and the count) when records do not fit the
    // new type of an AlterField, or the type of a required field an AddField puts on an
    // existing table (operation.kind); empty for other operations or when the kind is not set.
    static QString guard(const SchemaOperation &operation);
    // The error text a guard throws starts with this.
    static QString errorPrefix();
};

} // namespace SurrealQt

#pragma once

#include "SchemaOperation.h"

#include <surrealqt/schema/FieldKind.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace SurrealQt {

// Server-side checks that existing records fit a field's new type. SurrealDB accepts a changed
// TYPE silently and leaves old values in place, so an AlterField that changes a type is guarded:
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
    // AlterField's new type; empty for any other operation, or when the kind does not parse.
    static QString guard(const SchemaOperation &operation);
    // The error text a guard throws starts with this.
    static QString errorPrefix();
};

} // namespace SurrealQt

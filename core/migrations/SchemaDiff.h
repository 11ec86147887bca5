#pragma once

#include "SchemaOperation.h"
#include <surrealqt/schema/Schema.h>

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>

#include <optional>

namespace SurrealQt {

// The operations that turn one schema into another, in the order to run them:
//   params, functions, analyzers, accesses and users (defined or changed); tables (views last);
//   indexes that go away or change (they hold no data, and a field cannot become COMPUTED while
//   an index uses it); nested fields that go away under a field that changes (the server checks
//   them against their parent's type); fields (parents first); indexes (new or changed);
//   events; then every
//   other removal: events, fields (children first), tables that become SCHEMALESS (once their
//   FLEXIBLE fields are gone), tables (views first), users, accesses, analyzers, functions,
//   params.
// So analyzers come before the indexes that use them, tables before their fields, fields before
// indexes, and data-losing drops last. Running the backward SurrealQL of the operations in
// reverse order restores the first schema (not the data a drop removed).
//
// Both schemas are compared normalized (SchemaNormalizer), so the fields the server defines by
// itself (`in`/`out`, `x.*`) take no operation of their own when their parent's operation makes
// the server define them.
class SURREALQT_CORE_EXPORT SchemaDiff
{
public:
    static QList<SchemaOperation> diff(const Schema &from, const Schema &to);

    // A top-level field renamed: `--rename person.name=full_name`.
    struct FieldRename
    {
        QString table;
        QString from;
        QString to;
    };
    // The diff with each rename's AddField (to) and RemoveField (from) pair replaced by one
    // RenameField that keeps the data. Nullopt with `error` when a rename has no such pair.
    static std::optional<QList<SchemaOperation>> diff(const Schema &from,
                                                      const Schema &to,
                                                      const QList<FieldRename> &renames,
                                                      QString *error = nullptr);

    // The forward SurrealQL of every operation, in order, one statement per line.
    static QString forwardScript(const QList<SchemaOperation> &operations);
    // The backward SurrealQL of every operation, in reverse order.
    static QString backwardScript(const QList<SchemaOperation> &operations);
};

} // namespace SurrealQt

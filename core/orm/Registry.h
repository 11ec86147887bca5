#pragma once

#include "ModelMeta.h"

#include <surrealqt/schema/Schema.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>

namespace SurrealQt {

// Every model the program knows, so that its schema (DEFINE statements through SchemaPrinter,
// migrations through the migration engine) comes from the C++ models:
//
//   SURREALQT_REGISTER_MODEL(Person)           // at namespace scope, in one .cpp
//   const Schema schema = Registry::schema();  // tables, fields, indexes, accesses
//
// Registering the same table again replaces the earlier model.
class SURREALQT_CORE_EXPORT Registry
{
public:
    static void add(const ModelMeta &model);
    template<typename T>
    static bool add()
    {
        add(ModelMeta::of<T>());
        return true;
    }
    static void remove(const QString &table);
    static void clear();

    static QList<ModelMeta> models();
    static const ModelMeta *model(const QString &table);
    // The registered models as a schema: one TableDef per model (with its fields and indexes)
    // and the record access of each user model.
    static Schema schema();
};

} // namespace SurrealQt

// Registers a typed model when the program starts.
#define SURREALQT_REGISTER_MODEL(Type) \
    [[maybe_unused]] static const bool surrealqtModelRegistered_##Type \
        = ::SurrealQt::Registry::add<Type>();

#pragma once

#include "Model.h"
#include "ModelSpec.h"

#include <surrealqt/schema/AccessDef.h>
#include <surrealqt/schema/TableDef.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QHash>
#include <QtCore/QMetaObject>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// What the ORM knows about one model, through Qt's meta-object system: the spec from its
// describe(), the fields (one per Q_PROPERTY), the conversions between the C++ object and a
// record, and the definitions (TableDef, AccessDef) the model stands for. A dynamic model (for
// the Studio) has no C++ class: its fields come from a TableDef.
class SURREALQT_CORE_EXPORT ModelMeta
{
public:
    ModelMeta(const QMetaObject *metaObject, ModelSpec spec);
    // A dynamic model: the table's top-level fields, records as plain maps.
    static ModelMeta fromTable(const TableDef &table);

    // The (cached) description of the typed model T.
    template<typename T>
    static const ModelMeta &of()
    {
        static const ModelMeta meta = [] {
            ModelMeta made(&T::staticMetaObject, T::describe());
            const T defaults{};
            made.m_defaults = made.toRecord(&defaults);
            return made;
        }();
        return meta;
    }

    const QString &table() const { return m_spec.table(); }
    const ModelSpec &spec() const { return m_spec; }
    bool isDynamic() const { return m_metaObject == nullptr; }
    bool isRelation() const { return m_spec.type() == ModelSpec::Type::Relation; }
    const QMetaObject *metaObject() const { return m_metaObject; }
    // The field names, in declaration order (the id and, for a relation, in/out excluded).
    const QStringList &fieldNames() const { return m_fields; }
    // The record of a default-constructed object.
    const QCborMap &defaults() const { return m_defaults; }

    // DEFINE TABLE and its fields and indexes, as the schema model.
    TableDef tableDef() const;
    // The record access of a user model (SIGNUP / SIGNIN with crypto::argon2).
    std::optional<AccessDef> accessDef() const;

    // A typed object (a pointer to the gadget) as a record: the id when valid, then every field
    // (NONE for an unset link or date).
    QCborMap toRecord(const void *gadget) const;
    // Writes the record's fields into the gadget's properties (fields it lacks are left alone);
    // fetched records in link fields become the link's id, the records go to Model::related().
    // The model is marked saved with the record as its state (what save() compares against).
    void load(void *gadget, Model &model, const QCborMap &record) const;

    // The fields of `record` (a toRecord()) that differ from the model's saved state: NONE, null
    // and absent are one value, and so are 1 and 1.0. The id never counts as a change. (A
    // QDateTime property keeps milliseconds; use DateTime for the server's nanoseconds.)
    static QCborMap changes(const Model &model, const QCborMap &record);
    // Records `state` as what the database holds now.
    static void markSaved(Model &model, const QCborMap &state);
    static void setRelated(Model &model, const QCborMap &related);

private:
    const QMetaObject *m_metaObject = nullptr;
    ModelSpec m_spec;
    QStringList m_fields;
    QHash<QString, int> m_propertyIndex; // every property by name, the id included
    QCborMap m_defaults;
    TableDef m_dynamicTable;
};

} // namespace SurrealQt

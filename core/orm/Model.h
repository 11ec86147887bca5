#pragma once

#include <surrealqt/surrealqt_core_export.h>
#include <surrealqt/values/RecordId.h>

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QObject>

namespace SurrealQt {

class ModelMeta;

// The base of every typed model: the record id, plus what the ORM remembers about the record
// (the state it was loaded or saved with, so save() merges only the fields changed since, and
// the related records select_related/prefetch_related brought along). A typed model derives from
// it, adds Q_GADGET and one Q_PROPERTY per field, and a static describe():
//
//   class Person : public SurrealQt::Model
//   {
//       Q_GADGET
//       Q_PROPERTY(QString name MEMBER name)
//       Q_PROPERTY(int age MEMBER age)
//   public:
//       QString name;
//       int age = 0;
//       static SurrealQt::ModelSpec describe() { return SurrealQt::ModelSpec(u"person"_s); }
//   };
class SURREALQT_CORE_EXPORT Model
{
    Q_GADGET
    Q_PROPERTY(SurrealQt::RecordId id MEMBER id)

public:
    RecordId id;

    // Whether the record came from the database or was saved to it (save() then merges).
    bool isSaved() const { return m_saved; }
    // The fields as last loaded or saved: save() sends those that differ from it.
    const QCborMap &savedState() const { return m_state; }
    // A record brought by select_related (FETCH) or prefetch_related: the linked record of a
    // link field, the array of records of a many-to-many field or of a graph path
    // (`->wrote->book`); undefined when there is none.
    QCborValue related(const QString &field) const { return m_related.value(field); }
    const QCborMap &relatedRecords() const { return m_related; }

private:
    friend class ModelMeta;
    bool m_saved = false;
    QCborMap m_state;
    QCborMap m_related;
};

} // namespace SurrealQt

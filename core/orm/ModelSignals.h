#pragma once

#include <surrealqt/surrealqt_core_export.h>
#include <surrealqt/values/RecordId.h>

#include <QtCore/QCborMap>
#include <QtCore/QObject>

namespace SurrealQt {

// The signals of one model (one table), as Django's pre_save/post_save...: every record write
// of the ORM on that table emits them, in the thread that runs the write.
//
//   QObject::connect(ModelSignals::of(u"person"_s), &ModelSignals::saved, ...);
//
// save() emits aboutToSave/saved (created tells a CREATE from a MERGE); update() and merge()
// emit aboutToUpdate/updated; remove() emits aboutToDelete/deleted. The "about to" signals come
// before the request is sent, the others after the server confirmed the write.
class SURREALQT_CORE_EXPORT ModelSignals : public QObject
{
    Q_OBJECT

public:
    // The hub of one table (created on first use, lives as long as the program).
    static ModelSignals *of(const QString &table);
    template<typename T>
    static ModelSignals *of();

    const QString &table() const { return m_table; }

Q_SIGNALS:
    // `data` is what is sent: the whole record for a create, the changed fields otherwise.
    void aboutToSave(const SurrealQt::RecordId &id, const QCborMap &data, bool creating);
    void saved(const SurrealQt::RecordId &id, const QCborMap &record, bool created);
    void aboutToUpdate(const SurrealQt::RecordId &id, const QCborMap &data);
    void updated(const SurrealQt::RecordId &id, const QCborMap &record);
    void aboutToDelete(const SurrealQt::RecordId &id);
    void deleted(const SurrealQt::RecordId &id);

private:
    explicit ModelSignals(QString table);
    QString m_table;
};

template<typename T>
ModelSignals *ModelSignals::of()
{
    return of(T::describe().table());
}

} // namespace SurrealQt

#include "ModelSignals.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QMutex>

namespace SurrealQt {

ModelSignals::ModelSignals(QString table)
    : m_table(std::move(table))
{}

ModelSignals *ModelSignals::of(const QString &table)
{
    static QMutex mutex;
    static QHash<QString, ModelSignals *> hubs; // never freed: connections may outlive main()
    const QMutexLocker lock(&mutex);
    ModelSignals *&hub = hubs[table];
    if (!hub) {
        hub = new ModelSignals(table);
        if (QCoreApplication::instance())
            hub->moveToThread(QCoreApplication::instance()->thread());
    }
    return hub;
}

} // namespace SurrealQt

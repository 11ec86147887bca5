#include "Registry.h"

#include <QtCore/QMutex>

#include <list>

namespace SurrealQt {

namespace {

struct Models
{
    QMutex mutex;
    std::list<ModelMeta> list; // stable addresses for model()
};

Models &storage()
{
    static Models instance;
    return instance;
}

} // namespace

void Registry::add(const ModelMeta &model)
{
    Models &all = storage();
    const QMutexLocker lock(&all.mutex);
    for (ModelMeta &existing : all.list) {
        if (existing.table() == model.table()) {
            existing = model;
            return;
        }
    }
    all.list.push_back(model);
}

void Registry::remove(const QString &table)
{
    Models &all = storage();
    const QMutexLocker lock(&all.mutex);
    all.list.remove_if([&](const ModelMeta &model) { return model.table() == table; });
}

void Registry::clear()
{
    Models &all = storage();
    const QMutexLocker lock(&all.mutex);
    all.list.clear();
}

QList<ModelMeta> Registry::models()
{
    Models &all = storage();
    const QMutexLocker lock(&all.mutex);
    return {all.list.begin(), all.list.end()};
}

const ModelMeta *Registry::model(const QString &table)
{
    Models &all = storage();
    const QMutexLocker lock(&all.mutex);
    for (const ModelMeta &model : all.list) {
        if (model.table() == table)
            return &model;
    }
    return nullptr;
}

Schema Registry::schema()
{
    Schema schema;
    for (const ModelMeta &model : models()) {
        schema.tables.append(model.tableDef());
        if (const auto access = model.accessDef())
            schema.accesses.append(*access);
    }
    schema.sort();
    return schema;
}

} // namespace SurrealQt

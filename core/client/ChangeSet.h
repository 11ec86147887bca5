#pragma once

#include <QtCore/QCborArray>
#include <QtCore/QMetaType>
#include <QtCore/QtGlobal>

namespace SurrealQt {

// One entry of SHOW CHANGES: the versionstamp of a committed transaction and what it changed,
// in order: [{update: {...}}, {delete: {id}}, {define_table: {...}}, ...].
struct ChangeSet
{
    quint64 versionstamp = 0;
    QCborArray changes;
};

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::ChangeSet)

#pragma once

#include "MigrationHistory.h"
#include "MigrationSet.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>

namespace SurrealQt {

// Where each migration stands: the files of a MigrationSet against the history table. The
// `status` command and the Studio's migrations view both read it.
struct SURREALQT_CORE_EXPORT MigrationStatus
{
    enum class State {
        Pending, // a file not applied yet
        Applied, // applied, and the file is the one that was applied
        Changed, // applied, but the file's checksum differs from the one recorded
        Orphaned // in the history, but no file has its name
    };

    struct Entry
    {
        QString name;
        State state = State::Pending;
        QString appliedAt;    // ISO 8601, empty when pending
        qsizetype index = -1; // in the set's migrations; -1 when orphaned
    };

    // The set's migrations in order, then the history entries that have no file.
    static QList<Entry> compare(const MigrationSet &set,
                                const QList<MigrationHistory::Entry> &history);
    // The applied migrations of the set (Applied or Changed), in order.
    static QList<Migration> applied(const MigrationSet &set, const QList<Entry> &entries);
};

} // namespace SurrealQt

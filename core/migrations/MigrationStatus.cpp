#include "MigrationStatus.h"

#include <algorithm>

namespace SurrealQt {

QList<MigrationStatus::Entry> MigrationStatus::compare(const MigrationSet &set,
                                                       const QList<MigrationHistory::Entry> &history)
{
    QList<Entry> entries;
    const QList<Migration> &migrations = set.migrations();
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        const Migration &migration = migrations.at(i);
        Entry entry{migration.name, State::Pending, {}, i};
        const auto applied = std::find_if(history.begin(), history.end(), [&](const auto &e) {
            return e.name == migration.name;
        });
        if (applied != history.end()) {
            entry.state = applied->checksum == migration.checksum() ? State::Applied
                                                                    : State::Changed;
            entry.appliedAt = applied->appliedAt;
        }
        entries.append(entry);
    }
    for (const MigrationHistory::Entry &applied : history) {
        if (set.indexOf(applied.name) < 0)
            entries.append(Entry{applied.name, State::Orphaned, applied.appliedAt, -1});
    }
    return entries;
}

QList<Migration> MigrationStatus::applied(const MigrationSet &set, const QList<Entry> &entries)
{
    QList<Migration> migrations;
    for (const Entry &entry : entries) {
        if (entry.index >= 0 && entry.state != State::Pending)
            migrations.append(set.migrations().at(entry.index));
    }
    return migrations;
}

} // namespace SurrealQt

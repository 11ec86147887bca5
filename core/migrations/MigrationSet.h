#pragma once

#include "Migration.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// The migration files of a folder, in order (`0001_…`, `0002_…`). A missing folder is an empty
// set. Loading checks every file and the dependencies (each names an earlier migration), and
// fails as a whole: one bad file and nothing is returned.
class SURREALQT_CORE_EXPORT MigrationSet
{
public:
    static std::optional<MigrationSet> load(const QString &directory, QString *error = nullptr);

    const QString &directory() const { return m_directory; }
    const QList<Migration> &migrations() const { return m_migrations; }
    bool isEmpty() const { return m_migrations.isEmpty(); }
    // The index of the migration with this name (or number prefix: "0002" finds "0002_x"), -1.
    qsizetype indexOf(const QString &name) const;
    // The number the next file takes.
    int nextNumber() const;

private:
    QString m_directory;
    QList<Migration> m_migrations;
};

} // namespace SurrealQt

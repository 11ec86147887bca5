#include "MigrationSet.h"

#include <QtCore/QDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

std::optional<MigrationSet> MigrationSet::load(const QString &directory, QString *error)
{
    MigrationSet set;
    set.m_directory = directory;
    const QDir dir(directory);
    if (!dir.exists())
        return set;
    static const QRegularExpression pattern(u"^\\d+_.*\\.json$"_s);
    QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    files.removeIf([](const QString &f) { return !pattern.match(f).hasMatch(); });
    QSet<QString> seen;
    QSet<int> numbers;
    for (const QString &file : files) {
        std::optional<Migration> migration = Migration::readFile(dir.filePath(file), error);
        if (!migration)
            return std::nullopt;
        const QString where = dir.filePath(file) + u": "_s;
        if (numbers.contains(migration->number())) {
            if (error)
                *error = where + u"another migration has the number %1"_s.arg(migration->number());
            return std::nullopt;
        }
        for (const QString &dependency : migration->dependencies) {
            if (!seen.contains(dependency)) {
                if (error) {
                    *error = where
                             + u"depends on \"%1\", which is not an earlier migration in "
                               "the folder"_s.arg(dependency);
                }
                return std::nullopt;
            }
        }
        numbers.insert(migration->number());
        seen.insert(migration->name);
        set.m_migrations.append(*migration);
    }
    return set;
}

qsizetype MigrationSet::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_migrations.size(); ++i) {
        const QString &candidate = m_migrations.at(i).name;
        if (candidate == name || candidate.startsWith(name + u'_')
            || (name.toInt() > 0 && m_migrations.at(i).number() == name.toInt()))
            return i;
    }
    return -1;
}

int MigrationSet::nextNumber() const
{
    return m_migrations.isEmpty() ? 1 : m_migrations.last().number() + 1;
}

} // namespace SurrealQt

#pragma once

#include "console/HistoryEntry.h"

#include <QtCore/QList>
#include <QtCore/QObject>

namespace SurrealQt {

// The SQLite side of QueryHistory. It lives on QueryHistory's worker thread, which owns its
// QSqlDatabase connection (Qt SQL connections are per thread); nothing else calls it.
class HistoryStore : public QObject
{
    Q_OBJECT

public:
    explicit HistoryStore(QString path);
    ~HistoryStore() override;

    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // Returns the new entry's id, or -1.
    qint64 insert(const HistoryEntry &entry);
    // Newest first; entries whose text contains `filter` (case-insensitive for ASCII).
    QList<HistoryEntry> search(const QString &filter, int limit);
    void close();
    QString errorString() const { return m_error; }

private:
    bool open();

    QString m_path;
    QString m_connectionName;
    QString m_error;
    bool m_open = false;
};

} // namespace SurrealQt

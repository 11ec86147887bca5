#pragma once

#include "console/HistoryEntry.h"

#include <QtCore/QFuture>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QThread>

namespace SurrealQt {

class HistoryStore;

// The console's run history in a local SQLite file (Qt SQL, QSQLITE), shared by every console
// tab. The database is read and written on a worker thread; calls return futures and never
// wait on the disk in the GUI thread.
class QueryHistory : public QObject
{
    Q_OBJECT

public:
    // AppDataLocation/history.sqlite
    static QString defaultPath();

    explicit QueryHistory(QObject *parent = nullptr);
    // A history kept in `path` (tests use a temporary file).
    explicit QueryHistory(const QString &path, QObject *parent = nullptr);
    ~QueryHistory() override;

    QueryHistory(const QueryHistory &) = delete;
    QueryHistory &operator=(const QueryHistory &) = delete;

    QString path() const { return m_path; }

    // Stores a run; resolves with its id (-1 on failure) and then emits recorded().
    QFuture<qint64> record(const HistoryEntry &entry);
    // Newest first, those whose query text contains `filter`.
    QFuture<QList<HistoryEntry>> search(const QString &filter, int limit = 500);

Q_SIGNALS:
    void recorded(const SurrealQt::HistoryEntry &entry);
    void failed(const QString &message);

private:
    QString m_path;
    QThread m_thread;
    HistoryStore *m_store = nullptr;
};

} // namespace SurrealQt

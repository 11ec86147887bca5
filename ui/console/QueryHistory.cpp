#include "console/QueryHistory.h"

#include "console/HistoryStore.h"

#include <QtCore/QPromise>
#include <QtCore/QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

namespace SurrealQt {

QString QueryHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/history.sqlite"_s;
}

QueryHistory::QueryHistory(QObject *parent)
    : QueryHistory(defaultPath(), parent)
{}

QueryHistory::QueryHistory(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_store(new HistoryStore(path))
{
    qRegisterMetaType<SurrealQt::HistoryEntry>();
    m_thread.setObjectName(u"QueryHistory"_s);
    m_store->moveToThread(&m_thread);
    m_thread.start();
}

QueryHistory::~QueryHistory()
{
    // Closes the SQLite connection in the thread that opened it, then stops the thread.
    HistoryStore *store = m_store;
    QMetaObject::invokeMethod(
        store, [store] { store->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_store;
}

QFuture<qint64> QueryHistory::record(const HistoryEntry &entry)
{
    auto promise = std::make_shared<QPromise<qint64>>();
    QFuture<qint64> future = promise->future();
    promise->start();
    HistoryStore *store = m_store;
    QMetaObject::invokeMethod(
        store,
        [this, store, promise, entry] {
            HistoryEntry stored = entry;
            stored.id = store->insert(entry);
            const QString error = stored.id < 0 ? store->errorString() : QString();
            promise->addResult(stored.id);
            promise->finish();
            // Back on the GUI thread.
            QMetaObject::invokeMethod(
                this,
                [this, stored, error] {
                    if (stored.id < 0) {
                        Q_EMIT failed(error);
                    } else {
                        Q_EMIT recorded(stored);
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<QList<HistoryEntry>> QueryHistory::search(const QString &filter, int limit)
{
    auto promise = std::make_shared<QPromise<QList<HistoryEntry>>>();
    QFuture<QList<HistoryEntry>> future = promise->future();
    promise->start();
    HistoryStore *store = m_store;
    QMetaObject::invokeMethod(
        store,
        [store, promise, filter, limit] {
            promise->addResult(store->search(filter, limit));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace SurrealQt

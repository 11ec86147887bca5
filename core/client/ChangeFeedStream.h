#pragma once

#include "CallOptions.h"
#include "ChangeSet.h"

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/rpc/RpcError.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

#include <chrono>

namespace SurrealQt {

class Connection;

// Follows a table's change feed: polls `SHOW CHANGES FOR TABLE t SINCE cursor LIMIT n` on a
// connection and emits the change sets in versionstamp order.
//
// cursor() is the next versionstamp to read (the last one seen + 1); store it and hand it to
// setCursor() to resume where a previous stream stopped. start() first checks that the table
// exists and has a change feed (its own or the database's): if not, failed() is emitted with a
// clear message and the stream stops. Later errors (a lost connection, a timeout, a failed
// statement) are reported with error() and polling carries on.
//
// SHOW CHANGES applies LIMIT to the database's change sets before it filters by table, so each
// poll also reads `SHOW CHANGES FOR DATABASE` with the same cursor and limit to learn how far the
// scan reached; without that a table among busier ones could stall on empty pages.
class SURREALQT_CORE_EXPORT ChangeFeedStream : public QObject
{
    Q_OBJECT

public:
    ChangeFeedStream(Connection *connection, QString table, QObject *parent = nullptr);
    ~ChangeFeedStream() override;

    const QString &table() const { return m_table; }
    quint64 cursor() const { return m_cursor; }
    // Where to start (or resume): the first versionstamp to read. 0 reads all that is retained.
    void setCursor(quint64 cursor) { m_cursor = cursor; }
    std::chrono::milliseconds interval() const { return m_interval; }
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    int batchSize() const { return m_batchSize; }
    void setBatchSize(int size) { m_batchSize = size > 0 ? size : 1; }
    // Session (and timeout) for the queries; a transaction id makes no sense here.
    void setCallOptions(const CallOptions &options) { m_options = options; }
    bool isRunning() const { return m_running; }

    // The SHOW CHANGES statement for a table and cursor: the table as an identifier (backticked
    // and escaped when it is not plain), the versionstamp as a number (SHOW CHANGES takes no
    // parameter there).
    static QString statement(const QString &table, quint64 since, int limit);
    // One SHOW CHANGES result (the array of {versionstamp, changes}).
    static Result<QList<ChangeSet>> parse(const QCborValue &result);

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void changes(const QList<SurrealQt::ChangeSet> &changeSets);
    void cursorChanged(quint64 cursor);
    // A poll failed; the stream carries on.
    void error(const SurrealQt::RpcError &error);
    // The stream cannot work (no such table, no change feed, not allowed) and has stopped.
    void failed(const SurrealQt::RpcError &error);
    void runningChanged(bool running);

private:
    void validated(const Result<QueryResponse> &response);
    void poll();
    void polled(const Result<QueryResponse> &response);
    void fail(const RpcError &problem);
    void scheduleNext(std::chrono::milliseconds delay);

    QPointer<Connection> m_connection;
    QString m_table;
    CallOptions m_options;
    std::chrono::milliseconds m_interval{1000};
    int m_batchSize = 1000;
    quint64 m_cursor = 0;
    bool m_running = false;
    bool m_busy = false;
    quint64 m_generation = 0; // ignores replies that arrive after stop()
    QTimer m_timer;
};

} // namespace SurrealQt

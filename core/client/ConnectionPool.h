#pragma once

#include "CallOptions.h"
#include "Connection.h"
#include "ConnectionOptions.h"
#include "Credentials.h"

#include <surrealqt/rpc/QueryResult.h>
#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

namespace SurrealQt {

class ConnectionPool;

// A connection lent by a ConnectionPool. Copies share one lease, which ends (and the connection
// goes back to the pool) when release() is called on any copy or when the last copy is gone,
// including the one the acquire() future keeps while it lives.
class SURREALQT_CORE_EXPORT PooledConnection
{
public:
    PooledConnection() = default;

    // The lent connection; nullptr once released (or when the pool is gone).
    Connection *get() const;
    Connection *operator->() const { return get(); }
    bool isValid() const { return get() != nullptr; }
    explicit operator bool() const { return isValid(); }
    // Gives the connection back now; the handle (and every copy) becomes invalid.
    void release();

private:
    friend class ConnectionPool;
    struct Lease;
    std::shared_ptr<Lease> m_lease;
};

// N ready-to-use connections to one database, signed in with one set of credentials, lent out
// one caller at a time: acquire() waits (up to a timeout) when all are busy. A periodic health
// check pings the idle connections and replaces a dead one with a fresh connection (so does
// release() and acquire() when they meet one). A borrower must leave the session as it found it
// (no use/signin/let on a lent connection). The pool lives in the thread that created it, like
// its connections.
class SURREALQT_CORE_EXPORT ConnectionPool : public QObject
{
    Q_OBJECT

public:
    enum class Transport { WebSocket, Http };
    Q_ENUM(Transport)

    struct Settings
    {
        int size = 4;
        Transport transport = Transport::WebSocket;
        // How long acquire() waits for a free connection by default.
        std::chrono::milliseconds acquireTimeout{10000};
        // How often idle connections are pinged; zero turns the check off.
        std::chrono::milliseconds healthCheckInterval{30000};
        // How long a health-check ping may take before the connection counts as dead.
        std::chrono::milliseconds healthCheckTimeout{5000};
    };

    struct Statistics
    {
        int size = 0;    // connections the pool keeps (ready, lent or being set up)
        int idle = 0;    // ready and free to lend
        int inUse = 0;   // lent out
        int waiting = 0; // acquire() calls waiting for a free connection
        qint64 totalAcquired = 0;
        qint64 replaced = 0; // dead connections replaced by new ones
    };

    ConnectionPool(ConnectionOptions options,
                   Credentials credentials,
                   QString ns,
                   QString db,
                   Settings settings,
                   QObject *parent = nullptr);
    ConnectionPool(ConnectionOptions options,
                   Credentials credentials,
                   QString ns,
                   QString db,
                   QObject *parent = nullptr);
    ~ConnectionPool() override;

    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    // Creates, opens and signs in every connection. Resolves true once all are ready, or with
    // the first setup error (the health check keeps trying to replace the ones that failed).
    // acquire() calls open() itself when it was not called.
    QFuture<Result<bool>> open();
    // Fails every waiting acquire() and closes the connections; lent handles become invalid.
    void close();

    // A free connection, now or once one is released; a Timeout error after `timeout` (zero:
    // Settings::acquireTimeout). Cancelling the future withdraws the request.
    QFuture<Result<PooledConnection>> acquire(std::chrono::milliseconds timeout = {});
    void release(PooledConnection &connection) { connection.release(); }

    // Acquires a connection, runs the query on it and releases it.
    QFuture<Result<QueryResponse>> query(const QString &surql,
                                         const QCborMap &vars = {},
                                         const CallOptions &options = {});

    // Pings every idle connection now and replaces the dead ones.
    void checkHealth();

    Statistics statistics() const;
    const Settings &settings() const { return m_settings; }

Q_SIGNALS:
    // A dead connection was dropped and a new one is being set up in its place.
    void connectionReplaced();
    // A health check finished (every idle connection answered or was replaced).
    void healthChecked();

private:
    enum class SlotState { Starting, Idle, Busy, Checking, Dead };

    struct Slot
    {
        QPointer<Connection> connection;
        SlotState state = SlotState::Starting;
        quint64 ticket = 0; // the lease that has it while Busy
        quint64 generation = 0;
    };

    struct Waiter
    {
        std::shared_ptr<QPromise<Result<PooledConnection>>> promise;
        std::chrono::steady_clock::time_point deadline;
    };

    friend class PooledConnection;

    void setUp(std::size_t index);
    void signInSlot(std::size_t index, quint64 generation);
    void useSlot(std::size_t index, quint64 generation, int attempt = 0);
    bool isCurrent(std::size_t index, quint64 generation) const;
    void setUpFinished(std::size_t index, quint64 generation, const Result<bool> &result);
    void replace(std::size_t index);
    void releaseTicket(quint64 ticket);
    void lend(std::size_t index, const std::shared_ptr<QPromise<Result<PooledConnection>>> &promise);
    void serveWaiters();
    void sweep();
    void healthCheckFinished();
    bool isAlive(const Connection *connection) const;

    ConnectionOptions m_options;
    Credentials m_credentials;
    QString m_ns;
    QString m_db;
    Settings m_settings;
    std::vector<Slot> m_slots;
    std::deque<Waiter> m_waiters;
    std::vector<std::shared_ptr<QPromise<Result<bool>>>> m_openPromises;
    RpcError m_firstSetupError;
    QTimer m_sweepTimer;
    QTimer m_healthTimer;
    quint64 m_nextTicket = 1;
    quint64 m_nextGeneration = 1;
    qint64 m_totalAcquired = 0;
    qint64 m_replaced = 0;
    int m_checksRunning = 0;
    bool m_opened = false;
    bool m_closed = false;
};

} // namespace SurrealQt

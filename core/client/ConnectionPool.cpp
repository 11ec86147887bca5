#include "ConnectionPool.h"

#include <QtCore/QTimer>

#include "HttpConnection.h"
#include "WebSocketConnection.h"

#include <QtCore/QLoggingCategory>
#include <QtCore/QThread>

#include <algorithm>

namespace SurrealQt {

Q_LOGGING_CATEGORY(lcPool, "surrealqt.pool", QtWarningMsg)

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kSweepInterval{50};

template<typename T>
QFuture<Result<T>> finishedWith(Result<T> result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

} // namespace

struct PooledConnection::Lease
{
    QPointer<ConnectionPool> pool;
    QPointer<Connection> connection;
    quint64 ticket = 0;
    bool released = false;

    Lease() = default;
    Lease(const Lease &) = delete;
    Lease &operator=(const Lease &) = delete;
    ~Lease() { end(); }

    void end()
    {
        if (released)
            return;
        released = true;
        connection = nullptr;
        if (!pool)
            return;
        if (pool->thread() == QThread::currentThread()) {
            pool->releaseTicket(ticket);
        } else {
            QMetaObject::invokeMethod(
                pool.data(),
                [pool = pool, ticket = ticket] {
                    if (pool)
                        pool->releaseTicket(ticket);
                },
                Qt::QueuedConnection);
        }
    }
};

Connection *PooledConnection::get() const
{
    return m_lease && !m_lease->released ? m_lease->connection.data() : nullptr;
}

void PooledConnection::release()
{
    if (m_lease)
        m_lease->end();
}

ConnectionPool::ConnectionPool(ConnectionOptions options,
                               Credentials credentials,
                               QString ns,
                               QString db,
                               Settings settings,
                               QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_credentials(std::move(credentials))
    , m_ns(std::move(ns))
    , m_db(std::move(db))
    , m_settings(settings)
{
    m_settings.size = std::max(1, m_settings.size);
    m_sweepTimer.setInterval(kSweepInterval);
    connect(&m_sweepTimer, &QTimer::timeout, this, &ConnectionPool::sweep);
    connect(&m_healthTimer, &QTimer::timeout, this, &ConnectionPool::checkHealth);
}

ConnectionPool::ConnectionPool(
    ConnectionOptions options, Credentials credentials, QString ns, QString db, QObject *parent)
    : ConnectionPool(std::move(options),
                     std::move(credentials),
                     std::move(ns),
                     std::move(db),
                     Settings(),
                     parent)
{}

ConnectionPool::~ConnectionPool()
{
    close();
}

QFuture<Result<bool>> ConnectionPool::open()
{
    if (m_closed) {
        return finishedWith<bool>(
            RpcError(RpcError::Kind::ConnectionLost, tr("the connection pool was closed")));
    }
    auto promise = std::make_shared<QPromise<Result<bool>>>();
    promise->start();
    QFuture<Result<bool>> future = promise->future();
    m_openPromises.push_back(promise);
    if (!m_opened) {
        m_opened = true;
        m_slots.resize(static_cast<std::size_t>(m_settings.size));
        for (std::size_t i = 0; i < m_slots.size(); ++i)
            setUp(i);
        if (m_settings.healthCheckInterval.count() > 0)
            m_healthTimer.start(m_settings.healthCheckInterval);
    }
    setUpFinished(m_slots.size(), 0, true); // settles the promise when nothing is starting
    return future;
}

void ConnectionPool::close()
{
    if (m_closed)
        return;
    m_closed = true;
    m_sweepTimer.stop();
    m_healthTimer.stop();
    const RpcError closed(RpcError::Kind::ConnectionLost, tr("the connection pool was closed"));
    std::deque<Waiter> waiters;
    waiters.swap(m_waiters);
    for (Waiter &waiter : waiters) {
        waiter.promise->addResult(closed);
        waiter.promise->finish();
    }
    auto promises = std::move(m_openPromises);
    m_openPromises.clear();
    for (const auto &promise : promises) {
        promise->addResult(closed);
        promise->finish();
    }
    std::vector<Slot> closing;
    closing.swap(m_slots);
    for (Slot &slot : closing) {
        if (!slot.connection)
            continue;
        slot.connection->disconnect(this);
        if (auto *ws = qobject_cast<WebSocketConnection *>(slot.connection.data()))
            ws->close();
        slot.connection->deleteLater();
    }
}

bool ConnectionPool::isCurrent(std::size_t index, quint64 generation) const
{
    return !m_closed && index < m_slots.size() && m_slots[index].generation == generation;
}

bool ConnectionPool::isAlive(const Connection *connection) const
{
    if (!connection)
        return false;
    if (const auto *ws = qobject_cast<const WebSocketConnection *>(connection)) {
        const auto state = ws->state();
        return state != WebSocketConnection::State::Disconnected
               && state != WebSocketConnection::State::Closed;
    }
    return true;
}

void ConnectionPool::setUp(std::size_t index)
{
    Slot &slot = m_slots[index];
    slot.generation = m_nextGeneration++;
    slot.state = SlotState::Starting;
    slot.ticket = 0;
    const quint64 generation = slot.generation;
    if (m_settings.transport == Transport::Http) {
        slot.connection = new HttpConnection(m_options, this);
        signInSlot(index, generation);
        return;
    }
    auto *ws = new WebSocketConnection(m_options, this);
    slot.connection = ws;
    ws->open().then(this, [this, index, generation](const Result<bool> &opened) {
        if (!isCurrent(index, generation))
            return;
        if (!opened) {
            setUpFinished(index, generation, opened.error());
        } else {
            signInSlot(index, generation);
        }
    });
}

void ConnectionPool::signInSlot(std::size_t index, quint64 generation)
{
    if (m_credentials.level() == Credentials::Level::Anonymous) {
        useSlot(index, generation);
        return;
    }
    m_slots[index]
        .connection->signin(m_credentials)
        .then(this, [this, index, generation](const Result<QString> &token) {
            if (!isCurrent(index, generation))
                return;
            if (!token) {
                setUpFinished(index, generation, token.error());
            } else {
                useSlot(index, generation);
            }
        });
}

void ConnectionPool::useSlot(std::size_t index, quint64 generation, int attempt)
{
    if (m_ns.isEmpty() && m_db.isEmpty()) {
        setUpFinished(index, generation, true);
        return;
    }
    m_slots[index]
        .connection->use(m_ns, m_db)
        .then(this, [this, index, generation, attempt](const Result<QCborValue> &used) {
            if (!isCurrent(index, generation))
                return;
            // 3.x `use` creates a missing namespace and database, so connections set up side by
            // side race to create them; the loser gets a retryable transaction conflict.
            constexpr int kUseAttempts = 5;
            if (!used && attempt + 1 < kUseAttempts
                && used.error().message().contains(QLatin1String("can be retried"))) {
                QTimer::singleShot(10 * (attempt + 1), this, [this, index, generation, attempt] {
                    if (isCurrent(index, generation))
                        useSlot(index, generation, attempt + 1);
                });
                return;
            }
            setUpFinished(index, generation, used ? Result<bool>(true) : Result<bool>(used.error()));
        });
}

void ConnectionPool::setUpFinished(std::size_t index, quint64 generation, const Result<bool> &result)
{
    if (index < m_slots.size() && isCurrent(index, generation)) {
        Slot &slot = m_slots[index];
        if (result) {
            slot.state = SlotState::Idle;
        } else {
            slot.state = SlotState::Dead;
            if (!m_firstSetupError.isError())
                m_firstSetupError = result.error();
            qCWarning(lcPool) << "a pooled connection could not be set up:" << result.error();
        }
    }
    const bool starting = std::any_of(m_slots.begin(), m_slots.end(), [](const Slot &s) {
        return s.state == SlotState::Starting;
    });
    if (!starting && !m_openPromises.empty()) {
        const bool allReady = std::none_of(m_slots.begin(), m_slots.end(), [](const Slot &s) {
            return s.state == SlotState::Dead;
        });
        auto promises = std::move(m_openPromises);
        m_openPromises.clear();
        const Result<bool> outcome = allReady ? Result<bool>(true)
                                              : Result<bool>(m_firstSetupError);
        for (const auto &promise : promises) {
            promise->addResult(outcome);
            promise->finish();
        }
        if (allReady)
            m_firstSetupError = {};
    }
    serveWaiters();
}

void ConnectionPool::replace(std::size_t index)
{
    Slot &slot = m_slots[index];
    if (slot.connection) {
        Connection *old = slot.connection.data();
        old->disconnect(this);
        if (auto *ws = qobject_cast<WebSocketConnection *>(old))
            ws->close();
        old->deleteLater();
        slot.connection = nullptr;
    }
    ++m_replaced;
    qCDebug(lcPool) << "replacing pooled connection" << index;
    Q_EMIT connectionReplaced();
    setUp(index);
}

QFuture<Result<PooledConnection>> ConnectionPool::acquire(std::chrono::milliseconds timeout)
{
    if (m_closed) {
        return finishedWith<PooledConnection>(
            RpcError(RpcError::Kind::ConnectionLost, tr("the connection pool was closed")));
    }
    if (!m_opened)
        open();
    auto promise = std::make_shared<QPromise<Result<PooledConnection>>>();
    promise->start();
    QFuture<Result<PooledConnection>> future = promise->future();
    const auto wait = timeout.count() > 0 ? timeout : m_settings.acquireTimeout;
    m_waiters.push_back(Waiter{promise, Clock::now() + wait});
    serveWaiters();
    if (!m_waiters.empty() && !m_sweepTimer.isActive())
        m_sweepTimer.start();
    return future;
}

void ConnectionPool::lend(std::size_t index,
                          const std::shared_ptr<QPromise<Result<PooledConnection>>> &promise)
{
    Slot &slot = m_slots[index];
    slot.state = SlotState::Busy;
    slot.ticket = m_nextTicket++;
    ++m_totalAcquired;
    PooledConnection handle;
    handle.m_lease = std::make_shared<PooledConnection::Lease>();
    handle.m_lease->pool = this;
    handle.m_lease->connection = slot.connection;
    handle.m_lease->ticket = slot.ticket;
    promise->addResult(handle);
    promise->finish();
}

void ConnectionPool::serveWaiters()
{
    while (!m_waiters.empty() && !m_closed) {
        if (m_waiters.front().promise->isCanceled()) {
            m_waiters.front().promise->finish();
            m_waiters.pop_front();
            continue;
        }
        std::size_t chosen = m_slots.size();
        for (std::size_t i = 0; i < m_slots.size(); ++i) {
            if (m_slots[i].state != SlotState::Idle)
                continue;
            if (!isAlive(m_slots[i].connection)) {
                replace(i); // never lend a dead connection
                continue;
            }
            chosen = i;
            break;
        }
        if (m_waiters.empty())
            break; // a replacement set up at once may already have served everyone
        if (chosen == m_slots.size()) {
            const bool allDead = !m_slots.empty()
                                 && std::all_of(m_slots.begin(), m_slots.end(), [](const Slot &s) {
                                        return s.state == SlotState::Dead;
                                    });
            if (!allDead)
                return;
            // Nothing can become free before the next health check: fail now.
            const RpcError error = m_firstSetupError.isError()
                                       ? m_firstSetupError
                                       : RpcError(RpcError::Kind::Connection,
                                                  tr("no pooled connection could be set up"));
            std::deque<Waiter> waiters;
            waiters.swap(m_waiters);
            for (Waiter &waiter : waiters) {
                waiter.promise->addResult(error);
                waiter.promise->finish();
            }
            return;
        }
        const auto promise = m_waiters.front().promise;
        m_waiters.pop_front();
        lend(chosen, promise);
    }
    if (m_waiters.empty())
        m_sweepTimer.stop();
}

void ConnectionPool::releaseTicket(quint64 ticket)
{
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        Slot &slot = m_slots[i];
        if (slot.state != SlotState::Busy || slot.ticket != ticket)
            continue;
        slot.ticket = 0;
        if (!isAlive(slot.connection)) {
            replace(i);
        } else {
            slot.state = SlotState::Idle;
            serveWaiters();
        }
        return;
    }
}

void ConnectionPool::sweep()
{
    const auto now = Clock::now();
    std::deque<Waiter> kept;
    std::vector<Waiter> expired;
    for (Waiter &waiter : m_waiters) {
        if (waiter.promise->isCanceled()) {
            waiter.promise->finish();
        } else if (now >= waiter.deadline) {
            expired.push_back(std::move(waiter));
        } else {
            kept.push_back(std::move(waiter));
        }
    }
    m_waiters.swap(kept);
    for (Waiter &waiter : expired) {
        waiter.promise->addResult(
            RpcError(RpcError::Kind::Timeout,
                     tr("no pooled connection became free in time (%n connection(s), all busy)",
                        nullptr,
                        static_cast<int>(m_slots.size()))));
        waiter.promise->finish();
    }
    if (m_waiters.empty())
        m_sweepTimer.stop();
}

void ConnectionPool::checkHealth()
{
    if (m_closed || !m_opened)
        return;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        Slot &slot = m_slots[i];
        if (slot.state == SlotState::Dead) {
            replace(i);
            continue;
        }
        if (slot.state != SlotState::Idle)
            continue;
        if (!isAlive(slot.connection)) {
            replace(i);
            continue;
        }
        slot.state = SlotState::Checking;
        ++m_checksRunning;
        CallOptions options;
        options.timeout = m_settings.healthCheckTimeout;
        const quint64 generation = slot.generation;
        slot.connection->ping(options)
            .then(this, [this, i, generation](const Result<QCborValue> &pong) {
                --m_checksRunning;
                if (isCurrent(i, generation) && m_slots[i].state == SlotState::Checking) {
                    if (pong) {
                        m_slots[i].state = SlotState::Idle;
                    } else {
                        qCWarning(lcPool)
                            << "a pooled connection failed its health check:" << pong.error();
                        replace(i);
                    }
                }
                serveWaiters();
                healthCheckFinished();
            });
    }
    healthCheckFinished();
}

void ConnectionPool::healthCheckFinished()
{
    if (m_checksRunning == 0)
        Q_EMIT healthChecked();
}

ConnectionPool::Statistics ConnectionPool::statistics() const
{
    Statistics stats;
    stats.size = static_cast<int>(m_slots.size());
    for (const Slot &slot : m_slots) {
        if (slot.state == SlotState::Idle || slot.state == SlotState::Checking) {
            ++stats.idle;
        } else if (slot.state == SlotState::Busy) {
            ++stats.inUse;
        }
    }
    stats.waiting = static_cast<int>(
        std::count_if(m_waiters.begin(), m_waiters.end(), [](const Waiter &waiter) {
            return !waiter.promise->isCanceled();
        }));
    stats.totalAcquired = m_totalAcquired;
    stats.replaced = m_replaced;
    return stats;
}

QFuture<Result<QueryResponse>> ConnectionPool::query(const QString &surql,
                                                     const QCborMap &vars,
                                                     const CallOptions &options)
{
    auto promise = std::make_shared<QPromise<Result<QueryResponse>>>();
    promise->start();
    QFuture<Result<QueryResponse>> future = promise->future();
    // No context object: the futures resolve in this thread, and a continuation tied to an
    // object that dies would leave `promise` unfinished.
    acquire().then([promise, surql, vars, options](const Result<PooledConnection> &lease) {
        if (!lease) {
            promise->addResult(lease.error());
            promise->finish();
            return;
        }
        PooledConnection handle = lease.value();
        handle->query(surql, vars, options)
            .then([promise, handle](const Result<QueryResponse> &response) mutable {
                handle.release();
                promise->addResult(response);
                promise->finish();
            });
    });
    return future;
}

} // namespace SurrealQt

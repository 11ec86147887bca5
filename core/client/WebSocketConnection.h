#pragma once

#include "Connection.h"
#include "ConnectionOptions.h"
#include "LiveQuery.h"

#include <surrealqt/rpc/Envelope.h>

#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>

namespace SurrealQt {

class WebSocketTransport;

// A stateful SurrealDB connection over one WebSocket, CBOR by default.
//
// Requests are multiplexed by id (thousands can be in flight), each with a timeout and
// cancellable through QFuture::cancel(). The connection remembers the session state it set up
// (use, auth, variables, attached sessions, live queries) and replays it after an unexpected
// disconnect, then re-sends the calls that are safe to repeat and fails the rest with
// RpcError::Kind::ConnectionLost. It lives in the thread that created it, like any socket.
class SURREALQT_CORE_EXPORT WebSocketConnection : public Connection
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Closed };
    Q_ENUM(State)

    explicit WebSocketConnection(ConnectionOptions options, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    WebSocketConnection(const WebSocketConnection &) = delete;
    WebSocketConnection &operator=(const WebSocketConnection &) = delete;

    // Connects; resolves true once the socket is open, or with a Connection error.
    QFuture<Result<bool>> open();
    // Closes for good: pending calls fail, nothing reconnects.
    void close();

    State state() const { return m_state; }
    const ConnectionOptions &options() const { return m_options; }
    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    int reconnectAttempt() const { return m_attempt; }

    QFuture<Result<QCborValue>> call(const QString &method,
                                     const QCborArray &params = {},
                                     const CallOptions &options = {}) override;

    // 3.x sessions: each has its own ns/db, auth, variables and live queries.
    QFuture<Result<QUuid>> attachSession();
    QFuture<Result<QCborValue>> detachSession(const QUuid &session);
    QFuture<Result<QList<QUuid>>> sessions();

    // 3.x interactive transactions: begin returns the id to put in CallOptions::txn.
    QFuture<Result<QUuid>> begin(const CallOptions &options = {});
    QFuture<Result<QCborValue>> commit(const QUuid &txn, const CallOptions &options = {});
    QFuture<Result<QCborValue>> cancel(const QUuid &txn, const CallOptions &options = {});

    // LIVE SELECT * FROM table. The LiveQuery is owned by this connection.
    QFuture<Result<LiveQuery *>> live(const QString &table,
                                      bool diff = false,
                                      const CallOptions &options = {});
    // Any LIVE SELECT statement, with bound variables.
    QFuture<Result<LiveQuery *>> liveSelect(const QString &surql,
                                            const QCborMap &vars = {},
                                            const CallOptions &options = {});
    QFuture<Result<QCborValue>> kill(const QUuid &liveId, const CallOptions &options = {});

    // Drops the socket as if the network failed (for tests and "reconnect now" buttons).
    void simulateNetworkFailure();

protected:
    void callInto(const QString &method,
                  const QCborArray &params,
                  const CallOptions &options,
                  std::function<void(const Result<QCborValue> &)> done) override;

Q_SIGNALS:
    void stateChanged(SurrealQt::WebSocketConnection::State state);
    // A frame that could not be matched to any call; the connection carries on.
    void protocolError(const SurrealQt::RpcError &error);
    // After a reconnect: the session state and live queries are back.
    void reconnected();

private:
    struct PendingCall
    {
        RpcRequest request;
        std::shared_ptr<QPromise<Result<QCborValue>>> promise; // null: onReply is the consumer
        std::chrono::steady_clock::time_point deadline;
        bool sent = false;
        bool internal = false; // replay traffic: may go out before the replay finishes
        // Runs synchronously with the reply, before the future resolves (live registration
        // must happen before the next frame, which may already be a notification).
        std::function<void(const Result<QCborValue> &)> onReply;
        std::function<bool()> cancelled; // CallOptions::cancelled
    };

    // What a reconnect must restore for one session (the null uuid is the default session).
    struct SessionState
    {
        QString ns;
        QString db;
        bool hasUse = false;
        QCborMap signinParams; // last successful signin, to sign in again if the token expired
        QString token;
        QCborMap vars;
    };

    void setState(State state);
    void openSocket();
    void onConnected();
    void onDisconnected();
    void onBinaryMessage(const QByteArray &frame);
    void onTextMessage(const QByteArray &frame);
    void dispatch(const RpcMessage &message);
    void resolve(qint64 id, const Result<QCborValue> &result);
    void remember(const RpcRequest &request, const QCborValue &result);
    void send(PendingCall &call);
    void flushQueue();
    void sweep();
    void keepAlive();
    void scheduleReconnect();
    void failAll(const RpcError &error, bool keepReplayable);
    void replay();
    void replayStep(std::shared_ptr<std::deque<RpcRequest>> steps);
    void resubscribeLive();
    QFuture<Result<QCborValue>> enqueue(RpcRequest request,
                                        std::chrono::milliseconds timeout,
                                        bool internal,
                                        std::function<void(const Result<QCborValue> &)> onReply = {},
                                        bool withFuture = true);
    QFuture<Result<LiveQuery *>> subscribe(const QString &method,
                                           const QCborArray &params,
                                           const CallOptions &options,
                                           bool diff);
    static Result<QUuid> liveIdFrom(const QString &method, const QCborValue &result);
    void registerLive(LiveQuery *query, const QUuid &id);
    void forgetLive(const QUuid &id);
    void killAllLive();

    friend class LiveQuery;

    ConnectionOptions m_options;
    std::unique_ptr<WebSocketTransport> m_socket;
    State m_state = State::Disconnected;
    qint64 m_nextId = 1;
    std::unordered_map<qint64, PendingCall> m_pending;
    std::deque<qint64> m_queue; // ids waiting for the socket (or the replay) to be ready
    std::map<QUuid, SessionState> m_sessions;
    QHash<QUuid, QPointer<LiveQuery>> m_live;
    QTimer m_sweepTimer;
    QTimer m_keepAliveTimer;
    QTimer m_reconnectTimer;
    int m_attempt = 0;
    bool m_everConnected = false;
    bool m_socketOpen = false;
    bool m_replaying = false;
    std::shared_ptr<QPromise<Result<bool>>> m_openPromise;
};

} // namespace SurrealQt

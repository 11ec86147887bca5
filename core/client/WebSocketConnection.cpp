#include "WebSocketConnection.h"

#include "websocket/WebSocketTransport_p.h"

#include <surrealqt/rpc/Method.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborMap>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QLoggingCategory>
#include <QtCore/QRandomGenerator>

namespace SurrealQt {

Q_LOGGING_CATEGORY(lcWs, "surrealqt.ws", QtWarningMsg)

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kSweepInterval{100};

RpcError lost(const QString &why)
{
    return {RpcError::Kind::ConnectionLost, why};
}

QUuid uuidFrom(const QCborValue &value)
{
    if (value.isUuid())
        return value.toUuid();
    if (value.isTag() && value.taggedValue().isByteArray()
        && value.taggedValue().toByteArray().size() == 16)
        return QUuid::fromRfc4122(value.taggedValue().toByteArray());
    if (value.isString())
        return QUuid::fromString(value.toString());
    return {};
}

QByteArray jsonFrame(const RpcRequest &request)
{
    // SurrealDB's JSON form (record ids "tb:key", uuids, session and transaction ids and
    // datetimes as text...), not Qt's (which writes a uuid in base64 and a tag as its bare
    // payload).
    return QJsonDocument(Values::toJson(request.toCbor()).toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

WebSocketConnection::WebSocketConnection(ConnectionOptions options, QObject *parent)
    : Connection(parent)
    , m_options(std::move(options))
{
    m_sessions[QUuid()] = {};
    m_sweepTimer.setInterval(kSweepInterval);
    connect(&m_sweepTimer, &QTimer::timeout, this, &WebSocketConnection::sweep);
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &WebSocketConnection::keepAlive);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &WebSocketConnection::openSocket);
}

WebSocketConnection::~WebSocketConnection()
{
    close();
}

void WebSocketConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QFuture<Result<bool>> WebSocketConnection::open()
{
    auto promise = std::make_shared<QPromise<Result<bool>>>();
    promise->start();
    QFuture<Result<bool>> future = promise->future();
    if (m_state == State::Connected) {
        promise->addResult(true);
        promise->finish();
        return future;
    }
    if (m_state == State::Closed) {
        promise->addResult(lost(tr("the connection was closed")));
        promise->finish();
        return future;
    }
    m_openPromise = promise;
    m_everConnected = false;
    setState(State::Connecting);
    openSocket();
    return future;
}

void WebSocketConnection::openSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
    m_socket = makeWebSocketTransport(m_options.rpcUrl(), m_options);
    connect(m_socket.get(), &WebSocketTransport::connected, this, &WebSocketConnection::onConnected);
    connect(m_socket.get(),
            &WebSocketTransport::disconnected,
            this,
            &WebSocketConnection::onDisconnected);
    connect(m_socket.get(),
            &WebSocketTransport::binaryMessageReceived,
            this,
            &WebSocketConnection::onBinaryMessage);
    connect(m_socket.get(),
            &WebSocketTransport::textMessageReceived,
            this,
            &WebSocketConnection::onTextMessage);
    m_socket->open(m_options.rpcUrl(),
                   m_options.format == ConnectionOptions::Format::Cbor ? QStringLiteral("cbor")
                                                                       : QStringLiteral("json"));
}

void WebSocketConnection::onConnected()
{
    m_socketOpen = true;
    if (m_options.keepAliveInterval.count() > 0)
        m_keepAliveTimer.start(m_options.keepAliveInterval);
    if (!m_everConnected) {
        m_everConnected = true;
        m_attempt = 0;
        setState(State::Connected);
        if (m_openPromise) {
            m_openPromise->addResult(true);
            m_openPromise->finish();
            m_openPromise.reset();
        }
        flushQueue();
        return;
    }
    replay();
}

void WebSocketConnection::onDisconnected()
{
    m_socketOpen = false;
    m_keepAliveTimer.stop();
    if (m_state == State::Closed || m_state == State::Disconnected)
        return;
    const QString why = m_socket ? m_socket->errorString() : QString();
    if (!m_everConnected) {
        setState(State::Disconnected);
        const RpcError error(RpcError::Kind::Connection,
                             tr("cannot connect to %1: %2")
                                 .arg(m_options.rpcUrl().toDisplayString(), why));
        if (m_openPromise) {
            m_openPromise->addResult(error);
            m_openPromise->finish();
            m_openPromise.reset();
        }
        failAll(error, false);
        return;
    }
    m_replaying = false;
    if (!m_options.reconnect.enabled) {
        setState(State::Disconnected);
        failAll(lost(tr("the connection was lost: %1").arg(why)), false);
        return;
    }
    failAll(lost(tr("the connection was lost while the call was in flight; it was not repeated "
                    "because it may have changed data")),
            true);
    setState(State::Reconnecting);
    scheduleReconnect();
}

void WebSocketConnection::scheduleReconnect()
{
    const ReconnectPolicy &policy = m_options.reconnect;
    if (policy.maxAttempts >= 0 && m_attempt >= policy.maxAttempts) {
        setState(State::Disconnected);
        failAll(lost(tr("gave up reconnecting after %n attempt(s)", nullptr, m_attempt)), false);
        killAllLive();
        return;
    }
    const auto delay = policy.delayFor(m_attempt++, QRandomGenerator::global()->generateDouble());
    qCDebug(lcWs) << "reconnect attempt" << m_attempt << "in" << delay.count() << "ms";
    m_reconnectTimer.start(delay);
}

void WebSocketConnection::close()
{
    if (m_state == State::Closed)
        return;
    setState(State::Closed);
    m_reconnectTimer.stop();
    m_keepAliveTimer.stop();
    m_sweepTimer.stop();
    if (m_openPromise) {
        m_openPromise->addResult(lost(tr("the connection was closed")));
        m_openPromise->finish();
        m_openPromise.reset();
    }
    failAll(lost(tr("the connection was closed")), false);
    killAllLive();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
    }
}

void WebSocketConnection::simulateNetworkFailure()
{
    if (m_socket)
        m_socket->abort();
}

QFuture<Result<QCborValue>> WebSocketConnection::call(const QString &method,
                                                      const QCborArray &params,
                                                      const CallOptions &options)
{
    RpcRequest request{m_nextId++, method, params, options.session, options.txn};
    QFuture<Result<QCborValue>> future = enqueue(std::move(request), options.timeout, false);
    if (options.cancelled) {
        auto it = m_pending.find(m_nextId - 1);
        if (it != m_pending.end())
            it->second.cancelled = options.cancelled;
    }
    return future;
}

void WebSocketConnection::callInto(const QString &method,
                                   const QCborArray &params,
                                   const CallOptions &options,
                                   std::function<void(const Result<QCborValue> &)> done)
{
    const qint64 id = m_nextId++;
    enqueue(RpcRequest{id, method, params, options.session, options.txn},
            options.timeout,
            false,
            std::move(done),
            false);
    if (options.cancelled) {
        auto it = m_pending.find(id);
        if (it != m_pending.end())
            it->second.cancelled = options.cancelled;
    }
}

QFuture<Result<QCborValue>> WebSocketConnection::enqueue(
    RpcRequest request,
    std::chrono::milliseconds timeout,
    bool internal,
    std::function<void(const Result<QCborValue> &)> onReply,
    bool withFuture)
{
    std::shared_ptr<QPromise<Result<QCborValue>>> promise;
    QFuture<Result<QCborValue>> future;
    if (withFuture) {
        promise = std::make_shared<QPromise<Result<QCborValue>>>();
        promise->start();
        future = promise->future();
    }
    if (m_state == State::Closed || m_state == State::Disconnected) {
        const Result<QCborValue> failed(lost(m_state == State::Closed
                                                 ? tr("the connection was closed")
                                                 : tr("not connected: call open() first")));
        if (onReply)
            onReply(failed);
        if (promise) {
            promise->addResult(failed);
            promise->finish();
        }
        return future;
    }
    const qint64 id = request.id;
    PendingCall pending{std::move(request),
                        promise,
                        Clock::now() + (timeout.count() > 0 ? timeout : m_options.callTimeout),
                        false,
                        internal,
                        std::move(onReply),
                        {}};
    auto [it, inserted] = m_pending.emplace(id, std::move(pending));
    Q_UNUSED(inserted)
    const bool ready = m_state == State::Connected && !m_replaying;
    if (m_socketOpen && (ready || internal)) {
        send(it->second);
    } else {
        m_queue.push_back(id);
    }
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
    return future;
}

void WebSocketConnection::send(PendingCall &call)
{
    call.sent = true;
    if (m_options.format == ConnectionOptions::Format::Cbor) {
        m_socket->sendBinary(call.request.toBytes());
    } else {
        m_socket->sendText(jsonFrame(call.request));
    }
}

void WebSocketConnection::flushQueue()
{
    std::deque<qint64> queue;
    queue.swap(m_queue);
    for (qint64 id : queue) {
        auto it = m_pending.find(id);
        if (it != m_pending.end() && !it->second.sent)
            send(it->second);
    }
}

void WebSocketConnection::failAll(const RpcError &error, bool keepReplayable)
{
    std::vector<qint64> failed;
    std::deque<qint64> requeue;
    for (auto &[id, call] : m_pending) {
        if (!call.sent)
            continue;
        if (keepReplayable && !call.internal && Method::isReplayable(call.request.method)) {
            call.sent = false;
            requeue.push_back(id);
        } else {
            failed.push_back(id);
        }
    }
    if (!keepReplayable) {
        for (qint64 id : m_queue)
            failed.push_back(id);
        m_queue.clear();
    }
    std::sort(requeue.begin(), requeue.end());
    m_queue.insert(m_queue.begin(), requeue.begin(), requeue.end());
    for (qint64 id : failed)
        resolve(id, error);
}

void WebSocketConnection::onBinaryMessage(const QByteArray &frame)
{
    dispatch(RpcMessage::fromBytes(frame));
}

void WebSocketConnection::onTextMessage(const QByteArray &frame)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(frame, &error);
    if (error.error != QJsonParseError::NoError) {
        Q_EMIT protocolError(
            RpcError(RpcError::Kind::Protocol,
                     tr("the server sent malformed JSON: %1").arg(error.errorString())));
        return;
    }
    dispatch(RpcMessage::fromCbor(Values::fromJson(document.object()).value_or(QCborValue())));
}

void WebSocketConnection::dispatch(const RpcMessage &message)
{
    switch (message.type) {
    case RpcMessage::Type::Response:
        resolve(*message.id, message.result);
        return;
    case RpcMessage::Type::Error:
    case RpcMessage::Type::Malformed:
        if (message.id && m_pending.contains(*message.id)) {
            resolve(*message.id, message.error);
        } else {
            Q_EMIT protocolError(message.error);
        }
        return;
    case RpcMessage::Type::Notification: {
        const QCborMap inner = message.result.toMap();
        LiveNotification notification;
        notification.queryId = uuidFrom(inner.value(QLatin1String("id")));
        notification.action = LiveNotification::actionFromName(
            inner.value(QLatin1String("action")).toString());
        notification.record = inner.value(QLatin1String("record"));
        notification.value = inner.value(QLatin1String("result"));
        const QPointer<LiveQuery> query = m_live.value(notification.queryId);
        if (query)
            query->deliver(notification);
        return;
    }
    }
}

void WebSocketConnection::resolve(qint64 id, const Result<QCborValue> &result)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // a late reply to a call that timed out or was cancelled
    PendingCall call = std::move(it->second);
    m_pending.erase(it);
    if (result)
        remember(call.request, result.value());
    if (call.onReply)
        call.onReply(result);
    if (call.promise) {
        call.promise->addResult(result);
        call.promise->finish();
    }
    // The sweep timer stops itself once idle: stopping and starting it around every call
    // would cost a timer registration per call.
}

void WebSocketConnection::remember(const RpcRequest &request, const QCborValue &result)
{
    const QString &method = request.method;
    if (method == QLatin1String("attach")) {
        m_sessions[request.session] = {};
        return;
    }
    if (method == QLatin1String("detach")) {
        m_sessions.erase(request.session);
        return;
    }
    auto found = m_sessions.find(request.session);
    if (found == m_sessions.end())
        return;
    SessionState &session = found->second;
    const QCborValue first = request.params.at(0);
    if (method == QLatin1String("use")) {
        // null unsets, NONE (undefined here) keeps.
        if (!first.isUndefined())
            session.ns = first.toString();
        if (!request.params.at(1).isUndefined())
            session.db = request.params.at(1).toString();
        session.hasUse = true;
    } else if (method == QLatin1String("signin") || method == QLatin1String("signup")) {
        const Result<QString> token = tokenFrom(result);
        session.token = token ? token.value() : QString();
        session.signinParams = method == QLatin1String("signin") ? first.toMap() : QCborMap();
    } else if (method == QLatin1String("authenticate")) {
        session.token = first.toString();
        session.signinParams = {};
    } else if (method == QLatin1String("invalidate")) {
        session.token.clear();
        session.signinParams = {};
    } else if (method == QLatin1String("reset")) {
        session = {};
    } else if (method == QLatin1String("let") || method == QLatin1String("set")) {
        session.vars.insert(first.toString(), request.params.at(1));
    } else if (method == QLatin1String("unset")) {
        session.vars.remove(first.toString());
    }
}

void WebSocketConnection::replay()
{
    m_replaying = true;
    auto steps = std::make_shared<std::deque<RpcRequest>>();
    for (const auto &[session, state] : m_sessions) {
        const auto step = [&, session = session](const QString &method, QCborArray params) {
            steps->push_back(RpcRequest{m_nextId++, method, std::move(params), session, {}});
        };
        if (!session.isNull())
            step(QStringLiteral("attach"), {});
        if (state.hasUse) {
            step(QStringLiteral("use"),
                 {state.ns.isNull() ? QCborValue(nullptr) : QCborValue(state.ns),
                  state.db.isNull() ? QCborValue(nullptr) : QCborValue(state.db)});
        }
        if (!state.token.isEmpty()) {
            step(QStringLiteral("authenticate"), {state.token});
        } else if (!state.signinParams.isEmpty()) {
            step(QStringLiteral("signin"), {state.signinParams});
        }
        for (auto it = state.vars.constBegin(); it != state.vars.constEnd(); ++it)
            step(QStringLiteral("let"), {it.key(), it.value()});
    }
    replayStep(steps);
}

void WebSocketConnection::replayStep(std::shared_ptr<std::deque<RpcRequest>> steps)
{
    if (m_state == State::Closed)
        return;
    if (steps->empty()) {
        m_replaying = false;
        m_attempt = 0;
        setState(State::Connected);
        resubscribeLive();
        flushQueue();
        Q_EMIT reconnected();
        return;
    }
    RpcRequest request = std::move(steps->front());
    steps->pop_front();
    const QString method = request.method;
    const QUuid session = request.session;
    enqueue(std::move(request),
            m_options.callTimeout,
            true,
            [this, steps, method, session](const Result<QCborValue> &result) {
                if (!result && result.error().kind() == RpcError::Kind::ConnectionLost)
                    return; // the socket dropped again; the next reconnect replays afresh
                if (!result) {
                    auto found = m_sessions.find(session);
                    // An expired token: sign in again with the remembered credentials.
                    if (method == QLatin1String("authenticate") && found != m_sessions.end()
                        && !found->second.signinParams.isEmpty()) {
                        steps->push_front(RpcRequest{m_nextId++,
                                                     QStringLiteral("signin"),
                                                     {found->second.signinParams},
                                                     session,
                                                     {}});
                    } else {
                        Q_EMIT protocolError(
                            RpcError(result.error().kind(),
                                     tr("replaying %1 after a reconnect failed: %2")
                                         .arg(method, result.error().message())));
                    }
                }
                QMetaObject::invokeMethod(
                    this, [this, steps] { replayStep(steps); }, Qt::QueuedConnection);
            });
}

void WebSocketConnection::resubscribeLive()
{
    const QList<QPointer<LiveQuery>> queries = m_live.values();
    m_live.clear();
    for (const QPointer<LiveQuery> &query : queries) {
        if (!query || !query->isActive())
            continue;
        RpcRequest request{m_nextId++,
                           query->m_method,
                           query->m_params,
                           query->m_options.session,
                           {}};
        enqueue(std::move(request),
                m_options.callTimeout,
                false,
                [this, query, method = query->m_method](const Result<QCborValue> &result) {
                    if (!query)
                        return;
                    const Result<QUuid> id = result ? liveIdFrom(method, result.value())
                                                    : Result<QUuid>(result.error());
                    if (!id) {
                        Q_EMIT protocolError(
                            RpcError(id.error().kind(),
                                     tr("a live query could not be subscribed again: %1")
                                         .arg(id.error().message())));
                        query->markKilled();
                        return;
                    }
                    registerLive(query, id.value());
                    Q_EMIT query->resubscribed(id.value());
                });
    }
}

void WebSocketConnection::sweep()
{
    if (m_pending.empty()) {
        m_sweepTimer.stop();
        return;
    }
    const auto now = Clock::now();
    std::vector<std::pair<qint64, RpcError>> expired;
    for (const auto &[id, call] : m_pending) {
        if ((call.promise && call.promise->isCanceled()) || (call.cancelled && call.cancelled())) {
            expired.emplace_back(id,
                                 RpcError(RpcError::Kind::Cancelled,
                                          tr("the %1 call was cancelled").arg(call.request.method)));
        } else if (now >= call.deadline) {
            expired.emplace_back(id,
                                 RpcError(RpcError::Kind::Timeout,
                                          tr("the %1 call timed out").arg(call.request.method)));
        }
    }
    for (const auto &[id, error] : expired) {
        std::erase(m_queue, id);
        resolve(id, error);
    }
}

void WebSocketConnection::keepAlive()
{
    if (m_state != State::Connected || m_replaying)
        return;
    RpcRequest ping{m_nextId++, QStringLiteral("ping"), {}, {}, {}};
    enqueue(std::move(ping),
            std::min(m_options.callTimeout, m_options.keepAliveInterval),
            true,
            [this](const Result<QCborValue> &result) {
                if (!result && result.error().kind() == RpcError::Kind::Timeout && m_socket) {
                    qCWarning(lcWs) << "keepalive ping timed out; reconnecting";
                    m_socket->abort();
                }
            });
}

QFuture<Result<QUuid>> WebSocketConnection::attachSession()
{
    const QUuid session = QUuid::createUuid();
    CallOptions options;
    options.session = session;
    return call(QStringLiteral("attach"), {}, options).then([session](const Result<QCborValue> &r) {
        return r ? Result<QUuid>(session) : Result<QUuid>(r.error());
    });
}

QFuture<Result<QCborValue>> WebSocketConnection::detachSession(const QUuid &session)
{
    CallOptions options;
    options.session = session;
    return call(QStringLiteral("detach"), {}, options);
}

QFuture<Result<QList<QUuid>>> WebSocketConnection::sessions()
{
    return call(QStringLiteral("sessions")).then([](const Result<QCborValue> &r) {
        if (!r)
            return Result<QList<QUuid>>(r.error());
        QList<QUuid> ids;
        for (const QCborValue &value : r.value().toArray())
            ids.append(uuidFrom(value));
        return Result<QList<QUuid>>(ids);
    });
}

QFuture<Result<QUuid>> WebSocketConnection::begin(const CallOptions &options)
{
    return call(QStringLiteral("begin"), {}, options).then([](const Result<QCborValue> &r) {
        if (!r)
            return Result<QUuid>(r.error());
        const QUuid txn = uuidFrom(r.value());
        if (txn.isNull()) {
            return Result<QUuid>(RpcError(RpcError::Kind::Protocol,
                                          QStringLiteral("begin did not return a transaction id")));
        }
        return Result<QUuid>(txn);
    });
}

QFuture<Result<QCborValue>> WebSocketConnection::commit(const QUuid &txn, const CallOptions &options)
{
    return call(QStringLiteral("commit"), {QCborValue(txn)}, options);
}

QFuture<Result<QCborValue>> WebSocketConnection::cancel(const QUuid &txn, const CallOptions &options)
{
    return call(QStringLiteral("cancel"), {QCborValue(txn)}, options);
}

QFuture<Result<LiveQuery *>> WebSocketConnection::live(const QString &table,
                                                       bool diff,
                                                       const CallOptions &options)
{
    // The table travels as a tag-7 Table value so no name is ever parsed as SurrealQL.
    return subscribe(QStringLiteral("live"),
                     {QCborValue(QCborTag(7), QCborValue(table)), QCborValue(diff)},
                     options,
                     diff);
}

QFuture<Result<LiveQuery *>> WebSocketConnection::liveSelect(const QString &surql,
                                                             const QCborMap &vars,
                                                             const CallOptions &options)
{
    return subscribe(QStringLiteral("query"),
                     {surql, vars},
                     options,
                     surql.contains(QLatin1String("DIFF"), Qt::CaseInsensitive));
}

QFuture<Result<QCborValue>> WebSocketConnection::kill(const QUuid &liveId,
                                                      const CallOptions &options)
{
    return call(QStringLiteral("kill"), {QCborValue(liveId)}, options);
}

QFuture<Result<LiveQuery *>> WebSocketConnection::subscribe(const QString &method,
                                                            const QCborArray &params,
                                                            const CallOptions &options,
                                                            bool diff)
{
    auto promise = std::make_shared<QPromise<Result<LiveQuery *>>>();
    promise->start();
    QFuture<Result<LiveQuery *>> future = promise->future();
    RpcRequest request{m_nextId++, method, params, options.session, options.txn};
    enqueue(std::move(request),
            options.timeout,
            false,
            [this, promise, method, params, options, diff](const Result<QCborValue> &result) {
                const Result<QUuid> id = result ? liveIdFrom(method, result.value())
                                                : Result<QUuid>(result.error());
                if (!id) {
                    promise->addResult(id.error());
                } else {
                    auto *query = new LiveQuery(this, method, params, options, diff);
                    registerLive(query, id.value());
                    promise->addResult(query);
                }
                promise->finish();
            });
    return future;
}

Result<QUuid> WebSocketConnection::liveIdFrom(const QString &method, const QCborValue &result)
{
    if (method == QLatin1String("live")) {
        const QUuid id = uuidFrom(result);
        if (id.isNull())
            return RpcError(RpcError::Kind::Protocol, QStringLiteral("live did not return an id"));
        return id;
    }
    const Result<QueryResponse> response = QueryResponse::fromWire(result);
    if (!response)
        return response.error();
    for (const StatementResult &statement : response->statements()) {
        if (!statement.isOk())
            return statement.error();
        const QUuid id = uuidFrom(statement.result());
        if (!id.isNull())
            return id;
    }
    return RpcError(RpcError::Kind::Validation,
                    QStringLiteral("the query has no LIVE SELECT statement"));
}

void WebSocketConnection::killAllLive()
{
    // Every child, not just m_live: one may be between a reconnect and its new id.
    for (LiveQuery *query : findChildren<LiveQuery *>(QString(), Qt::FindDirectChildrenOnly))
        query->markKilled();
}

void WebSocketConnection::registerLive(LiveQuery *query, const QUuid &id)
{
    query->m_id = id;
    m_live.insert(id, query);
}

void WebSocketConnection::forgetLive(const QUuid &id)
{
    m_live.remove(id);
}

} // namespace SurrealQt

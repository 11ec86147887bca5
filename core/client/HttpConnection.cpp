#include "HttpConnection.h"

#include <surrealqt/rpc/Envelope.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QFileDevice>
#include <QtCore/QIODevice>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QLoggingCategory>
#include <QtCore/QPromise>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QSslConfiguration>

#include <algorithm>

namespace SurrealQt {

Q_LOGGING_CATEGORY(lcHttp, "surrealqt.http", QtWarningMsg)

namespace {

constexpr std::chrono::milliseconds kSweepInterval{100};
constexpr qsizetype kSnippet = 300;

bool isMethod(const QString &method, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(), [&](const char *name) {
        return method == QLatin1String(name);
    });
}

// The methods only a stateful WebSocket connection can carry.
bool needsWebSocket(const QString &method)
{
    return isMethod(method,
                    {"live", "kill", "begin", "commit", "cancel", "attach", "detach", "sessions"});
}

bool isSigning(const QString &method)
{
    return isMethod(method, {"signin", "signup", "authenticate"});
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// Decodes a CBOR or JSON body into canonical values (the same decoders as the WebSocket path);
// `why` says what was wrong when it could not be decoded.
QCborValue decodeBody(const QByteArray &body, bool cbor, QString *why)
{
    if (cbor) {
        QString error;
        std::optional<QCborValue> value = Values::decodeCbor(body, &error);
        if (!value) {
            *why = HttpConnection::tr("malformed CBOR (%1)").arg(error);
            return {};
        }
        return *std::move(value);
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *why = HttpConnection::tr("malformed JSON (%1 at offset %2)")
                   .arg(error.errorString())
                   .arg(error.offset);
        return {};
    }
    const QJsonValue json = document.isArray() ? QJsonValue(document.array())
                                               : QJsonValue(document.object());
    QString invalid;
    std::optional<QCborValue> value = Values::fromJson(json, ValueKind::Any, &invalid);
    if (!value) {
        *why = HttpConnection::tr("unreadable JSON value (%1)").arg(invalid);
        return {};
    }
    return *std::move(value);
}

bool isCborType(const QByteArray &contentType, ConnectionOptions::Format format)
{
    if (contentType.contains("cbor"))
        return true;
    if (contentType.contains("json"))
        return false;
    return contentType.isEmpty() && format == ConnectionOptions::Format::Cbor;
}

QString snippet(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(kSnippet)).simplified();
    if (body.size() > kSnippet)
        text += QStringLiteral("…");
    return text;
}

RpcError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
    case 403:
        return RpcError::Kind::NotAllowed;
    case 404:
        return RpcError::Kind::NotFound;
    case 408:
    case 504:
        return RpcError::Kind::Timeout;
    case 400:
    case 422:
        return RpcError::Kind::Query;
    default:
        return status >= 500 ? RpcError::Kind::Internal : RpcError::Kind::Validation;
    }
}

// A variable as an URL query parameter: strings as they are, everything else as JSON text.
QString parameterText(const QCborValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        return QString::fromUtf8(
            QJsonDocument(value.toJsonValue().toArray()).toJson(QJsonDocument::Compact));
    }
    if (value.isMap()) {
        return QString::fromUtf8(
            QJsonDocument(value.toJsonValue().toObject()).toJson(QJsonDocument::Compact));
    }
    if (value.isInteger())
        return QString::number(value.toInteger());
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("null");
    const QJsonValue json = value.toJsonValue();
    return json.isString() ? json.toString() : value.toDiagnosticNotation();
}

template<typename T>
QFuture<Result<T>> finishedWith(Result<T> result)
{
    QPromise<Result<T>> promise;
    promise.start();
    promise.addResult(std::move(result));
    promise.finish();
    return promise.future();
}

// A promise already started, whose future the caller returns.
template<typename T>
std::shared_ptr<QPromise<Result<T>>> startedPromise()
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise;
}

} // namespace

HttpConnection::HttpConnection(ConnectionOptions options, QObject *parent)
    : Connection(parent)
    , m_options(std::move(options))
    , m_tls(QSslConfiguration::defaultConfiguration())
    , m_network(new QNetworkAccessManager(this))
{
    if (!m_options.caCertificateFile.isEmpty()
        && !m_tls.addCaCertificates(m_options.caCertificateFile))
        m_tlsError = tr("cannot read CA certificates from %1").arg(m_options.caCertificateFile);
    m_sweepTimer.setInterval(kSweepInterval);
    connect(&m_sweepTimer, &QTimer::timeout, this, &HttpConnection::sweep);
}

HttpConnection::~HttpConnection()
{
    m_closing = true;
    m_sweepTimer.stop();
    std::vector<QPointer<QNetworkReply>> replies;
    for (InFlight &entry : m_inFlight)
        replies.push_back(entry.reply);
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply)
            reply->abort(); // finished() resolves the call with ConnectionLost
    }
}

void HttpConnection::setBasicAuth(const QString &user,
                                  const QString &password,
                                  const QString &authNs,
                                  const QString &authDb)
{
    m_basicUser = user;
    m_basicPassword = password;
    m_basicNs = authNs;
    m_basicDb = authDb;
    m_token.clear();
    m_signinParams = {};
    ++m_authGeneration;
}

QUrl HttpConnection::urlFor(const QString &path) const
{
    QUrl url = m_options.httpUrl();
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QNetworkRequest HttpConnection::request(const Exchange &exchange) const
{
    QUrl url = urlFor(exchange.path);
    if (!exchange.query.isEmpty()) {
        // Encoded by hand: QUrlQuery would leave '+', '&' and '=' in values as they are.
        QByteArray query;
        for (const auto &[key, value] : exchange.query) {
            if (!query.isEmpty())
                query += '&';
            query += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    if (!exchange.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, exchange.contentType);
    if (!exchange.accept.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Accept"), exchange.accept);
    if (exchange.sendNsDb) {
        if (!m_ns.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Surreal-NS"), m_ns.toUtf8());
        if (!m_db.isEmpty())
            request.setRawHeader(QByteArrayLiteral("Surreal-DB"), m_db.toUtf8());
    }
    if (exchange.sendAuth) {
        if (!m_token.isEmpty()) {
            request.setRawHeader(QByteArrayLiteral("Authorization"),
                                 QByteArrayLiteral("Bearer ") + m_token.toUtf8());
        } else if (usesBasicAuth()) {
            const QByteArray pair = m_basicUser.toUtf8() + ':' + m_basicPassword.toUtf8();
            request.setRawHeader(QByteArrayLiteral("Authorization"),
                                 QByteArrayLiteral("Basic ") + pair.toBase64());
            if (!m_basicNs.isEmpty())
                request.setRawHeader(QByteArrayLiteral("Surreal-Auth-NS"), m_basicNs.toUtf8());
            if (!m_basicDb.isEmpty())
                request.setRawHeader(QByteArrayLiteral("Surreal-Auth-DB"), m_basicDb.toUtf8());
        }
    }
    const auto timeout = exchange.timeout.count() > 0 ? exchange.timeout : m_options.callTimeout;
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    if (!m_options.caCertificateFile.isEmpty() && url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_tls);
    return request;
}

void HttpConnection::start(std::shared_ptr<Exchange> exchange)
{
    if (!m_tlsError.isEmpty()) {
        Outcome failed;
        failed.transportError = RpcError(RpcError::Kind::Connection, m_tlsError);
        exchange->done(failed);
        return;
    }
    exchange->authGeneration = m_authGeneration;
    const QNetworkRequest req = request(*exchange);
    QNetworkReply *reply = nullptr;
    if (exchange->verb == "GET") {
        reply = m_network->get(req);
    } else if (exchange->device) {
        QIODevice *device = exchange->device;
        QNetworkRequest sized = req;
        if (!device->isSequential()) {
            device->seek(exchange->deviceStart);
            sized.setHeader(QNetworkRequest::ContentLengthHeader,
                            device->size() - exchange->deviceStart);
        }
        reply = m_network->post(sized, device);
    } else {
        reply = m_network->post(req, exchange->body);
    }
    m_inFlight.push_back(InFlight{reply, exchange->isCanceled});
    if (exchange->progress == Progress::Upload) {
        connect(reply, &QNetworkReply::uploadProgress, this, &HttpConnection::progress);
    } else if (exchange->progress == Progress::Download) {
        connect(reply, &QNetworkReply::downloadProgress, this, &HttpConnection::progress);
    }
    connect(reply, &QNetworkReply::finished, this, [this, exchange, reply] {
        finished(exchange, reply);
    });
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
}

void HttpConnection::finished(const std::shared_ptr<Exchange> &exchange, QNetworkReply *reply)
{
    bool cancelled = false;
    const auto entry = std::find_if(m_inFlight.begin(),
                                    m_inFlight.end(),
                                    [reply](const InFlight &e) { return e.reply == reply; });
    if (entry != m_inFlight.end()) {
        cancelled = entry->cancelled;
        m_inFlight.erase(entry);
    }
    if (m_inFlight.empty())
        m_sweepTimer.stop();
    reply->deleteLater();

    Outcome outcome;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const QString url = reply->url().toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (m_closing) {
        outcome.transportError = RpcError(RpcError::Kind::ConnectionLost,
                                          tr("the connection was closed"));
    } else if (cancelled) {
        outcome.transportError = RpcError(RpcError::Kind::Cancelled,
                                          tr("%1 was cancelled").arg(exchange->what));
    } else if (error == QNetworkReply::OperationCanceledError
               || error == QNetworkReply::TimeoutError) {
        const auto timeout = exchange->timeout.count() > 0 ? exchange->timeout
                                                           : m_options.callTimeout;
        outcome.transportError
            = RpcError(RpcError::Kind::Timeout,
                       tr("%1 timed out after %2 ms").arg(exchange->what).arg(timeout.count()));
    } else if (!status.isValid()
               || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        outcome.transportError = RpcError(RpcError::Kind::Connection,
                                          tr("cannot reach %1: %2").arg(url, reply->errorString()));
    } else {
        outcome.status = status.toInt();
        outcome.body = reply->readAll();
        outcome.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    }

    const bool canRetry = !m_closing && !outcome.transportError.isError()
                          && exchange->mayReauthenticate && exchange->refused
                          && !m_signinParams.isEmpty() && exchange->refused(outcome)
                          && (!exchange->streamed
                              || (exchange->device && !exchange->device->isSequential()));
    if (canRetry) {
        exchange->mayReauthenticate = false;
        if (exchange->authGeneration != m_authGeneration) {
            start(exchange); // another call already got a fresh token
            return;
        }
        reauthenticate([this, exchange, outcome](bool ok) {
            if (ok && !m_closing && !(exchange->isCanceled && exchange->isCanceled())) {
                start(exchange);
            } else {
                exchange->done(outcome);
            }
        });
        return;
    }
    exchange->done(outcome);
}

void HttpConnection::reauthenticate(std::function<void(bool)> then)
{
    m_reauthWaiters.push_back(std::move(then));
    if (m_reauthenticating)
        return;
    m_reauthenticating = true;
    const qint64 id = m_nextId++;
    auto exchange = std::make_shared<Exchange>();
    exchange->verb = QByteArrayLiteral("POST");
    exchange->path = QStringLiteral("/rpc");
    exchange->contentType = m_options.format == ConnectionOptions::Format::Cbor
                                ? QByteArrayLiteral("application/cbor")
                                : QByteArrayLiteral("application/json");
    exchange->accept = exchange->contentType;
    exchange->body = encodeRpc(id, QStringLiteral("signin"), {m_signinParams});
    exchange->sendAuth = false;
    exchange->sendNsDb = false;
    exchange->mayReauthenticate = false;
    exchange->what = tr("signing in again");
    exchange->done = [this, id](const Outcome &outcome) {
        const Result<QString> token = tokenFrom(decodeRpc(outcome, id, QStringLiteral("signin")));
        if (token) {
            m_token = token.value();
            ++m_authGeneration;
            ++m_reauthentications;
        } else {
            qCWarning(lcHttp) << "signing in again failed:" << token.error();
        }
        m_reauthenticating = false;
        std::vector<std::function<void(bool)>> waiters;
        waiters.swap(m_reauthWaiters);
        if (token)
            Q_EMIT reauthenticated();
        for (const auto &waiter : waiters)
            waiter(token.isOk());
    };
    start(exchange);
}

void HttpConnection::sweep()
{
    std::vector<QPointer<QNetworkReply>> cancel;
    for (InFlight &entry : m_inFlight) {
        if (!entry.cancelled && entry.isCanceled && entry.isCanceled()) {
            entry.cancelled = true;
            cancel.push_back(entry.reply);
        }
    }
    // abort() emits finished() at once, which edits m_inFlight: not while iterating it.
    for (const QPointer<QNetworkReply> &reply : cancel) {
        if (reply)
            reply->abort();
    }
}

QByteArray HttpConnection::encodeRpc(qint64 id,
                                     const QString &method,
                                     const QCborArray &params) const
{
    const QCborValue envelope = RpcRequest{id, method, params, {}, {}}.toCbor();
    if (m_options.format == ConnectionOptions::Format::Cbor)
        return envelope.toCbor();
    return QJsonDocument(envelope.toJsonValue().toObject()).toJson(QJsonDocument::Compact);
}

RpcError HttpConnection::httpError(const Outcome &outcome, const QString &what) const
{
    const RpcError::Kind kind = kindForStatus(outcome.status);
    const QString body = QString::fromUtf8(outcome.body).trimmed();
    if (body.isEmpty()) {
        return {kind,
                tr("%1 failed with HTTP status %2").arg(what).arg(outcome.status),
                outcome.status};
    }
    if (outcome.contentType.startsWith("text/plain"))
        return {kind, body.left(4 * kSnippet), outcome.status};
    QString why;
    const QCborValue decoded = decodeBody(outcome.body,
                                          isCborType(outcome.contentType, m_options.format),
                                          &why);
    if (why.isEmpty() && decoded.isMap()) {
        const QCborMap map = decoded.toMap();
        if (map.value(QLatin1String("error")).isMap())
            return RpcError::fromWire(map.value(QLatin1String("error")));
        const QString details = map.value(QLatin1String("details")).toString();
        const QString description = map.value(QLatin1String("description")).toString();
        const QString information = map.value(QLatin1String("information")).toString();
        // `information` is the specific text when it is not just `details` repeated (the
        // server's own habit); otherwise `description` is.
        QString message = !information.isEmpty() && information != details ? information
                                                                           : description;
        if (message.isEmpty())
            message = details;
        if (!message.isEmpty())
            return {kind, message, outcome.status};
    }
    return {RpcError::Kind::Protocol,
            tr("%1 failed with HTTP status %2 and a body that is not a SurrealDB error: %3")
                .arg(what)
                .arg(outcome.status)
                .arg(snippet(outcome.body)),
            outcome.status};
}

Result<QCborValue> HttpConnection::decodeRpc(const Outcome &outcome,
                                             qint64 id,
                                             const QString &method) const
{
    if (outcome.transportError.isError())
        return outcome.transportError;
    QString why;
    const QCborValue decoded = decodeBody(outcome.body,
                                          isCborType(outcome.contentType, m_options.format),
                                          &why);
    const QCborMap map = decoded.toMap();
    if (why.isEmpty() && decoded.isMap()
        && (map.contains(QLatin1String("result")) || map.contains(QLatin1String("error")))) {
        const RpcMessage message = RpcMessage::fromCbor(decoded);
        switch (message.type) {
        case RpcMessage::Type::Response:
            if (message.id && *message.id != id) {
                return RpcError(RpcError::Kind::Protocol,
                                tr("the server answered the %1 call with the reply to call %2")
                                    .arg(method)
                                    .arg(*message.id));
            }
            return message.result;
        case RpcMessage::Type::Error:
        case RpcMessage::Type::Malformed:
            return message.error;
        case RpcMessage::Type::Notification:
            return RpcError(RpcError::Kind::Protocol,
                            tr("the server answered the %1 call with a live notification")
                                .arg(method));
        }
    }
    if (!isSuccess(outcome.status))
        return httpError(outcome, tr("the %1 call").arg(method));
    return RpcError(RpcError::Kind::Protocol,
                    tr("the server sent a malformed reply to the %1 call: %2")
                        .arg(method,
                             why.isEmpty() ? tr("not an RPC response: %1").arg(snippet(outcome.body))
                                           : why));
}

QCborMap HttpConnection::mergedVars(const QCborMap &vars) const
{
    QCborMap merged = m_vars;
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    return merged;
}

Result<QCborValue> HttpConnection::localCall(const QString &method,
                                             const QCborArray &params,
                                             bool *handled)
{
    *handled = true;
    const auto nullable = [](const QString &s) {
        return s.isNull() ? QCborValue(nullptr) : QCborValue(s);
    };
    if (method == QLatin1String("use")) {
        // A string sets, null unsets, NONE (undefined here) keeps.
        const QCborValue ns = params.at(0);
        const QCborValue db = params.at(1);
        if (!ns.isUndefined())
            m_ns = ns.isString() ? ns.toString() : QString();
        if (!db.isUndefined())
            m_db = db.isString() ? db.toString() : QString();
        return QCborValue(QCborMap{{QStringLiteral("namespace"), nullable(m_ns)},
                                   {QStringLiteral("database"), nullable(m_db)}});
    }
    if (method == QLatin1String("let") || method == QLatin1String("set")) {
        const QString name = params.at(0).toString();
        if (name.isEmpty())
            return RpcError(RpcError::Kind::Validation, tr("%1 needs a variable name").arg(method));
        if (params.at(1).isUndefined()) {
            m_vars.remove(name);
        } else {
            m_vars.insert(name, params.at(1));
        }
        return QCborValue();
    }
    if (method == QLatin1String("unset")) {
        m_vars.remove(params.at(0).toString());
        return QCborValue();
    }
    if (method == QLatin1String("invalidate") || method == QLatin1String("reset")) {
        m_token.clear();
        m_signinParams = {};
        m_basicUser.clear();
        m_basicPassword.clear();
        m_basicNs.clear();
        m_basicDb.clear();
        ++m_authGeneration;
        if (method == QLatin1String("reset")) {
            m_ns.clear();
            m_db.clear();
            m_vars = {};
        }
        return QCborValue();
    }
    *handled = false;
    return QCborValue();
}

void HttpConnection::remember(const QString &method,
                              const QCborArray &params,
                              const QCborValue &result)
{
    if (method == QLatin1String("signin") || method == QLatin1String("signup")) {
        const Result<QString> token = tokenFrom(result);
        if (!token)
            return;
        m_token = token.value();
        m_signinParams = method == QLatin1String("signin") ? params.at(0).toMap() : QCborMap();
    } else if (method == QLatin1String("authenticate")) {
        m_token = params.at(0).toString();
        m_signinParams = {};
    } else {
        return;
    }
    m_basicUser.clear();
    m_basicPassword.clear();
    m_basicNs.clear();
    m_basicDb.clear();
    ++m_authGeneration;
}

QFuture<Result<QCborValue>> HttpConnection::call(const QString &method,
                                                 const QCborArray &params,
                                                 const CallOptions &options)
{
    if (!options.session.isNull() || !options.txn.isNull()) {
        return finishedWith<QCborValue>(
            RpcError(RpcError::Kind::Validation,
                     tr("sessions and interactive transactions need a WebSocket connection")));
    }
    if (needsWebSocket(method)) {
        return finishedWith<QCborValue>(
            RpcError(RpcError::Kind::Validation, tr("%1 needs a WebSocket connection").arg(method)));
    }
    bool handled = false;
    Result<QCborValue> local = localCall(method, params, &handled);
    if (handled)
        return finishedWith(std::move(local));

    const auto promise = startedPromise<QCborValue>();
    startRpc(
        method,
        params,
        options.timeout,
        [promise, cancelled = options.cancelled] {
            return promise->isCanceled() || (cancelled && cancelled());
        },
        [promise](const Result<QCborValue> &result) {
            promise->addResult(result);
            promise->finish();
        });
    return promise->future();
}

void HttpConnection::startRpc(const QString &method,
                              const QCborArray &params,
                              std::chrono::milliseconds timeout,
                              std::function<bool()> isCanceled,
                              std::function<void(const Result<QCborValue> &)> done)
{
    QCborArray sent = params;
    if (method == QLatin1String("query")) {
        sent = {params.at(0), mergedVars(params.at(1).toMap())};
        for (qsizetype i = 2; i < params.size(); ++i)
            sent.append(params.at(i));
    }
    const qint64 id = m_nextId++;
    const bool signing = isSigning(method);
    auto exchange = std::make_shared<Exchange>();
    exchange->verb = QByteArrayLiteral("POST");
    exchange->path = QStringLiteral("/rpc");
    exchange->contentType = m_options.format == ConnectionOptions::Format::Cbor
                                ? QByteArrayLiteral("application/cbor")
                                : QByteArrayLiteral("application/json");
    exchange->accept = exchange->contentType;
    exchange->body = encodeRpc(id, method, sent);
    exchange->sendAuth = !signing;
    exchange->sendNsDb = !signing;
    exchange->mayReauthenticate = !signing;
    exchange->timeout = timeout;
    exchange->what = tr("the %1 call").arg(method);
    exchange->isCanceled = std::move(isCanceled);
    exchange->refused = [this, id, method](const Outcome &outcome) {
        if (outcome.status == 401)
            return true;
        const Result<QCborValue> result = decodeRpc(outcome, id, method);
        return !result && result.error().isAuthFailure();
    };
    exchange->done = [this, done = std::move(done), id, method, params](const Outcome &outcome) {
        const Result<QCborValue> result = decodeRpc(outcome, id, method);
        if (result)
            remember(method, params, result.value());
        done(result);
    };
    start(exchange);
}

RpcError HttpConnection::failureOf(const Outcome &outcome, const QString &what) const
{
    if (outcome.transportError.isError())
        return outcome.transportError;
    if (!isSuccess(outcome.status))
        return httpError(outcome, what);
    return {};
}

// The body as text, or the transport or HTTP error that replaced it.
Result<QString> HttpConnection::textResult(const Outcome &outcome,
                                           const QString &what,
                                           QString text) const
{
    if (RpcError failure = failureOf(outcome, what); failure.isError())
        return failure;
    return text;
}

template<typename T>
std::shared_ptr<HttpConnection::Exchange> HttpConnection::exchangeFor(
    const std::shared_ptr<QPromise<T>> &promise, QString what)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->what = std::move(what);
    exchange->isCanceled = [promise] { return promise->isCanceled(); };
    exchange->refused = [](const Outcome &outcome) { return outcome.status == 401; };
    return exchange;
}

template<typename T>
std::shared_ptr<HttpConnection::Exchange> HttpConnection::publicGet(
    const std::shared_ptr<QPromise<T>> &promise, QString path, QString what)
{
    auto exchange = exchangeFor(promise, std::move(what));
    exchange->verb = QByteArrayLiteral("GET");
    exchange->path = std::move(path);
    exchange->sendAuth = false;
    exchange->sendNsDb = false;
    exchange->mayReauthenticate = false;
    exchange->refused = nullptr;
    return exchange;
}

QFuture<Result<QueryResponse>> HttpConnection::sql(const QString &surql, const QCborMap &vars)
{
    const auto promise = startedPromise<QueryResponse>();
    auto exchange = exchangeFor(promise, tr("the SQL request"));
    exchange->verb = QByteArrayLiteral("POST");
    exchange->path = QStringLiteral("/sql");
    const QCborMap merged = mergedVars(vars);
    for (auto it = merged.constBegin(); it != merged.constEnd(); ++it)
        exchange->query.append({it.key().toString(), parameterText(it.value())});
    exchange->contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    exchange->accept = m_options.format == ConnectionOptions::Format::Cbor
                           ? QByteArrayLiteral("application/cbor")
                           : QByteArrayLiteral("application/json");
    exchange->body = surql.toUtf8();
    exchange->done = [this, promise, what = exchange->what](const Outcome &outcome) {
        Result<QueryResponse> result;
        if (RpcError failure = failureOf(outcome, what); failure.isError()) {
            result = failure;
        } else {
            QString why;
            const QCborValue decoded = decodeBody(outcome.body,
                                                  isCborType(outcome.contentType, m_options.format),
                                                  &why);
            result = why.isEmpty()
                         ? QueryResponse::fromWire(decoded)
                         : Result<QueryResponse>(RpcError(RpcError::Kind::Protocol,
                                                          tr("the server sent a malformed reply "
                                                             "to the SQL request: %1")
                                                              .arg(why)));
        }
        promise->addResult(result);
        promise->finish();
    };
    start(exchange);
    return promise->future();
}

QFuture<Result<bool>> HttpConnection::health()
{
    const auto promise = startedPromise<bool>();
    auto exchange = publicGet(promise, QStringLiteral("/health"), tr("the health check"));
    exchange->done = [promise](const Outcome &outcome) {
        promise->addResult(outcome.transportError.isError()
                               ? Result<bool>(outcome.transportError)
                               : Result<bool>(isSuccess(outcome.status)));
        promise->finish();
    };
    start(exchange);
    return promise->future();
}

QFuture<Result<QString>> HttpConnection::serverVersion()
{
    const auto promise = startedPromise<QString>();
    auto exchange = publicGet(promise, QStringLiteral("/version"), tr("the version request"));
    exchange->done = [this, promise, what = exchange->what](const Outcome &outcome) {
        QString text = QString::fromUtf8(outcome.body).trimmed();
        promise->addResult(textResult(outcome, what, std::move(text)));
        promise->finish();
    };
    start(exchange);
    return promise->future();
}

QFuture<Result<QString>> HttpConnection::exportSql(const QJsonObject &options)
{
    const auto promise = startedPromise<QString>();
    auto exchange = exchangeFor(promise, tr("the export"));
    exchange->path = QStringLiteral("/export");
    if (options.isEmpty()) {
        exchange->verb = QByteArrayLiteral("GET");
    } else {
        exchange->verb = QByteArrayLiteral("POST");
        exchange->contentType = QByteArrayLiteral("application/json");
        exchange->body = QJsonDocument(options).toJson(QJsonDocument::Compact);
    }
    exchange->progress = Progress::Download;
    exchange->done = [this, promise, what = exchange->what](const Outcome &outcome) {
        QString text = QString::fromUtf8(outcome.body);
        promise->addResult(textResult(outcome, what, std::move(text)));
        promise->finish();
    };
    start(exchange);
    return promise->future();
}

QFuture<Result<bool>> HttpConnection::importSql(QIODevice *source)
{
    if (!source) {
        return finishedWith<bool>(
            RpcError(RpcError::Kind::Validation, tr("the import needs a source to read from")));
    }
    const auto *file = qobject_cast<QFileDevice *>(source);
    const QString name = file ? file->fileName() : tr("the import source");
    if (!source->isOpen() && !source->open(QIODevice::ReadOnly)) {
        return finishedWith<bool>(
            RpcError(RpcError::Kind::Validation,
                     tr("cannot open %1 for the import: %2").arg(name, source->errorString())));
    }
    if (!source->isReadable()) {
        return finishedWith<bool>(
            RpcError(RpcError::Kind::Validation, tr("%1 is not open for reading").arg(name)));
    }

    const auto promise = startedPromise<bool>();
    auto exchange = exchangeFor(promise, tr("the import"));
    exchange->verb = QByteArrayLiteral("POST");
    exchange->path = QStringLiteral("/import");
    exchange->contentType = QByteArrayLiteral("application/octet-stream");
    exchange->accept = QByteArrayLiteral("application/json");
    exchange->device = source;
    exchange->streamed = true;
    exchange->deviceStart = source->isSequential() ? 0 : source->pos();
    exchange->progress = Progress::Upload;
    exchange->done = [this, promise, what = exchange->what](const Outcome &outcome) {
        const RpcError failure = failureOf(outcome, what);
        promise->addResult(failure.isError() ? Result<bool>(failure) : Result<bool>(true));
        promise->finish();
    };
    start(exchange);
    return promise->future();
}

QFuture<Result<QueryResponse>> HttpConnection::transaction(const QStringList &statements,
                                                           const QCborMap &vars)
{
    QString text = QStringLiteral("BEGIN TRANSACTION;\n");
    int count = 0;
    for (const QString &statement : statements) {
        QString trimmed = statement.trimmed();
        while (trimmed.endsWith(QLatin1Char(';')))
            trimmed = trimmed.chopped(1).trimmed();
        if (trimmed.isEmpty())
            continue;
        text += trimmed + QLatin1String(";\n");
        ++count;
    }
    if (count == 0) {
        return finishedWith<QueryResponse>(
            RpcError(RpcError::Kind::Validation, tr("a transaction needs at least one statement")));
    }
    text += QLatin1String("COMMIT TRANSACTION;");
    // Its own promise rather than query().then(): cancelling a continuation's future does not
    // reach the request before Qt 6.7.
    const auto promise = startedPromise<QueryResponse>();
    startRpc(
        QStringLiteral("query"),
        {text, vars},
        {},
        [promise] { return promise->isCanceled(); },
        [promise](const Result<QCborValue> &reply) {
            Result<QueryResponse> result = reply ? QueryResponse::fromWire(reply.value())
                                                 : Result<QueryResponse>(reply.error());
            if (result && !result->isOk()) {
                // Every statement of a failed transaction fails; the cause is the one that is
                // not merely "not executed".
                RpcError cause = result->firstError();
                for (const StatementResult &statement : result->statements()) {
                    if (!statement.isOk()
                        && statement.error().detailKind() != QLatin1String("NotExecuted")) {
                        cause = statement.error();
                        break;
                    }
                }
                result = cause;
            }
            promise->addResult(result);
            promise->finish();
        });
    return promise->future();
}

} // namespace SurrealQt

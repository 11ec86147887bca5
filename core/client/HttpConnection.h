#pragma once

#include "Connection.h"
#include "ConnectionOptions.h"

#include <QtCore/QCborMap>
#include <QtCore/QJsonObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>
#include <QtCore/QTimer>
#include <QtNetwork/QSslConfiguration>

#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <vector>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace SurrealQt {

// A SurrealDB connection over HTTP: every call is one `POST /rpc` (CBOR by default, JSON when
// ConnectionOptions::format says so) on one QNetworkAccessManager, which keeps the TCP
// connections alive between calls.
//
// HTTP is stateless, so the session lives here, on the client: `use` stores ns/db (sent as
// Surreal-NS / Surreal-DB), `signin`/`signup` keep the returned token (sent as
// `Authorization: Bearer`), `authenticate` checks and keeps a token, `invalidate` forgets it,
// `let`/`unset` keep variables that are merged into every `query`. setBasicAuth() sends
// `Authorization: Basic` instead of a token. When the server refuses the token (HTTP 401 or an
// auth error) and the connection remembers the signin credentials, it signs in again once and
// repeats the call once (reauthenticated() tells).
//
// Live queries, interactive transactions (begin/commit/cancel) and sessions need a WebSocket:
// those calls fail at once with RpcError::Kind::Validation. transaction() runs a batch of
// statements all-or-nothing in one request instead. Timeouts are per call (CallOptions::timeout,
// else ConnectionOptions::callTimeout) and count time without any transfer. QFuture::cancel() on
// what call(), sql(), exportSql(), importSql() and transaction() return aborts the request (the
// typed helpers of Connection return continuation futures, whose cancel Qt < 6.7 does not pass
// on). The object lives in the thread that created it, like QNetworkAccessManager.
class SURREALQT_CORE_EXPORT HttpConnection : public Connection
{
    Q_OBJECT

public:
    explicit HttpConnection(ConnectionOptions options, QObject *parent = nullptr);
    ~HttpConnection() override;

    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    const ConnectionOptions &options() const { return m_options; }
    // The HTTP requests in flight.
    int pendingCount() const { return static_cast<int>(m_inFlight.size()); }

    QFuture<Result<QCborValue>> call(const QString &method,
                                     const QCborArray &params = {},
                                     const CallOptions &options = {}) override;

    // Client-side session state.
    const QString &namespaceName() const { return m_ns; }
    const QString &databaseName() const { return m_db; }
    const QCborMap &variables() const { return m_vars; }
    const QString &token() const { return m_token; }
    // Sends `Authorization: Basic` with these credentials on every request instead of a token
    // (a system user; `authNs`/`authDb` give its level through Surreal-Auth-NS/DB). Forgets
    // any token. The server checks the password on every request, which is slow by design.
    void setBasicAuth(const QString &user,
                      const QString &password,
                      const QString &authNs = {},
                      const QString &authDb = {});
    bool usesBasicAuth() const { return !m_basicUser.isEmpty(); }
    // How often an expired or refused token was replaced by signing in again.
    int reauthenticationCount() const { return m_reauthentications; }

    // POST /sql: raw SurrealQL; the variables (and those set with let()) travel as URL query
    // parameters, so the server sees every one of them as a string.
    QFuture<Result<QueryResponse>> sql(const QString &surql, const QCborMap &vars = {});
    // GET /health: true when the server says it is healthy, false when it answers otherwise.
    QFuture<Result<bool>> health();
    // GET /version: "surrealdb-X.Y.Z".
    QFuture<Result<QString>> serverVersion();
    // GET /export (POST with `options` when there are any: users, accesses, params, functions,
    // analyzers, tables, versions, records) of the current ns/db. Emits progress().
    QFuture<Result<QString>> exportSql(const QJsonObject &options = {});
    // POST /import of SurrealQL read from `source` as it is sent (never loaded whole). Opens the
    // device for reading when it is not open yet. Emits progress(). A failed import resolves
    // with the server's error text; the server does not roll back what it already applied.
    QFuture<Result<bool>> importSql(QIODevice *source);
    // Runs the statements (SurrealQL written by the caller; values go in `vars`) as one
    // BEGIN … COMMIT batch in one request: all are applied or none. Resolves with the
    // statements' results, or with the error of the statement that made the batch fail.
    QFuture<Result<QueryResponse>> transaction(const QStringList &statements,
                                               const QCborMap &vars = {});

Q_SIGNALS:
    // Bytes sent by importSql() or received by exportSql(); `total` is -1 when unknown.
    void progress(qint64 done, qint64 total);
    // The token was refused and a new one was obtained with the remembered credentials.
    void reauthenticated();

private:
    // What came back from one HTTP exchange.
    struct Outcome
    {
        RpcError transportError; // connection failure, timeout or cancel; None if the server answered
        int status = 0;
        QByteArray body;
        QByteArray contentType;
    };

    enum class Progress { None, Upload, Download };

    // One HTTP request, kept so that it can be sent again after signing in again.
    struct Exchange
    {
        QByteArray verb;
        QString path;
        QList<std::pair<QString, QString>> query;
        QByteArray contentType;
        QByteArray accept;
        QByteArray body;
        QPointer<QIODevice> device; // streamed body, instead of `body`
        bool streamed = false;
        qint64 deviceStart = 0;
        bool sendAuth = true;
        bool sendNsDb = true;
        Progress progress = Progress::None;
        bool mayReauthenticate = true;
        std::chrono::milliseconds timeout{0};
        QString what; // for error messages: "the query call", "the import"
        std::function<bool()> isCanceled;
        // Whether the outcome means the token was refused.
        std::function<bool(const Outcome &)> refused;
        std::function<void(const Outcome &)> done;
        quint64 authGeneration = 0;
    };

    struct InFlight
    {
        QPointer<QNetworkReply> reply;
        std::function<bool()> isCanceled;
        bool cancelled = false;
    };

    void startRpc(const QString &method,
                  const QCborArray &params,
                  std::chrono::milliseconds timeout,
                  std::function<bool()> isCanceled,
                  std::function<void(const Result<QCborValue> &)> done);
    void start(std::shared_ptr<Exchange> exchange);
    void finished(const std::shared_ptr<Exchange> &exchange, QNetworkReply *reply);
    void reauthenticate(std::function<void(bool)> then);
    QNetworkRequest request(const Exchange &exchange) const;
    QUrl urlFor(const QString &path) const;
    void sweep();
    Result<QCborValue> localCall(const QString &method, const QCborArray &params, bool *handled);
    void remember(const QString &method, const QCborArray &params, const QCborValue &result);
    QByteArray encodeRpc(qint64 id, const QString &method, const QCborArray &params) const;
    Result<QCborValue> decodeRpc(const Outcome &outcome, qint64 id, const QString &method) const;
    RpcError httpError(const Outcome &outcome, const QString &what) const;
    // The transport error, or the HTTP error of a status other than 2xx; None on success.
    RpcError failureOf(const Outcome &outcome, const QString &what) const;
    Result<QString> textResult(const Outcome &outcome, const QString &what, QString text) const;
    // An exchange about `what` that stops when `promise`'s future is cancelled and counts a 401
    // as a refused token.
    template<typename T>
    static std::shared_ptr<Exchange> exchangeFor(const std::shared_ptr<QPromise<T>> &promise,
                                                 QString what);
    // A GET of a public endpoint: no credentials, namespace or database, no signing in again.
    template<typename T>
    static std::shared_ptr<Exchange> publicGet(const std::shared_ptr<QPromise<T>> &promise,
                                               QString path,
                                               QString what);
    QCborMap mergedVars(const QCborMap &vars) const;

    ConnectionOptions m_options;
    QSslConfiguration m_tls; // for https://: the defaults plus caCertificateFile
    QString m_tlsError;      // why caCertificateFile could not be read; every call fails with it
    QNetworkAccessManager *m_network = nullptr;
    qint64 m_nextId = 1;
    QString m_ns;
    QString m_db;
    QCborMap m_vars;
    QString m_token;
    QCborMap m_signinParams; // the last successful signin, to sign in again when the token expires
    QString m_basicUser;
    QString m_basicPassword;
    QString m_basicNs;
    QString m_basicDb;
    quint64 m_authGeneration = 0; // bumped whenever the credentials sent change
    int m_reauthentications = 0;
    bool m_reauthenticating = false;
    bool m_closing = false;
    std::vector<std::function<void(bool)>> m_reauthWaiters;
    std::list<InFlight> m_inFlight;
    QTimer m_sweepTimer;
};

} // namespace SurrealQt

#include "connections/SandboxController.h"

#include <surrealqt/client/DevServerProcess.h>
#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QDir>
#include <QtCore/QFile>

using namespace Qt::StringLiterals;

namespace SurrealQt {

SandboxController::SandboxController(QObject *parent)
    : SandboxController(Options(), parent)
{}

SandboxController::SandboxController(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new DevServerProcess(this))
{
    m_server->setStorage(options.storage);
    m_server->setPort(options.port);
    m_server->setSurrealBinary(options.surrealBinary);
    m_server->setCredentials(options.user, options.password);

    connect(m_server, &DevServerProcess::logLine, this, &SandboxController::logLine);
    connect(m_server, &DevServerProcess::ready, this, [this] {
        setState(State::Ready);
        Q_EMIT ready(rpcUrl());
        connectAndLoadDemo();
    });
    connect(m_server, &DevServerProcess::failed, this, &SandboxController::fail);
    connect(m_server, &DevServerProcess::stopped, this, [this] {
        delete m_connection;
        m_connection = nullptr;
        m_databaseReady = false;
        if (m_state != State::Failed)
            setState(State::Stopped);
        Q_EMIT stopped();
    });
}

SandboxController::~SandboxController() = default;

QString SandboxController::demoNamespace()
{
    return u"demo"_s;
}

QString SandboxController::demoDatabase()
{
    return u"demo"_s;
}

WebSocketConnection *SandboxController::connection() const
{
    return m_databaseReady ? m_connection : nullptr;
}

void SandboxController::fail(const QString &message)
{
    m_error = message;
    setState(State::Failed);
    Q_EMIT failed(message);
}

template<typename T>
bool SandboxController::succeeded(const Result<T> &result, const QString &step)
{
    if (result)
        return true;
    fail(tr("%1: %2").arg(step, result.error().message()));
    return false;
}

// Signs in, and on an empty database loads resources/demo/demo.surql, so that a first start
// shows real tables, links and graph edges at once.
void SandboxController::connectAndLoadDemo()
{
    ConnectionOptions options;
    options.endpoint = rpcUrl();
    delete m_connection;
    m_connection = new WebSocketConnection(options, this);
    WebSocketConnection *connection = m_connection;
    connection->open().then(this, [=, this](const Result<bool> &opened) {
        if (!succeeded(opened, tr("cannot connect to the sandbox")))
            return;
        // One step after the other: the server runs a socket's requests concurrently.
        connection->signin(Credentials::root(m_server->user(), m_server->password()))
            .then(this, [=, this](const Result<QString> &signedIn) {
                if (succeeded(signedIn, tr("cannot sign in to the sandbox")))
                    useDemo(connection);
            });
    });
}

void SandboxController::useDemo(WebSocketConnection *connection)
{
    connection->use(m_options.ns, m_options.db).then(this, [=, this](const Result<QCborValue> &used) {
        if (!succeeded(used, tr("cannot use the demo database")))
            return;
        connection->query(u"INFO FOR DB"_s).then(this, [=, this](const Result<QueryResponse> &info) {
            if (!succeeded(info, tr("cannot read the sandbox's schema")))
                return;
            const bool empty = info->value(0).toMap().value("tables"_L1).toMap().isEmpty();
            QFile script(u":/demo/demo.surql"_s);
            if (!empty || !script.open(QIODevice::ReadOnly)) {
                m_databaseReady = true;
                Q_EMIT databaseReady(connection);
                return;
            }
            Q_EMIT logLine(
                tr("Loading the demo schema and data into %1/%2…").arg(m_options.ns, m_options.db));
            connection->query(QString::fromUtf8(script.readAll()))
                .then(this, [=, this](const Result<QueryResponse> &loaded) {
                    if (!succeeded(loaded, tr("cannot load the demo")))
                        return;
                    if (const RpcError error = loaded->firstError(); error.isError()) {
                        fail(tr("the demo schema failed: %1").arg(error.message()));
                        return;
                    }
                    Q_EMIT logLine(
                        tr("Demo loaded: %n statement(s).", nullptr, int(loaded->size())));
                    m_databaseReady = true;
                    Q_EMIT databaseReady(connection);
                });
        });
    });
}

SandboxController::State SandboxController::state() const
{
    return m_state;
}

DevServerProcess *SandboxController::server() const
{
    return m_server;
}

QUrl SandboxController::rpcUrl() const
{
    return m_server->rpcUrl();
}

QUrl SandboxController::httpUrl() const
{
    return m_server->url();
}

QString SandboxController::storageDescription() const
{
    const QString storage = m_server->storage();
    if (storage == "memory"_L1)
        return tr("In memory");
    if (storage.startsWith("surrealkv://"_L1))
        return tr("SurrealKV in %1").arg(QDir::toNativeSeparators(storage.mid(12)));
    return storage;
}

QString SandboxController::user() const
{
    return m_server->user();
}

QString SandboxController::errorString() const
{
    return m_error;
}

QString SandboxController::statusText() const
{
    switch (m_state) {
    case State::Disabled:
        return tr("Sandbox disabled");
    case State::Starting:
        return tr("Starting sandbox…");
    case State::Ready:
        return m_databaseReady
                   ? tr("Sandbox ready at %1, demo database loaded").arg(rpcUrl().toDisplayString())
                   : tr("Sandbox ready at %1").arg(rpcUrl().toDisplayString());
    case State::Stopping:
        return tr("Stopping sandbox…");
    case State::Stopped:
        return tr("Sandbox stopped");
    case State::Failed:
        return tr("Sandbox failed: %1").arg(m_error);
    }
    return {};
}

void SandboxController::start()
{
    if (m_state == State::Starting || m_state == State::Ready || m_state == State::Stopping)
        return;
    m_error.clear();
    setState(State::Starting);
    m_server->start();
    if (!m_server->program().isEmpty()) {
        QStringList shown = m_server->arguments();
        const qsizetype passIndex = shown.indexOf("--pass"_L1);
        if (passIndex >= 0 && passIndex + 1 < shown.size())
            shown[passIndex + 1] = u"****"_s;
        Q_EMIT logLine(tr("Starting the sandbox: %1 %2")
                           .arg(QDir::toNativeSeparators(m_server->program()), shown.join(u' ')));
    }
}

void SandboxController::stop()
{
    if (m_state != State::Starting && m_state != State::Ready && !m_server->isRunning())
        return;
    setState(State::Stopping);
    m_server->stop();
    if (!m_server->isRunning() && m_state == State::Stopping)
        setState(State::Stopped);
}

void SandboxController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace SurrealQt

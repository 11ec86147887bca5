#include "connections/ProfileSession.h"

#include "connections/SandboxController.h"
#include "profiles/ProfileStore.h"

#include <surrealqt/client/DevServerProcess.h>
#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QDir>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr std::chrono::seconds CallTimeout{15};
} // namespace

ProfileSession::ProfileSession(ProfileStore *store, QString profileId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_id(std::move(profileId))
{}

ProfileSession::~ProfileSession() = default;

WebSocketConnection *ProfileSession::connection() const
{
    if (!m_connected)
        return nullptr;
    return m_sandbox ? m_sandbox->connection() : m_connection.data();
}

QString ProfileSession::namespaceName() const
{
    return m_sandbox ? m_sandbox->namespaceName() : m_profile.ns;
}

QString ProfileSession::databaseName() const
{
    return m_sandbox ? m_sandbox->databaseName() : m_profile.db;
}

QString ProfileSession::addressText() const
{
    if (m_sandbox)
        return m_sandbox->rpcUrl().toDisplayString();
    return m_profile.url.toDisplayString();
}

void ProfileSession::open()
{
    if (m_connected || m_sandbox || m_connection)
        return;
    // The secret comes from the keychain, which may take a while (or ask the user).
    m_store->load(m_id).then(this, [this](const ConnectionProfile &profile) { start(profile); });
}

void ProfileSession::start(const ConnectionProfile &profile)
{
    m_profile = profile;
    if (m_profile.id.isEmpty() || m_profile.name.isEmpty()) {
        fail(tr("The connection profile %1 no longer exists.").arg(m_id));
        return;
    }
    if (m_profile.sandbox != ConnectionProfile::SandboxServer::None) {
        startSandbox(m_profile);
    } else {
        connectToServer(m_profile);
    }
}

// The profile's own local server: its storage, port and program, its user and secret as the
// server's root credentials, its namespace and database for the demo.
void ProfileSession::startSandbox(const ConnectionProfile &profile)
{
    SandboxController::Options options;
    if (profile.storage == ConnectionProfile::Storage::SurrealKv) {
        if (profile.storagePath.isEmpty()) {
            fail(tr("%1: choose a folder for the SurrealKV storage.").arg(profile.name));
            return;
        }
        options.storage = u"surrealkv://"_s + QDir(profile.storagePath).absolutePath();
    }
    options.port = quint16(qBound(0, profile.port, 65535));
    if (profile.sandbox == ConnectionProfile::SandboxServer::SurrealBinary) {
        options.surrealBinary = profile.surrealBinary.isEmpty()
                                    ? qEnvironmentVariable("SURREAL_BIN")
                                    : profile.surrealBinary;
        if (options.surrealBinary.isEmpty()) {
            fail(
                tr("%1: no `surreal` program is set (and SURREAL_BIN is empty).").arg(profile.name));
            return;
        }
    }
    if (!profile.user.isEmpty())
        options.user = profile.user;
    if (!profile.secret.isEmpty())
        options.password = profile.secret;
    if (!profile.ns.isEmpty())
        options.ns = profile.ns;
    if (!profile.db.isEmpty())
        options.db = profile.db;
    m_profile.secret.clear();

    m_sandbox = new SandboxController(options, this);
    connect(m_sandbox, &SandboxController::logLine, this, &ProfileSession::logLine);
    connect(m_sandbox, &SandboxController::databaseReady, this, &ProfileSession::succeed);
    connect(m_sandbox, &SandboxController::failed, this, [this](const QString &message) {
        fail(tr("%1: %2").arg(m_profile.name, message));
    });
    connect(m_sandbox, &SandboxController::stopped, this, [this] {
        m_connected = false;
        Q_EMIT closed();
    });
    m_sandbox->start();
}

void ProfileSession::connectToServer(const ConnectionProfile &profile)
{
    if (!profile.url.isValid() || profile.url.host().isEmpty()) {
        fail(tr("%1: the profile has no server URL.").arg(profile.name));
        return;
    }
    ConnectionOptions options;
    options.endpoint = profile.url;
    options.callTimeout = CallTimeout;
    m_connection = new WebSocketConnection(options, this);
    Q_EMIT logLine(tr("Connecting to %1 (%2)…").arg(profile.name, profile.url.toDisplayString()));
    m_connection->open().then(this, [this](const Result<bool> &opened) {
        if (!opened) {
            fail(tr("%1: cannot connect: %2").arg(m_profile.name, opened.error().message()));
            return;
        }
        authenticate();
    });
}

void ProfileSession::authenticate()
{
    using Auth = ConnectionProfile::Auth;
    const auto next = [this](const RpcError *error) {
        m_profile.secret.clear();
        if (error) {
            fail(tr("%1: cannot sign in: %2").arg(m_profile.name, error->message()));
            return;
        }
        useDatabase();
    };
    if (m_profile.auth == Auth::Anonymous) {
        next(nullptr);
        return;
    }
    if (m_profile.auth == Auth::Token) {
        m_connection->authenticate(m_profile.secret)
            .then(this, [next](const Result<QCborValue> &result) {
                next(result ? nullptr : &result.error());
            });
        return;
    }
    QString problem;
    const Credentials credentials = m_profile.credentials(&problem);
    if (!problem.isEmpty()) {
        fail(tr("%1: %2").arg(m_profile.name, problem));
        return;
    }
    m_connection->signin(credentials).then(this, [next](const Result<QString> &result) {
        next(result ? nullptr : &result.error());
    });
}

void ProfileSession::useDatabase()
{
    if (m_profile.ns.isEmpty() && m_profile.db.isEmpty()) {
        succeed();
        return;
    }
    m_connection->use(m_profile.ns, m_profile.db).then(this, [this](const Result<QCborValue> &used) {
        if (!used) {
            fail(tr("%1: cannot use %2 / %3: %4")
                     .arg(m_profile.name, m_profile.ns, m_profile.db, used.error().message()));
            return;
        }
        succeed();
    });
}

void ProfileSession::succeed()
{
    m_connected = true;
    Q_EMIT logLine(tr("Connected to %1 (%2).").arg(m_profile.name, addressText()));
    Q_EMIT connected(connection());
}

void ProfileSession::fail(const QString &message)
{
    m_connected = false;
    if (m_connection) {
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    if (m_sandbox)
        m_sandbox->stop();
    Q_EMIT logLine(message);
    Q_EMIT failed(message);
}

void ProfileSession::close()
{
    m_connected = false;
    if (m_sandbox && m_sandbox->state() != SandboxController::State::Stopped) {
        m_sandbox->stop();
        if (m_sandbox->state() != SandboxController::State::Stopped)
            return; // closed() follows stopped()
    }
    if (m_connection) {
        m_connection->deleteLater();
        m_connection = nullptr;
    }
    Q_EMIT closed();
}

} // namespace SurrealQt

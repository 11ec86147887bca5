#pragma once

#include "profiles/ConnectionProfile.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace SurrealQt {

class ProfileStore;
class RpcError;
class SandboxController;
class WebSocketConnection;

// One saved profile, opened: reads its secret from the SecretStore (asynchronously), then either
// starts the profile's own sandbox (SandboxController with its storage, port and server) or
// connects to its URL, signs in and uses its namespace and database. connected() or failed()
// follows open(); nothing blocks the calling thread.
class ProfileSession : public QObject
{
    Q_OBJECT

public:
    ProfileSession(ProfileStore *store, QString profileId, QObject *parent = nullptr);
    ~ProfileSession() override;

    ProfileSession(const ProfileSession &) = delete;
    ProfileSession &operator=(const ProfileSession &) = delete;

    QString profileId() const { return m_id; }
    // The profile as loaded by open() (its secret cleared once used).
    const ConnectionProfile &profile() const { return m_profile; }
    // Signed in and using the profile's database; null until connected().
    WebSocketConnection *connection() const;
    // The profile's own sandbox, or null.
    SandboxController *sandbox() const { return m_sandbox; }
    QString namespaceName() const;
    QString databaseName() const;
    // Where the connection goes, for the explorer.
    QString addressText() const;

public Q_SLOTS:
    void open();
    // Closes the connection and stops the sandbox; closed() follows.
    void close();

Q_SIGNALS:
    void connected(SurrealQt::WebSocketConnection *connection);
    void failed(const QString &message);
    void closed();
    void logLine(const QString &line);

private:
    void start(const ConnectionProfile &profile);
    void startSandbox(const ConnectionProfile &profile);
    void connectToServer(const ConnectionProfile &profile);
    void authenticate();
    void useDatabase();
    void fail(const QString &message);
    void succeed();

    ProfileStore *m_store = nullptr;
    QString m_id;
    ConnectionProfile m_profile;
    QPointer<SandboxController> m_sandbox;
    QPointer<WebSocketConnection> m_connection;
    bool m_connected = false;
};

} // namespace SurrealQt

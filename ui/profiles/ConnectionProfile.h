#pragma once

#include <surrealqt/client/Credentials.h>

#include <QtCore/QCborMap>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QUrl>

class QSettings;

namespace SurrealQt {

// A saved connection: where, which namespace and database, how to sign in, and optionally a
// local sandbox to start first. The secret (password, token or record-access variables) is not
// part of what settings store: ProfileStore keeps it in a SecretStore.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)

public:
    enum class Auth { Root, Namespace, Database, Record, Token, Anonymous };
    enum class SandboxServer { None, DevServer, SurrealBinary };
    enum class Storage { Memory, SurrealKv };

    QString id; // a uuid, the settings group and the keychain key
    QString name;
    QUrl url;
    QString ns;
    QString db;
    Auth auth = Auth::Root;
    QString user;
    QString access; // record access name
    // The secret: the password (root, namespace, database), the token, or the record access's
    // variables as JSON ({"email": …, "pass": …}).
    QString secret;

    SandboxServer sandbox = SandboxServer::None;
    QString surrealBinary; // SurrealBinary: the `surreal` program ($SURREAL_BIN by default)
    Storage storage = Storage::Memory;
    QString storagePath; // SurrealKv: the folder
    int port = 0;        // 0: a free port

    // The credentials for signin; an error message when the secret does not fit the mode.
    Credentials credentials(QString *error = nullptr) const;
    // Writes everything but the secret under the settings' current group.
    void save(QSettings &settings) const;
    static ConnectionProfile load(QSettings &settings, const QString &id);

    static QString authName(Auth auth);
};

} // namespace SurrealQt

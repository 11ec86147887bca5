#pragma once

#include "profiles/ConnectionProfile.h"

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QStringList>

namespace SurrealQt {

class SecretStore;

// The saved connection profiles: everything but the secret in QSettings (group "profiles"),
// the secret in a SecretStore under "profile/<id>".
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // An empty settings path means the application's QSettings.
    ProfileStore(SecretStore *secrets, QString settingsPath = {}, QObject *parent = nullptr);

    QStringList ids() const;
    // The profile without its secret (see readSecret()).
    ConnectionProfile profile(const QString &id) const;
    // Saves the profile (a new id when it has none) and its secret; resolves with an error
    // message, empty on success.
    QFuture<QString> save(ConnectionProfile &profile);
    // The profile with its secret.
    QFuture<ConnectionProfile> load(const QString &id);
    QFuture<QString> remove(const QString &id);

    static QString secretKey(const QString &id);

private:
    SecretStore *m_secrets;
    QString m_settingsPath;
};

} // namespace SurrealQt

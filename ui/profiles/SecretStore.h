#pragma once

#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace SurrealQt {

// Where connection secrets (passwords, tokens, record-access variables) live: the OS keychain,
// never plain settings. Asynchronous, because a keychain may ask the user.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        QString value; // read(): the secret; empty when there is none
        QString error;
    };

    using QObject::QObject;

    virtual QFuture<Outcome> read(const QString &key) = 0;
    virtual QFuture<Outcome> write(const QString &key, const QString &secret) = 0;
    virtual QFuture<Outcome> remove(const QString &key) = 0;
};

// For tests: the secrets stay in this object's memory.
class InMemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    QFuture<Outcome> read(const QString &key) override;
    QFuture<Outcome> write(const QString &key, const QString &secret) override;
    QFuture<Outcome> remove(const QString &key) override;
    const QHash<QString, QString> &secrets() const { return m_secrets; }

private:
    QHash<QString, QString> m_secrets;
};

// The OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Store).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);

    QFuture<Outcome> read(const QString &key) override;
    QFuture<Outcome> write(const QString &key, const QString &secret) override;
    QFuture<Outcome> remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace SurrealQt

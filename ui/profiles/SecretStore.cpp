#include "profiles/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QtCore/QPromise>

#include <memory>

namespace SurrealQt {

namespace {
QFuture<SecretStore::Outcome> ready(SecretStore::Outcome outcome)
{
    QPromise<SecretStore::Outcome> promise;
    promise.start();
    promise.addResult(std::move(outcome));
    promise.finish();
    return promise.future();
}

// Runs a QtKeychain job and resolves with its outcome; the job deletes itself when done.
QFuture<SecretStore::Outcome> run(QKeychain::Job *job, bool readsSecret)
{
    auto promise = std::make_shared<QPromise<SecretStore::Outcome>>();
    promise->start();
    QFuture<SecretStore::Outcome> future = promise->future();
    QObject::connect(job,
                     &QKeychain::Job::finished,
                     job,
                     [promise, readsSecret](QKeychain::Job *done) {
                         SecretStore::Outcome outcome;
                         if (done->error() == QKeychain::NoError) {
                             outcome.ok = true;
                             if (readsSecret) {
                                 outcome.value
                                     = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                             }
                         } else if (done->error() == QKeychain::EntryNotFound) {
                             outcome.ok = true; // no secret is not a failure
                         } else {
                             outcome.error = done->errorString();
                         }
                         promise->addResult(outcome);
                         promise->finish();
                     });
    job->setAutoDelete(true);
    job->start();
    return future;
}
} // namespace

QFuture<SecretStore::Outcome> InMemorySecretStore::read(const QString &key)
{
    return ready({true, m_secrets.value(key), {}});
}

QFuture<SecretStore::Outcome> InMemorySecretStore::write(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    return ready({true, {}, {}});
}

QFuture<SecretStore::Outcome> InMemorySecretStore::remove(const QString &key)
{
    m_secrets.remove(key);
    return ready({true, {}, {}});
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

QFuture<SecretStore::Outcome> KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    return run(job, true);
}

QFuture<SecretStore::Outcome> KeychainSecretStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    return run(job, false);
}

QFuture<SecretStore::Outcome> KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    return run(job, false);
}

} // namespace SurrealQt

#include "profiles/ProfileStore.h"

#include "profiles/SecretStore.h"

#include <QtCore/QSettings>
#include <QtCore/QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr auto Group = "profiles"_L1;

std::unique_ptr<QSettings> openSettings(const QString &path)
{
    auto settings = path.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(path, QSettings::IniFormat);
    settings->beginGroup(Group);
    return settings;
}
} // namespace

ProfileStore::ProfileStore(SecretStore *secrets, QString settingsPath, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_settingsPath(std::move(settingsPath))
{}

QString ProfileStore::secretKey(const QString &id)
{
    return u"profile/"_s + id;
}

QStringList ProfileStore::ids() const
{
    return openSettings(m_settingsPath)->childGroups();
}

ConnectionProfile ProfileStore::profile(const QString &id) const
{
    const auto settings = openSettings(m_settingsPath);
    return ConnectionProfile::load(*settings, id);
}

QFuture<QString> ProfileStore::save(ConnectionProfile &profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        const auto settings = openSettings(m_settingsPath);
        profile.save(*settings);
        settings->sync();
    }
    const QString key = secretKey(profile.id);
    const auto done = [](const SecretStore::Outcome &outcome) { return outcome.error; };
    if (profile.secret.isEmpty())
        return m_secrets->remove(key).then(this, done);
    return m_secrets->write(key, profile.secret).then(this, done);
}

QFuture<ConnectionProfile> ProfileStore::load(const QString &id)
{
    ConnectionProfile stored = profile(id);
    return m_secrets->read(secretKey(id))
        .then(this, [stored](const SecretStore::Outcome &outcome) mutable {
            stored.secret = outcome.value;
            return stored;
        });
}

QFuture<QString> ProfileStore::remove(const QString &id)
{
    {
        const auto settings = openSettings(m_settingsPath);
        settings->remove(id);
    }
    return m_secrets->remove(secretKey(id)).then(this, [](const SecretStore::Outcome &outcome) {
        return outcome.error;
    });
}

} // namespace SurrealQt

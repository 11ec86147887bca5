#include "profiles/ConnectionProfile.h"

#include <QtCore/QCborValue>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

namespace SurrealQt {

Credentials ConnectionProfile::credentials(QString *error) const
{
    switch (auth) {
    case Auth::Root:
        return Credentials::root(user, secret);
    case Auth::Namespace:
        return Credentials::ns(ns, user, secret);
    case Auth::Database:
        return Credentials::database(ns, db, user, secret);
    case Auth::Record: {
        QJsonParseError parse;
        const QJsonDocument json = QJsonDocument::fromJson(secret.toUtf8(), &parse);
        if (!secret.isEmpty() && !json.isObject()) {
            if (error) {
                *error = tr("The record access variables must be a JSON object: %1")
                             .arg(parse.errorString());
            }
            return {};
        }
        return Credentials::record(ns, db, access, QCborMap::fromJsonObject(json.object()));
    }
    case Auth::Token:
        return Credentials::token(secret);
    case Auth::Anonymous:
        return {};
    }
    return {};
}

void ConnectionProfile::save(QSettings &settings) const
{
    settings.beginGroup(id);
    settings.setValue("name"_L1, name);
    settings.setValue("url"_L1, url.toString());
    settings.setValue("namespace"_L1, ns);
    settings.setValue("database"_L1, db);
    settings.setValue("auth"_L1, int(auth));
    settings.setValue("user"_L1, user);
    settings.setValue("access"_L1, access);
    settings.setValue("sandbox"_L1, int(sandbox));
    settings.setValue("surrealBinary"_L1, surrealBinary);
    settings.setValue("storage"_L1, int(storage));
    settings.setValue("storagePath"_L1, storagePath);
    settings.setValue("port"_L1, port);
    settings.endGroup();
}

ConnectionProfile ConnectionProfile::load(QSettings &settings, const QString &id)
{
    ConnectionProfile profile;
    settings.beginGroup(id);
    profile.id = id;
    profile.name = settings.value("name"_L1).toString();
    profile.url = QUrl(settings.value("url"_L1).toString());
    profile.ns = settings.value("namespace"_L1).toString();
    profile.db = settings.value("database"_L1).toString();
    profile.auth = Auth(settings.value("auth"_L1, int(Auth::Root)).toInt());
    profile.user = settings.value("user"_L1).toString();
    profile.access = settings.value("access"_L1).toString();
    profile.sandbox = SandboxServer(settings.value("sandbox"_L1, 0).toInt());
    profile.surrealBinary = settings.value("surrealBinary"_L1).toString();
    profile.storage = Storage(settings.value("storage"_L1, 0).toInt());
    profile.storagePath = settings.value("storagePath"_L1).toString();
    profile.port = settings.value("port"_L1, 0).toInt();
    settings.endGroup();
    return profile;
}

QString ConnectionProfile::authName(Auth auth)
{
    switch (auth) {
    case Auth::Root:
        return tr("Root user");
    case Auth::Namespace:
        return tr("Namespace user");
    case Auth::Database:
        return tr("Database user");
    case Auth::Record:
        return tr("Record access");
    case Auth::Token:
        return tr("Token");
    case Auth::Anonymous:
        return tr("Anonymous");
    }
    return {};
}

} // namespace SurrealQt

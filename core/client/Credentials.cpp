#include "Credentials.h"

namespace SurrealQt {

Credentials Credentials::root(const QString &user, const QString &password)
{
    Credentials c;
    c.m_level = Level::Root;
    c.m_user = user;
    c.m_password = password;
    return c;
}

Credentials Credentials::ns(const QString &ns, const QString &user, const QString &password)
{
    Credentials c = root(user, password);
    c.m_level = Level::Namespace;
    c.m_ns = ns;
    return c;
}

Credentials Credentials::database(const QString &ns,
                                  const QString &db,
                                  const QString &user,
                                  const QString &password)
{
    Credentials c = Credentials::ns(ns, user, password);
    c.m_level = Level::Database;
    c.m_db = db;
    return c;
}

Credentials Credentials::record(const QString &ns,
                                const QString &db,
                                const QString &access,
                                const QCborMap &variables)
{
    Credentials c;
    c.m_level = Level::Record;
    c.m_ns = ns;
    c.m_db = db;
    c.m_access = access;
    c.m_variables = variables;
    return c;
}

Credentials Credentials::token(const QString &token)
{
    Credentials c;
    c.m_level = Level::Token;
    c.m_token = token;
    return c;
}

QCborMap Credentials::toSigninParams() const
{
    QCborMap params = m_variables;
    if (!m_ns.isEmpty())
        params.insert(QLatin1String("NS"), m_ns);
    if (!m_db.isEmpty())
        params.insert(QLatin1String("DB"), m_db);
    if (!m_access.isEmpty())
        params.insert(QLatin1String("AC"), m_access);
    if (m_level == Level::Root || m_level == Level::Namespace || m_level == Level::Database) {
        params.insert(QLatin1String("user"), m_user);
        params.insert(QLatin1String("pass"), m_password);
    }
    return params;
}

} // namespace SurrealQt

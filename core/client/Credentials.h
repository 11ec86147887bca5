#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QString>

namespace SurrealQt {

// Who signs in, at which level: root, namespace or database users, a record access with its
// variables, or a token from an earlier signin.
class SURREALQT_CORE_EXPORT Credentials
{
public:
    enum class Level { Anonymous, Root, Namespace, Database, Record, Token };

    Credentials() = default;
    static Credentials root(const QString &user, const QString &password);
    static Credentials ns(const QString &ns, const QString &user, const QString &password);
    static Credentials database(const QString &ns,
                                const QString &db,
                                const QString &user,
                                const QString &password);
    // Record access (DEFINE ACCESS … TYPE RECORD): `variables` are what its SIGNIN or SIGNUP uses.
    static Credentials record(const QString &ns,
                              const QString &db,
                              const QString &access,
                              const QCborMap &variables);
    static Credentials token(const QString &token);

    Level level() const { return m_level; }
    const QString &user() const { return m_user; }
    const QString &password() const { return m_password; }
    const QString &tokenText() const { return m_token; }
    const QString &namespaceName() const { return m_ns; }
    const QString &databaseName() const { return m_db; }

    // The parameter object of `signin`/`signup`: {NS, DB, AC, user, pass, …variables}.
    QCborMap toSigninParams() const;

private:
    Level m_level = Level::Anonymous;
    QString m_user;
    QString m_password;
    QString m_ns;
    QString m_db;
    QString m_access;
    QString m_token;
    QCborMap m_variables;
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/client/ConnectionOptions.h>
#include <surrealqt/client/Credentials.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// The connection options every command shares, with the seed CLI's environment variables
// (SURREAL_URL, SURREAL_NAMESPACE, SURREAL_DATABASE, SURREAL_USER, SURREAL_PASSWORD) as defaults.
class SURREALQT_CORE_EXPORT ConnectionArguments
{
public:
    void addTo(QCommandLineParser &parser);
    // Reads the parsed values; returns an error message when they do not fit together.
    std::optional<QString> read(const QCommandLineParser &parser);

    ConnectionOptions options() const { return m_options; }
    Credentials credentials() const { return m_credentials; }
    const QString &ns() const { return m_ns; }
    const QString &db() const { return m_db; }

private:
    QCommandLineOption m_endpointOption{QStringList{QStringLiteral("e"), QStringLiteral("endpoint")},
                                        QStringLiteral(
                                            "Server address: ws://, wss://, http:// or https:// "
                                            "(default $SURREAL_URL or ws://127.0.0.1:8000)."),
                                        QStringLiteral("url")};
    QCommandLineOption m_userOption{QStringList{QStringLiteral("u"), QStringLiteral("user")},
                                    QStringLiteral("Root user (default $SURREAL_USER)."),
                                    QStringLiteral("user")};
    QCommandLineOption m_passOption{QStringList{QStringLiteral("p"), QStringLiteral("pass")},
                                    QStringLiteral("Password (default $SURREAL_PASSWORD)."),
                                    QStringLiteral("password")};
    QCommandLineOption m_tokenOption{QStringLiteral("token"),
                                     QStringLiteral(
                                         "Authenticate with this token instead of a user."),
                                     QStringLiteral("jwt")};
    QCommandLineOption m_nsOption{QStringLiteral("ns"),
                                  QStringLiteral("Namespace (default $SURREAL_NAMESPACE)."),
                                  QStringLiteral("name")};
    QCommandLineOption m_dbOption{QStringLiteral("db"),
                                  QStringLiteral("Database (default $SURREAL_DATABASE)."),
                                  QStringLiteral("name")};
    ConnectionOptions m_options;
    Credentials m_credentials;
    QString m_ns;
    QString m_db;
};

} // namespace SurrealQt

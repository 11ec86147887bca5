#include "ConnectionArguments.h"

#include <QtCore/QUrl>

namespace SurrealQt::Cli {

namespace {

QString valueOrEnvironment(const QCommandLineParser &parser, const QCommandLineOption &option,
                           const char *variable, const QString &fallback = {})
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString fromEnvironment = qEnvironmentVariable(variable);
    return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
}

} // namespace

void ConnectionArguments::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_endpoint, m_user, m_pass, m_token, m_ns, m_db});
}

std::optional<QString> ConnectionArguments::read(const QCommandLineParser &parser)
{
    const QUrl endpoint(valueOrEnvironment(parser, m_endpoint, "SURREAL_URL",
                                           QStringLiteral("ws://127.0.0.1:8000")));
    static const QStringList schemes{QStringLiteral("ws"), QStringLiteral("wss"),
                                     QStringLiteral("http"), QStringLiteral("https")};
    if (!endpoint.isValid() || !schemes.contains(endpoint.scheme()) || endpoint.host().isEmpty())
        return QStringLiteral("'%1' is not a ws://, wss://, http:// or https:// address")
            .arg(endpoint.toString());
    m_options.endpoint = endpoint;
    m_options.reconnect.enabled = false; // a command fails fast; it does not wait for a server

    const QString user = valueOrEnvironment(parser, m_user, "SURREAL_USER");
    const QString pass = valueOrEnvironment(parser, m_pass, "SURREAL_PASSWORD");
    if (parser.isSet(m_token)) {
        if (parser.isSet(m_user) || parser.isSet(m_pass))
            return QStringLiteral("--token and --user/--pass exclude each other");
        m_credentials = Credentials::token(parser.value(m_token));
    } else if (!user.isEmpty()) {
        if (pass.isNull())
            return QStringLiteral("--user needs --pass (or $SURREAL_PASSWORD)");
        m_credentials = Credentials::root(user, pass);
    }
    m_ns = valueOrEnvironment(parser, m_ns, "SURREAL_NAMESPACE");
    m_db = valueOrEnvironment(parser, m_db, "SURREAL_DATABASE");
    if (!m_db.isEmpty() && m_ns.isEmpty())
        return QStringLiteral("--db needs --ns");
    return std::nullopt;
}

} // namespace SurrealQt::Cli

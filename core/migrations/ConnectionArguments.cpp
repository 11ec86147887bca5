#include "ConnectionArguments.h"

#include <QtCore/QUrl>

namespace SurrealQt {

namespace {

QString valueOrEnvironment(const QCommandLineParser &parser,
                           const QCommandLineOption &option,
                           const char *variable,
                           const QString &fallback = {})
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString fromEnvironment = qEnvironmentVariable(variable);
    return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
}

} // namespace

void ConnectionArguments::addTo(QCommandLineParser &parser)
{
    parser.addOptions(
        {m_endpointOption, m_userOption, m_passOption, m_tokenOption, m_nsOption, m_dbOption});
}

std::optional<QString> ConnectionArguments::read(const QCommandLineParser &parser)
{
    const QUrl endpoint(valueOrEnvironment(parser,
                                           m_endpointOption,
                                           "SURREAL_URL",
                                           QStringLiteral("ws://127.0.0.1:8000")));
    static const QStringList schemes{QStringLiteral("ws"),
                                     QStringLiteral("wss"),
                                     QStringLiteral("http"),
                                     QStringLiteral("https")};
    if (!endpoint.isValid() || !schemes.contains(endpoint.scheme()) || endpoint.host().isEmpty())
        return QStringLiteral("'%1' is not a ws://, wss://, http:// or https:// address")
            .arg(endpoint.toString());
    m_options.endpoint = endpoint;
    m_options.reconnect.enabled = false; // a command fails fast; it does not wait for a server

    const QString user = valueOrEnvironment(parser, m_userOption, "SURREAL_USER");
    const QString pass = valueOrEnvironment(parser, m_passOption, "SURREAL_PASSWORD");
    if (parser.isSet(m_tokenOption)) {
        if (parser.isSet(m_userOption) || parser.isSet(m_passOption))
            return QStringLiteral("--token and --user/--pass exclude each other");
        m_credentials = Credentials::token(parser.value(m_tokenOption));
    } else if (!user.isEmpty()) {
        if (pass.isNull())
            return QStringLiteral("--user needs --pass (or $SURREAL_PASSWORD)");
        m_credentials = Credentials::root(user, pass);
    }
    m_ns = valueOrEnvironment(parser, m_nsOption, "SURREAL_NAMESPACE");
    m_db = valueOrEnvironment(parser, m_dbOption, "SURREAL_DATABASE");
    if (!m_db.isEmpty() && m_ns.isEmpty())
        return QStringLiteral("--db needs --ns");
    return std::nullopt;
}

} // namespace SurrealQt

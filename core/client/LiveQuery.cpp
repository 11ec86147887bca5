#include "LiveQuery.h"

#include "WebSocketConnection.h"

#include <array>
#include <utility>

namespace SurrealQt {

namespace {

constexpr std::array kActionNames = {
    std::pair{u"CREATE", LiveNotification::Action::Create},
    std::pair{u"UPDATE", LiveNotification::Action::Update},
    std::pair{u"DELETE", LiveNotification::Action::Delete},
    std::pair{u"KILLED", LiveNotification::Action::Killed},
};

} // namespace

LiveNotification::Action LiveNotification::actionFromName(QStringView name)
{
    for (const auto &[text, action] : kActionNames) {
        if (name == QStringView(text))
            return action;
    }
    return Action::Unknown;
}

QString LiveNotification::actionName(Action action)
{
    for (const auto &[text, known] : kActionNames) {
        if (known == action)
            return QStringView(text).toString();
    }
    return QStringLiteral("UNKNOWN");
}

LiveQuery::LiveQuery(WebSocketConnection *connection,
                     QString method,
                     QCborArray params,
                     CallOptions options,
                     bool diff)
    : QObject(connection)
    , m_connection(connection)
    , m_method(std::move(method))
    , m_params(std::move(params))
    , m_options(std::move(options))
    , m_diff(diff)
{}

LiveQuery::~LiveQuery()
{
    if (m_active && m_connection) {
        m_connection->forgetLive(m_id);
        if (m_connection->state() == WebSocketConnection::State::Connected)
            m_connection->kill(m_id, m_options);
    }
}

void LiveQuery::kill()
{
    if (!m_active)
        return;
    m_connection->kill(m_id, m_options);
    markKilled();
}

void LiveQuery::deliver(const LiveNotification &notification)
{
    ++m_received;
    if (notification.action == LiveNotification::Action::Killed) {
        markKilled();
        return;
    }
    Q_EMIT this->notification(notification);
}

void LiveQuery::markKilled()
{
    if (!m_active)
        return;
    m_active = false;
    m_connection->forgetLive(m_id);
    Q_EMIT killed();
}

} // namespace SurrealQt

#pragma once

#include "CallOptions.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborValue>
#include <QtCore/QObject>
#include <QtCore/QUuid>

namespace SurrealQt {

class WebSocketConnection;

// One live notification: what happened to which record. With diff mode on, `value` is a
// JSON-Patch array instead of the record.
struct SURREALQT_CORE_EXPORT LiveNotification
{
    enum class Action { Create, Update, Delete, Killed, Unknown };

    Action action = Action::Unknown;
    QUuid queryId;
    QCborValue record; // the record id
    QCborValue value;

    static Action actionFromName(QStringView name);
    // The wire name: "CREATE", "UPDATE", "DELETE", "KILLED" ("UNKNOWN" otherwise).
    static QString actionName(Action action);
};

// A LIVE SELECT subscription. It outlives reconnects: the connection subscribes again and this
// object carries on with the new server-side id, so views never need to re-wire signals.
class SURREALQT_CORE_EXPORT LiveQuery : public QObject
{
    Q_OBJECT

public:
    ~LiveQuery() override;

    // The server's current id for this subscription (changes after a reconnect).
    QUuid id() const { return m_id; }
    bool isActive() const { return m_active; }
    bool isDiff() const { return m_diff; }
    qint64 received() const { return m_received; }

    // Stops the subscription on the server; killed() follows.
    void kill();

Q_SIGNALS:
    void notification(const SurrealQt::LiveNotification &notification);
    // The subscription ended: killed by the client, by REMOVE TABLE, or unrecoverable after a
    // reconnect.
    void killed();
    void resubscribed(const QUuid &newId);

private:
    friend class WebSocketConnection;
    LiveQuery(WebSocketConnection *connection,
              QString method,
              QCborArray params,
              CallOptions options,
              bool diff);

    void deliver(const LiveNotification &notification);
    void markKilled();

    WebSocketConnection *m_connection;
    QString m_method; // "live" or "query" (a LIVE SELECT statement)
    QCborArray m_params;
    CallOptions m_options;
    QUuid m_id;
    bool m_diff = false;
    bool m_active = true;
    qint64 m_received = 0;
};

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::LiveNotification)

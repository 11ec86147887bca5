#include "ChangeFeedStream.h"

#include "Connection.h"

#include "../values/SurqlText_p.h"

#include <algorithm>

namespace SurrealQt {

namespace {

const QLatin1String kVersionstamp("versionstamp");
const QLatin1String kChanges("changes");

bool toVersionstamp(const QCborValue &value, quint64 *out)
{
    bool ok = false;
    if (value.isInteger() && value.toInteger() >= 0) {
        *out = quint64(value.toInteger());
        ok = true;
    } else if (value.isString()) {
        *out = value.toString().toULongLong(&ok);
    } else if (value.isDouble() && value.toDouble() >= 0) {
        *out = quint64(value.toDouble());
        ok = true;
    }
    return ok;
}

// Whether INFO FOR DB STRUCTURE lists the table, and with a change feed.
enum class TableFeed { Missing, Without, With };

TableFeed tableFeed(const QCborValue &info, const QString &table)
{
    for (const QCborValue &entry : info.toMap().value(QLatin1String("tables")).toArray()) {
        const QCborMap definition = entry.toMap();
        if (definition.value(QLatin1String("name")).toString() != table)
            continue;
        const QCborValue feed = definition.value(QLatin1String("changefeed"));
        return feed.isMap() ? TableFeed::With : TableFeed::Without;
    }
    return TableFeed::Missing;
}

} // namespace

ChangeFeedStream::ChangeFeedStream(Connection *connection, QString table, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_table(std::move(table))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ChangeFeedStream::poll);
}

ChangeFeedStream::~ChangeFeedStream() = default;

QString ChangeFeedStream::statement(const QString &table, quint64 since, int limit)
{
    return QStringLiteral("SHOW CHANGES FOR TABLE %1 SINCE %2 LIMIT %3")
        .arg(SurqlText::escapeIdentifier(table))
        .arg(since)
        .arg(limit);
}

Result<QList<ChangeSet>> ChangeFeedStream::parse(const QCborValue &result)
{
    if (!result.isArray()) {
        return RpcError(RpcError::Kind::Protocol,
                        QStringLiteral("SHOW CHANGES did not return an array"));
    }
    QList<ChangeSet> sets;
    for (const QCborValue &entry : result.toArray()) {
        ChangeSet set;
        if (!toVersionstamp(entry.toMap().value(kVersionstamp), &set.versionstamp)) {
            return RpcError(RpcError::Kind::Protocol,
                            QStringLiteral("a change set has no valid versionstamp"));
        }
        set.changes = entry.toMap().value(kChanges).toArray();
        sets.append(set);
    }
    return sets;
}

void ChangeFeedStream::start()
{
    if (m_running)
        return;
    if (!m_connection) {
        fail(RpcError(RpcError::Kind::ConnectionLost, QStringLiteral("the connection is gone")));
        return;
    }
    m_running = true;
    m_busy = true;
    const quint64 generation = ++m_generation;
    Q_EMIT runningChanged(true);
    // Parameters cannot name the table in INFO, so read the whole structure and look for it.
    m_connection
        ->query(QStringLiteral("INFO FOR DB STRUCTURE; INFO FOR NS; RETURN session::db()"),
                {},
                m_options)
        .then(this, [this, generation](const Result<QueryResponse> &response) {
            if (generation == m_generation)
                validated(response);
        });
}

void ChangeFeedStream::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_busy = false;
    ++m_generation;
    m_timer.stop();
    Q_EMIT runningChanged(false);
}

void ChangeFeedStream::validated(const Result<QueryResponse> &response)
{
    m_busy = false;
    if (!response) {
        fail(response.error());
        return;
    }
    if (response->size() < 1) {
        fail(RpcError(RpcError::Kind::Protocol, QStringLiteral("INFO FOR DB returned nothing")));
        return;
    }
    if (!response->at(0).isOk()) {
        fail(response->at(0).error());
        return;
    }
    switch (tableFeed(response->value(0), m_table)) {
    case TableFeed::Missing:
        fail(RpcError(RpcError::Kind::NotFound,
                      QStringLiteral("table %1 does not exist").arg(m_table)));
        return;
    case TableFeed::Without: {
        // A database-wide CHANGEFEED covers every table.
        const QString db = response->value(2).toString();
        const QString definition = response->value(1)
                                       .toMap()
                                       .value(QLatin1String("databases"))
                                       .toMap()
                                       .value(db)
                                       .toString();
        if (!definition.contains(QLatin1String(" CHANGEFEED "), Qt::CaseInsensitive)) {
            fail(RpcError(RpcError::Kind::Validation,
                          QStringLiteral("table %1 has no change feed: define it with "
                                         "DEFINE TABLE %1 CHANGEFEED <duration>")
                              .arg(m_table)));
            return;
        }
        break;
    }
    case TableFeed::With:
        break;
    }
    poll();
}

void ChangeFeedStream::poll()
{
    if (!m_running || m_busy)
        return;
    if (!m_connection) {
        fail(RpcError(RpcError::Kind::ConnectionLost, QStringLiteral("the connection is gone")));
        return;
    }
    m_busy = true;
    const quint64 generation = m_generation;
    // LIMIT counts the database's change sets before the table filter applies, so a short
    // (even empty) page for the table does not mean it is caught up. The database's page, read
    // first, says how far the table's scan reached: the cursor moves past it, and a full page
    // means read on at once.
    const QString surql = QStringLiteral("SHOW CHANGES FOR DATABASE SINCE %1 LIMIT %2; ")
                              .arg(m_cursor)
                              .arg(m_batchSize)
                          + statement(m_table, m_cursor, m_batchSize);
    m_connection->query(surql, {}, m_options)
        .then(this, [this, generation](const Result<QueryResponse> &response) {
            if (generation == m_generation)
                polled(response);
        });
}

void ChangeFeedStream::polled(const Result<QueryResponse> &response)
{
    m_busy = false;
    RpcError problem = response ? RpcError() : response.error();
    if (!problem.isError() && response->size() < 2) {
        problem = RpcError(RpcError::Kind::Protocol,
                           QStringLiteral("SHOW CHANGES returned nothing"));
    }
    if (!problem.isError())
        problem = response->at(1).error();
    if (problem.isError()) {
        if (problem.kind() == RpcError::Kind::NotAllowed) {
            fail(problem);
            return;
        }
        Q_EMIT error(problem);
        scheduleNext(m_interval);
        return;
    }
    const Result<QList<ChangeSet>> sets = parse(response->value(1));
    if (!sets) {
        Q_EMIT error(sets.error());
        scheduleNext(m_interval);
        return;
    }
    // The database's page (when this session may read it) bounds what the table's scan covered.
    const Result<QList<ChangeSet>> scanned = response->at(0).isOk()
                                                 ? parse(response->value(0))
                                                 : Result<QList<ChangeSet>>(response->at(0).error());
    quint64 next = m_cursor;
    if (scanned && !scanned->isEmpty())
        next = std::max(next, scanned->constLast().versionstamp + 1);
    if (!sets->isEmpty())
        next = std::max(next, sets->constLast().versionstamp + 1);
    const bool full = (scanned ? scanned->size() : sets->size()) >= m_batchSize;
    const bool moved = next != m_cursor;
    m_cursor = next;
    if (!sets->isEmpty())
        Q_EMIT changes(sets.value());
    if (moved)
        Q_EMIT cursorChanged(m_cursor);
    // A full page means more is waiting: read on at once.
    scheduleNext(full ? std::chrono::milliseconds(0) : m_interval);
}

void ChangeFeedStream::fail(const RpcError &problem)
{
    stop();
    Q_EMIT failed(problem);
}

void ChangeFeedStream::scheduleNext(std::chrono::milliseconds delay)
{
    if (m_running)
        m_timer.start(delay);
}

} // namespace SurrealQt

#include "LiveQueryModel.h"

#include <surrealqt/values/Values.h>

#include <QtCore/QSet>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

LiveQueryModel::LiveQueryModel(WebSocketConnection *connection,
                               QuerySet query,
                               const ModelMeta &model,
                               QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
    , m_query(query.withConnection(connection))
    , m_columns(QStringList{u"id"_s} + model.fieldNames())
{
    if (connection)
        connect(connection, &WebSocketConnection::reconnected, this, &LiveQueryModel::resync);
}

LiveQueryModel::~LiveQueryModel()
{
    if (m_live && m_connection)
        m_live->kill();
}

void LiveQueryModel::start()
{
    // The whole table: a filtered live query says nothing when a record leaves the filter.
    const auto live = m_query.where().isEmpty() ? m_query.liveSurql()
                                                : QuerySet(m_query.table()).liveSurql();
    if (const auto checked = m_query.liveSurql(); !checked) {
        Q_EMIT errorOccurred(checked.error());
        return;
    }
    if (!live) {
        Q_EMIT errorOccurred(live.error());
        return;
    }
    if (!m_connection) {
        Q_EMIT errorOccurred(RpcError(RpcError::Kind::ConnectionLost, tr("no connection")));
        return;
    }
    m_loading = true;
    const QPointer<LiveQueryModel> self(this);
    m_connection->liveSelect(live->text(), live->vars())
        .then(this, [self](const Result<LiveQuery *> &subscribed) {
            if (!self)
                return;
            if (!subscribed) {
                self->m_loading = false;
                Q_EMIT self->errorOccurred(subscribed.error());
                return;
            }
            self->subscribed(subscribed.value());
        });
}

void LiveQueryModel::subscribed(LiveQuery *live)
{
    m_live = live;
    connect(live, &LiveQuery::notification, this, &LiveQueryModel::notified);
    connect(live, &LiveQuery::notification, this, &LiveQueryModel::onNotification);
    // Read after subscribing, so no change falls between the two; changes that arrive before
    // the rows wait in m_pending.
    const QPointer<LiveQueryModel> self(this);
    m_query.all().then(this, [self](const Result<QCborArray> &rows) {
        if (!self)
            return;
        self->m_loading = false;
        if (!rows) {
            Q_EMIT self->errorOccurred(rows.error());
            return;
        }
        self->load(rows.value(), true);
        const QList<LiveNotification> pending = std::exchange(self->m_pending, {});
        for (const LiveNotification &notification : pending)
            self->onNotification(notification);
        self->m_ready = true;
        Q_EMIT self->readyChanged(true);
    });
}

QString LiveQueryModel::keyOf(const QCborValue &id)
{
    const auto parsed = RecordId::fromCbor(id);
    return parsed ? parsed->toSurql() : QString();
}

int LiveQueryModel::rowOf(const QCborValue &id) const
{
    return m_index.value(keyOf(id), -1);
}

void LiveQueryModel::onNotification(const LiveNotification &notification)
{
    if (m_loading) {
        m_pending.append(notification);
        return;
    }
    const QCborMap record = notification.value.toMap();
    const QString key = keyOf(notification.record.isUndefined() ? record.value(u"id"_s)
                                                                : notification.record);
    switch (notification.action) {
    case LiveNotification::Action::Create:
    case LiveNotification::Action::Update:
        if (!notification.value.isMap())
            break;
        if (m_query.where().isEmpty()) {
            upsertRow(record);
        } else {
            recheck(key, record);
        }
        break;
    case LiveNotification::Action::Delete:
        ++m_tickets[key];
        removeRow(key);
        break;
    case LiveNotification::Action::Killed:
    case LiveNotification::Action::Unknown:
        break;
    }
}

void LiveQueryModel::upsertRow(const QCborMap &record)
{
    const QString key = keyOf(record.value(u"id"_s));
    if (key.isEmpty())
        return;
    const int row = m_index.value(key, -1);
    if (row >= 0) {
        if (m_rows.at(row) == record)
            return;
        m_rows[row] = record;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(record);
    m_index.insert(key, at);
    endInsertRows();
}

void LiveQueryModel::recheck(const QString &key, const QCborMap &record)
{
    const quint64 ticket = ++m_tickets[key];
    const QPointer<LiveQueryModel> self(this);
    m_query.filter(Q(u"id"_s, record.value(u"id"_s)))
        .exists()
        .then(this, [self, key, record, ticket](const Result<bool> &matches) {
            if (!self || self->m_tickets.value(key) != ticket)
                return;
            if (!matches) {
                Q_EMIT self->errorOccurred(matches.error());
                return;
            }
            if (matches.value()) {
                self->upsertRow(record);
            } else {
                self->removeRow(key);
            }
        });
}

void LiveQueryModel::removeRow(const QString &key)
{
    const int row = m_index.value(key, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    m_index.remove(key);
    reindex(row);
    endRemoveRows();
}

void LiveQueryModel::reindex(int from)
{
    for (int i = from; i < m_rows.size(); ++i)
        m_index.insert(keyOf(m_rows.at(i).value(u"id"_s)), i);
}

void LiveQueryModel::load(const QCborArray &rows, bool initial)
{
    if (initial && m_rows.isEmpty() && !rows.isEmpty()) {
        beginInsertRows({}, 0, static_cast<int>(rows.size()) - 1);
        for (const QCborValue &row : rows) {
            m_index.insert(keyOf(row.toMap().value(u"id"_s)), static_cast<int>(m_rows.size()));
            m_rows.append(row.toMap());
        }
        endInsertRows();
        return;
    }
    // A resync: remove the rows that are gone, then update or add the others, row by row.
    QSet<QString> present;
    for (const QCborValue &row : rows)
        present.insert(keyOf(row.toMap().value(u"id"_s)));
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        const QString key = keyOf(m_rows.at(i).value(u"id"_s));
        if (!present.contains(key))
            removeRow(key);
    }
    for (const QCborValue &row : rows)
        upsertRow(row.toMap());
}

void LiveQueryModel::resync()
{
    if (!m_ready)
        return;
    const QPointer<LiveQueryModel> self(this);
    m_query.all().then(this, [self](const Result<QCborArray> &rows) {
        if (!self)
            return;
        if (!rows) {
            Q_EMIT self->errorOccurred(rows.error());
            return;
        }
        self->load(rows.value(), false);
        Q_EMIT self->resynced();
    });
}

int LiveQueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LiveQueryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant LiveQueryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QCborMap &record = m_rows.at(index.row());
    if (role == RecordRole)
        return QVariant::fromValue(record);
    const QCborValue value = record.value(m_columns.at(index.column()));
    switch (role) {
    case Qt::DisplayRole:
        if (Values::isNone(value))
            return {};
        if (value.isString())
            return value.toString();
        if (value.isInteger() || value.isDouble() || value.isBool())
            return Values::toVariant(value);
        return Values::toSurql(value);
    case Qt::EditRole:
        return Values::toVariant(value);
    default:
        return {};
    }
}

QVariant LiveQueryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_columns.value(section);
    return section + 1;
}

} // namespace SurrealQt

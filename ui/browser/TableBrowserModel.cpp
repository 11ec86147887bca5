#include "browser/TableBrowserModel.h"

#include "console/ValueText.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/values/Table.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QTimer>
#include <QtGui/QBrush>
#include <QtGui/QPalette>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr qsizetype CellBudget = 200;
constexpr auto IdColumn = "id"_L1;

QCborValue firstRecord(const QCborValue &value)
{
    return value.isArray() ? value.toArray().at(0) : value;
}
} // namespace

TableBrowserModel::TableBrowserModel(Connection *connection, const QString &table, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(connection)
    , m_loader(new RowLoader(connection, table, this))
    , m_cache(PageSize, MaxPages)
    , m_columns{IdColumn}
    , m_columnSet{IdColumn}
    , m_pumpTimer(new QTimer(this))
{
    m_pumpTimer->setSingleShot(true);
    m_pumpTimer->setInterval(0);
    connect(m_pumpTimer, &QTimer::timeout, this, &TableBrowserModel::pump);
    connect(m_loader, &RowLoader::rowsLoaded, this, &TableBrowserModel::onRows);
    connect(m_loader, &RowLoader::counted, this, &TableBrowserModel::onCounted);
    connect(m_loader, &RowLoader::failed, this, &TableBrowserModel::onFailed);
}

const QString &TableBrowserModel::table() const
{
    return m_loader->table();
}

const QString &TableBrowserModel::filter() const
{
    return m_loader->filter();
}

QString TableBrowserModel::sortColumn() const
{
    return m_loader->sortColumn().isEmpty() ? QString(IdColumn) : m_loader->sortColumn();
}

Qt::SortOrder TableBrowserModel::sortOrder() const
{
    return m_loader->sortOrder();
}

void TableBrowserModel::open()
{
    resetQuery(m_loader->filter(), m_loader->sortColumn(), m_loader->sortOrder());
    setCount(-1);
    m_loader->count(m_loader->filter(), send({Kind::Count, 0, 0, {}}));
    want(0);
}

void TableBrowserModel::reload()
{
    resetQuery(m_loader->filter(), m_loader->sortColumn(), m_loader->sortOrder());
    m_loader->count(m_loader->filter(), send({Kind::Count, 0, 0, {}}));
    want(0);
}

void TableBrowserModel::applyFilter(const QString &filter)
{
    const QString problem = RowLoader::checkFilter(filter);
    if (!problem.isEmpty()) {
        Q_EMIT errorOccurred(problem);
        return;
    }
    // The count doubles as the server's check of the filter; nothing changes until it passes.
    m_filterRequest = send({Kind::FilterCheck, 0, 0, filter});
    m_loader->count(filter, m_filterRequest);
}

void TableBrowserModel::resetQuery(const QString &filter,
                                   const QString &sortColumn,
                                   Qt::SortOrder order)
{
    beginResetModel();
    m_loader->setQuery(filter, sortColumn, order);
    m_cache.clear();
    m_pending.clear();
    m_inFlight.clear();
    m_wanted.clear();
    m_walking = false;
    m_provisionalRows = 0;
    endResetModel();
}

void TableBrowserModel::setCount(qint64 count)
{
    const qint64 before = rowCount();
    const qint64 after = count >= 0 ? count : m_provisionalRows;
    if (after > before) {
        beginInsertRows({}, int(before), int(after - 1));
        m_count = count;
        endInsertRows();
    } else if (after < before) {
        beginRemoveRows({}, int(after), int(before - 1));
        m_count = count;
        endRemoveRows();
    } else {
        m_count = count;
    }
    if (count >= 0)
        Q_EMIT countChanged(count);
}

quint64 TableBrowserModel::send(const Pending &pending)
{
    const quint64 request = ++m_nextRequest;
    m_pending.insert(request, pending);
    return request;
}

void TableBrowserModel::want(qint64 page) const
{
    m_wanted.removeAll(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWanted)
        m_wanted.removeFirst();
    if (!m_pumpTimer->isActive())
        m_pumpTimer->start();
}

qint64 TableBrowserModel::lastPage() const
{
    return m_count > 0 ? (m_count - 1) / PageSize : -1;
}

void TableBrowserModel::pump()
{
    for (qsizetype i = m_wanted.size() - 1; i >= 0; --i) {
        const qint64 page = m_wanted.at(i);
        if (m_cache.hasPage(page) || m_inFlight.contains(page)
            || (m_count >= 0 && page > lastPage())) {
            m_wanted.removeAt(i);
            continue;
        }
        if (startPage(page)) {
            m_wanted.removeAt(i);
        } else if (!m_walking) {
            startWalk(page);
        }
    }
}

bool TableBrowserModel::startPage(qint64 page)
{
    using Direction = RowLoader::Direction;
    std::optional<QCborValue> anchor;
    Direction direction = Direction::Forward;
    int limit = PageSize;
    if (page == 0) {
        // From the start.
    } else if (const auto before = m_cache.lastKey(page - 1)) {
        anchor = before;
    } else if (page == lastPage()) {
        direction = Direction::Backward; // from the end
        limit = int(m_count - (page * PageSize));
    } else if (const auto after = m_cache.firstKey(page + 1)) {
        anchor = after;
        direction = Direction::Backward;
    } else {
        return false;
    }
    const quint64 request = send({Kind::Page, page, page * PageSize, {}});
    m_inFlight.insert(page);
    m_loader->fetch(request, direction, anchor, limit, RowLoader::Fetch::Rows);
    return true;
}

// Reads only the sort keys, from the nearest known boundary toward the page, a chunk at a time,
// and notes the page boundaries it crosses; the page then loads by keyset.
void TableBrowserModel::startWalk(qint64 page)
{
    const qint64 below = m_cache.knownLastBelow(page);
    const qint64 forwardStart = (below + 1) * PageSize;
    const qint64 forwardRows = (page * PageSize) - forwardStart;
    qint64 above = m_cache.knownFirstAbove(page);
    qint64 backwardEnd = -1;
    if (above >= 0) {
        backwardEnd = above * PageSize;
    } else if (m_count >= 0) {
        backwardEnd = m_count;
    }
    const qint64 backwardRows = backwardEnd < 0 ? -1 : backwardEnd - ((page + 1) * PageSize);
    m_walking = true;
    if (backwardRows >= 0 && backwardRows < forwardRows) {
        const int limit = int(std::min<qint64>(std::max<qint64>(backwardRows, 1), WalkChunk));
        const quint64 request = send({Kind::WalkBackward, page, backwardEnd - limit, {}});
        const auto anchor = above >= 0 ? m_cache.firstKey(above) : std::nullopt;
        m_loader->fetch(request,
                        RowLoader::Direction::Backward,
                        anchor,
                        limit,
                        RowLoader::Fetch::Keys);
    } else {
        const int limit = int(std::min<qint64>(std::max<qint64>(forwardRows, 1), WalkChunk));
        const quint64 request = send({Kind::WalkForward, page, forwardStart, {}});
        const auto anchor = below >= 0 ? m_cache.lastKey(below) : std::nullopt;
        m_loader->fetch(request,
                        RowLoader::Direction::Forward,
                        anchor,
                        limit,
                        RowLoader::Fetch::Keys);
    }
}

void TableBrowserModel::onRows(quint64 generation, quint64 request, const QCborArray &rows)
{
    const Pending pending = m_pending.take(request);
    if (generation != m_loader->generation())
        return; // a page of an older filter or order
    if (pending.kind == Kind::WalkForward || pending.kind == Kind::WalkBackward) {
        m_walking = false;
        for (qsizetype i = 0; i < rows.size(); ++i)
            m_cache.noteKey(pending.startRow + i, m_loader->keyOf(rows.at(i)));
        if (rows.isEmpty())
            m_wanted.clear(); // the table shrank under us: stop walking
        m_pumpTimer->start();
        return;
    }
    QList<QCborMap> records;
    records.reserve(rows.size());
    for (const QCborValue &row : rows)
        records.append(row.toMap());
    m_inFlight.remove(pending.page);
    addColumns(rows);
    m_cache.insertPage(pending.page,
                       records,
                       rows.isEmpty() ? QCborValue() : m_loader->keyOf(rows.first()),
                       rows.isEmpty() ? QCborValue() : m_loader->keyOf(rows.last()));
    if (m_count < 0 && pending.page == 0 && rows.size() > m_provisionalRows) {
        // Shown before the count is known, so that the first rows appear at once.
        beginInsertRows({}, int(m_provisionalRows), int(rows.size() - 1));
        m_provisionalRows = rows.size();
        endInsertRows();
    }
    const qint64 first = pending.page * PageSize;
    const qint64 last = std::min<qint64>(first + rows.size(), rowCount()) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), columnCount() - 1));
    Q_EMIT pageLoaded(pending.page);
    m_pumpTimer->start();
}

void TableBrowserModel::onCounted(quint64 generation, quint64 request, qint64 count)
{
    const Pending pending = m_pending.take(request);
    if (pending.kind == Kind::FilterCheck) {
        if (request != m_filterRequest)
            return;
        resetQuery(pending.filter, m_loader->sortColumn(), m_loader->sortOrder());
        m_count = -1;
        setCount(count);
        want(0);
        Q_EMIT filterApplied(m_loader->filter());
        return;
    }
    if (generation != m_loader->generation())
        return;
    setCount(count);
    m_pumpTimer->start();
}

void TableBrowserModel::onFailed(quint64 generation, quint64 request, const QString &message)
{
    const Pending pending = m_pending.take(request);
    if (pending.kind == Kind::FilterCheck) {
        if (request == m_filterRequest)
            Q_EMIT errorOccurred(tr("The server refused the filter: %1").arg(message));
        return;
    }
    if (generation != m_loader->generation())
        return;
    if (pending.kind == Kind::Page) {
        m_inFlight.remove(pending.page);
    } else if (pending.kind != Kind::Count) {
        m_walking = false;
    }
    m_wanted.clear(); // no retry loop on a failing query
    Q_EMIT errorOccurred(message);
}

void TableBrowserModel::addColumns(const QCborArray &rows)
{
    QStringList added;
    for (const QCborValue &row : rows) {
        const QCborMap map = row.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!m_columnSet.contains(key) && !added.contains(key))
                added.append(key);
        }
    }
    if (added.isEmpty())
        return;
    added.sort();
    beginInsertColumns({}, int(m_columns.size()), int(m_columns.size() + added.size() - 1));
    m_columns.append(added);
    for (const QString &key : std::as_const(added))
        m_columnSet.insert(key);
    endInsertColumns();
}

QCborMap TableBrowserModel::record(int row) const
{
    const QCborMap *held = m_cache.row(row);
    return held ? *held : QCborMap();
}

bool TableBrowserModel::isRowLoaded(int row) const
{
    return m_cache.row(row) != nullptr;
}

QCborValue TableBrowserModel::recordId(int row) const
{
    const QCborMap *held = m_cache.row(row);
    return held ? held->value(IdColumn) : QCborValue(QCborValue::Undefined);
}

int TableBrowserModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_count >= 0 ? m_count : m_provisionalRows);
}

int TableBrowserModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableBrowserModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QCborMap *row = m_cache.row(index.row());
    if (!row) {
        if (role == Qt::DisplayRole)
            want(m_cache.pageOf(index.row()));
        return {};
    }
    const QCborValue value = row->value(m_columns.at(index.column()));
    switch (role) {
    case Qt::DisplayRole:
        return ValueText::format(value, ValueText::Style::Display, CellBudget);
    case Qt::EditRole:
        return value.isString() ? value.toString() : Values::toSurql(value);
    case Qt::TextAlignmentRole:
        return ValueText::isNumber(value) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant();
    case Qt::ForegroundRole:
        return ValueText::isNoneOrNull(value)
                   ? QVariant(QPalette().brush(QPalette::PlaceholderText))
                   : QVariant();
    default:
        return {};
    }
}

QVariant TableBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_columns.value(section);
}

Qt::ItemFlags TableBrowserModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() > 0 && m_cache.row(index.row()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool TableBrowserModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() == 0 || !m_connection)
        return false;
    const QCborMap *row = m_cache.row(index.row());
    if (!row)
        return false;
    const QString field = m_columns.at(index.column());
    const QCborValue id = row->value(IdColumn);
    const QCborValue before = row->value(field);
    // A string stays a string; anything else is read as a SurrealQL literal.
    QCborValue after;
    if (before.isString()) {
        after = value.toString();
    } else {
        QString error;
        const auto parsed = Values::parseSurql(value.toString(), &error);
        if (!parsed) {
            Q_EMIT errorOccurred(tr("Not a SurrealQL value: %1").arg(error));
            return false;
        }
        after = *parsed;
    }
    const int rowNumber = index.row();
    const quint64 generation = m_loader->generation();
    // MERGE of that one field: the server keeps every other field as it is now.
    m_connection->merge(id, QCborMap{{field, after}})
        .then(this, [this, id, rowNumber, generation](const Result<QCborValue> &result) {
            if (!result) {
                Q_EMIT errorOccurred(result.error().message());
                return;
            }
            const QCborMap saved = firstRecord(result.value()).toMap();
            if (generation == m_loader->generation() && recordId(rowNumber) == id
                && m_cache.replaceRow(rowNumber, saved)) {
                addColumns(QCborArray{saved});
                Q_EMIT dataChanged(this->index(rowNumber, 0),
                                   this->index(rowNumber, columnCount() - 1));
            }
            Q_EMIT recordSaved(id);
        });
    return true;
}

void TableBrowserModel::sort(int column, Qt::SortOrder order)
{
    const QString name = m_columns.value(column);
    if (name.isEmpty() || (name == sortColumn() && order == sortOrder()))
        return;
    resetQuery(m_loader->filter(), name, order);
    const qint64 count = m_count;
    m_count = -1;
    setCount(count); // same filter, same count
    want(0);
}

void TableBrowserModel::createRecord()
{
    if (!m_connection)
        return;
    m_connection->create(Table(table()).toCbor())
        .then(this, [this](const Result<QCborValue> &result) {
            if (!result) {
                Q_EMIT errorOccurred(result.error().message());
                return;
            }
            reload();
            Q_EMIT recordCreated(firstRecord(result.value()).toMap().value(IdColumn));
        });
}

void TableBrowserModel::deleteRecords(const QList<int> &rows)
{
    QCborArray ids;
    for (int row : rows) {
        const QCborValue id = recordId(row);
        if (!id.isUndefined())
            ids.append(id);
    }
    if (ids.isEmpty() || !m_connection)
        return;
    m_connection->query(u"DELETE $ids"_s, QCborMap{{u"ids"_s, ids}})
        .then(this, [this, n = int(ids.size())](const Result<QueryResponse> &result) {
            if (!result || !result->isOk()) {
                Q_EMIT errorOccurred(result ? result->firstError().message()
                                            : result.error().message());
                return;
            }
            reload();
            Q_EMIT recordsDeleted(n);
        });
}

} // namespace SurrealQt

#include "console/HistoryStore.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QUuid>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

using namespace Qt::StringLiterals;

namespace SurrealQt {

HistoryStore::HistoryStore(QString path)
    : m_path(std::move(path))
    , m_connectionName(u"surrealqt-history-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

HistoryStore::~HistoryStore()
{
    close();
}

bool HistoryStore::open()
{
    if (m_open)
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    const QStringList statements = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"CREATE TABLE IF NOT EXISTS history ("
        "id INTEGER PRIMARY KEY AUTOINCREMENT, ran_at TEXT NOT NULL, query TEXT NOT NULL, "
        "status TEXT NOT NULL, duration_ms REAL NOT NULL, statements INTEGER NOT NULL DEFAULT 0, "
        "error TEXT)"_s,
    };
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            m_error = query.lastError().text();
            return false;
        }
    }
    m_open = true;
    return true;
}

void HistoryStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

qint64 HistoryStore::insert(const HistoryEntry &entry)
{
    if (!open())
        return -1;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO history (ran_at, query, status, duration_ms, statements, error) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(entry.ranAt.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(entry.query);
    query.addBindValue(HistoryEntry::statusName(entry.status));
    query.addBindValue(entry.durationMs);
    query.addBindValue(entry.statements);
    query.addBindValue(entry.error);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return -1;
    }
    return query.lastInsertId().toLongLong();
}

QList<HistoryEntry> HistoryStore::search(const QString &filter, int limit)
{
    QList<HistoryEntry> entries;
    if (!open())
        return entries;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT id, ran_at, query, status, duration_ms, statements, error FROM history "
                  "WHERE query LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?"_s);
    QString pattern = filter;
    pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    query.addBindValue(QString(u'%' + pattern + u'%'));
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return entries;
    }
    while (query.next()) {
        HistoryEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.ranAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        entry.query = query.value(2).toString();
        entry.status = HistoryEntry::statusFromName(query.value(3).toString());
        entry.durationMs = query.value(4).toDouble();
        entry.statements = query.value(5).toInt();
        entry.error = query.value(6).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace SurrealQt

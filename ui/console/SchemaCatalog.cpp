#include "console/SchemaCatalog.h"

#include <surrealqt/client/Connection.h>

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

QStringList keysOf(const QCborValue &info, QLatin1StringView section)
{
    QStringList keys;
    const QCborMap map = info.toMap().value(section).toMap();
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        keys.append(it.key().toString());
    keys.sort(Qt::CaseInsensitive);
    return keys;
}

} // namespace

SchemaCatalog::SchemaCatalog(QObject *parent)
    : QObject(parent)
{}

void SchemaCatalog::setConnection(Connection *connection)
{
    if (m_connection == connection)
        return;
    m_connection = connection;
    ++m_generation;
    m_loaded = false;
    m_tables.clear();
    m_fields.clear();
    m_functions.clear();
    m_parameters.clear();
    if (m_connection)
        refresh();
}

Connection *SchemaCatalog::connection() const
{
    return m_connection;
}

QStringList SchemaCatalog::fields(const QString &table) const
{
    return m_fields.value(table);
}

QString SchemaCatalog::quoteIdentifier(const QString &name)
{
    static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (plain.match(name).hasMatch())
        return name;
    QString escaped = name;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"`"_s, u"\\`"_s);
    return u'`' + escaped + u'`';
}

void SchemaCatalog::refresh()
{
    if (!m_connection)
        return;
    const int generation = ++m_generation;
    m_connection->query(u"INFO FOR DB"_s)
        .then(this, [this, generation](const Result<QueryResponse> &info) {
            if (generation != m_generation)
                return;
            if (!info || !info->isOk()) {
                m_loaded = true;
                Q_EMIT refreshed();
                return;
            }
            const QCborValue db = info->value(0);
            m_tables = keysOf(db, "tables"_L1);
            m_functions.clear();
            for (const QString &name : keysOf(db, "functions"_L1))
                m_functions.append(u"fn::"_s + name);
            m_parameters.clear();
            for (const QString &name : keysOf(db, "params"_L1))
                m_parameters.append(u'$' + name);
            m_fields.clear();
            m_pendingTables = int(m_tables.size());
            if (m_pendingTables == 0) {
                m_loaded = true;
                Q_EMIT refreshed();
            }
            for (const QString &table : std::as_const(m_tables))
                loadTable(table, generation);
        });
}

void SchemaCatalog::loadTable(const QString &table, int generation)
{
    m_connection->query(u"INFO FOR TABLE "_s + quoteIdentifier(table))
        .then(this, [this, table, generation](const Result<QueryResponse> &info) {
            if (generation != m_generation)
                return;
            if (info && info->isOk())
                m_fields.insert(table, keysOf(info->value(0), "fields"_L1));
            if (--m_pendingTables == 0) {
                m_loaded = true;
                Q_EMIT refreshed();
            }
        });
}

} // namespace SurrealQt

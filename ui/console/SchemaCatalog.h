#pragma once

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace SurrealQt {

class Connection;

// What completion knows of the live schema: the tables of the current database and their
// fields, the database's functions (fn::…) and parameters ($…). Read with INFO FOR DB and one
// INFO FOR TABLE per table; refresh() starts over and drops answers to an older refresh.
class SchemaCatalog : public QObject
{
    Q_OBJECT

public:
    explicit SchemaCatalog(QObject *parent = nullptr);

    void setConnection(Connection *connection);
    Connection *connection() const;

    bool isLoaded() const { return m_loaded; }
    const QStringList &tables() const { return m_tables; }
    // Field paths as defined ("name", "address.city"), or empty for an unknown table.
    QStringList fields(const QString &table) const;
    // "fn::greet"...
    const QStringList &functions() const { return m_functions; }
    // "$currency"...
    const QStringList &parameters() const { return m_parameters; }

    // A table name as SurrealQL accepts it: bare when plain, else `backticked`.
    static QString quoteIdentifier(const QString &name);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    void loadTable(const QString &table, int generation);

    QPointer<Connection> m_connection;
    int m_generation = 0;
    int m_pendingTables = 0;
    bool m_loaded = false;
    QStringList m_tables;
    QHash<QString, QStringList> m_fields;
    QStringList m_functions;
    QStringList m_parameters;
};

} // namespace SurrealQt

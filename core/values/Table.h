#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// A table name as a value (what `SELECT * FROM person` names). On the wire: tag 7 text.
class SURREALQT_CORE_EXPORT Table
{
public:
    Table() = default;
    explicit Table(QString name);

    static std::optional<Table> fromCbor(const QCborValue &value, QString *error = nullptr);

    const QString &name() const { return m_name; }
    bool isEmpty() const { return m_name.isEmpty(); }

    // person, or `my table` when the name is not a plain identifier.
    QString toSurql() const;
    // Tag 7 text.
    QCborValue toCbor() const;

    friend bool operator==(const Table &, const Table &) = default;

private:
    QString m_name;
};

SURREALQT_CORE_EXPORT size_t qHash(const Table &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const Table &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::Table)

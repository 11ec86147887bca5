#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include "Range.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>
#include <QtCore/QUuid>

#include <optional>

namespace SurrealQt {

// A record id: a table and a key. The key is a string, an integer, a uuid, an array, an object
// or a range of keys. SurrealQL: person:tobie, person:⟨tobie smith⟩, person:⟨42abc⟩, person:42,
// person:u"…", person:[1, "a"], person:{ a: 1 }, person:1..=5.
// On the wire: tag 8 [table, key]; a "table:key" text is read too.
class SURREALQT_CORE_EXPORT RecordId
{
public:
    enum class KeyKind { String, Integer, Uuid, Array, Object, Range };

    RecordId() = default;
    RecordId(QString table, QString key);
    RecordId(QString table, const char16_t *key);
    RecordId(QString table, qint64 key);
    RecordId(QString table, int key);
    RecordId(QString table, const QUuid &key);
    RecordId(QString table, const QCborArray &key);
    RecordId(QString table, const QCborMap &key);
    RecordId(QString table, const Range &key);

    // Any valid key value (string, integer, uuid, array, map or tag 49 range; a tag 9 text uuid
    // is read as a uuid).
    static std::optional<RecordId> fromKey(QString table,
                                           const QCborValue &key,
                                           QString *error = nullptr);
    // table:key in SurrealQL: person:tobie, person:⟨tobie smith⟩, person:`x`, person:42,
    // person:u"…", person:[…], person:{…}, person:1..5; the table may be `quoted`.
    static std::optional<RecordId> parse(QStringView text, QString *error = nullptr);
    static std::optional<RecordId> fromCbor(const QCborValue &value, QString *error = nullptr);

    const QString &table() const { return m_table; }
    const QCborValue &key() const { return m_key; }
    KeyKind keyKind() const;
    // A record id is valid once it has a table.
    bool isValid() const { return !m_table.isEmpty(); }

    // person:tobie, person:⟨tobie smith⟩...
    QString toSurql() const;
    // Same as toSurql(): the "tb:key" form the JSON codec and the server use.
    QString toString() const { return toSurql(); }
    // Tag 8 [table, key].
    QCborValue toCbor() const;

    friend bool operator==(const RecordId &, const RecordId &) = default;

private:
    QString m_table;
    QCborValue m_key = QCborValue(QString());
};

SURREALQT_CORE_EXPORT size_t qHash(const RecordId &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const RecordId &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::RecordId)

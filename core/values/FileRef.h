#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// A SurrealDB 3.x file reference: a bucket and a key (a path such as "/avatars/tobie.png").
// SurrealQL: f"bucket:/key". On the wire: tag 55 [bucket, key].
class SURREALQT_CORE_EXPORT FileRef
{
public:
    FileRef() = default;
    FileRef(QString bucket, QString key);

    // "bucket:/key", with or without the f"…" around it.
    static std::optional<FileRef> parse(QStringView text, QString *error = nullptr);
    static std::optional<FileRef> fromCbor(const QCborValue &value, QString *error = nullptr);

    const QString &bucket() const { return m_bucket; }
    const QString &key() const { return m_key; }

    // bucket:/key
    QString toString() const;
    // f"bucket:/key"
    QString toSurql() const;
    // Tag 55 [bucket, key].
    QCborValue toCbor() const;

    friend bool operator==(const FileRef &, const FileRef &) = default;

private:
    QString m_bucket;
    QString m_key;
};

SURREALQT_CORE_EXPORT size_t qHash(const FileRef &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const FileRef &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::FileRef)

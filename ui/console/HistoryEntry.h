#pragma once

#include <QtCore/QDateTime>
#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace SurrealQt {

// One run of a console query, as the history keeps it.
struct HistoryEntry
{
    enum class Status { Ok, Error, Cancelled };

    qint64 id = 0; // assigned by the store
    QDateTime ranAt;
    QString query;
    Status status = Status::Ok;
    double durationMs = 0;
    int statements = 0;
    QString error; // the first error's message

    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
};

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::HistoryEntry)

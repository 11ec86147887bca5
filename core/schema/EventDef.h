#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE EVENT: WHEN condition THEN actions, optionally ASYNC with RETRY and MAXDEPTH.
struct EventDef
{
    QString name;
    QString when = QStringLiteral("true");
    QStringList then; // one or more expressions
    bool async = false;
    int retry = 1;    // printed only when async
    int maxDepth = 3; // printed only when async
    std::optional<QString> comment;

    friend bool operator==(const EventDef &, const EventDef &) = default;
};

} // namespace SurrealQt

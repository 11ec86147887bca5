#include "console/HistoryEntry.h"

using namespace Qt::StringLiterals;

namespace SurrealQt {

QString HistoryEntry::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return u"OK"_s;
    case Status::Error:
        return u"ERR"_s;
    case Status::Cancelled:
        return u"CANCELLED"_s;
    }
    return {};
}

HistoryEntry::Status HistoryEntry::statusFromName(const QString &name)
{
    if (name == "ERR"_L1)
        return Status::Error;
    if (name == "CANCELLED"_L1)
        return Status::Cancelled;
    return Status::Ok;
}

} // namespace SurrealQt

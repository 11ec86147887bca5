#include "Table.h"

#include "CborTags.h"
#include "SurqlText_p.h"

#include <utility>

namespace SurrealQt {

Table::Table(QString name)
    : m_name(std::move(name))
{}

std::optional<Table> Table::fromCbor(const QCborValue &value, QString *error)
{
    if (!value.isTag() || quint64(value.tag()) != CborTags::Table
        || !value.taggedValue().isString()) {
        if (error)
            *error = QStringLiteral("tag 7 (table) expects text");
        return std::nullopt;
    }
    return Table(value.taggedValue().toString());
}

QString Table::toSurql() const
{
    return SurqlText::escapeIdentifier(m_name);
}

QCborValue Table::toCbor() const
{
    return QCborValue(QCborTag(CborTags::Table), m_name);
}

size_t qHash(const Table &value, size_t seed)
{
    return qHash(value.name(), seed);
}

QDebug operator<<(QDebug debug, const Table &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Table(" << value.toSurql() << ')';
    return debug;
}

} // namespace SurrealQt

#include "GraphPath.h"

#include "FieldPath.h"

#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

QString arrow(GraphPath::Direction direction)
{
    switch (direction) {
    case GraphPath::Direction::Out:
        return u"->"_s;
    case GraphPath::Direction::In:
        return u"<-"_s;
    case GraphPath::Direction::Both:
        return u"<->"_s;
    }
    return u"->"_s;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("SurrealQt::GraphPath", text);
}

} // namespace

GraphPath &GraphPath::add(Direction direction, const QString &table)
{
    m_steps.append({direction, table});
    return *this;
}

std::optional<GraphPath> GraphPath::parse(QStringView text, QString *error)
{
    GraphPath path;
    qsizetype at = 0;
    const auto fail = [&](const QString &message) -> std::optional<GraphPath> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    while (at < text.size()) {
        Direction direction;
        if (text.mid(at).startsWith(u"<->")) {
            direction = Direction::Both;
            at += 3;
        } else if (text.mid(at).startsWith(u"->")) {
            direction = Direction::Out;
            at += 2;
        } else if (text.mid(at).startsWith(u"<-")) {
            direction = Direction::In;
            at += 2;
        } else {
            return fail(tr("a graph path is a chain of ->table, <-table or <->table steps"));
        }
        qsizetype end = at;
        while (end < text.size() && text.at(end) != u'-' && text.at(end) != u'<')
            ++end;
        const QString table = text.mid(at, end - at).toString();
        if (!FieldPath::isIdentifier(table))
            return fail(tr("invalid table name \"%1\" in a graph path").arg(table));
        path.add(direction, table);
        at = end;
    }
    if (path.isEmpty())
        return fail(tr("empty graph path"));
    return path;
}

Result<QString> GraphPath::toSurql() const
{
    if (m_steps.isEmpty())
        return RpcError(RpcError::Kind::Validation, tr("empty graph path"));
    QString text;
    for (const Step &step : m_steps) {
        if (!FieldPath::isIdentifier(step.table)) {
            return RpcError(RpcError::Kind::Validation,
                            tr("invalid table name \"%1\" in a graph path").arg(step.table));
        }
        text += arrow(step.direction) + SurqlSyntax::quoteIdentifier(step.table);
    }
    return text;
}

} // namespace SurrealQt

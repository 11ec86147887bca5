#pragma once

#include <QtWidgets/QGraphicsPathItem>

namespace SurrealQt {

class TableItem;

// An arrow between two tables on the schema diagram: a record link (a field of type
// record<target>, solid, labelled with the field) or one side of a relation table (dashed:
// IN table → relation, relation → OUT table). It follows its tables when they move.
class LinkItem : public QGraphicsPathItem
{
public:
    enum class Kind { RecordLink, Relation };

    LinkItem(TableItem *from, TableItem *to, Kind kind, QString label);

    TableItem *from() const { return m_from; }
    TableItem *to() const { return m_to; }
    Kind kind() const { return m_kind; }
    QString label() const { return m_label; }

    // Recomputes the path from the tables' current places.
    void follow();
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    TableItem *m_from;
    TableItem *m_to;
    Kind m_kind;
    QString m_label;
    QPointF m_labelAt;
};

} // namespace SurrealQt

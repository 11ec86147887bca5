#pragma once

#include <surrealqt/schema/TableDef.h>

#include <QtWidgets/QGraphicsObject>

namespace SurrealQt {

// One table on the schema diagram: its name (with IN → OUT for a relation table) over its
// top-level fields and their types. It can be dragged; moved() lets the links follow.
class TableItem : public QGraphicsObject
{
    Q_OBJECT

public:
    explicit TableItem(TableDef table, QGraphicsItem *parent = nullptr);

    const TableDef &table() const { return m_table; }
    QString name() const { return m_table.name; }
    bool isRelation() const { return m_table.type == TableDef::Type::Relation; }
    // The lines shown under the name ("title: string").
    QStringList fieldLines() const { return m_lines; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void moved();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    TableDef m_table;
    QString m_title;
    QStringList m_lines;
    QSizeF m_size;
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/schema/Schema.h>

#include <QtCore/QHash>
#include <QtWidgets/QGraphicsScene>

class QUndoStack;

namespace SurrealQt {

class LinkItem;
class TableItem;

// The schema diagram: a TableItem per table and a LinkItem per record link and relation side,
// the way pgModeler's ObjectsScene holds its object views. Dragging tables is undoable
// (undoStack()); autoLayout() places every table on a grid without overlaps.
class SchemaScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit SchemaScene(QObject *parent = nullptr);

    // Replaces the diagram; tables keep their places when the same names come back.
    void setSchema(const Schema &schema);
    const Schema &schema() const { return m_schema; }

    QList<TableItem *> tables() const;
    TableItem *table(const QString &name) const { return m_tables.value(name); }
    QList<LinkItem *> links() const { return m_links; }
    QUndoStack *undoStack() const { return m_undo; }

    // Relation tables in a row of their own between the tables they connect, the rest on a grid.
    void autoLayout();
    // The diagram as an image, at `scale` (2 for sharp PNGs).
    QImage toImage(qreal scale = 1.0);
    // The diagram as an SVG document (vector: scales without blur).
    QByteArray toSvg();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void addLink(TableItem *from, const QString &to, int kind, const QString &label);

    Schema m_schema;
    QHash<QString, TableItem *> m_tables;
    QList<LinkItem *> m_links;
    QHash<TableItem *, QPointF> m_pressedAt; // where the dragged tables were when the drag began
    QUndoStack *m_undo;
};

} // namespace SurrealQt

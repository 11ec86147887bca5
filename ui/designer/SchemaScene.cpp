#include "designer/SchemaScene.h"

#include "designer/LinkItem.h"
#include "designer/TableItem.h"

#include <QtCore/QBuffer>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QUndoCommand>
#include <QtGui/QUndoStack>
#include <QtSvg/QSvgGenerator>
#include <QtWidgets/QGraphicsSceneMouseEvent>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

constexpr qreal kSpacing = 60;
constexpr qreal kMargin = 20;
constexpr int kMaxColumns = 4;

// The tables a field's type links to: record<a | b>, inside options, arrays and sets too.
void collectRecordTargets(const FieldKind &kind, QStringList &targets)
{
    if (kind.type() == FieldKind::Type::Record) {
        for (const QString &name : kind.names()) {
            if (!targets.contains(name))
                targets.append(name);
        }
    }
    for (const FieldKind &child : kind.children())
        collectRecordTargets(child, targets);
}

// Tables moved by a drag or by the automatic layout, by name: names survive a reload.
class MoveTables : public QUndoCommand
{
public:
    MoveTables(SchemaScene *scene,
               QHash<QString, QPointF> before,
               QHash<QString, QPointF> after,
               const QString &text)
        : QUndoCommand(text)
        , m_scene(scene)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}

    void undo() override { place(m_before); }
    void redo() override { place(m_after); }

private:
    void place(const QHash<QString, QPointF> &positions)
    {
        for (auto it = positions.constBegin(); it != positions.constEnd(); ++it) {
            if (TableItem *item = m_scene->table(it.key()))
                item->setPos(it.value());
        }
    }

    SchemaScene *m_scene;
    QHash<QString, QPointF> m_before;
    QHash<QString, QPointF> m_after;
};

} // namespace

SchemaScene::SchemaScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_undo(new QUndoStack(this))
{}

QList<TableItem *> SchemaScene::tables() const
{
    QList<TableItem *> list = m_tables.values();
    std::sort(list.begin(), list.end(), [](const TableItem *a, const TableItem *b) {
        return a->name() < b->name();
    });
    return list;
}

void SchemaScene::setSchema(const Schema &schema)
{
    QHash<QString, QPointF> kept;
    for (auto it = m_tables.constBegin(); it != m_tables.constEnd(); ++it)
        kept.insert(it.key(), it.value()->pos());
    m_undo->clear();
    clear();
    m_tables.clear();
    m_links.clear();
    m_schema = schema;

    for (const TableDef &definition : schema.tables) {
        auto *item = new TableItem(definition);
        addItem(item);
        m_tables.insert(definition.name, item);
    }
    for (TableItem *item : std::as_const(m_tables)) {
        const TableDef &definition = item->table();
        for (const FieldDef &field : definition.fields) {
            if (!field.kind || field.path.size() != 1)
                continue;
            QStringList targets;
            collectRecordTargets(*field.kind, targets);
            for (const QString &target : std::as_const(targets))
                addLink(item, target, int(LinkItem::Kind::RecordLink), field.path.first());
        }
        if (item->isRelation()) {
            for (const QString &in : definition.relationIn) {
                if (TableItem *source = m_tables.value(in))
                    addLink(source, definition.name, int(LinkItem::Kind::Relation), u"in"_s);
            }
            for (const QString &out : definition.relationOut)
                addLink(item, out, int(LinkItem::Kind::Relation), u"out"_s);
        }
    }
    bool allKept = !m_tables.isEmpty();
    for (auto it = m_tables.constBegin(); it != m_tables.constEnd(); ++it) {
        if (kept.contains(it.key())) {
            it.value()->setPos(kept.value(it.key()));
        } else {
            allKept = false;
        }
    }
    if (!allKept) {
        autoLayout();
        m_undo->clear(); // the first layout is not an edit
    }
}

void SchemaScene::addLink(TableItem *from, const QString &to, int kind, const QString &label)
{
    TableItem *target = m_tables.value(to);
    if (!target)
        return; // a link to a table this schema does not define
    auto *link = new LinkItem(from, target, LinkItem::Kind(kind), label);
    addItem(link);
    m_links.append(link);
    connect(from, &TableItem::moved, this, [link] { link->follow(); });
    if (target != from)
        connect(target, &TableItem::moved, this, [link] { link->follow(); });
}

void SchemaScene::autoLayout()
{
    QList<TableItem *> plain;
    QList<TableItem *> relations;
    for (TableItem *item : tables())
        (item->isRelation() ? relations : plain).append(item);
    QHash<QString, QPointF> after;
    // Plain tables on a grid up to kMaxColumns wide.
    const int columns = std::clamp(int(std::ceil(std::sqrt(double(plain.size())))),
                                   int(std::min<qsizetype>(plain.size(), kMaxColumns)),
                                   kMaxColumns);
    QSizeF cell;
    for (const TableItem *item : std::as_const(plain))
        cell = cell.expandedTo(item->boundingRect().size());
    for (int i = 0; i < plain.size(); ++i) {
        const int row = i / columns; // whole rows and columns of the grid
        const int column = i % columns;
        after.insert(plain.at(i)->name(),
                     QPointF(kMargin + column * (cell.width() + kSpacing),
                             kMargin + row * (cell.height() + kSpacing)));
    }
    const int rows = columns > 0 ? int((plain.size() + columns - 1) / columns) : 0;
    const qreal relationTop = kMargin + rows * (cell.height() + kSpacing);
    // Relation tables in a row below, each under the middle of the tables it connects.
    QList<std::pair<qreal, TableItem *>> wanted;
    for (TableItem *relation : std::as_const(relations)) {
        qreal sum = 0;
        int count = 0;
        for (const QStringList &ends :
             {relation->table().relationIn, relation->table().relationOut}) {
            for (const QString &end : ends) {
                if (after.contains(end)) {
                    sum += after.value(end).x();
                    ++count;
                }
            }
        }
        wanted.append({count > 0 ? sum / count : kMargin, relation});
    }
    std::stable_sort(wanted.begin(), wanted.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    qreal nextFree = kMargin;
    for (const auto &[x, relation] : std::as_const(wanted)) {
        const qreal at = std::max(x, nextFree);
        after.insert(relation->name(), QPointF(at, relationTop));
        nextFree = at + relation->boundingRect().width() + kSpacing;
    }
    QHash<QString, QPointF> before;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it)
        before.insert(it.key(), m_tables.value(it.key())->pos());
    m_undo->push(new MoveTables(this, before, after, tr("Automatic layout")));
    setSceneRect(itemsBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin));
}

QImage SchemaScene::toImage(qreal scale)
{
    clearSelection();
    const QRectF area = itemsBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QImage image((area.size() * scale).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QGraphicsScene::render(&painter, QRectF(QPointF(0, 0), area.size() * scale), area);
    return image;
}

QByteArray SchemaScene::toSvg()
{
    clearSelection();
    const QRectF area = itemsBoundingRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(area.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), area.size()));
    generator.setTitle(tr("Schema diagram"));
    QPainter painter(&generator);
    painter.fillRect(QRectF(QPointF(0, 0), area.size()), Qt::white);
    QGraphicsScene::render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    painter.end();
    return buffer.data();
}

void SchemaScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressedAt.clear();
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *table = dynamic_cast<TableItem *>(item))
            m_pressedAt.insert(table, table->pos());
    }
}

void SchemaScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<QString, QPointF> before;
    QHash<QString, QPointF> after;
    for (auto it = m_pressedAt.constBegin(); it != m_pressedAt.constEnd(); ++it) {
        if (it.key()->pos() != it.value()) {
            before.insert(it.key()->name(), it.value());
            after.insert(it.key()->name(), it.key()->pos());
        }
    }
    m_pressedAt.clear();
    if (!after.isEmpty()) {
        m_undo->push(
            new MoveTables(this, before, after, tr("Move %n table(s)", nullptr, int(after.size()))));
    }
}

} // namespace SurrealQt

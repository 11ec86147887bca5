#include "designer/LinkItem.h"

#include "designer/TableItem.h"

#include <QtCore/QLineF>
#include <QtGui/QPainter>
#include <QtGui/QPalette>
#include <QtWidgets/QApplication>

#include <cmath>

namespace SurrealQt {

namespace {

constexpr qreal kArrowSize = 9;

// Where the line from the centre of `rect` towards `towards` leaves the rectangle.
QPointF edgePoint(const QRectF &rect, const QPointF &towards)
{
    const QPointF centre = rect.center();
    const QLineF line(centre, towards);
    const QList<QLineF> sides{{rect.topLeft(), rect.topRight()},
                              {rect.topRight(), rect.bottomRight()},
                              {rect.bottomRight(), rect.bottomLeft()},
                              {rect.bottomLeft(), rect.topLeft()}};
    for (const QLineF &side : sides) {
        QPointF crossing;
        if (line.intersects(side, &crossing) == QLineF::BoundedIntersection)
            return crossing;
    }
    return centre;
}

} // namespace

LinkItem::LinkItem(TableItem *from, TableItem *to, Kind kind, QString label)
    : m_from(from)
    , m_to(to)
    , m_kind(kind)
    , m_label(std::move(label))
{
    setZValue(-1); // under the tables
    QPen pen(QApplication::palette().text().color(), 1.4);
    if (m_kind == Kind::Relation)
        pen.setStyle(Qt::DashLine);
    setPen(pen);
    follow();
}

void LinkItem::follow()
{
    const QRectF fromRect = m_from->sceneBoundingRect();
    const QRectF toRect = m_to->sceneBoundingRect();
    QPainterPath path;
    if (m_from == m_to) {
        // A table that links to itself: a loop on its left side (links from others mostly
        // arrive on the right, as the layout puts targets first).
        const QPointF start(fromRect.left(), fromRect.top() + 18);
        const QPointF end(fromRect.left(), fromRect.top() + 38);
        path.moveTo(start);
        path.cubicTo(start + QPointF(-50, -20), end + QPointF(-50, 20), end);
        m_labelAt = start + QPointF(-40, -8);
    } else {
        const QPointF start = edgePoint(fromRect, toRect.center());
        const QPointF end = edgePoint(toRect, fromRect.center());
        path.moveTo(start);
        path.lineTo(end);
        m_labelAt = (start + end) / 2;
    }
    // The arrow head at the target.
    const QPointF tip = path.currentPosition();
    const qreal angle = std::atan2(-(path.pointAtPercent(0.98) - tip).y(),
                                   (path.pointAtPercent(0.98) - tip).x());
    constexpr qreal kSpread = M_PI / 7;
    path.moveTo(tip + QPointF(std::cos(angle - kSpread), -std::sin(angle - kSpread)) * kArrowSize);
    path.lineTo(tip);
    path.lineTo(tip + QPointF(std::cos(angle + kSpread), -std::sin(angle + kSpread)) * kArrowSize);
    setPath(path);
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QGraphicsPathItem::paint(painter, option, widget);
    if (m_label.isEmpty())
        return;
    painter->setPen(QApplication::palette().text().color());
    // Centred over the middle of the line, so that it stays clear of the tables at both ends.
    const qreal width = painter->fontMetrics().horizontalAdvance(m_label);
    painter->drawText(m_labelAt + QPointF(-width / 2, -4), m_label);
}

} // namespace SurrealQt

#include "designer/TableItem.h"

#include <QtGui/QFontMetricsF>
#include <QtGui/QPainter>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyleOptionGraphicsItem>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

constexpr qreal kPadding = 8;
constexpr qreal kMinimumWidth = 140;
constexpr qreal kRadius = 6;

QFont titleFont()
{
    QFont font = QApplication::font();
    font.setBold(true);
    return font;
}

} // namespace

TableItem::TableItem(TableDef table, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_table(std::move(table))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setCursor(Qt::OpenHandCursor);
    m_title = m_table.name;
    if (isRelation()) {
        m_title += u"  ("_s
                   + (m_table.relationIn.isEmpty() ? u"*"_s : m_table.relationIn.join(u" | "_s))
                   + u" → "_s
                   + (m_table.relationOut.isEmpty() ? u"*"_s : m_table.relationOut.join(u" | "_s))
                   + u')';
    }
    for (const FieldDef &field : m_table.fields) {
        if (field.path.size() != 1)
            continue; // nested parts (`address.city`, `tags[*]`) belong to their parent's type
        m_lines.append(field.path.first() + u": "_s
                       + (field.kind ? field.kind->toString() : u"any"_s));
    }
    m_lines.sort(); // as INFO lists them, whatever order the DEFINE text had
    const QFontMetricsF title(titleFont());
    const QFontMetricsF body(QApplication::font());
    qreal width = std::max(kMinimumWidth, title.horizontalAdvance(m_title));
    for (const QString &line : std::as_const(m_lines))
        width = std::max(width, body.horizontalAdvance(line));
    m_size = QSizeF(width + 2 * kPadding,
                    title.height() + 2 * kPadding + m_lines.size() * body.lineSpacing()
                        + (m_lines.isEmpty() ? 0 : kPadding));
    setToolTip(m_lines.isEmpty() ? m_title : m_title + u'\n' + m_lines.join(u'\n'));
}

QRectF TableItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-1, -1, 1, 1);
}

void TableItem::paint(QPainter *painter,
                      const QStyleOptionGraphicsItem *option,
                      QWidget * /*widget*/)
{
    const QRectF frame(QPointF(0, 0), m_size);
    const QFontMetricsF title(titleFont());
    const qreal headerHeight = title.height() + 2 * kPadding;
    const QPalette palette = QApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option->state & QStyle::State_Selected ? palette.highlight().color()
                                                                : palette.mid().color(),
                         option->state & QStyle::State_Selected ? 2 : 1));
    painter->setBrush(palette.base());
    painter->drawRoundedRect(frame, kRadius, kRadius);

    // The header: relation tables in a different tint, as edges are drawn dashed.
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, m_size.width(), headerHeight), kRadius, kRadius);
    painter->fillPath(header, isRelation() ? QColor(0xf3, 0xe5, 0xf5) : QColor(0xe3, 0xf2, 0xfd));
    painter->setPen(palette.text().color());
    painter->setFont(titleFont());
    painter->drawText(QRectF(kPadding, kPadding, m_size.width() - 2 * kPadding, title.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      m_title);
    painter->setFont(QApplication::font());
    const QFontMetricsF body(QApplication::font());
    qreal y = headerHeight + kPadding / 2;
    for (const QString &line : std::as_const(m_lines)) {
        painter->drawText(QRectF(kPadding, y, m_size.width() - 2 * kPadding, body.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          line);
        y += body.lineSpacing();
    }
}

QVariant TableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        Q_EMIT moved();
    return QGraphicsObject::itemChange(change, value);
}

} // namespace SurrealQt

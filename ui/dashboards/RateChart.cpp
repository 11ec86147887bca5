#include "dashboards/RateChart.h"

#include <QtGui/QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SurrealQt {

RateChart::RateChart(QWidget *parent)
    : QWidget(parent)
    , m_counts(kSeconds, 0)
{
    m_clock.start();
    m_repaint.setInterval(1000);
    connect(&m_repaint, &QTimer::timeout, this, [this] {
        advance();
        update();
    });
    m_repaint.start();
    setMinimumHeight(48);
}

void RateChart::advance()
{
    const qint64 now = m_clock.elapsed() / 1000;
    const qint64 gap = std::min<qint64>(now - m_second, kSeconds);
    for (qint64 i = 0; i < gap; ++i) {
        m_counts.removeFirst();
        m_counts.append(0);
    }
    m_second = now;
}

void RateChart::record(int events)
{
    advance();
    m_counts.last() += events;
    update();
}

QList<int> RateChart::counts() const
{
    return m_counts;
}

void RateChart::paintEvent(QPaintEvent * /*event*/)
{
    QPainter painter(this);
    const QRect area = rect().adjusted(1, 14, -1, -1);
    painter.fillRect(rect(), palette().base());
    const int peak = *std::max_element(m_counts.begin(), m_counts.end());
    const int scale = std::max(1, peak);
    const double barWidth = double(area.width()) / kSeconds;
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().highlight());
    for (int i = 0; i < kSeconds; ++i) {
        const int height = int(double(area.height()) * m_counts.at(i) / scale);
        if (height > 0) {
            painter.drawRect(QRectF(area.left() + i * barWidth,
                                    area.bottom() - height + 1,
                                    std::max(1.0, barWidth - 1),
                                    height));
        }
    }
    painter.setPen(palette().text().color());
    painter.drawText(rect().adjusted(4, 0, -4, 0),
                     Qt::AlignTop | Qt::AlignLeft,
                     tr("%1/s now, peak %2/s (last minute)").arg(m_counts.last()).arg(peak));
}

} // namespace SurrealQt

#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QList>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

namespace SurrealQt {

// Events per second over the last minute, as bars: the newest second on the right. It moves
// on by itself once a second, so quiet seconds show as gaps.
class RateChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kSeconds = 60;

    explicit RateChart(QWidget *parent = nullptr);

    // Counts `events` in the current second.
    void record(int events = 1);
    // The counts of the last kSeconds seconds, oldest first.
    QList<int> counts() const;

    QSize sizeHint() const override { return {240, 60}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Moves the buckets on to the current second.
    void advance();

    QElapsedTimer m_clock;
    qint64 m_second = 0; // the second of the last bucket, since m_clock started
    QList<int> m_counts; // kSeconds buckets, oldest first
    QTimer m_repaint;
};

} // namespace SurrealQt

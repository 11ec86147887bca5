#pragma once

#include <surrealqt/client/LiveQuery.h>

#include <QtCore/QPointer>
#include <QtWidgets/QFrame>

#include <array>

class QLabel;
class QListWidget;
class QTableView;

namespace SurrealQt {

class LiveQueryModel;
class RateChart;
class RpcError;
class WebSocketConnection;

// One dashboard panel, fed by one LIVE SELECT of a table: the records as a live-updating table
// (LiveQueryModel), a log of the latest notifications that is bounded but counts everything,
// a counter per action, and a chart of notifications per second. The columns are the table's
// defined fields plus the top-level fields of a sample of its records, so schemaless tables
// show their data too.
class LivePanel : public QFrame
{
    Q_OBJECT

public:
    static constexpr int kMaxLogLines = 200;

    LivePanel(WebSocketConnection *connection, QString table, QWidget *parent = nullptr);

    QString table() const { return m_table; }
    // Null until the columns are known.
    LiveQueryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RateChart *chart() const { return m_chart; }
    qint64 count(LiveNotification::Action action) const { return m_counts.at(size_t(action)); }
    qint64 total() const { return m_total; }
    // The log, newest first.
    QStringList logLines() const;
    QString stateText() const;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void closeRequested();

private:
    void discoverColumns();
    void start(const QStringList &fields);
    void onNotification(const LiveNotification &notification);
    void showState(const QString &text, bool error = false);
    void updateCounters();

    QPointer<WebSocketConnection> m_connection;
    QString m_table;
    LiveQueryModel *m_model = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_counters = nullptr;
    QLabel *m_logTitle = nullptr;
    QTableView *m_view = nullptr;
    QListWidget *m_log = nullptr;
    RateChart *m_chart = nullptr;
    std::array<qint64, size_t(LiveNotification::Action::Unknown) + 1> m_counts{};
    qint64 m_total = 0;
};

} // namespace SurrealQt

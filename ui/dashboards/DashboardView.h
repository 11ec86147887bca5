#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QComboBox;
class QGridLayout;
class QLabel;

namespace SurrealQt {

class LivePanel;
class WebSocketConnection;

// A live dashboard on one connection: panels in two columns, each fed by one LIVE SELECT of a
// table (LivePanel). The tables of its panels are saved in the application's settings under
// `settingsKey` and restored when a dashboard with that key opens again.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    DashboardView(WebSocketConnection *connection, QString settingsKey, QWidget *parent = nullptr);

    // Adds a panel on `table` (any name: it is quoted) and saves the dashboard.
    LivePanel *addPanel(const QString &table);
    void removePanel(LivePanel *panel);
    QList<LivePanel *> panels() const { return m_panels; }
    // The table names offered for a new panel (the database's tables).
    QStringList tableChoices() const;

Q_SIGNALS:
    void tablesListed();

private:
    void listTables();
    void relayout();
    void save() const;

    QPointer<WebSocketConnection> m_connection;
    QString m_settingsKey;
    QComboBox *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<LivePanel *> m_panels;
};

} // namespace SurrealQt

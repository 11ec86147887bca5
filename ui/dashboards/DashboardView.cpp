#include "dashboards/DashboardView.h"

#include "dashboards/LivePanel.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QSettings>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

constexpr int kColumns = 2;
constexpr int kPanelHeight = 420;

} // namespace

DashboardView::DashboardView(WebSocketConnection *connection, QString settingsKey, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_settingsKey(std::move(settingsKey))
    , m_table(new QComboBox(this))
    , m_empty(new QLabel(this))
{
    m_table->setEditable(true);
    m_table->setMinimumContentsLength(24);
    m_table->lineEdit()->setPlaceholderText(tr("table"));
    auto *add = new QPushButton(tr("Add panel"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString table = m_table->currentText().trimmed();
        if (!table.isEmpty())
            addPanel(table);
    });
    connect(m_table->lineEdit(), &QLineEdit::returnPressed, add, &QPushButton::click);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Live panel on"), this));
    bar->addWidget(m_table);
    bar->addWidget(add);
    bar->addStretch();

    m_empty->setText(tr("Add a panel to watch a table change live: its records, each "
                        "notification, counters per action and the rate per second."));
    m_empty->setWordWrap(true);
    auto *content = new QWidget(this);
    m_grid = new QGridLayout(content);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);

    const QStringList saved = QSettings().value(m_settingsKey).toStringList();
    for (const QString &table : saved)
        addPanel(table);
    relayout();
    listTables();
}

QStringList DashboardView::tableChoices() const
{
    QStringList tables;
    for (int i = 0; i < m_table->count(); ++i)
        tables.append(m_table->itemText(i));
    return tables;
}

void DashboardView::listTables()
{
    if (!m_connection)
        return;
    m_connection->query(u"INFO FOR DB;"_s).then(this, [this](const Result<QueryResponse> &info) {
        if (info && info->isOk()) {
            const QCborMap tables
                = info->statements().at(0).result().toMap().value(u"tables"_s).toMap();
            QStringList names;
            for (auto it = tables.constBegin(); it != tables.constEnd(); ++it)
                names.append(it.key().toString());
            names.sort();
            const QString typed = m_table->currentText();
            m_table->clear();
            m_table->addItems(names);
            m_table->setCurrentText(typed);
        }
        Q_EMIT tablesListed();
    });
}

LivePanel *DashboardView::addPanel(const QString &table)
{
    auto *panel = new LivePanel(m_connection, table, this);
    panel->setMinimumHeight(kPanelHeight);
    connect(panel, &LivePanel::closeRequested, this, [this, panel] { removePanel(panel); });
    m_panels.append(panel);
    relayout();
    save();
    return panel;
}

void DashboardView::removePanel(LivePanel *panel)
{
    if (!m_panels.removeOne(panel))
        return;
    m_grid->removeWidget(panel);
    panel->deleteLater();
    relayout();
    save();
}

void DashboardView::relayout()
{
    for (int i = 0; i < m_panels.size(); ++i)
        m_grid->addWidget(m_panels.at(i), i / kColumns, i % kColumns);
    m_grid->setRowStretch(int(m_panels.size() + kColumns - 1) / kColumns, 1);
    m_empty->setVisible(m_panels.isEmpty());
}

void DashboardView::save() const
{
    QStringList tables;
    for (const LivePanel *panel : m_panels)
        tables.append(panel->table());
    QSettings().setValue(m_settingsKey, tables);
}

} // namespace SurrealQt

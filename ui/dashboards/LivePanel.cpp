#include "dashboards/LivePanel.h"

#include "common/StatusText.h"
#include "dashboards/RateChart.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/orm/LiveQueryModel.h>
#include <surrealqt/orm/ModelMeta.h>
#include <surrealqt/orm/QuerySet.h>
#include <surrealqt/schema/SurqlSyntax.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QDateTime>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

// How many records are read to find the fields of a schemaless table.
constexpr int kSampleSize = 50;

} // namespace

LivePanel::LivePanel(WebSocketConnection *connection, QString table, QWidget *parent)
    : QFrame(parent)
    , m_connection(connection)
    , m_table(std::move(table))
    , m_state(new QLabel(this))
    , m_counters(new QLabel(this))
    , m_logTitle(new QLabel(this))
    , m_view(new QTableView(this))
    , m_log(new QListWidget(this))
    , m_chart(new RateChart(this))
{
    setFrameShape(QFrame::StyledPanel);
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(m_table.toHtmlEscaped()), this);
    auto *close = new QToolButton(this);
    close->setText(u"×"_s);
    close->setToolTip(tr("Remove this panel"));
    connect(close, &QToolButton::clicked, this, &LivePanel::closeRequested);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_state, 1);
    header->addWidget(close);

    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_log->setObjectName(u"liveLog"_s);
    m_log->setUniformItemSizes(true);
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(logBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_counters);
    layout->addWidget(m_chart);
    layout->addWidget(split, 1);
    updateCounters();
    showState(tr("subscribing…"));
    discoverColumns();
}

QStringList LivePanel::logLines() const
{
    QStringList lines;
    for (int row = 0; row < m_log->count(); ++row)
        lines.append(m_log->item(row)->text());
    return lines;
}

QString LivePanel::stateText() const
{
    return m_state->text();
}

void LivePanel::showState(const QString &text, bool error)
{
    showStatusText(m_state, text, error);
}

void LivePanel::discoverColumns()
{
    if (!m_connection) {
        showState(tr("not connected"), true);
        return;
    }
    // The defined fields, then those a sample of the records has, in the order first seen.
    const QString table = SurqlSyntax::quoteIdentifier(m_table);
    m_connection
        ->query(u"INFO FOR TABLE "_s + table + u"; SELECT * FROM type::table($table) LIMIT "_s
                    + QString::number(kSampleSize) + u';',
                QCborMap{{u"table"_s, m_table}})
        .then(this, [this](const Result<QueryResponse> &response) {
            if (!response || !response->isOk()) {
                const QString message = response ? response->firstError().message()
                                                 : response.error().message();
                showState(tr("failed: %1").arg(message), true);
                Q_EMIT failed(message);
                return;
            }
            QStringList fields;
            const auto add = [&fields](const QString &name) {
                if (name != u"id"_s && !name.contains(u'.') && !name.contains(u'[')
                    && !fields.contains(name)) {
                    fields.append(name);
                }
            };
            const QCborMap defined
                = response->statements().at(0).result().toMap().value(u"fields"_s).toMap();
            for (auto it = defined.constBegin(); it != defined.constEnd(); ++it)
                add(it.key().toString());
            for (const QCborValue &record : response->statements().at(1).result().toArray()) {
                const QCborMap map = record.toMap();
                for (auto it = map.constBegin(); it != map.constEnd(); ++it)
                    add(it.key().toString());
            }
            start(fields);
        });
}

void LivePanel::start(const QStringList &fields)
{
    TableDef definition;
    definition.name = m_table;
    for (const QString &field : fields) {
        FieldDef def;
        def.path = {field};
        definition.fields.append(def);
    }
    m_model = new LiveQueryModel(m_connection,
                                 QuerySet(m_table),
                                 ModelMeta::fromTable(definition),
                                 this);
    m_view->setModel(m_model);
    connect(m_model, &LiveQueryModel::notified, this, &LivePanel::onNotification);
    connect(m_model, &LiveQueryModel::readyChanged, this, [this](bool isReady) {
        if (!isReady)
            return;
        showState(tr("live"));
        m_view->resizeColumnsToContents();
        Q_EMIT ready();
    });
    connect(m_model, &LiveQueryModel::errorOccurred, this, [this](const RpcError &error) {
        showState(tr("failed: %1").arg(error.message()), true);
        Q_EMIT failed(error.message());
    });
    m_model->start();
}

void LivePanel::onNotification(const LiveNotification &notification)
{
    ++m_total;
    ++m_counts.at(size_t(notification.action));
    m_chart->record();
    const QString record = notification.record.isUndefined() ? QString()
                                                             : Values::toSurql(notification.record);
    m_log->insertItem(0,
                      u"%1  %2  %3"_s.arg(QTime::currentTime().toString(u"HH:mm:ss.zzz"_s),
                                          LiveNotification::actionName(notification.action),
                                          record));
    while (m_log->count() > kMaxLogLines)
        delete m_log->takeItem(m_log->count() - 1);
    if (notification.action == LiveNotification::Action::Killed)
        showState(tr("ended: the live query was killed"), true);
    updateCounters();
}

void LivePanel::updateCounters()
{
    using Action = LiveNotification::Action;
    m_counters->setText(tr("CREATE %1 · UPDATE %2 · DELETE %3")
                            .arg(count(Action::Create))
                            .arg(count(Action::Update))
                            .arg(count(Action::Delete)));
    m_logTitle->setText(tr("Events: %1 received, the last %2 kept")
                            .arg(m_total)
                            .arg(std::min<qint64>(m_total, kMaxLogLines)));
}

} // namespace SurrealQt

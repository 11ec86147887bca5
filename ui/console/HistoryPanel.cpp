#include "console/HistoryPanel.h"

#include "console/QueryHistory.h"

#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtGui/QColor>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr int DebounceMs = 150;
constexpr int PreviewLength = 120;
} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_debounce(new QTimer(this))
{
    m_filter->setObjectName(u"historyFilter"_s);
    m_filter->setPlaceholderText(tr("Search history…"));
    m_filter->setClearButtonEnabled(true);

    m_list->setObjectName(u"historyList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Query"), tr("Status"), tr("Time"), tr("Ran at")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_list->setToolTip(tr("Double-click an entry to put it back in the editor"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &HistoryPanel::reload);
    connect(m_filter, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        activate(m_list->indexOfTopLevelItem(item));
    });
}

void HistoryPanel::setHistory(QueryHistory *history)
{
    if (m_history)
        m_history->disconnect(this);
    m_history = history;
    if (m_history)
        connect(m_history, &QueryHistory::recorded, this, &HistoryPanel::reload);
    reload();
}

QString HistoryPanel::filter() const
{
    return m_filter->text();
}

void HistoryPanel::setFilter(const QString &text)
{
    m_filter->setText(text);
    m_debounce->stop();
    reload();
}

int HistoryPanel::entryCount() const
{
    return int(m_entries.size());
}

HistoryEntry HistoryPanel::entry(int row) const
{
    return m_entries.value(row);
}

void HistoryPanel::activate(int row)
{
    if (row >= 0 && row < m_entries.size())
        Q_EMIT entryActivated(m_entries.at(row).query);
}

void HistoryPanel::reload()
{
    if (!m_history) {
        showEntries({});
        return;
    }
    const int generation = ++m_searchGeneration;
    m_history->search(m_filter->text())
        .then(this, [this, generation](const QList<HistoryEntry> &entries) {
            if (generation == m_searchGeneration)
                showEntries(entries);
        });
}

void HistoryPanel::showEntries(const QList<HistoryEntry> &entries)
{
    m_entries = entries;
    m_list->clear();
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    items.reserve(entries.size());
    for (const HistoryEntry &entry : entries) {
        QString preview = entry.query.simplified();
        if (preview.size() > PreviewLength)
            preview = preview.left(PreviewLength) + u'…';
        auto *item = new QTreeWidgetItem;
        item->setText(0, preview);
        item->setToolTip(0, entry.query.left(2000));
        item->setText(1, HistoryEntry::statusName(entry.status));
        if (entry.status != HistoryEntry::Status::Ok) {
            item->setForeground(1, QColor(0xc6, 0x28, 0x28));
            item->setToolTip(1, entry.error);
        }
        item->setText(2, tr("%1 ms").arg(locale.toString(entry.durationMs, 'f', 1)));
        item->setText(3, locale.toString(entry.ranAt.toLocalTime(), QLocale::ShortFormat));
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    Q_EMIT loaded();
}

} // namespace SurrealQt

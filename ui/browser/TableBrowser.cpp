#include "browser/TableBrowser.h"

#include "browser/RecordInspector.h"
#include "browser/TableBrowserModel.h"

#include <QtCore/QItemSelectionModel>
#include <QtGui/QKeySequence>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace SurrealQt {

TableBrowser::TableBrowser(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent)
    , m_model(new TableBrowserModel(connection, table, this))
    , m_view(new QTableView(this))
    , m_inspector(new RecordInspector(connection, this))
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("WHERE"), this));
    m_filter->setObjectName(u"filterEdit"_s);
    m_filter->setPlaceholderText(tr("a SurrealQL condition, e.g. age > 30"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    auto *apply = new QPushButton(tr("Apply"), this);
    bar->addWidget(apply);
    auto *refresh = new QPushButton(tr("Refresh"), this);
    bar->addWidget(refresh);
    auto *create = new QPushButton(tr("New record"), this);
    bar->addWidget(create);
    auto *remove = new QPushButton(tr("Delete"), this);
    remove->setShortcut(QKeySequence::Delete);
    bar->addWidget(remove);
    layout->addLayout(bar);
    m_status->setObjectName(u"browserStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_view->setObjectName(u"browserGrid"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Fixed row heights and no per-row sizing: a million rows cost nothing until shown.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(apply, &QPushButton::clicked, this, &TableBrowser::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &TableBrowser::applyFilter);
    connect(refresh, &QPushButton::clicked, m_model, &TableBrowserModel::reload);
    connect(create, &QPushButton::clicked, m_model, &TableBrowserModel::createRecord);
    connect(remove, &QPushButton::clicked, this, &TableBrowser::deleteSelected);
    connect(m_model, &TableBrowserModel::countChanged, this, &TableBrowser::showCount);
    connect(m_model, &TableBrowserModel::filterApplied, this, &TableBrowser::showCount);
    connect(m_model, &TableBrowserModel::errorOccurred, this, &TableBrowser::showError);
    connect(m_model, &TableBrowserModel::recordSaved, this, [this] {
        showCount();
        inspectCurrent();
    });
    connect(m_model, &TableBrowserModel::pageLoaded, this, [this] {
        if (m_inspector->record().isUndefined())
            inspectCurrent();
    });
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &TableBrowser::inspectCurrent);
    m_status->setText(tr("Loading…"));
    m_model->open();
}

QString TableBrowser::statusText() const
{
    return m_status->text();
}

void TableBrowser::applyFilter()
{
    m_model->applyFilter(m_filter->text());
}

void TableBrowser::deleteSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    m_model->deleteRecords(rows);
}

void TableBrowser::showCount()
{
    m_showsError = false;
    m_status->setStyleSheet({});
    const qint64 count = m_model->totalCount();
    if (count < 0) {
        m_status->setText(tr("Counting…"));
    } else if (m_model->filter().isEmpty()) {
        m_status->setText(tr("%L1 records").arg(count));
    } else {
        m_status->setText(tr("%L1 records match the filter").arg(count));
    }
}

void TableBrowser::showError(const QString &message)
{
    m_showsError = true;
    m_status->setStyleSheet(u"color: #b00020;"_s);
    m_status->setText(message);
}

void TableBrowser::inspectCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? current.row() : 0;
    if (!m_model->isRowLoaded(row)) {
        if (!current.isValid())
            m_inspector->setRecord(QCborValue(QCborValue::Undefined));
        return;
    }
    m_inspector->setRecord(m_model->record(row));
}

} // namespace SurrealQt

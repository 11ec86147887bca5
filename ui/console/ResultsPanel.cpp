#include "console/ResultsPanel.h"

#include "console/ResultTableModel.h"
#include "console/ResultTreeModel.h"
#include "console/SurqlLexer.h"
#include "console/ValueText.h"

#include <Qsci/qsciscintilla.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QLocale>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
constexpr int MaxColumnWidth = 320;
constexpr int ColumnSampleRows = 50;
const QColor ErrColor(0xc6, 0x28, 0x28);
const QColor OkColor(0x2e, 0x7d, 0x32);

// The server's time, e.g. "1.057229ms", as "1.06 ms".
QString timeText(const StatementResult &statement)
{
    const double ns = double(statement.time().count());
    if (ns <= 0)
        return statement.timeText();
    const QLocale locale;
    if (ns < 1e6)
        return ResultsPanel::tr("%1 µs").arg(locale.toString(ns / 1e3, 'f', 0));
    if (ns < 1e9)
        return ResultsPanel::tr("%1 ms").arg(locale.toString(ns / 1e6, 'f', ns < 1e8 ? 2 : 0));
    return ResultsPanel::tr("%1 s").arg(locale.toString(ns / 1e9, 'f', 2));
}

QString summary(const StatementResult &statement)
{
    if (!statement.isOk())
        return statement.error().message().section(u'\n', 0, 0);
    const QCborValue &value = statement.result();
    if (value.isArray())
        return ResultsPanel::tr("%n row(s)", nullptr, int(value.toArray().size()));
    return ValueText::format(value, ValueText::Style::Display, 60);
}
} // namespace

ResultsPanel::ResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_statements(new QTreeWidget(this))
    , m_error(new QLabel(this))
    , m_views(new QTabWidget(this))
    , m_table(new QTableView(this))
    , m_tree(new QTreeView(this))
    , m_text(new QsciScintilla(this))
    , m_textFormat(new QComboBox(this))
    , m_tableModel(new ResultTableModel(this))
    , m_treeModel(new ResultTreeModel(this))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_statements->setObjectName(u"statementList"_s);
    m_statements->setRootIsDecorated(false);
    m_statements->setUniformRowHeights(true);
    m_statements->setHeaderLabels({tr("#"), tr("Status"), tr("Time"), tr("Result")});
    m_statements->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statements->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_statements->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_error->setObjectName(u"resultError"_s);
    m_error->setFont(fixed);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { background: #fdecea; color: #8e1b1b; padding: 6px; "
                           "border: 1px solid #f5c2c0; }"_s);
    m_error->hide();

    m_table->setObjectName(u"resultGrid"_s);
    m_table->setModel(m_tableModel);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setResizeContentsPrecision(ColumnSampleRows);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    m_tree->setObjectName(u"resultTree"_s);
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->resizeSection(ResultTreeModel::KeyColumn, 200);
    m_tree->header()->resizeSection(ResultTreeModel::ValueColumn, 360);

    m_text->setObjectName(u"resultText"_s);
    m_text->setReadOnly(true);
    m_text->setUtf8(true);
    m_text->setLexer(new SurqlLexer(m_text));
    m_text->setMarginWidth(1, 0);
    m_textFormat->addItem(tr("SurrealQL"));
    m_textFormat->addItem(tr("JSON"));
    auto *textPage = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPage);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_textFormat, 0, Qt::AlignLeft);
    textLayout->addWidget(m_text);

    m_views->setObjectName(u"resultViews"_s);
    m_views->setDocumentMode(true);
    m_views->addTab(m_table, tr("Grid"));
    m_views->addTab(m_tree, tr("Tree"));
    m_views->addTab(textPage, tr("Text"));
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportJson = new QPushButton(tr("Export JSON…"), this);
    m_exportCsv->setToolTip(tr("Save the selected statement's result as CSV"));
    m_exportJson->setToolTip(tr("Save the selected statement's result as JSON"));
    auto *corner = new QWidget(this);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->addWidget(m_exportCsv);
    cornerLayout->addWidget(m_exportJson);
    m_views->setCornerWidget(corner);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_statements);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 780});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_statements, &QTreeWidget::currentItemChanged, this, [this] {
        showStatement(currentStatement());
    });
    connect(m_views, &QTabWidget::currentChanged, this, &ResultsPanel::updateText);
    connect(m_textFormat, &QComboBox::currentIndexChanged, this, [this] {
        m_textStale = true;
        updateText();
    });
    connect(m_exportCsv, &QPushButton::clicked, this, [this] {
        exportInteractively(ResultExporter::Format::Csv);
    });
    connect(m_exportJson, &QPushButton::clicked, this, [this] {
        exportInteractively(ResultExporter::Format::Json);
    });
    clear();
}

void ResultsPanel::clear()
{
    m_response = QueryResponse();
    m_statements->clear();
    setErrorText({});
    showStatement(-1);
}

void ResultsPanel::setResponse(const QueryResponse &response)
{
    clear();
    m_response = response;
    int selected = -1;
    for (int i = 0; i < response.size(); ++i) {
        const StatementResult &statement = response.at(i);
        auto *item = new QTreeWidgetItem(m_statements);
        item->setText(0, QString::number(i + 1));
        item->setText(1, statement.isOk() ? tr("OK") : tr("ERR"));
        item->setForeground(1, statement.isOk() ? OkColor : ErrColor);
        item->setText(2, timeText(statement));
        item->setToolTip(2, statement.timeText());
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, summary(statement));
        item->setToolTip(3, statement.isOk() ? QString() : statement.error().message());
        if (!statement.isOk() && selected < 0)
            selected = i;
    }
    // The first failure, else the last statement (usually the one the run was for).
    selectStatement(selected >= 0 ? selected : int(response.size()) - 1);
}

void ResultsPanel::showRunError(const QString &message)
{
    clear();
    setErrorText(message);
}

int ResultsPanel::statementCount() const
{
    return int(m_response.size());
}

const StatementResult &ResultsPanel::statement(int index) const
{
    return m_response.at(index);
}

int ResultsPanel::currentStatement() const
{
    QTreeWidgetItem *item = m_statements->currentItem();
    return item ? m_statements->indexOfTopLevelItem(item) : -1;
}

void ResultsPanel::selectStatement(int index)
{
    if (QTreeWidgetItem *item = m_statements->topLevelItem(index)) {
        m_statements->setCurrentItem(item);
    } else {
        showStatement(-1);
    }
}

QString ResultsPanel::statementStatusText(int index) const
{
    QTreeWidgetItem *item = m_statements->topLevelItem(index);
    return item ? item->text(1) : QString();
}

ResultsPanel::View ResultsPanel::currentView() const
{
    return View(m_views->currentIndex());
}

void ResultsPanel::setCurrentView(View view)
{
    m_views->setCurrentIndex(int(view));
}

QString ResultsPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ResultsPanel::resultText() const
{
    return m_text->text();
}

void ResultsPanel::setErrorText(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void ResultsPanel::showStatement(int index)
{
    const bool valid = index >= 0 && index < m_response.size();
    const bool ok = valid && m_response.at(index).isOk();
    if (valid && !ok) {
        setErrorText(m_response.at(index).error().message());
    } else if (valid) {
        setErrorText({});
    }
    const QCborValue value = ok ? m_response.at(index).result() : QCborValue();
    m_tableModel->setValue(value);
    m_treeModel->setValue(value);
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_tableModel->columnCount(); ++column) {
        if (m_table->columnWidth(column) > MaxColumnWidth)
            m_table->setColumnWidth(column, MaxColumnWidth);
    }
    m_exportCsv->setEnabled(ok);
    m_exportJson->setEnabled(ok);
    m_textStale = true;
    updateText();
}

// The text view is formatted only while it is shown, and only up to TextBudget characters.
void ResultsPanel::updateText()
{
    if (!m_textStale || m_views->currentIndex() != TextView)
        return;
    m_textStale = false;
    const int index = currentStatement();
    if (index < 0 || index >= m_response.size() || !m_response.at(index).isOk()) {
        m_text->setText(QString());
        return;
    }
    const auto style = m_textFormat->currentIndex() == 1 ? ValueText::Style::Json
                                                         : ValueText::Style::Surql;
    m_text->setText(ValueText::formatPretty(m_response.at(index).result(), style, TextBudget));
}

QFuture<QString> ResultsPanel::exportResult(int statement,
                                            ResultExporter::Format format,
                                            const QString &path)
{
    const QCborValue value = statement >= 0 && statement < m_response.size()
                                 ? m_response.at(statement).result()
                                 : QCborValue();
    return ResultExporter::exportToFile(value, format, path)
        .then(this, [this, path](const QString &error) {
            Q_EMIT exportFinished(path, error);
            return error;
        });
}

void ResultsPanel::exportInteractively(ResultExporter::Format format)
{
    const int index = currentStatement();
    if (index < 0)
        return;
    const bool csv = format == ResultExporter::Format::Csv;
    const QString path
        = QFileDialog::getSaveFileName(this,
                                       csv ? tr("Export the result as CSV")
                                           : tr("Export the result as JSON"),
                                       csv ? tr("result.csv") : tr("result.json"),
                                       csv ? tr("CSV files (*.csv);;All files (*)")
                                           : tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    exportResult(index, format, path).then(this, [this](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), error);
    });
}

} // namespace SurrealQt

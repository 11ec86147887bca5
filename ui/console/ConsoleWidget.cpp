#include "console/ConsoleWidget.h"

#include "console/ConsoleEditor.h"
#include "console/ErrorLocation.h"
#include "console/HistoryPanel.h"
#include "console/QueryHistory.h"
#include "console/ResultsPanel.h"
#include "console/SchemaCatalog.h"
#include "console/SurqlApis.h"
#include "console/VariablesPanel.h"

#include <surrealqt/client/Connection.h>

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtGui/QAction>
#include <QtGui/QKeySequence>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
// Statements that change the schema, after which completion reloads it.
bool changesSchema(const QString &text)
{
    static const QRegularExpression pattern(u"\\b(DEFINE|REMOVE|ALTER)\\b"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

QString milliseconds(double ms)
{
    return ConsoleWidget::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 1));
}
} // namespace

ConsoleWidget::ConsoleWidget(QWidget *parent)
    : QWidget(parent)
    , m_editor(new ConsoleEditor(this))
    , m_results(new ResultsPanel(this))
    , m_variables(new VariablesPanel(this))
    , m_historyPanel(new HistoryPanel(this))
    , m_side(new QTabWidget(this))
    , m_toolBar(new QToolBar(this))
    , m_status(new QLabel(this))
    , m_untitledName(tr("Query"))
{
    m_editor->setObjectName(u"consoleEditor"_s);
    m_results->setObjectName(u"consoleResults"_s);
    m_variables->setObjectName(u"consoleVariables"_s);
    m_historyPanel->setObjectName(u"consoleHistory"_s);
    m_status->setObjectName(u"consoleStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(8, 0, 8, 0);

    createActions();

    m_side->setDocumentMode(true);
    m_side->addTab(m_variables, tr("Variables"));
    m_side->addTab(m_historyPanel, tr("History"));

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_editor);
    top->addWidget(m_side);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    top->setSizes({700, 300});
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(top);
    main->addWidget(m_results);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    main->setSizes({260, 400});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(main, 1);

    connect(m_variables, &VariablesPanel::changed, this, [this] {
        m_editor->apis()->setVariables(m_variables->names());
    });
    connect(m_historyPanel, &HistoryPanel::entryActivated, this, [this](const QString &query) {
        setText(query);
        m_editor->setModified(true);
        m_editor->setFocus();
    });
    connect(m_editor, &QsciScintilla::modificationChanged, this, &ConsoleWidget::titleChanged);
    connect(m_editor, &QsciScintilla::selectionChanged, this, &ConsoleWidget::updateActions);
    updateActions();
}

ConsoleWidget::~ConsoleWidget()
{
    if (m_running)
        m_pending.cancel();
}

void ConsoleWidget::createActions()
{
    m_runAction = new QAction(tr("Run"), this);
    m_runAction->setObjectName(u"runAction"_s);
    m_runAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setToolTip(tr("Run every statement (Ctrl+Return)"));
    m_runSelectionAction = new QAction(tr("Run Selection"), this);
    m_runSelectionAction->setObjectName(u"runSelectionAction"_s);
    m_runSelectionAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)});
    m_runSelectionAction->setToolTip(tr("Run the selected text (Ctrl+Shift+Return)"));
    m_cancelAction = new QAction(tr("Cancel"), this);
    m_cancelAction->setObjectName(u"cancelAction"_s);
    m_cancelAction->setToolTip(tr("Stop waiting for the running query"));
    for (QAction *action : {m_runAction, m_runSelectionAction, m_cancelAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        m_toolBar->addAction(action);
    }
    connect(m_runAction, &QAction::triggered, this, &ConsoleWidget::runAll);
    connect(m_runSelectionAction, &QAction::triggered, this, &ConsoleWidget::runSelection);
    connect(m_cancelAction, &QAction::triggered, this, &ConsoleWidget::cancel);
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_status);
}

void ConsoleWidget::setConnection(Connection *connection, SchemaCatalog *catalog)
{
    if (m_running)
        cancel();
    m_connection = connection;
    if (!catalog) {
        if (!m_ownSchema)
            m_ownSchema = new SchemaCatalog(this);
        m_ownSchema->setConnection(connection);
        catalog = m_ownSchema;
    }
    m_schema = catalog;
    m_editor->apis()->setCatalog(catalog);
    setStatus(connection ? tr("Ready") : tr("Not connected"));
    updateActions();
}

Connection *ConsoleWidget::connection() const
{
    return m_connection;
}

SchemaCatalog *ConsoleWidget::schema() const
{
    return m_schema;
}

void ConsoleWidget::setHistory(QueryHistory *history)
{
    m_history = history;
    m_historyPanel->setHistory(history);
}

QueryHistory *ConsoleWidget::history() const
{
    return m_history;
}

QString ConsoleWidget::text() const
{
    return m_editor->text();
}

void ConsoleWidget::setText(const QString &text)
{
    m_editor->setText(text);
}

QString ConsoleWidget::statusText() const
{
    return m_status->text();
}

void ConsoleWidget::setStatus(const QString &text)
{
    m_status->setText(text);
}

void ConsoleWidget::updateActions()
{
    const bool canRun = m_connection && !m_running;
    m_runAction->setEnabled(canRun);
    m_runSelectionAction->setEnabled(canRun && m_editor->hasSelectedText());
    m_cancelAction->setEnabled(m_running);
}

bool ConsoleWidget::runAll()
{
    return run(m_editor->text(), 0, 0);
}

bool ConsoleWidget::runSelection()
{
    if (!m_editor->hasSelectedText())
        return runAll();
    int lineFrom = 0;
    int indexFrom = 0;
    int lineTo = 0;
    int indexTo = 0;
    m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    return run(m_editor->selectedText(), lineFrom, indexFrom);
}

bool ConsoleWidget::run(const QString &text, int lineOffset, int columnOffset)
{
    if (m_running || text.trimmed().isEmpty())
        return false;
    if (!m_connection) {
        setStatus(tr("Not connected"));
        return false;
    }
    QCborMap vars;
    QString error;
    if (!m_variables->variables(&vars, &error)) {
        m_results->showRunError(error);
        setStatus(tr("Invalid variables"));
        return false;
    }
    m_editor->clearErrorMark();
    m_runText = text;
    m_runLineOffset = lineOffset;
    m_runColumnOffset = columnOffset;
    m_running = true;
    const int token = ++m_runToken;
    m_elapsed.start();
    // The raw call, not Connection::query(): cancelling this future cancels the request itself.
    m_pending = m_connection->call(u"query"_s, {text, vars});
    m_pending.then(this, [this, token](const Result<QCborValue> &reply) {
        if (token == m_runToken)
            finish(reply);
    });
    setStatus(tr("Running…"));
    updateActions();
    Q_EMIT runStarted();
    return true;
}

void ConsoleWidget::cancel()
{
    if (!m_running)
        return;
    ++m_runToken; // a late reply is dropped
    m_pending.cancel();
    m_running = false;
    const double ms = double(m_elapsed.nsecsElapsed()) / 1e6;
    m_results->showRunError(tr("Cancelled: the console stopped waiting for the query."));
    setStatus(tr("Cancelled after %1").arg(milliseconds(ms)));
    record(m_runText, false, true, 0, {}, ms);
    updateActions();
    Q_EMIT runFinished(false);
}

void ConsoleWidget::finish(const Result<QCborValue> &reply)
{
    m_running = false;
    const double ms = double(m_elapsed.nsecsElapsed()) / 1e6;
    Result<QueryResponse> response = reply ? QueryResponse::fromWire(reply.value())
                                           : Result<QueryResponse>(reply.error());
    bool ok = false;
    if (!response) {
        // The whole query failed: a parse error names its position.
        const QString message = response.error().message();
        const ErrorLocation location
            = ErrorLocation::fromMessage(message).offsetBy(m_runLineOffset, m_runColumnOffset);
        QString shown = message.trimmed();
        if (location.isValid()) {
            m_editor->markError(location.line - 1, location.column - 1);
            shown += u'\n' + tr("At line %1, column %2.").arg(location.line).arg(location.column);
        }
        m_results->showRunError(shown);
        setStatus(tr("Failed after %1").arg(milliseconds(ms)));
        record(m_runText, false, false, 0, message, ms);
    } else {
        m_results->setResponse(response.value());
        const qsizetype count = response->size();
        qsizetype failed = 0;
        for (const StatementResult &statement : response->statements())
            failed += statement.isOk() ? 0 : 1;
        ok = failed == 0;
        setStatus(failed == 0
                      ? tr("%n statement(s) in %1", nullptr, int(count)).arg(milliseconds(ms))
                      : tr("%n statement(s), %1 failed, in %2", nullptr, int(count))
                            .arg(failed)
                            .arg(milliseconds(ms)));
        record(m_runText, ok, false, int(count), response->firstError().message(), ms);
        if (m_schema && changesSchema(m_runText))
            m_schema->refresh();
    }
    updateActions();
    Q_EMIT runFinished(ok);
}

void ConsoleWidget::record(
    const QString &text, bool ok, bool cancelled, int statements, const QString &error, double ms)
{
    if (!m_history)
        return;
    HistoryEntry entry;
    entry.ranAt = QDateTime::currentDateTimeUtc();
    entry.query = text;
    entry.status = cancelled ? HistoryEntry::Status::Cancelled
                             : (ok ? HistoryEntry::Status::Ok : HistoryEntry::Status::Error);
    entry.durationMs = ms;
    entry.statements = statements;
    entry.error = error;
    m_history->record(entry);
}

void ConsoleWidget::setUntitledName(const QString &name)
{
    m_untitledName = name;
    Q_EMIT titleChanged();
}

QString ConsoleWidget::title() const
{
    const QString name = m_filePath.isEmpty() ? m_untitledName : QFileInfo(m_filePath).fileName();
    return isModified() ? name + u'*' : name;
}

bool ConsoleWidget::isModified() const
{
    return m_editor->isModified();
}

bool ConsoleWidget::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    m_editor->setText(QString::fromUtf8(file.readAll()));
    m_editor->setModified(false);
    m_filePath = path;
    Q_EMIT titleChanged();
    return true;
}

bool ConsoleWidget::saveFile(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_editor->text().toUtf8()) < 0
        || !file.commit()) {
        if (error)
            *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    m_editor->setModified(false);
    m_filePath = path;
    Q_EMIT titleChanged();
    return true;
}

} // namespace SurrealQt

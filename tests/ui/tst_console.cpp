// The query console on the offscreen platform, against the Studio's sandbox (the dev server
// with the demo database).

#include "MainWindow.h"
#include "connections/SandboxController.h"
#include "console/ConsoleEditor.h"
#include "console/ConsoleManager.h"
#include "console/ConsoleWidget.h"
#include "console/HistoryPanel.h"
#include "console/QueryHistory.h"
#include "console/ResultTableModel.h"
#include "console/ResultTreeModel.h"
#include "console/ResultsPanel.h"
#include "console/SchemaCatalog.h"
#include "console/SurqlApis.h"
#include "console/SurqlTokenizer.h"
#include "console/SurqlWords.h"
#include "console/ValueText.h"
#include "console/VariablesPanel.h"

#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUuid>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include <memory>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {
constexpr int ReadyTimeoutMs = 60000;
constexpr int RunTimeoutMs = 30000;
constexpr int BigRunTimeoutMs = 90000;

// Runs everything in the console and waits for the run to end.
bool runAndWait(ConsoleWidget *console, const QString &text, int timeout = RunTimeoutMs)
{
    console->setText(text);
    QSignalSpy finished(console, &ConsoleWidget::runFinished);
    if (!console->runAll())
        return false;
    return finished.wait(timeout);
}

int columnOf(const ResultTableModel *model, const QString &name)
{
    return int(model->columns().indexOf(name));
}

QString cell(const ResultTableModel *model, int row, const QString &column)
{
    return model->index(row, columnOf(model, column)).data().toString();
}
} // namespace

class tst_Console : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void lexerStylesSample();
    void lexerCarriesBlockComments();
    void wordListsLoaded();
    void valueTextFormats();
    void valueTextAgreesWithCore();
    void multiStatementResults();
    void parseErrorShowsPosition();
    void parseErrorInSelection();
    void variablesAreBoundParameters();
    void historyRecordsAndSearches();
    void completionFromLiveSchema();
    void editorCompletesFromApis();
    void hundredThousandRows();
    void exportCsvAndJson();
    void cancelStopsWaiting();
    void keyboardShortcuts();
    void tabsAndFiles();
    void screenshot();

private:
    ConsoleWidget *newConsole();

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void tst_Console::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    QSignalSpy added(m_window->consoles(), &ConsoleManager::consoleAdded);
    QSignalSpy failed(m_window->sandbox(), &SandboxController::failed);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The sandbox's database is ready: one console opened by itself, bound to it.
    QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty() || !failed.isEmpty(), ReadyTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(m_window->consoles()->consoles().size(), 1);
    ConsoleWidget *first = m_window->consoles()->consoles().constFirst();
    QCOMPARE(first->connection(), m_window->sandbox()->connection());
    QCOMPARE(m_window->documentTabs()->currentWidget(), first);
    QCOMPARE(m_window->documentTabs()->tabText(m_window->documentTabs()->currentIndex()),
             u"Query 1"_s);
    // The shared catalogue has read the demo schema.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->consoles()->schema()->isLoaded(), RunTimeoutMs);
}

void tst_Console::cleanupTestCase()
{
    m_window.reset();
}

ConsoleWidget *tst_Console::newConsole()
{
    return m_window->consoles()->newConsole();
}

void tst_Console::lexerStylesSample()
{
    ConsoleEditor editor;
    const QString line
        = u"SELECT string::len(name), $who, 'it''s', 42, 1.5f, 3h30m FROM person:tobie "
          "WHERE fn::x(1) /* c */ AND book:⟨the book⟩ -- note"_s;
    editor.setText(line);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    const QByteArray bytes = line.toUtf8();
    const auto styleOf = [&](const char *token, int offset = 0) {
        const qsizetype at = bytes.indexOf(token);
        return at < 0 ? -1 : editor.styleAt(int(at) + offset);
    };
    QCOMPARE(styleOf("SELECT"), int(SurqlTokenizer::Keyword));
    QCOMPARE(styleOf("string::len"), int(SurqlTokenizer::Function));
    QCOMPARE(styleOf("string::len", 8), int(SurqlTokenizer::Function));
    QCOMPARE(styleOf("name"), int(SurqlTokenizer::Default));
    QCOMPARE(styleOf("$who"), int(SurqlTokenizer::Parameter));
    QCOMPARE(styleOf("$who", 3), int(SurqlTokenizer::Parameter));
    QCOMPARE(styleOf("'it"), int(SurqlTokenizer::String));
    QCOMPARE(styleOf("42"), int(SurqlTokenizer::Number));
    QCOMPARE(styleOf("1.5f", 3), int(SurqlTokenizer::Number));
    QCOMPARE(styleOf("3h30m"), int(SurqlTokenizer::Duration));
    QCOMPARE(styleOf("3h30m", 4), int(SurqlTokenizer::Duration));
    QCOMPARE(styleOf("FROM"), int(SurqlTokenizer::Keyword));
    QCOMPARE(styleOf("person:tobie"), int(SurqlTokenizer::RecordId));
    QCOMPARE(styleOf("person:tobie", 8), int(SurqlTokenizer::RecordId));
    QCOMPARE(styleOf("fn::x"), int(SurqlTokenizer::Function));
    QCOMPARE(styleOf("/* c */", 3), int(SurqlTokenizer::Comment));
    QCOMPARE(styleOf("book:"), int(SurqlTokenizer::RecordId));
    QCOMPARE(styleOf("the book"), int(SurqlTokenizer::RecordId));
    QCOMPARE(styleOf("-- note", 4), int(SurqlTokenizer::Comment));
    QCOMPARE(styleOf(","), int(SurqlTokenizer::Operator));

    // The other comment forms, and the string prefixes.
    editor.setText(u"# hash\n// slashes\nRETURN d'2024-01-01T00:00:00Z';"_s);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    QCOMPARE(editor.styleAt(2), int(SurqlTokenizer::Comment));
    QCOMPARE(editor.styleAt(int(editor.positionFromLineIndex(1, 3))), int(SurqlTokenizer::Comment));
    QCOMPARE(editor.styleAt(int(editor.positionFromLineIndex(2, 7))), int(SurqlTokenizer::String));
    QCOMPARE(editor.styleAt(int(editor.positionFromLineIndex(2, 12))), int(SurqlTokenizer::String));
}

void tst_Console::lexerCarriesBlockComments()
{
    ConsoleEditor editor;
    editor.setText(u"SELECT 1;\n/* a comment\nSELECT inside\n*/ SELECT 2;"_s);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    const auto style = [&](int line, int index) {
        return editor.styleAt(int(editor.positionFromLineIndex(line, index)));
    };
    QCOMPARE(style(0, 0), int(SurqlTokenizer::Keyword));
    QCOMPARE(style(2, 0), int(SurqlTokenizer::Comment));
    QCOMPARE(style(3, 0), int(SurqlTokenizer::Comment));
    QCOMPARE(style(3, 3), int(SurqlTokenizer::Keyword));

    // Closing the comment early restyles the lines after it.
    editor.insertAt(u"*/"_s, 1, 12);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    QCOMPARE(style(2, 0), int(SurqlTokenizer::Keyword));
}

void tst_Console::wordListsLoaded()
{
    const SurqlWords &words = SurqlWords::instance();
    QVERIFY(words.isKeyword(u"select"_s));
    QVERIFY(words.isKeyword(u"DEFINE"_s));
    QVERIFY(words.functions().size() > 400);
    for (const QString &name : {u"string::len"_s,
                                u"array::distinct"_s,
                                u"time::now"_s,
                                u"math::mean"_s,
                                u"crypto::argon2::generate"_s,
                                u"count"_s,
                                u"type::is_record"_s,
                                u"vector::similarity::cosine"_s})
        QVERIFY2(words.isFunction(name), qPrintable(name));
    QVERIFY(words.parameters().contains(u"$this"_s));
}

// The console's full SurrealQL text is the core formatter's (Values::toSurql); ValueText adds
// the budgets that cells and text views need.
void tst_Console::valueTextAgreesWithCore()
{
    const auto tagged = [](quint64 tag, const QCborValue &value) {
        return QCborValue(QCborTag(tag), value);
    };
    const QList<QCborValue> values{
        tagged(8, QCborArray{u"person"_s, u"tobie smith"_s}),
        tagged(8, QCborArray{u"person"_s, 42}),
        tagged(8, QCborArray{u"we`ird ⟩"_s, u"⟩; 😀"_s}),
        tagged(7, u"we`ird table"_s),
        tagged(8, QCborArray{u"select"_s, u"x"_s}),
        tagged(8, QCborArray{u"person"_s, u"42abc"_s}),
        tagged(14, QCborArray{5400, 500000}),
        tagged(12, QCborArray{0, 123456789}),
        tagged(10, u"9.99"_s),
        tagged(6, QCborValue(nullptr)),
        QCborValue(nullptr),
        1.5,
        42,
        true,
        u"a\"b 'c' ⟩ 😀"_s,
        tagged(56, QCborArray{1, 2}),
        tagged(88, QCborArray{1.5, 2.0}),
        QCborMap{{u"a b"_s, 1}, {u"c"_s, QCborArray{true, u"x"_s}}, {u"n"_s, QCborMap{}}},
        QCborArray{},
        QCborValue(QByteArray("\x0a\x0b")),
        QCborValue(QUuid::fromString(u"{8f1c7a2e-3b4d-4e5f-8a6b-7c8d9e0f1a2b}"_s)),
    };
    int differences = 0;
    for (const QCborValue &value : values) {
        const QString console = ValueText::format(value, ValueText::Style::Surql);
        const QString core = Values::toSurql(value);
        if (console != core) {
            ++differences;
            qWarning() << "console" << console << "core" << core;
        }
    }
    QCOMPARE(differences, 0);
}

void tst_Console::valueTextFormats()
{
    using Style = ValueText::Style;
    const auto tagged = [](quint64 tag, const QCborValue &value) {
        return QCborValue(QCborTag(tag), value);
    };
    const QCborValue person = tagged(8, QCborArray{u"person"_s, u"tobie smith"_s});
    QCOMPARE(ValueText::format(person, Style::Surql), u"person:⟨tobie smith⟩"_s);
    QCOMPARE(ValueText::format(person, Style::Json), u"\"person:⟨tobie smith⟩\""_s);
    QCOMPARE(ValueText::format(tagged(8, QCborArray{u"reader"_s, 7}), Style::Display),
             u"reader:7"_s);
    QCOMPARE(ValueText::format(tagged(14, QCborArray{5400, 500000}), Style::Surql), u"1h30m500µs"_s);
    QCOMPARE(ValueText::format(tagged(14, QCborArray{}), Style::Surql), u"0ns"_s);
    QCOMPARE(ValueText::format(tagged(12, QCborArray{0, 123456789}), Style::Surql),
             u"d\"1970-01-01T00:00:00.123456789Z\""_s);
    QCOMPARE(ValueText::format(tagged(12, QCborArray{0, 0}), Style::Display),
             u"1970-01-01T00:00:00Z"_s);
    QCOMPARE(ValueText::format(tagged(10, u"9.99"_s), Style::Surql), u"9.99dec"_s);
    QCOMPARE(ValueText::format(tagged(10, u"9.99"_s), Style::Json), u"\"9.99\""_s);
    QCOMPARE(ValueText::format(tagged(6, QCborValue(nullptr)), Style::Surql), u"NONE"_s);
    QCOMPARE(ValueText::format(QCborValue(nullptr), Style::Surql), u"NULL"_s);
    QCOMPARE(ValueText::format(1.5, Style::Surql), u"1.5f"_s);
    QCOMPARE(ValueText::format(1.5, Style::Display), u"1.5"_s);
    QCOMPARE(ValueText::format(u"a\"b"_s, Style::Surql), u"\"a\\\"b\""_s);
    QCOMPARE(ValueText::format(u"plain"_s, Style::Display), u"plain"_s);
    const QCborValue range = tagged(49, QCborArray{tagged(50, 1), tagged(51, 5)});
    QCOMPARE(ValueText::format(range, Style::Surql), u"1..5"_s);
    QCOMPARE(ValueText::format(tagged(56, QCborArray{1, 2}), Style::Surql), u"{1, 2}"_s);
    QCOMPARE(ValueText::format(tagged(88, QCborArray{1.5, 2.0}), Style::Surql), u"(1.5, 2)"_s);
    QCOMPARE(ValueText::format(QCborMap{{u"a b"_s, 1}, {u"c"_s, QCborArray{true}}}, Style::Surql),
             u"{ \"a b\": 1, c: [true] }"_s);
    QCOMPARE(ValueText::format(QCborMap{{u"a"_s, 1}}, Style::Json), u"{\"a\": 1}"_s);
    QCOMPARE(ValueText::formatPretty(QCborArray{1, QCborMap{{u"a"_s, 2}}}, Style::Json),
             u"[\n  1,\n  {\n    \"a\": 2\n  }\n]"_s);
    // The budget stops formatting early.
    QCborArray many;
    for (int i = 0; i < 10000; ++i)
        many.append(i);
    const QString cut = ValueText::format(many, Style::Surql, 50);
    QCOMPARE(cut.size(), 51);
    QVERIFY(cut.endsWith(u'…'));
    QCOMPARE(ValueText::typeName(person), u"record"_s);
}

void tst_Console::multiStatementResults()
{
    ConsoleWidget *console = newConsole();
    QVERIFY(runAndWait(console,
                       u"SELECT id, title, year FROM book ORDER BY year;\n"
                       "SELECT count() AS n FROM reader GROUP ALL;\n"
                       "THROW \"boom\";"_s));
    ResultsPanel *results = console->results();
    QCOMPARE(results->statementCount(), 3);
    QCOMPARE(results->statementStatusText(0), u"OK"_s);
    QCOMPARE(results->statementStatusText(1), u"OK"_s);
    QCOMPARE(results->statementStatusText(2), u"ERR"_s);
    QVERIFY(results->statement(0).time().count() > 0);
    // The failed statement is selected first, with its message.
    QCOMPARE(results->currentStatement(), 2);
    QVERIFY2(results->errorText().contains(u"boom"_s), qPrintable(results->errorText()));
    QVERIFY(console->statusText().contains(u"1 failed"_s));

    results->selectStatement(0);
    QVERIFY(results->errorText().isEmpty());
    const ResultTableModel *grid = results->tableModel();
    QCOMPARE(grid->columns(), QStringList({u"id"_s, u"title"_s, u"year"_s}));
    QCOMPARE(grid->rowCount(), 6);
    QCOMPARE(cell(grid, 0, u"id"_s), u"book:stranger"_s);
    QCOMPARE(cell(grid, 0, u"title"_s), u"L'Étranger"_s);
    QCOMPARE(cell(grid, 0, u"year"_s), u"1942"_s);
    QCOMPARE(cell(grid, 5, u"title"_s), u"The Dispossessed"_s);
    QCOMPARE(grid->headerData(1, Qt::Horizontal).toString(), u"title"_s);

    results->selectStatement(1);
    QCOMPARE(cell(results->tableModel(), 0, u"n"_s), u"503"_s);

    // The tree and the text show the same value.
    results->selectStatement(0);
    results->setCurrentView(ResultsPanel::TreeView);
    const ResultTreeModel *tree = results->treeModel();
    QCOMPARE(tree->rowCount(), 6);
    const QModelIndex first = tree->index(0, 0);
    QCOMPARE(tree->rowCount(first), 3);
    QCOMPARE(tree->index(1, ResultTreeModel::ValueColumn, first).data().toString(), u"L'Étranger"_s);
    results->setCurrentView(ResultsPanel::TextView);
    QVERIFY2(results->resultText().contains(u"id: book:stranger"_s),
             qPrintable(results->resultText()));
    results->setCurrentView(ResultsPanel::GridView);
}

void tst_Console::parseErrorShowsPosition()
{
    ConsoleWidget *console = newConsole();
    QVERIFY(!runAndWait(console, QString()));
    QVERIFY(runAndWait(console, u"SELECT * FROM book;\nSELECT * FROM ;"_s));
    const QString error = console->results()->errorText();
    QVERIFY2(error.contains(u"Parse error"_s), qPrintable(error));
    QVERIFY2(error.contains(u"line 2, column 15"_s), qPrintable(error));
    QCOMPARE(console->results()->statementCount(), 0);
    QVERIFY(console->editor()->hasErrorMark());
    QCOMPARE(console->editor()->errorLine(), 1);
    int line = -1;
    int index = -1;
    console->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 14);
    // Editing clears the mark.
    console->editor()->insertAt(u" "_s, 0, 0);
    QVERIFY(!console->editor()->hasErrorMark());
}

void tst_Console::parseErrorInSelection()
{
    ConsoleWidget *console = newConsole();
    console->setText(u"RETURN 1;\nRETURN 2; SELECT * FROM ;"_s);
    console->editor()->setSelection(1, 10, 1, 25);
    QVERIFY(console->runSelectionAction()->isEnabled());
    QSignalSpy finished(console, &ConsoleWidget::runFinished);
    QVERIFY(console->runSelection());
    QVERIFY(finished.wait(RunTimeoutMs));
    // The server counts from the selection; the editor from the text.
    QVERIFY2(console->results()->errorText().contains(u"line 2, column 25"_s),
             qPrintable(console->results()->errorText()));
    int line = -1;
    int index = -1;
    console->editor()->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 24);
}

void tst_Console::variablesAreBoundParameters()
{
    ConsoleWidget *console = newConsole();
    const QString hostile = u"'; REMOVE TABLE book; -- \"quoted\" \\ back`tick` ⟨x⟩ $n {{}}\n"
                            "second line, tab\t, emoji 🦀"_s;
    const QString hostileJson = QString::fromUtf8(
        QJsonDocument(QJsonArray{hostile}).toJson(QJsonDocument::Compact));
    console->variables()->addVariable(u"hostile"_s, hostileJson.mid(1, hostileJson.size() - 2));
    console->variables()->addVariable(u"$n"_s, u"41"_s);
    console->variables()->addVariable(u"obj"_s, u"{\"a\": [1, 2.5, null], \"b\": \"x\"}"_s);
    QVERIFY(runAndWait(console,
                       u"RETURN $hostile; RETURN $n + 1; RETURN $obj; "
                       "RETURN count(SELECT * FROM book);"_s));
    ResultsPanel *results = console->results();
    QCOMPARE(results->statementCount(), 4);
    QCOMPARE(results->statement(0).result().toString(), hostile);
    QCOMPARE(results->statement(1).result().toInteger(), 42);
    const QCborMap object = results->statement(2).result().toMap();
    QCOMPARE(object.value("b"_L1).toString(), u"x"_s);
    QCOMPARE(object.value("a"_L1).toArray().at(1).toDouble(), 2.5);
    // Nothing was spliced into the query: the books are still there.
    QCOMPARE(results->statement(3).result().toInteger(), 6);

    // Completion offers the panel's names as parameters.
    QVERIFY(console->editor()->apis()->completions({u"$h"_s}).contains(u"$hostile"_s));

    // An invalid value stops the run before anything is sent.
    console->variables()->addVariable(u"bad"_s, u"not json"_s);
    console->setText(u"RETURN $bad"_s);
    QVERIFY(!console->runAll());
    QVERIFY(console->results()->errorText().contains(u"$bad"_s));
}

void tst_Console::historyRecordsAndSearches()
{
    const QString path = m_dir.filePath(u"history/history.sqlite"_s);
    QueryHistory history(path);
    ConsoleWidget console;
    console.setConnection(m_window->sandbox()->connection());
    console.setHistory(&history);
    QSignalSpy recorded(&history, &QueryHistory::recorded);
    QVERIFY(runAndWait(&console, u"RETURN 'history-alpha';"_s));
    QVERIFY(runAndWait(&console, u"RETURN 'history-beta'; SELECT * FROM nope::nope();"_s));
    QTRY_COMPARE(recorded.size(), 2);
    const auto alpha = recorded.at(0).at(0).value<HistoryEntry>();
    QCOMPARE(alpha.query, u"RETURN 'history-alpha';"_s);
    QCOMPARE(alpha.status, HistoryEntry::Status::Ok);
    QVERIFY(alpha.durationMs > 0);
    QCOMPARE(alpha.statements, 1);
    QVERIFY(alpha.ranAt.isValid());
    QCOMPARE(recorded.at(1).at(0).value<HistoryEntry>().status, HistoryEntry::Status::Error);
    QVERIFY(QFile::exists(path));

    HistoryPanel *panel = console.historyPanel();
    panel->setFilter(u"alpha"_s);
    QTRY_COMPARE(panel->entryCount(), 1);
    QCOMPARE(panel->entry(0).query, alpha.query);
    panel->setFilter(u"history-"_s);
    QTRY_COMPARE(panel->entryCount(), 2);
    QCOMPARE(panel->entry(0).status, HistoryEntry::Status::Error); // newest first
    // LIKE wildcards in the filter are taken literally.
    panel->setFilter(u"history%alpha"_s);
    QTRY_COMPARE(panel->entryCount(), 0);

    // An entry goes back into the editor.
    panel->setFilter(u"alpha"_s);
    QTRY_COMPARE(panel->entryCount(), 1);
    console.setText(QString());
    panel->activate(0);
    QCOMPARE(console.text(), alpha.query);

    // The file keeps the runs for the next session.
    QueryHistory reopened(path);
    auto search = reopened.search(u"history-"_s);
    QTRY_VERIFY(search.isFinished());
    QCOMPARE(search.result().size(), 2);
}

void tst_Console::completionFromLiveSchema()
{
    ConsoleWidget *console = newConsole();
    const SurqlApis *apis = console->editor()->apis();
    QVERIFY(console->schema()->isLoaded());
    QVERIFY(apis->completions({u"bo"_s}).contains(u"book"_s));
    QVERIFY(apis->completions({u"SEL"_s}).contains(u"SELECT"_s));
    QVERIFY(apis->completions({u"sel"_s}).contains(u"SELECT"_s));
    QVERIFY(apis->completions({u"book"_s, u"ti"_s}).contains(u"title"_s));
    QVERIFY(apis->completions({u"author"_s, u""_s}).contains(u"country"_s));
    QVERIFY(apis->completions({u"string"_s, u"le"_s}).contains(u"len"_s));
    QVERIFY(apis->completions({u"string"_s, u"distance"_s, u"ham"_s}).contains(u"hamming"_s));
    QVERIFY(apis->completions({u"$be"_s}).contains(u"$before"_s));
    // Fields of the tables the text mentions come without a prefix.
    console->setText(u"SELECT  FROM publisher"_s);
    QVERIFY(apis->completions({u"ci"_s}).contains(u"city"_s));
    QVERIFY(!apis->completions({u"ti"_s}).contains(u"title"_s));

    // After DEFINE, completion knows the new table and field; after REMOVE it forgets them.
    QSignalSpy refreshed(console->schema(), &SchemaCatalog::refreshed);
    QVERIFY(runAndWait(console,
                       u"DEFINE TABLE gadget SCHEMAFULL; "
                       "DEFINE FIELD colour ON gadget TYPE string;"
                       "DEFINE FUNCTION fn::greet($who: string) { RETURN 'hi ' + $who };"_s));
    QVERIFY(refreshed.wait(RunTimeoutMs));
    QVERIFY(apis->completions({u"gad"_s}).contains(u"gadget"_s));
    QVERIFY(apis->completions({u"gadget"_s, u"co"_s}).contains(u"colour"_s));
    QVERIFY(apis->completions({u"fn"_s, u"gr"_s}).contains(u"greet"_s));
    QVERIFY(runAndWait(console, u"REMOVE TABLE gadget; REMOVE FUNCTION fn::greet;"_s));
    QVERIFY(refreshed.wait(RunTimeoutMs));
    QVERIFY(!apis->completions({u"gad"_s}).contains(u"gadget"_s));
}

void tst_Console::editorCompletesFromApis()
{
    ConsoleWidget *console = newConsole();
    ConsoleEditor *editor = console->editor();
    const auto complete = [editor](const QString &text) {
        editor->setText(text);
        editor->setCursorPosition(0, int(text.size()));
        editor->autoCompleteFromAPIs();
        if (!editor->isListActive())
            return QString();
        editor->SendScintilla(QsciScintillaBase::SCI_AUTOCCOMPLETE);
        return editor->text();
    };
    QCOMPARE(complete(u"SELECT * FROM publ"_s), u"SELECT * FROM publisher"_s);
    QCOMPARE(complete(u"SELECT book.tit"_s), u"SELECT book.title"_s);
    QCOMPARE(complete(u"RETURN string::upp"_s), u"RETURN string::uppercase"_s);
    QCOMPARE(complete(u"RETURN $aft"_s), u"RETURN $after"_s);
    QCOMPARE(complete(u"sele"_s), u"SELECT"_s);
}

void tst_Console::hundredThousandRows()
{
    ConsoleWidget *console = newConsole();
    console->resize(1200, 800);
    QVERIFY(runAndWait(console,
                       u"SELECT $this AS n, 'row ' + <string> $this AS label, $this % 7 = 0 AS "
                       "lucky FROM <array> (0..100000);"_s,
                       BigRunTimeoutMs));
    ResultsPanel *results = console->results();
    QCOMPARE(results->statementCount(), 1);
    QCOMPARE(results->statementStatusText(0), u"OK"_s);
    const ResultTableModel *grid = results->tableModel();
    QCOMPARE(grid->rowCount(), 100000);
    QCOMPARE(grid->columnCount(), 3);

    QTableView *table = results->tableView();
    QElapsedTimer timer;
    timer.start();
    table->scrollToBottom();
    QApplication::processEvents();
    table->viewport()->repaint();
    const qint64 scrollMs = timer.elapsed();
    qInfo("scrolled to row 100,000 and painted in %lld ms", scrollMs);
    QVERIFY2(scrollMs < 1000, qPrintable(QString::number(scrollMs)));
    QCOMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
    const QModelIndex last = table->indexAt(QPoint(2, table->viewport()->height() - 3));
    QCOMPARE(last.row(), 99999);
    const QString n = cell(grid, 99999, u"n"_s);
    QCOMPARE(cell(grid, 99999, u"label"_s), u"row "_s + n);
    QCOMPARE(grid->headerData(99999, Qt::Vertical).toInt(), 100000);

    // Selecting the statement again, and the tree, stay quick.
    timer.restart();
    results->selectStatement(0);
    results->setCurrentView(ResultsPanel::TreeView);
    QApplication::processEvents();
    QCOMPARE(results->treeModel()->rowCount(), 100000);
    const qint64 viewMs = timer.elapsed();
    qInfo("reset grid and tree over 100,000 rows in %lld ms", viewMs);
    QVERIFY2(viewMs < 1000, qPrintable(QString::number(viewMs)));
    results->setCurrentView(ResultsPanel::GridView);

    // CSV export writes every row, off the GUI thread.
    const QString path = m_dir.filePath(u"big.csv"_s);
    auto exported = results->exportResult(0, ResultExporter::Format::Csv, path);
    QTRY_VERIFY_WITH_TIMEOUT(exported.isFinished(), RunTimeoutMs);
    QCOMPARE(exported.result(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count("\r\n"), 100001);
}

void tst_Console::exportCsvAndJson()
{
    ConsoleWidget *console = newConsole();
    QVERIFY(runAndWait(console,
                       u"SELECT id, name, born, country FROM author ORDER BY name;"
                       "RETURN { quote: 'say \"hi\", then go', n: 1.5dec };"_s));
    ResultsPanel *results = console->results();
    const QString csvPath = m_dir.filePath(u"authors.csv"_s);
    QSignalSpy finished(results, &ResultsPanel::exportFinished);
    results->exportResult(0, ResultExporter::Format::Csv, csvPath);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), u"id,born,country,name"_s); // the server sorts keys
    QCOMPARE(lines.at(1), u"author:camus,1913-11-07T00:00:00Z,FR,Albert Camus"_s);

    const QString quotePath = m_dir.filePath(u"quote.csv"_s);
    auto quote = results->exportResult(1, ResultExporter::Format::Csv, quotePath);
    QTRY_VERIFY(quote.isFinished());
    QFile quoteFile(quotePath);
    QVERIFY(quoteFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(quoteFile.readAll()),
             u"n,quote\r\n1.5,\"say \"\"hi\"\", then go\"\r\n"_s);

    const QString jsonPath = m_dir.filePath(u"authors.json"_s);
    auto json = results->exportResult(0, ResultExporter::Format::Json, jsonPath);
    QTRY_VERIFY(json.isFinished());
    QCOMPARE(json.result(), QString());
    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(jsonFile.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().size(), 4);
    QCOMPARE(document.array().at(0)[u"id"_s].toString(), u"author:camus"_s);
    QCOMPARE(document.array().at(0)[u"born"_s].toString(), u"1913-11-07T00:00:00Z"_s);

    // A path that cannot be written reports why.
    auto failed = results->exportResult(0,
                                        ResultExporter::Format::Json,
                                        m_dir.filePath(u"missing/dir/x.json"_s));
    QTRY_VERIFY(failed.isFinished());
    QVERIFY(!failed.result().isEmpty());
}

void tst_Console::cancelStopsWaiting()
{
    ConsoleWidget *console = newConsole();
    QSignalSpy finished(console, &ConsoleWidget::runFinished);
    console->setText(u"SLEEP 2s; RETURN 'late';"_s);
    QVERIFY(console->runAll());
    QVERIFY(console->isRunning());
    QVERIFY(console->cancelAction()->isEnabled());
    QVERIFY(!console->runAction()->isEnabled());
    QTest::qWait(100);
    console->cancelAction()->trigger();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(!console->isRunning());
    QVERIFY(console->statusText().startsWith(u"Cancelled"_s));
    // The late reply is dropped, and the console runs again.
    QTest::qWait(2500);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(console->results()->statementCount(), 0);
    QVERIFY(runAndWait(console, u"RETURN 'again';"_s));
    QCOMPARE(console->results()->statement(0).result().toString(), u"again"_s);
}

void tst_Console::keyboardShortcuts()
{
    ConsoleWidget *console = newConsole();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    console->editor()->setFocus();
    QTRY_VERIFY(QApplication::focusWidget() == console->editor());
    console->setText(u"RETURN 'by keyboard';"_s);
    QSignalSpy finished(console, &ConsoleWidget::runFinished);
    // Ctrl+Return reaches the console's Run action, not Scintilla.
    QTest::keyClick(console->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(RunTimeoutMs));
    QCOMPARE(console->results()->statement(0).result().toString(), u"by keyboard"_s);
    QCOMPARE(console->text(), u"RETURN 'by keyboard';"_s);

    // Ctrl+T opens a new console, even from the editor.
    const int tabs = m_window->documentTabs()->count();
    QTest::keyClick(console->editor(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_window->documentTabs()->count(), tabs + 1);
}

void tst_Console::tabsAndFiles()
{
    ConsoleManager *manager = m_window->consoles();
    QTabWidget *tabs = m_window->documentTabs();
    const int before = tabs->count();
    manager->newQueryAction()->trigger();
    QCOMPARE(tabs->count(), before + 1);
    ConsoleWidget *console = manager->currentConsole();
    QVERIFY(console);
    QCOMPARE(manager->newQueryAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));

    console->setText(u"-- saved\nSELECT * FROM publisher;\n"_s);
    QVERIFY(console->isModified());
    QVERIFY(tabs->tabText(tabs->currentIndex()).endsWith(u'*'));
    const QString path = m_dir.filePath(u"query.surql"_s);
    QString error;
    QVERIFY2(manager->saveCurrentAs(path, &error), qPrintable(error));
    QCOMPARE(tabs->tabText(tabs->currentIndex()), u"query.surql"_s);
    QVERIFY(!console->isModified());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), QByteArray("-- saved\nSELECT * FROM publisher;\n"));

    ConsoleWidget *opened = manager->openFile(path, &error);
    QVERIFY2(opened, qPrintable(error));
    QVERIFY(opened != console);
    QCOMPARE(opened->text(), console->text());
    QCOMPARE(opened->filePath(), path);
    QVERIFY(!manager->openFile(m_dir.filePath(u"nope.surql"_s), &error));
    QVERIFY(!error.isEmpty());

    const int count = tabs->count();
    QVERIFY(manager->closeConsole(opened));
    QCOMPARE(tabs->count(), count - 1);
}

void tst_Console::screenshot()
{
    ConsoleManager *manager = m_window->consoles();
    // The console that opened with the sandbox, with the other tabs closed.
    const QList<ConsoleWidget *> consoles = manager->consoles();
    for (ConsoleWidget *console : consoles.mid(1)) {
        console->editor()->setModified(false);
        manager->closeConsole(console);
    }
    QTRY_COMPARE(manager->consoles().size(), 1);
    ConsoleWidget *console = manager->consoles().constFirst();
    m_window->documentTabs()->setCurrentWidget(console);
    console->variables()->addVariable(u"since"_s, u"1960"_s);
    QVERIFY(runAndWait(console,
                       u"-- Books since $since, with their authors and reviews\n"
                       "SELECT id, title, year, price, tags,\n"
                       "    array::first(<-wrote<-author.name) AS author,\n"
                       "    count(<-reviewed) AS reviews\n"
                       "FROM book WHERE year >= $since ORDER BY year;\n"
                       "SELECT count() AS readers FROM reader GROUP ALL;\n"_s));
    console->results()->selectStatement(0);
    QCOMPARE(console->results()->tableModel()->rowCount(), 4);
    console->editor()->setCursorPosition(0, 0);
    console->editor()->setModified(false);
    // Room for the console: a shorter log.
    if (auto *log = m_window->findChild<QDockWidget *>(u"LogDock"_s))
        m_window->resizeDocks({log}, {120}, Qt::Vertical);
    QTest::qWait(300);
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    const QString target = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR", QDir::currentPath());
    QVERIFY(QDir().mkpath(target));
    const QString file = QDir(target).filePath(u"studio-console.png"_s);
    QVERIFY(image.save(file, "PNG"));
    qInfo("screenshot: %s", qPrintable(file));
}

QTEST_MAIN(tst_Console)
#include "tst_console.moc"

#include "console/ConsoleEditor.h"

#include "console/SurqlApis.h"
#include "console/SurqlLexer.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>

#include <QtGui/QFontDatabase>
#include <QtGui/QKeySequence>
#include <QtGui/QShortcut>

namespace SurrealQt {

namespace {
const QColor ErrorColor(0xd3, 0x2f, 0x2f);
} // namespace

ConsoleEditor::ConsoleEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new SurqlLexer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    m_apis = new SurqlApis(m_lexer);

    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setMarginsFont(font);
    setMarginType(0, NumberMargin);
    setMarginWidth(0, QStringLiteral("00000"));
    setMarginLineNumbers(0, true);
    setMarginsForegroundColor(QColor(0x8a, 0x8a, 0x8a));
    setMarginsBackgroundColor(QColor(0xf5, 0xf5, 0xf5));
    setMarginWidth(1, 12);
    setMarginSensitivity(1, false);

    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(0xf3, 0xf6, 0xfb));
    setBraceMatching(SloppyBraceMatch);
    setMatchedBraceBackgroundColor(QColor(0xd7, 0xe8, 0xff));
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setAutoIndent(true);
    setWrapMode(WrapNone);
    // A horizontal scroll bar only once a line is wider than the view.
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, true);

    setAutoCompletionSource(AcsAPIs);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    setAutoCompletionUseSingle(AcusNever);

    m_errorMarker = markerDefine(RightTriangle);
    setMarkerForegroundColor(ErrorColor, m_errorMarker);
    setMarkerBackgroundColor(ErrorColor, m_errorMarker);
    m_errorIndicator = indicatorDefine(SquiggleIndicator);
    setIndicatorForegroundColor(ErrorColor, m_errorIndicator);

    // These keys belong to the console's and the window's actions, not to Scintilla's defaults
    // (Ctrl+T transposes lines there).
    const QKeyCombination freed[] = {Qt::CTRL | Qt::Key_Return,
                                     Qt::CTRL | Qt::SHIFT | Qt::Key_Return,
                                     Qt::CTRL | Qt::Key_Enter,
                                     Qt::CTRL | Qt::SHIFT | Qt::Key_Enter,
                                     Qt::CTRL | Qt::Key_T,
                                     Qt::CTRL | Qt::Key_Space};
    for (const QKeyCombination combination : freed) {
        const int key = combination.toCombined();
        if (QsciCommand *command = standardCommands()->boundTo(key)) {
            if (command->key() == key) {
                command->setKey(0);
            } else {
                command->setAlternateKey(0);
            }
        }
    }
    auto *complete = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), this);
    complete->setContext(Qt::WidgetShortcut);
    connect(complete, &QShortcut::activated, this, &QsciScintilla::autoCompleteFromAPIs);

    connect(this, &QsciScintilla::textChanged, this, &ConsoleEditor::clearErrorMark);
}

void ConsoleEditor::markError(int line, int column)
{
    clearErrorMark();
    line = qBound(0, line, qMax(0, lines() - 1));
    column = qBound(0, column, qMax(0, int(text(line).size())));
    m_errorLine = line;
    markerAdd(line, m_errorMarker);
    setCursorPosition(line, column);
    // Underline the word at the error, or one character.
    const long position = positionFromLineIndex(line, column);
    long end = SendScintilla(SCI_WORDENDPOSITION, position, true);
    if (end <= position)
        end = SendScintilla(SCI_POSITIONAFTER, position);
    int lineTo = 0;
    int indexTo = 0;
    lineIndexFromPosition(int(end), &lineTo, &indexTo);
    fillIndicatorRange(line, column, lineTo, indexTo, m_errorIndicator);
    ensureLineVisible(line);
}

void ConsoleEditor::clearErrorMark()
{
    if (m_errorLine < 0)
        return;
    markerDeleteAll(m_errorMarker);
    clearIndicatorRange(0,
                        0,
                        qMax(0, lines() - 1),
                        int(text(qMax(0, lines() - 1)).size()),
                        m_errorIndicator);
    m_errorLine = -1;
}

int ConsoleEditor::styleAt(int position) const
{
    return int(SendScintilla(SCI_GETSTYLEAT, position));
}

} // namespace SurrealQt

#include "console/SurqlLexer.h"

#include "console/SurqlTokenizer.h"

#include <Qsci/qsciscintilla.h>

#include <QtGui/QColor>
#include <QtGui/QFont>
#include <QtGui/QFontDatabase>

using namespace Qt::StringLiterals;

namespace SurrealQt {

SurqlLexer::SurqlLexer(QObject *parent)
    : QsciLexerCustom(parent)
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    for (int style = 0; style < SurqlTokenizer::StyleCount; ++style) {
        setColor(defaultColor(style), style);
        setFont(defaultFont(style), style);
        setPaper(defaultPaper(style), style);
    }
}

const char *SurqlLexer::language() const
{
    return "SurrealQL";
}

QString SurqlLexer::description(int style) const
{
    switch (style) {
    case SurqlTokenizer::Default:
        return tr("Default");
    case SurqlTokenizer::Comment:
        return tr("Comment");
    case SurqlTokenizer::Keyword:
        return tr("Keyword");
    case SurqlTokenizer::Function:
        return tr("Function");
    case SurqlTokenizer::String:
        return tr("String");
    case SurqlTokenizer::Number:
        return tr("Number");
    case SurqlTokenizer::Parameter:
        return tr("Parameter");
    case SurqlTokenizer::RecordId:
        return tr("Record id");
    case SurqlTokenizer::Duration:
        return tr("Duration");
    case SurqlTokenizer::Operator:
        return tr("Operator");
    case SurqlTokenizer::Identifier:
        return tr("Quoted identifier");
    default:
        return {};
    }
}

QColor SurqlLexer::defaultColor(int style) const
{
    switch (style) {
    case SurqlTokenizer::Comment:
        return QColor(0x6a, 0x73, 0x7d);
    case SurqlTokenizer::Keyword:
        return QColor(0x00, 0x33, 0xb3);
    case SurqlTokenizer::Function:
        return QColor(0x00, 0x62, 0x7a);
    case SurqlTokenizer::String:
        return QColor(0x06, 0x7d, 0x17);
    case SurqlTokenizer::Number:
        return QColor(0x17, 0x50, 0xeb);
    case SurqlTokenizer::Parameter:
        return QColor(0x87, 0x10, 0x94);
    case SurqlTokenizer::RecordId:
        return QColor(0xa3, 0x4a, 0x00);
    case SurqlTokenizer::Duration:
        return QColor(0x0b, 0x6e, 0x99);
    case SurqlTokenizer::Operator:
        return QColor(0x4a, 0x4a, 0x4a);
    case SurqlTokenizer::Identifier:
        return QColor(0x8a, 0x5a, 0x00);
    default:
        return QColor(0x1f, 0x1f, 0x1f);
    }
}

QFont SurqlLexer::defaultFont(int style) const
{
    QFont font = m_font;
    if (style == SurqlTokenizer::Keyword)
        font.setBold(true);
    if (style == SurqlTokenizer::Comment)
        font.setItalic(true);
    return font;
}

QColor SurqlLexer::defaultPaper(int /*style*/) const
{
    return QColor(Qt::white);
}

const char *SurqlLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";
}

QStringList SurqlLexer::autoCompletionWordSeparators() const
{
    return {u"::"_s, u"."_s};
}

const char *SurqlLexer::blockStartKeyword(int *style) const
{
    if (style)
        *style = SurqlTokenizer::Keyword;
    return nullptr;
}

bool SurqlLexer::caseSensitive() const
{
    return false;
}

// Styles whole lines from the one holding `start`, each starting in the state the previous line
// ended in, and carries on past `end` while a line's end state differs from what it was (an
// opened or closed block comment restyles the lines it covers).
void SurqlLexer::styleText(int start, int end)
{
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const auto send = [ed](unsigned int message, unsigned long wParam = 0, long lParam = 0) {
        return ed->SendScintilla(message, wParam, lParam);
    };
    const int length = int(send(QsciScintillaBase::SCI_GETLENGTH));
    int line = int(send(QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(send(QsciScintillaBase::SCI_LINEFROMPOSITION, end));
    const int lineCount = int(send(QsciScintillaBase::SCI_GETLINECOUNT));
    auto state = SurqlTokenizer::State(
        line > 0 ? send(QsciScintillaBase::SCI_GETLINESTATE, line - 1) : 0);
    startStyling(int(send(QsciScintillaBase::SCI_POSITIONFROMLINE, line)));
    for (; line < lineCount; ++line) {
        const int lineStart = int(send(QsciScintillaBase::SCI_POSITIONFROMLINE, line));
        const int lineEnd = line + 1 < lineCount
                                ? int(send(QsciScintillaBase::SCI_POSITIONFROMLINE, line + 1))
                                : length;
        const QByteArray text = ed->bytes(lineStart, lineEnd);
        state = SurqlTokenizer::tokenize(text.left(lineEnd - lineStart),
                                         state,
                                         [this](int, int tokenLength, SurqlTokenizer::Style style) {
                                             setStyling(tokenLength, style);
                                         });
        const auto previous = SurqlTokenizer::State(send(QsciScintillaBase::SCI_GETLINESTATE, line));
        send(QsciScintillaBase::SCI_SETLINESTATE, line, state);
        if (line >= lastLine && previous == state)
            break;
    }
}

} // namespace SurrealQt

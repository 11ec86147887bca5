#pragma once

#include <Qsci/qsciscintilla.h>

namespace SurrealQt {

class SchemaCatalog;
class SurqlApis;
class SurqlLexer;

// The console's SurrealQL editor: QScintilla with the SurrealQL lexer, line numbers, completion
// from SurqlApis (Ctrl+Space, or as you type), and a mark for the position of a parse error.
// Ctrl+Return, Ctrl+Shift+Return and Ctrl+T are left to the console's and window's actions.
class ConsoleEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit ConsoleEditor(QWidget *parent = nullptr);

    SurqlLexer *surqlLexer() const { return m_lexer; }
    SurqlApis *apis() const { return m_apis; }

    // Puts the cursor at a 0-based line and column (in characters), marks that line in the
    // margin and underlines the token there.
    void markError(int line, int column);
    void clearErrorMark();
    bool hasErrorMark() const { return m_errorLine >= 0; }
    int errorLine() const { return m_errorLine; }

    // The style Scintilla gave the byte at `position` (for tests).
    int styleAt(int position) const;

private:
    SurqlLexer *m_lexer = nullptr;
    SurqlApis *m_apis = nullptr;
    int m_errorMarker = -1;
    int m_errorIndicator = -1;
    int m_errorLine = -1;
};

} // namespace SurrealQt

#pragma once

#include <QtCore/QByteArray>

#include <functional>

namespace SurrealQt {

// Splits SurrealQL (UTF-8 bytes, as QScintilla stores it) into highlighting tokens. It knows
// nothing of QScintilla, so the lexer and the tests share it. A construct that spans lines
// (a block comment, a string) is carried over as the state a line ends in.
class SurqlTokenizer
{
public:
    enum Style {
        Default,
        Comment,
        Keyword,
        Function,
        String,
        Number,
        Parameter,
        RecordId,
        Duration,
        Operator,
        Identifier, // `quoted` or ⟨bracketed⟩
        StyleCount,
    };

    enum State { Normal, InBlockComment, InDoubleString, InSingleString, InBacktick, InAngle };

    // Receives consecutive tokens that cover the whole text: byte offset, byte length, style.
    using Sink = std::function<void(int start, int length, Style style)>;

    // Tokenizes `text` that begins in `state`; returns the state at its end.
    static State tokenize(const QByteArray &text, State state, const Sink &sink);
};

} // namespace SurrealQt

#pragma once

// Private: a SurrealQL tokenizer for the schema parser. It knows enough of the language to find
// clause boundaries (strings, quoted identifiers, comments, brackets), not to evaluate anything.

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

namespace SurrealQt {

struct SurqlToken
{
    enum class Type {
        End,         // end of input
        Identifier,  // bare word: letters, digits, underscore
        QuotedIdent, // `...` or ⟨...⟩; text is the decoded name
        String,      // '...' or "..." (optionally prefixed r, d, u, s, b, f); text is decoded
        Number,      // 12, 1.5, 1e3, 1.5f, 2dec, and words starting with a digit (1h30m, 3d)
        Param,       // $name or $`name`; text is the decoded name
        Punct,       // one symbol, or one of :: -> ..
        Error,       // unterminated string, identifier or comment; text says what
    };

    Type type = Type::End;
    QString text;
    qsizetype begin = 0; // offset of the first character in the source
    qsizetype end = 0;   // offset after the last character
    int line = 1;
    int column = 1;
    QChar prefix; // string prefix (r, d, u, s, b, f) or null

    bool is(Type t) const { return type == t; }
    bool isPunct(QStringView symbol) const { return type == Type::Punct && text == symbol; }
    // A bare identifier equal to the keyword, ignoring ASCII case.
    bool isKeyword(QStringView keyword) const;
    // How the token reads in an error message: `word`, 'string', end of input.
    QString describe() const;
};

class SurqlLexer
{
public:
    // Splits the whole text; the list always ends with an End or an Error token.
    static QList<SurqlToken> tokenize(QStringView source);
};

} // namespace SurrealQt

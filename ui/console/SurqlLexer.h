#pragma once

#include <Qsci/qscilexercustom.h>

namespace SurrealQt {

// SurrealQL highlighting for QScintilla: keywords, functions (string::len, fn::greet), strings,
// numbers, durations, comments (--, //, #, /* */), parameters ($x), record ids (person:tobie)
// and `quoted` or ⟨bracketed⟩ identifiers, in colours readable on a light background. The
// styles are SurqlTokenizer::Style; each line's end state (an open comment or string) is kept
// as Scintilla's line state, so editing restyles from the changed line only.
class SurqlLexer : public QsciLexerCustom
{
    Q_OBJECT

public:
    explicit SurqlLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    void styleText(int start, int end) override;

    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    const char *wordCharacters() const override;
    QStringList autoCompletionWordSeparators() const override;
    const char *blockStartKeyword(int *style = nullptr) const override;
    bool caseSensitive() const override;

private:
    QFont m_font;
};

} // namespace SurrealQt

#pragma once

// Private: reads a FieldKind from the schema tokenizer's tokens.

#include "FieldKind.h"
#include "SurqlLexer_p.h"

#include <optional>

namespace SurrealQt {

class FieldKindReader
{
public:
    // Reads from tokens[pos]; on success pos is after the kind.
    FieldKindReader(const QList<SurqlToken> &tokens, qsizetype &pos)
        : m_tokens(tokens)
        , m_pos(pos)
    {}

    std::optional<FieldKind> read();

    // After a failure: the token that did not fit and what was expected there.
    qsizetype errorIndex() const { return m_errorIndex; }
    const QString &expected() const { return m_expected; }

private:
    std::optional<FieldKind> readEither(int depth);
    std::optional<FieldKind> readSingle(int depth);
    std::optional<FieldKind> readNamed(const QString &word, int depth);
    std::optional<QStringList> readNames(bool lowercase);
    std::optional<FieldKind> readLiteralArray(int depth);
    std::optional<FieldKind> readLiteralObject(int depth);
    std::optional<FieldKind> readElement(bool isSet, int depth);
    const SurqlToken &peek() const;
    bool acceptPunct(QStringView symbol);
    std::nullopt_t fail(const QString &expected);

    const QList<SurqlToken> &m_tokens;
    qsizetype &m_pos;
    qsizetype m_errorIndex = -1;
    QString m_expected;
};

} // namespace SurrealQt

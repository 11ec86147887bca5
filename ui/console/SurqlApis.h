#pragma once

#include <Qsci/qsciabstractapis.h>

#include <QtCore/QPointer>

namespace SurrealQt {

class SchemaCatalog;

// The completion source of the console's editor: keywords, built-in functions, the live
// schema's tables, fields, functions and parameters, and the variables panel's $names.
//
// QScintilla hands over the words before the cursor split at "::" and "." (the last one is the
// part being typed): ["sel"] offers keywords, functions, tables and the fields of the tables the
// text mentions; ["string", "le"] offers "len"; ["book", "ti"] offers book's fields; ["$na"]
// offers parameters.
class SurqlApis : public QsciAbstractAPIs
{
    Q_OBJECT

public:
    explicit SurqlApis(QsciLexer *lexer);

    void setCatalog(SchemaCatalog *catalog);
    // Without the leading $.
    void setVariables(const QStringList &names);

    // The entries offered for a context, sorted, without duplicates.
    QStringList completions(const QStringList &context) const;

    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    QStringList callTips(const QStringList &context,
                         int commas,
                         QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

private:
    QStringList tablesInText() const;

    QPointer<SchemaCatalog> m_catalog;
    QStringList m_variables;
};

} // namespace SurrealQt

#include "console/SurqlApis.h"

#include "console/SchemaCatalog.h"
#include "console/SurqlWords.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QtCore/QRegularExpression>
#include <QtCore/QSet>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

void addMatching(QStringList &out, const QStringList &candidates, const QString &prefix)
{
    for (const QString &candidate : candidates) {
        if (candidate.startsWith(prefix, Qt::CaseInsensitive))
            out.append(candidate);
    }
}

// The entries under `path` (e.g. "string::distance::"): "hamming", "levenshtein"...
void addBelow(QStringList &out, const QStringList &names, const QString &path, const QString &prefix)
{
    for (const QString &name : names) {
        if (name.startsWith(path, Qt::CaseInsensitive)) {
            const QString rest = name.mid(path.size());
            if (rest.startsWith(prefix, Qt::CaseInsensitive))
                out.append(rest);
        }
    }
}

} // namespace

SurqlApis::SurqlApis(QsciLexer *lexer)
    : QsciAbstractAPIs(lexer)
{}

void SurqlApis::setCatalog(SchemaCatalog *catalog)
{
    m_catalog = catalog;
}

void SurqlApis::setVariables(const QStringList &names)
{
    m_variables = names;
}

QStringList SurqlApis::tablesInText() const
{
    if (!m_catalog || !lexer() || !lexer()->editor())
        return {};
    static const QRegularExpression wordPattern(u"[A-Za-z_][A-Za-z0-9_]*"_s);
    QSet<QString> words;
    const QString text = lexer()->editor()->text();
    for (auto it = wordPattern.globalMatch(text); it.hasNext();)
        words.insert(it.next().captured());
    QStringList tables;
    for (const QString &table : m_catalog->tables()) {
        if (words.contains(table))
            tables.append(table);
    }
    return tables;
}

QStringList SurqlApis::completions(const QStringList &context) const
{
    if (context.isEmpty())
        return {};
    const SurqlWords &words = SurqlWords::instance();
    const QString prefix = context.constLast();
    QStringList functions = words.functions();
    if (m_catalog)
        functions += m_catalog->functions();
    QStringList out;
    if (context.size() == 1) {
        if (prefix.startsWith(u'$')) {
            QStringList parameters = words.parameters();
            for (const QString &name : m_variables)
                parameters.append(u'$' + name);
            if (m_catalog)
                parameters += m_catalog->parameters();
            addMatching(out, parameters, prefix);
        } else if (!prefix.isEmpty()) {
            addMatching(out, words.keywords(), prefix);
            addMatching(out, functions, prefix);
            if (m_catalog) {
                addMatching(out, m_catalog->tables(), prefix);
                for (const QString &table : tablesInText())
                    addMatching(out, m_catalog->fields(table), prefix);
            }
        }
    } else {
        const QStringList path = context.mid(0, context.size() - 1);
        addBelow(out, functions, path.join(u"::"_s) + u"::"_s, prefix);
        // book.ti → book's fields; person.address.ci → the nested field's path.
        if (m_catalog && m_catalog->tables().contains(path.constFirst())) {
            const QString fieldPath = QStringList(path.mid(1)).join(u'.');
            addBelow(out,
                     m_catalog->fields(path.constFirst()),
                     fieldPath.isEmpty() ? QString() : fieldPath + u'.',
                     prefix);
        }
    }
    // Sorted without regard to case, each entry once.
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void SurqlApis::updateAutoCompletionList(const QStringList &context, QStringList &list)
{
    list += completions(context);
}

QStringList SurqlApis::callTips(const QStringList & /*context*/,
                                int /*commas*/,
                                QsciScintilla::CallTipsStyle /*style*/,
                                QList<int> & /*shifts*/)
{
    return {};
}

} // namespace SurrealQt

#include "console/SurqlWords.h"

#include <QtCore/QFile>

using namespace Qt::StringLiterals;

// The resources live in the static SurrealQtUi library: make sure they are registered.
static void initSurqlResources()
{
    Q_INIT_RESOURCE(surql);
}

namespace SurrealQt {

const SurqlWords &SurqlWords::instance()
{
    static const SurqlWords words;
    return words;
}

SurqlWords::SurqlWords()
{
    initSurqlResources();
    for (const QString &word : readList(u":/surql/keywords.txt"_s)) {
        if (word.startsWith(u'$')) {
            m_parameters.append(word);
        } else {
            m_keywords.append(word);
            m_keywordSet.insert(word.toLower());
        }
    }
    m_functions = readList(u":/surql/functions.txt"_s);
    for (const QString &function : std::as_const(m_functions))
        m_functionSet.insert(function.toLower());
}

QStringList SurqlWords::readList(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qWarning("SurqlWords: cannot read %s", qPrintable(resource));
        return {};
    }
    QStringList words;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#') && !words.contains(line))
            words.append(line);
    }
    return words;
}

bool SurqlWords::isKeyword(QStringView word) const
{
    return m_keywordSet.contains(word.toString().toLower());
}

bool SurqlWords::isFunction(QStringView name) const
{
    return m_functionSet.contains(name.toString().toLower());
}

} // namespace SurrealQt

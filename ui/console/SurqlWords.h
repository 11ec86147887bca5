#pragma once

#include <QtCore/QSet>
#include <QtCore/QStringList>

namespace SurrealQt {

// The SurrealQL word lists, read once from the resources (resources/surql/keywords.txt and
// functions.txt, in surql.qrc): keywords and type names, built-in parameters, and the built-in
// functions and constants of SurrealDB 3.
class SurqlWords
{
public:
    static const SurqlWords &instance();

    // Upper-case keywords then lower-case type names, as listed.
    const QStringList &keywords() const { return m_keywords; }
    // "$this", "$value"...
    const QStringList &parameters() const { return m_parameters; }
    // "array::add", "string::len", "count", "math::pi"...
    const QStringList &functions() const { return m_functions; }

    bool isKeyword(QStringView word) const;
    bool isFunction(QStringView name) const;

private:
    SurqlWords();
    static QStringList readList(const QString &resource);

    QStringList m_keywords;
    QStringList m_parameters;
    QStringList m_functions;
    QSet<QString> m_keywordSet;  // lower case
    QSet<QString> m_functionSet; // lower case
};

} // namespace SurrealQt

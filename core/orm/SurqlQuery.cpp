#include "SurqlQuery.h"

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

SurqlQuery::SurqlQuery(QString text, QCborMap vars)
    : m_text(std::move(text))
    , m_vars(std::move(vars))
{}

QString SurqlQuery::bind(const QCborValue &value)
{
    QString name;
    do {
        name = u"p"_s + QString::number(m_next++);
    } while (m_vars.contains(name));
    return bind(name, value);
}

QString SurqlQuery::bind(const QString &name, const QCborValue &value)
{
    m_vars.insert(name, value);
    return u"$"_s + name;
}

} // namespace SurrealQt

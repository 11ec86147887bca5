#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QString>

namespace SurrealQt {

// SurrealQL text and the values bound to its parameters: what a query set compiles to, ready for
// Connection::query(text(), vars()). Values only ever enter through bind(), never the text.
class SURREALQT_CORE_EXPORT SurqlQuery
{
public:
    SurqlQuery() = default;
    SurqlQuery(QString text, QCborMap vars = {});

    const QString &text() const { return m_text; }
    const QCborMap &vars() const { return m_vars; }
    void setText(QString text) { m_text = std::move(text); }
    void append(QStringView text) { m_text += text; }

    // Binds the value to the next numbered parameter and returns its name: "$p0", "$p1"...
    QString bind(const QCborValue &value);
    // Binds the value to a named parameter ("cursor" → "$cursor") and returns "$name".
    QString bind(const QString &name, const QCborValue &value);

    friend bool operator==(const SurqlQuery &a, const SurqlQuery &b)
    {
        return a.m_text == b.m_text && a.m_vars == b.m_vars;
    }

private:
    QString m_text;
    QCborMap m_vars;
    int m_next = 0;
};

} // namespace SurrealQt

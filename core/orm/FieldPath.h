#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QStringView>

#include <optional>

namespace SurrealQt {

// A field name as the ORM splices it into SurrealQL: one identifier ([A-Za-z_][A-Za-z0-9_]*) or
// a dotted path of them (`address.city`). Anything else is refused: a field name is not a value
// and never travels as one, so a name that is not plainly an identifier is an error, never text.
class SURREALQT_CORE_EXPORT FieldPath
{
public:
    // `address.city`; nullopt and a message in *error for anything else.
    static std::optional<FieldPath> parse(QStringView path, QString *error = nullptr);
    // The parts of a path (`{"address", "city"}`); each may itself be dotted.
    static std::optional<FieldPath> fromParts(const QStringList &parts, QString *error = nullptr);
    // One identifier: a letter or underscore, then letters, digits and underscores (ASCII).
    static bool isIdentifier(QStringView name);

    const QStringList &parts() const { return m_parts; }
    // `address.city`.
    QString toSurql() const { return m_parts.join(QLatin1Char('.')); }

    friend bool operator==(const FieldPath &, const FieldPath &) = default;

private:
    QStringList m_parts;
};

} // namespace SurrealQt

#include "ModelSpec.h"

namespace SurrealQt {

FieldSpec &FieldSpec::kind(const QString &surqlKind)
{
    m_kind = surqlKind;
    return *this;
}

FieldSpec &FieldSpec::assertion(const QString &expression)
{
    m_def.assertion = expression;
    return *this;
}

FieldSpec &FieldSpec::defaultValue(const QString &expression, bool always)
{
    m_def.defaultValue = expression;
    m_def.defaultAlways = always;
    return *this;
}

FieldSpec &FieldSpec::readonly(bool readonly)
{
    m_def.readonly = readonly;
    return *this;
}

FieldSpec &FieldSpec::value(const QString &expression)
{
    m_def.value = expression;
    return *this;
}

FieldSpec &FieldSpec::link(const QString &table)
{
    m_link = table;
    return *this;
}

FieldSpec &FieldSpec::reference(FieldDef::Reference::OnDelete onDelete, const QString &then)
{
    m_def.reference = FieldDef::Reference{onDelete, then};
    return *this;
}

FieldSpec &FieldSpec::optional(bool optional)
{
    m_optional = optional;
    return *this;
}

FieldSpec &FieldSpec::permissions(const Permissions &permissions)
{
    m_def.permissions = permissions;
    return *this;
}

FieldSpec &FieldSpec::comment(const QString &comment)
{
    m_def.comment = comment;
    return *this;
}

ModelSpec::ModelSpec(QString table)
    : m_table(std::move(table))
{}

ModelSpec &ModelSpec::schemafull(bool schemafull)
{
    m_schemafull = schemafull;
    return *this;
}

ModelSpec &ModelSpec::relation(const QStringList &in, const QStringList &out)
{
    m_type = Type::Relation;
    m_in = in;
    m_out = out;
    return *this;
}

ModelSpec &ModelSpec::user(const UserSpec &user)
{
    m_type = Type::User;
    m_user = user;
    if (m_user.access.isEmpty())
        m_user.access = m_table + QStringLiteral("_access");
    // A signed-in user sees and edits its own record only; SIGNUP creates records.
    const Permission own = Permission::where(QStringLiteral("id = $auth.id"));
    m_permissions = {own, Permission::none(), own, Permission::none()};
    return *this;
}

ModelSpec &ModelSpec::field(const QString &name, const FieldSpec &spec)
{
    for (auto &[existing, current] : m_fields) {
        if (existing == name) {
            current = spec;
            return *this;
        }
    }
    m_fields.append({name, spec});
    return *this;
}

ModelSpec &ModelSpec::index(const QString &name, const QStringList &fields, IndexDef::Type type)
{
    IndexDef index;
    index.name = name;
    for (const QString &field : fields)
        index.fields.append(field.split(u'.'));
    index.type = type;
    m_indexes.append(index);
    return *this;
}

ModelSpec &ModelSpec::permissions(const Permissions &permissions)
{
    m_permissions = permissions;
    return *this;
}

ModelSpec &ModelSpec::changefeed(const QString &duration, bool includeOriginal)
{
    m_changefeed = duration;
    m_changefeedOriginal = includeOriginal;
    return *this;
}

ModelSpec &ModelSpec::comment(const QString &comment)
{
    m_comment = comment;
    return *this;
}

const FieldSpec *ModelSpec::fieldSpec(const QString &name) const
{
    for (const auto &[existing, spec] : m_fields) {
        if (existing == name)
            return &spec;
    }
    return nullptr;
}

} // namespace SurrealQt

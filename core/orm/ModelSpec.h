#pragma once

#include <surrealqt/schema/FieldDef.h>
#include <surrealqt/schema/IndexDef.h>
#include <surrealqt/schema/Permissions.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <utility>

namespace SurrealQt {

// The constraints of one model field: what DEFINE FIELD adds to the type that the C++ property
// gives (QString → string, int → int, RecordId → option<record<link>>...). Expressions are
// SurrealQL text written by the programmer, never user input.
class SURREALQT_CORE_EXPORT FieldSpec
{
public:
    FieldSpec() = default;

    // Overrides the type derived from the property: `kind(u"option<string>"_s)`.
    FieldSpec &kind(const QString &surqlKind);
    // ASSERT: `assertion(u"string::len($value) > 0"_s)` (assert is a C macro).
    FieldSpec &assertion(const QString &expression);
    // DEFAULT [ALWAYS]: on create, a property still at its C++ default is left out so that the
    // server's default applies.
    FieldSpec &defaultValue(const QString &expression, bool always = false);
    FieldSpec &readonly(bool readonly = true);
    // VALUE: computed by the server on every write (read back after save).
    FieldSpec &value(const QString &expression);
    // The table a RecordId (record<table>) or QList<RecordId> (array<record<table>>) points to.
    FieldSpec &link(const QString &table);
    // REFERENCE ON DELETE ... (a link that the server keeps consistent).
    FieldSpec &reference(FieldDef::Reference::OnDelete onDelete, const QString &then = {});
    // option<...>: the field may be absent.
    FieldSpec &optional(bool optional = true);
    FieldSpec &permissions(const Permissions &permissions);
    FieldSpec &comment(const QString &comment);

    const FieldDef &definition() const { return m_def; }
    const QString &kindText() const { return m_kind; }
    const QString &linkTable() const { return m_link; }
    bool isOptional() const { return m_optional; }

private:
    FieldDef m_def;
    QString m_kind;
    QString m_link;
    bool m_optional = false;
};

// A user model's record access: DEFINE ACCESS name ON DATABASE TYPE RECORD with a SIGNUP that
// creates the record (hashing the password with crypto::argon2::generate on the server) and a
// SIGNIN that checks it with crypto::argon2::compare.
struct UserSpec
{
    QString access;                             // the access name; `<table>_access` when empty
    QString identity = QStringLiteral("email"); // the field that names the user
    QString password = QStringLiteral("password");
    QStringList signupFields; // other fields SIGNUP takes from its variables
    QString tokenDuration = QStringLiteral("1h");
    QString sessionDuration = QStringLiteral("12h");
};

// The static description of a model: its table, its type (normal, relation or user), schemafull
// or schemaless, per-field constraints, indexes, permissions and change feed. A model's
// `static ModelSpec describe()` returns one:
//
//   return ModelSpec(u"person"_s)
//       .schemafull()
//       .field(u"name"_s, FieldSpec().assertion(u"string::len($value) > 0"_s))
//       .field(u"email"_s, FieldSpec().readonly())
//       .unique(u"person_email"_s, {u"email"_s})
//       .changefeed(u"1d"_s);
class SURREALQT_CORE_EXPORT ModelSpec
{
public:
    enum class Type { Normal, Relation, User };

    explicit ModelSpec(QString table);

    ModelSpec &schemafull(bool schemafull = true);
    ModelSpec &schemaless() { return schemafull(false); }
    // TYPE RELATION IN ... OUT ...: the model has `in` and `out` RecordId properties and is
    // created with RELATE.
    ModelSpec &relation(const QStringList &in, const QStringList &out);
    // A user model (TYPE NORMAL plus the record access of `user`).
    ModelSpec &user(const UserSpec &user = {});
    ModelSpec &field(const QString &name, const FieldSpec &spec);
    ModelSpec &index(const QString &name,
                     const QStringList &fields,
                     IndexDef::Type type = IndexDef::Type::Plain);
    ModelSpec &unique(const QString &name, const QStringList &fields)
    {
        return index(name, fields, IndexDef::Type::Unique);
    }
    ModelSpec &permissions(const Permissions &permissions);
    ModelSpec &changefeed(const QString &duration, bool includeOriginal = false);
    ModelSpec &comment(const QString &comment);

    const QString &table() const { return m_table; }
    Type type() const { return m_type; }
    bool isSchemafull() const { return m_schemafull; }
    const QStringList &relationIn() const { return m_in; }
    const QStringList &relationOut() const { return m_out; }
    const UserSpec &userSpec() const { return m_user; }
    const QList<std::pair<QString, FieldSpec>> &fields() const { return m_fields; }
    const FieldSpec *fieldSpec(const QString &name) const;
    const QList<IndexDef> &indexes() const { return m_indexes; }
    const Permissions &tablePermissions() const { return m_permissions; }
    const std::optional<QString> &changefeedDuration() const { return m_changefeed; }
    bool changefeedIncludesOriginal() const { return m_changefeedOriginal; }
    const std::optional<QString> &tableComment() const { return m_comment; }

private:
    QString m_table;
    Type m_type = Type::Normal;
    bool m_schemafull = false;
    QStringList m_in;
    QStringList m_out;
    UserSpec m_user;
    QList<std::pair<QString, FieldSpec>> m_fields;
    QList<IndexDef> m_indexes;
    Permissions m_permissions = Permissions::full();
    std::optional<QString> m_changefeed;
    bool m_changefeedOriginal = false;
    std::optional<QString> m_comment;
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <vector>

namespace SurrealQt {

// A field's TYPE as a small tree: `option<array<record<user>>>` is an either of `none` and an
// array whose element is a record kind. It prints in the server's canonical form (`none |
// array<record<user>>`), and two kinds are equal when their canonical forms are.
class SURREALQT_CORE_EXPORT FieldKind
{
public:
    enum class Type {
        Any,
        None,
        Null,
        Bool,
        Bytes,
        Datetime,
        Decimal,
        Duration,
        Float,
        Int,
        Number,
        Object,
        String,
        Uuid,
        Regex,
        Range,
        Function,
        Record,   // names(): the tables, empty for any record
        Table,    // names(): the tables
        Geometry, // names(): point, line, polygon, multipoint, multiline, multipolygon, collection
        File,     // names(): the buckets
        Array,    // children(): the element; size() the maximum length
        Set,      // children(): the element; size() the maximum length
        Either,   // children(): the alternatives
        Literal,  // literalText(): a string, number, duration or bool in canonical form
        LiteralArray,  // children(): the positions, `[string, int]`
        LiteralObject, // keys() and children(): `{ a: string, b: int }`
    };

    FieldKind() = default;
    explicit FieldKind(Type type);

    static FieldKind record(QStringList tables = {});
    static FieldKind table(QStringList tables = {});
    static FieldKind geometry(QStringList kinds = {});
    static FieldKind file(QStringList buckets = {});
    static FieldKind array(FieldKind element, std::optional<qint64> size = {});
    static FieldKind set(FieldKind element, std::optional<qint64> size = {});
    // `option<T>` is `none | T`.
    static FieldKind option(FieldKind inner);
    // Flattens nested alternatives and drops duplicates; one alternative is that kind itself.
    static FieldKind either(const std::vector<FieldKind> &kinds);
    // A literal from its SurrealQL text (`'a'`, `42`, `1.5`, `3d`, `true`); nullopt if invalid.
    static std::optional<FieldKind> literal(QStringView text);
    static FieldKind literalArray(std::vector<FieldKind> items);
    static FieldKind literalObject(const QStringList &keys, std::vector<FieldKind> values);

    // Parses a kind written in SurrealQL (`option<array<record<user>>>`, `'a' | 'b'`).
    static std::optional<FieldKind> parse(QStringView text, QString *error = nullptr);

    Type type() const { return m_type; }
    const QStringList &names() const { return m_names; }
    const std::vector<FieldKind> &children() const { return m_children; }
    const QStringList &keys() const { return m_keys; }
    std::optional<qint64> size() const { return m_size; }
    const QString &literalText() const { return m_literal; }

    bool isAny() const { return m_type == Type::Any; }
    // Whether NONE is one of the alternatives (the field may be absent).
    bool isOptional() const;
    // What the server puts in the implied `field.*` definition: the element kind of an array or
    // set, the alternatives' element kinds for an either; nullopt when there is none.
    std::optional<FieldKind> innerKind() const;

    // The canonical SurrealQL text, exactly as INFO prints it.
    QString toString() const;

    friend bool operator==(const FieldKind &a, const FieldKind &b)
    {
        return a.toString() == b.toString();
    }

private:
    Type m_type = Type::Any;
    QStringList m_names;
    std::vector<FieldKind> m_children;
    QStringList m_keys;
    std::optional<qint64> m_size;
    QString m_literal;
};

} // namespace SurrealQt

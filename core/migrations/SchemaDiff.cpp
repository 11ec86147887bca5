#include "SchemaDiff.h"

#include <surrealqt/schema/SchemaNormalizer.h>
#include <surrealqt/schema/SchemaPrinter.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QSet>

#include <algorithm>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

using Op = SchemaOperation;
using Mode = SchemaPrinter::Mode;

QString overwrite(const QString &define)
{
    // "DEFINE FIELD x …" → "DEFINE FIELD OVERWRITE x …"
    QString text = define;
    const qsizetype space = text.indexOf(u' ', 7);
    if (space > 0)
        text.insert(space, u" OVERWRITE"_s);
    return text;
}

QString join(const QStringList &statements)
{
    QStringList parts;
    for (const QString &s : statements) {
        if (!s.isEmpty())
            parts.append(s);
    }
    return parts.join(u";\n"_s);
}

QString removeField(const QString &table, const QStringList &path)
{
    return u"REMOVE FIELD "_s + SurqlSyntax::formatPath(path) + u" ON "_s
           + SurqlSyntax::quoteIdentifier(table);
}

QString removeOn(const QString &what, const QString &name, const QString &table)
{
    return u"REMOVE "_s + what + u' ' + SurqlSyntax::quoteIdentifier(name) + u" ON "_s
           + SurqlSyntax::quoteIdentifier(table);
}

QString functionName(const QString &name)
{
    QStringList parts;
    for (const QString &part : name.split(u"::"_s))
        parts.append(SurqlSyntax::quoteKeywordFreeIdentifier(part));
    return u"fn::"_s + parts.join(u"::"_s);
}

// The table's own clauses, without its fields, indexes and events.
TableDef clauses(TableDef table)
{
    table.fields.clear();
    table.indexes.clear();
    table.events.clear();
    return table;
}

QStringList parentOf(const QStringList &path)
{
    return path.mid(0, path.size() - 1);
}

bool isRelationEnd(const QStringList &path)
{
    return path.size() == 1 && (path.front() == u"in" || path.front() == u"out");
}

class DiffBuilder
{
public:
    DiffBuilder(const Schema &from, const Schema &to)
        : m_from(SchemaNormalizer::normalized(from))
        , m_to(SchemaNormalizer::normalized(to))
    {}

    QList<Op> build()
    {
        databaseDefinitions();
        QList<const TableDef *> tables;
        for (const TableDef &t : m_to.tables)
            tables.append(&t);
        std::stable_partition(tables.begin(), tables.end(), [](const TableDef *t) {
            return !t->isView();
        });
        for (const TableDef *t : tables)
            table(*t);
        for (const TableDef *t : tables)
            fields(*t);
        for (const TableDef *t : tables)
            indexes(*t);
        for (const TableDef *t : tables)
            events(*t);
        removals();
        QList<Op> out;
        for (const QList<Op> *group : {&m_defines,
                                       &m_tables,
                                       &m_indexDrops,
                                       &m_earlyFieldRemovals,
                                       &m_fields,
                                       &m_indexes,
                                       &m_events,
                                       &m_removals})
            out.append(*group);
        return out;
    }

private:
    template<typename T, typename Print, typename Remove>
    void defineAll(const QList<T> &from,
                   const QList<T> &to,
                   Op::Type define,
                   Op::Type remove,
                   Print print,
                   Remove removeText,
                   QList<Op> &removals)
    {
        for (const T &item : to) {
            const auto old = std::find_if(from.begin(), from.end(), [&](const T &o) {
                return o.name == item.name;
            });
            if (old != from.end() && *old == item)
                continue;
            Op op;
            op.type = define;
            op.name = item.name;
            op.forward = old == from.end() ? print(item) : overwrite(print(item));
            op.backward = old == from.end() ? removeText(item) : overwrite(print(*old));
            m_defines.append(op);
        }
        for (const T &item : from) {
            if (std::any_of(to.begin(), to.end(), [&](const T &n) { return n.name == item.name; }))
                continue;
            Op op;
            op.type = remove;
            op.name = item.name;
            op.forward = removeText(item);
            op.backward = print(item);
            removals.append(op);
        }
    }

    void databaseDefinitions()
    {
        defineAll(
            m_from.params,
            m_to.params,
            Op::Type::DefineParam,
            Op::Type::RemoveParam,
            [](const ParamDef &p) -> QString { return SchemaPrinter::printParam(p); },
            [](const ParamDef &p) -> QString {
                return u"REMOVE PARAM $"_s + SurqlSyntax::quoteKeywordFreeIdentifier(p.name);
            },
            m_removedParams);
        defineAll(
            m_from.functions,
            m_to.functions,
            Op::Type::DefineFunction,
            Op::Type::RemoveFunction,
            [](const FunctionDef &f) -> QString { return SchemaPrinter::printFunction(f); },
            [](const FunctionDef &f) -> QString {
                return u"REMOVE FUNCTION "_s + functionName(f.name);
            },
            m_removedFunctions);
        defineAll(
            m_from.analyzers,
            m_to.analyzers,
            Op::Type::DefineAnalyzer,
            Op::Type::RemoveAnalyzer,
            [](const AnalyzerDef &a) -> QString { return SchemaPrinter::printAnalyzer(a); },
            [](const AnalyzerDef &a) -> QString {
                return u"REMOVE ANALYZER "_s + SurqlSyntax::quoteIdentifier(a.name);
            },
            m_removedAnalyzers);
        defineAll(
            m_from.accesses,
            m_to.accesses,
            Op::Type::DefineAccess,
            Op::Type::RemoveAccess,
            [](const AccessDef &a) -> QString { return SchemaPrinter::printAccess(a, Mode::Surql); },
            [](const AccessDef &a) -> QString {
                return u"REMOVE ACCESS "_s + SurqlSyntax::quoteIdentifier(a.name) + u" ON "_s
                       + a.level;
            },
            m_removedAccesses);
        for (Op &op : m_removedAccesses) {
            const AccessDef *old = m_from.access(op.name);
            const bool secret = old
                                && (old->jwt.key == u"[REDACTED]"
                                    || old->jwt.issuerKey == u"[REDACTED]")
                                && old->type != AccessDef::Type::Bearer;
            if (secret) {
                op.destructive = true;
                op.reason = u"the access's secret key is not readable and cannot be restored"_s;
            }
        }
        defineAll(
            m_from.users,
            m_to.users,
            Op::Type::DefineUser,
            Op::Type::RemoveUser,
            [](const UserDef &u) -> QString { return SchemaPrinter::printUser(u); },
            [](const UserDef &u) -> QString {
                return u"REMOVE USER "_s + SurqlSyntax::quoteIdentifier(u.name) + u" ON "_s
                       + u.level;
            },
            m_removedUsers);
    }

    void table(const TableDef &to)
    {
        const TableDef *from = m_from.table(to.name);
        if (!from) {
            Op op;
            op.type = Op::Type::CreateTable;
            op.table = op.name = to.name;
            op.forward = SchemaPrinter::printTable(to, Mode::Surql);
            op.backward = u"REMOVE TABLE "_s + SurqlSyntax::quoteIdentifier(to.name);
            m_tableOps.insert(to.name, {&m_tables, m_tables.size()});
            m_tables.append(op);
            m_relationRebuilt.insert(to.name);
            return;
        }
        if (clauses(*from) == clauses(to))
            return;
        if (from->view != to.view) {
            recreate(*from, to);
            return;
        }
        Op op;
        op.type = Op::Type::AlterTable;
        op.table = op.name = to.name;
        op.forward = overwrite(SchemaPrinter::printTable(to, Mode::Surql));
        op.backward = overwrite(SchemaPrinter::printTable(*from, Mode::Surql));
        if (!from->schemafull && to.schemafull) {
            op.destructive = true;
            op.reason = u"SCHEMAFULL: values of undefined fields are dropped from the records"_s;
        } else if (from->type != to.type || from->relationIn != to.relationIn
                   || from->relationOut != to.relationOut || (!from->enforced && to.enforced)) {
            op.destructive = true;
            op.reason = u"the table type changes: existing records may not fit it"_s;
        } else if (!from->drop && to.drop) {
            op.destructive = true;
            op.reason = u"DROP: the table stops keeping records"_s;
        }
        if (to.type == TableDef::Type::Relation
            && (from->type != to.type || from->relationIn != to.relationIn
                || from->relationOut != to.relationOut))
            m_relationRebuilt.insert(to.name);
        // SCHEMALESS only once the FLEXIBLE fields are gone (the server refuses them there).
        QList<Op> &list = from->schemafull && !to.schemafull ? m_relaxedTables : m_tables;
        m_tableOps.insert(to.name, {&list, list.size()});
        list.append(op);
    }

    // A view whose query changes, or a table that becomes or stops being a view, is removed and
    // defined again: after OVERWRITE the server keeps the view tied to its old source table.
    void recreate(const TableDef &from, const TableDef &to)
    {
        const QString remove = u"REMOVE TABLE "_s + SurqlSyntax::quoteIdentifier(to.name);
        Schema old;
        old.tables.append(from);
        Op op;
        op.type = Op::Type::AlterTable;
        op.table = op.name = to.name;
        op.forward = join({remove, SchemaPrinter::printTable(to, Mode::Surql)});
        op.backward = join({remove, join(SchemaPrinter::statements(old, Mode::Surql))});
        if (!from.isView()) {
            op.destructive = true;
            op.reason = u"the table and its records are removed to define it as a view"_s;
        }
        m_recreated.insert(to.name);
        m_relationRebuilt.insert(to.name);
        m_tableOps.insert(to.name, {&m_tables, m_tables.size()});
        m_tables.append(op);
    }

    // The table as it is before this diff, or null when it is new (or defined again).
    const TableDef *before(const QString &name) const
    {
        return m_recreated.contains(name) ? nullptr : m_from.table(name);
    }

    // Whether this diff makes the server (re)define the implied field at `path` by itself.
    bool regenerated(const QString &table, const QStringList &path) const
    {
        if (isRelationEnd(path))
            return m_relationRebuilt.contains(table);
        const QString key = table + u'\x1f' + parentOf(path).join(u'\x1f');
        return path.size() > 1 && (m_fieldOps.contains(key) || m_regenerated.contains(key));
    }

    static QString key(const QString &table, const QStringList &path)
    {
        return table + u'\x1f' + path.join(u'\x1f');
    }

    // The operation whose run makes the server define `path`: the parent's, or the table's.
    Op *generatorOf(const QString &table, const QStringList &path)
    {
        if (isRelationEnd(path)) {
            const auto it = m_tableOps.constFind(table);
            return it == m_tableOps.constEnd() ? nullptr : &(*it->first)[it->second];
        }
        for (QStringList p = parentOf(path); !p.isEmpty(); p = parentOf(p)) {
            const auto it = m_fieldOps.constFind(key(table, p));
            if (it != m_fieldOps.constEnd())
                return &m_fields[*it];
        }
        return nullptr;
    }

    void fields(const TableDef &to)
    {
        const TableDef *from = before(to.name);
        QList<FieldDef> sorted = to.fields;
        std::stable_sort(sorted.begin(), sorted.end(), [](const FieldDef &a, const FieldDef &b) {
            return a.path < b.path;
        });
        for (const FieldDef &field : sorted) {
            const std::optional<FieldDef> implied = SchemaNormalizer::impliedField(to, field.path);
            const FieldDef *old = from ? from->field(field.path) : nullptr;
            // The server redefines it with the new type and keeps its other clauses.
            FieldDef retyped = old ? *old : field;
            retyped.kind = field.kind;
            if (implied && *implied == field && retyped == field
                && regenerated(to.name, field.path)) {
                m_regenerated.insert(key(to.name, field.path));
                // Undoing the generator must first remove what the server added (a field cannot
                // become COMPUTED again while nested fields exist).
                if (!old) {
                    if (Op *generator = generatorOf(to.name, field.path);
                        generator && generator->type != Op::Type::CreateTable
                        && !m_recreated.contains(to.name)) {
                        generator->backward = join(
                            {removeField(to.name, field.path), generator->backward});
                    }
                }
                continue;
            }
            if (old && *old == field)
                continue;
            Op op;
            op.type = old ? Op::Type::AlterField : Op::Type::AddField;
            op.table = to.name;
            op.name = field.name();
            op.fieldPath = field.path;
            const QString text = SchemaPrinter::printField(field, to.name);
            op.forward = (old || implied) ? overwrite(text) : text;
            op.backward = old ? overwrite(SchemaPrinter::printField(*old, to.name))
                              : removeField(to.name, field.path);
            // Undone on a SCHEMAFULL table, the values must go too (see removals()).
            if (!old && from && from->schemafull && !field.path.contains(u"*"_s)) {
                op.backward = join({op.backward,
                                    u"UPDATE "_s + SurqlSyntax::quoteIdentifier(to.name)
                                        + u" UNSET "_s + SurqlSyntax::formatPath(field.path)});
            }
            // A required field added to an existing table: SurrealDB leaves the records without
            // a value (a DEFAULT applies to new records only), and every later write to them
            // fails. Fill them with the DEFAULT, or refuse (with the count) when there is none.
            const bool required = field.kind && !field.kind->isAny() && !field.kind->isOptional();
            if (!old && from && field.path.size() == 1 && required && !field.computed
                && !field.value && !implied) {
                op.kind = field.kind->toString();
                if (field.defaultValue) {
                    op.convert = *field.defaultValue;
                } else {
                    op.destructive = true;
                    op.reason = u"existing records have no value for the required field: give it "
                                "a DEFAULT or a \"convert\" expression"_s;
                }
            }
            if (old && old->kind != field.kind) {
                op.destructive = true;
                op.kind = field.kind ? field.kind->toString() : u"any"_s;
                op.reason = u"the type changes from %1 to %2: existing records may not fit it"_s
                                .arg(old->kind ? old->kind->toString() : u"any"_s,
                                     field.kind ? field.kind->toString() : u"any"_s);
            }
            m_fieldOps.insert(key(to.name, field.path), m_fields.size());
            m_fields.append(op);
        }
    }

    // A changed index is removed before the fields change and defined again after them (a
    // field cannot become COMPUTED while an index uses it); indexes hold no data.
    void indexes(const TableDef &to)
    {
        const TableDef *from = before(to.name);
        for (const IndexDef &index : to.indexes) {
            const IndexDef *old = from ? from->index(index.name) : nullptr;
            if (old && *old == index)
                continue;
            if (old)
                m_indexDrops.append(dropIndex(*old, to.name));
            Op op;
            op.type = Op::Type::CreateIndex;
            op.table = to.name;
            op.name = index.name;
            op.forward = SchemaPrinter::printIndex(index, to.name);
            op.backward = removeOn(u"INDEX"_s, index.name, to.name);
            m_indexes.append(op);
        }
    }

    static Op dropIndex(const IndexDef &index, const QString &table)
    {
        Op op;
        op.type = Op::Type::DropIndex;
        op.table = table;
        op.name = index.name;
        op.forward = removeOn(u"INDEX"_s, index.name, table);
        op.backward = SchemaPrinter::printIndex(index, table);
        return op;
    }

    void events(const TableDef &to)
    {
        const TableDef *from = before(to.name);
        for (const EventDef &event : to.events) {
            const EventDef *old = from ? from->event(event.name) : nullptr;
            if (old && *old == event)
                continue;
            Op op;
            op.type = Op::Type::DefineEvent;
            op.table = to.name;
            op.name = event.name;
            const QString text = SchemaPrinter::printEvent(event, to.name);
            op.forward = old ? overwrite(text) : text;
            op.backward = old ? overwrite(SchemaPrinter::printEvent(*old, to.name))
                              : removeOn(u"EVENT"_s, event.name, to.name);
            m_events.append(op);
        }
    }

    void removals()
    {
        QList<Op> events;
        QList<Op> fields;
        QList<Op> tables;
        for (const TableDef &from : m_from.tables) {
            const TableDef *to = m_to.table(from.name);
            if (!to) {
                Op op;
                op.type = Op::Type::DropTable;
                op.table = op.name = from.name;
                op.forward = u"REMOVE TABLE "_s + SurqlSyntax::quoteIdentifier(from.name);
                Schema alone;
                alone.tables.append(from);
                op.backward = join(SchemaPrinter::statements(alone, Mode::Surql));
                op.destructive = true;
                op.reason = u"the table and all its records are removed"_s;
                (from.isView() ? tables.prepend(op) : tables.append(op));
                continue;
            }
            if (m_recreated.contains(from.name))
                continue; // removed with the table

            for (const EventDef &event : from.events) {
                if (to->event(event.name))
                    continue;
                Op op;
                op.type = Op::Type::RemoveEvent;
                op.table = from.name;
                op.name = event.name;
                op.forward = removeOn(u"EVENT"_s, event.name, from.name);
                op.backward = SchemaPrinter::printEvent(event, from.name);
                events.append(op);
            }
            for (const IndexDef &index : from.indexes) {
                if (!to->index(index.name))
                    m_indexDrops.append(dropIndex(index, from.name));
            }
            QList<FieldDef> removed;
            for (const FieldDef &field : from.fields) {
                if (!to->field(field.path))
                    removed.append(field);
            }
            // Children before their parents.
            std::stable_sort(removed.begin(),
                             removed.end(),
                             [](const FieldDef &a, const FieldDef &b) { return b.path < a.path; });
            for (const FieldDef &field : removed) {
                Op op;
                op.type = Op::Type::RemoveField;
                op.table = from.name;
                op.name = field.name();
                op.fieldPath = field.path;
                op.forward = removeField(from.name, field.path);
                const std::optional<FieldDef> implied = SchemaNormalizer::impliedField(from,
                                                                                       field.path);
                // Undoing the parent's change (or removal) makes the server define it again.
                const bool parentChanges
                    = !isRelationEnd(field.path) && field.path.size() > 1
                      && (!to->field(parentOf(field.path))
                          || m_fieldOps.contains(key(from.name, parentOf(field.path)))
                          || m_regenerated.contains(key(from.name, parentOf(field.path))));
                const bool tableChanges = isRelationEnd(field.path)
                                          && m_tableOps.contains(from.name);
                if (implied && *implied == field && (parentChanges || tableChanges)) {
                    op.backward.clear();
                } else {
                    const QString text = SchemaPrinter::printField(field, from.name);
                    op.backward = implied ? overwrite(text) : text;
                }
                if (from.schemafull) {
                    op.destructive = true;
                    op.reason = u"the field's values are dropped from the schemafull table's "
                                "records"_s;
                }
                // SurrealDB 3 keeps the values of a removed field, and a SCHEMAFULL table then
                // refuses every write to those records ("no such field exists"): drop them.
                if (to->schemafull && !field.path.contains(u"*"_s)) {
                    op.forward = join({op.forward,
                                       u"UPDATE "_s + SurqlSyntax::quoteIdentifier(from.name)
                                           + u" UNSET "_s + SurqlSyntax::formatPath(field.path)});
                }
                // Nested fields go before their parent changes: the server checks a nested field
                // against its parent's type, and a field becomes COMPUTED only without them.
                bool early = false;
                for (QStringList p = parentOf(field.path); !p.isEmpty() && !early; p = parentOf(p))
                    early = m_fieldOps.contains(key(from.name, p));
                (early ? m_earlyFieldRemovals : fields).append(op);
            }
        }
        for (const QList<Op> *group : {&events,
                                       &fields,
                                       &m_relaxedTables,
                                       &tables,
                                       &m_removedUsers,
                                       &m_removedAccesses,
                                       &m_removedAnalyzers,
                                       &m_removedFunctions,
                                       &m_removedParams})
            m_removals.append(*group);
    }

    Schema m_from;
    Schema m_to;
    QList<Op> m_defines;
    QList<Op> m_tables;
    QList<Op> m_indexDrops;
    QList<Op> m_earlyFieldRemovals; // nested fields of a field that changes
    QList<Op> m_fields;
    QList<Op> m_indexes;
    QList<Op> m_events;
    QList<Op> m_removals;
    QList<Op> m_removedParams;
    QList<Op> m_removedFunctions;
    QList<Op> m_removedAnalyzers;
    QList<Op> m_removedAccesses;
    QList<Op> m_removedUsers;
    QList<Op> m_relaxedTables;                                    // SCHEMAFULL → SCHEMALESS
    QHash<QString, std::pair<QList<Op> *, qsizetype>> m_tableOps; // table → its operation
    QHash<QString, qsizetype> m_fieldOps; // key(table, path) → index in m_fields
    QSet<QString> m_regenerated;          // key(table, path) the server defines by itself
    QSet<QString> m_recreated;            // tables removed and defined again
    QSet<QString> m_relationRebuilt;      // tables whose in/out the server defines again
};

} // namespace

QList<SchemaOperation> SchemaDiff::diff(const Schema &from, const Schema &to)
{
    return DiffBuilder(from, to).build();
}

std::optional<QList<SchemaOperation>> SchemaDiff::diff(const Schema &from,
                                                       const Schema &to,
                                                       const QList<FieldRename> &renames,
                                                       QString *error)
{
    QList<SchemaOperation> ops = diff(from, to);
    for (const FieldRename &rename : renames) {
        const auto find = [&](SchemaOperation::Type type, const QString &field) {
            return std::find_if(ops.begin(), ops.end(), [&](const SchemaOperation &op) {
                return op.type == type && op.table == rename.table
                       && op.fieldPath == QStringList{field};
            });
        };
        const auto added = find(SchemaOperation::Type::AddField, rename.to);
        const auto removed = find(SchemaOperation::Type::RemoveField, rename.from);
        const TableDef *oldTable = from.table(rename.table);
        const TableDef *newTable = to.table(rename.table);
        const FieldDef *oldField = oldTable ? oldTable->field({rename.from}) : nullptr;
        const FieldDef *newField = newTable ? newTable->field({rename.to}) : nullptr;
        if (added == ops.end() || removed == ops.end() || !oldField || !newField) {
            if (error) {
                *error = u"--rename %1.%2=%3: the diff does not remove %1.%2 and add %1.%3"_s
                             .arg(rename.table, rename.from, rename.to);
            }
            return std::nullopt;
        }
        // The new definition is the desired one; the old one restores on the way back.
        SchemaOperation op = SchemaOperation::renameField(rename.table, *oldField, rename.to);
        const SchemaOperation back = SchemaOperation::renameField(rename.table,
                                                                  *newField,
                                                                  rename.from);
        op.forward = back.backward;
        *added = op;
        ops.erase(removed);
    }
    return ops;
}

QString SchemaDiff::forwardScript(const QList<SchemaOperation> &operations)
{
    QString out;
    for (const SchemaOperation &op : operations) {
        if (!op.forward.isEmpty())
            out += op.forwardWithConversion() + u";\n"_s;
    }
    return out;
}

QString SchemaDiff::backwardScript(const QList<SchemaOperation> &operations)
{
    QString out;
    for (qsizetype i = operations.size() - 1; i >= 0; --i) {
        if (!operations.at(i).backward.isEmpty())
            out += operations.at(i).backward + u";\n"_s;
    }
    return out;
}

} // namespace SurrealQt

#include "MigrationScript.h"

#include "MigrationHistory.h"
#include "TypeCheck.h"

#include <algorithm>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

QString comment(const SchemaOperation &op)
{
    QString text = u"-- "_s + op.description();
    if (op.destructive)
        text += u" (destructive: "_s + op.reason + u')';
    return text.replace(u'\n', u' ');
}

bool changesLater(const QList<SchemaOperation> &ops, qsizetype index, bool *dataLater)
{
    const SchemaOperation &op = ops.at(index);
    *dataLater = false;
    for (qsizetype k = index + 1; k < ops.size(); ++k) {
        const SchemaOperation &o = ops.at(k);
        if (o.type == SchemaOperation::Type::RunSurql)
            *dataLater = true;
        if ((o.type == SchemaOperation::Type::RemoveField && o.table == op.table
             && o.fieldPath == op.fieldPath)
            || (o.type == SchemaOperation::Type::DropTable && o.table == op.table))
            return true;
    }
    return false;
}

// The type checks of the AlterFields that change a type: right after the operation, so the
// count comes before any later statement trips over the old values; at the end of the
// migration when a RunSurql follows (it may be the conversion). None when the field goes away.
QList<std::pair<qsizetype, QString>> guards(const Migration &migration)
{
    QList<std::pair<qsizetype, QString>> out;
    const QList<SchemaOperation> &ops = migration.operations;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        bool dataLater = false;
        if (changesLater(ops, i, &dataLater))
            continue;
        const QString guard = TypeCheck::guard(ops.at(i));
        if (!guard.isEmpty())
            out.append({dataLater ? ops.size() - 1 : i, guard});
    }
    return out;
}

} // namespace

QString MigrationScript::operations(const Migration &migration, Direction direction)
{
    return text(migration, direction, false);
}

QString MigrationScript::text(const Migration &migration, Direction direction, bool withGuards)
{
    QString out;
    const QList<SchemaOperation> &ops = migration.operations;
    const QList<std::pair<qsizetype, QString>> checks = withGuards
                                                            ? guards(migration)
                                                            : QList<std::pair<qsizetype, QString>>{};
    for (qsizetype k = 0; k < ops.size(); ++k) {
        const qsizetype index = direction == Direction::Forward ? k : ops.size() - 1 - k;
        const SchemaOperation &op = ops.at(index);
        const QString text = direction == Direction::Forward ? op.forwardWithConversion()
                                                             : op.backward;
        out += comment(op) + u'\n';
        if (!text.trimmed().isEmpty())
            out += text.trimmed() + u";\n"_s;
        for (const auto &[after, guard] : checks) {
            if (after == index)
                out += guard + u";\n"_s;
        }
    }
    return out;
}

QString MigrationScript::transaction(const Migration &migration, Direction direction)
{
    QString out = u"BEGIN TRANSACTION;\n"_s
                  + text(migration, direction, direction == Direction::Forward);
    if (direction == Direction::Forward)
        out += MigrationHistory::recordStatement() + u";\n"_s;
    else
        out += MigrationHistory::forgetStatement() + u";\n"_s;
    return out + u"COMMIT TRANSACTION;\n"_s;
}

RpcError MigrationScript::failure(const QueryResponse &response)
{
    RpcError first;
    for (const StatementResult &statement : response.statements()) {
        if (statement.isOk())
            continue;
        const RpcError &error = statement.error();
        if (!first.isError())
            first = error;
        if (error.detailKind() != u"NotExecuted"
            && !error.message().contains(u"not executed due to a failed transaction"_s))
            return error;
    }
    return first;
}

} // namespace SurrealQt

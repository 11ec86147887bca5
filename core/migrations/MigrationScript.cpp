#include "MigrationScript.h"

#include "MigrationHistory.h"
#include "TypeCheck.h"

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

// The AlterFields whose field is still there at the end of the migration.
QStringList guards(const Migration &migration)
{
    QStringList out;
    const QList<SchemaOperation> &ops = migration.operations;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const SchemaOperation &op = ops.at(i);
        const bool removedLater = std::any_of(ops.begin() + i + 1, ops.end(), [&](const auto &o) {
            return (o.type == SchemaOperation::Type::RemoveField && o.table == op.table
                    && o.fieldPath == op.fieldPath)
                   || (o.type == SchemaOperation::Type::DropTable && o.table == op.table);
        });
        if (!removedLater) {
            const QString guard = TypeCheck::guard(op);
            if (!guard.isEmpty())
                out.append(guard);
        }
    }
    return out;
}

} // namespace

QString MigrationScript::operations(const Migration &migration, Direction direction)
{
    QString out;
    const QList<SchemaOperation> &ops = migration.operations;
    for (qsizetype k = 0; k < ops.size(); ++k) {
        const SchemaOperation &op = ops.at(direction == Direction::Forward ? k
                                                                           : ops.size() - 1 - k);
        const QString text = direction == Direction::Forward ? op.forwardWithConversion()
                                                             : op.backward;
        out += comment(op) + u'\n';
        if (!text.trimmed().isEmpty())
            out += text.trimmed() + u";\n"_s;
    }
    return out;
}

QString MigrationScript::transaction(const Migration &migration, Direction direction)
{
    QString out = u"BEGIN TRANSACTION;\n"_s + operations(migration, direction);
    if (direction == Direction::Forward) {
        for (const QString &guard : guards(migration))
            out += guard + u";\n"_s;
        out += MigrationHistory::recordStatement() + u";\n"_s;
    } else {
        out += MigrationHistory::forgetStatement() + u";\n"_s;
    }
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

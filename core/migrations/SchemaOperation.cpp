#include "SchemaOperation.h"

#include <surrealqt/schema/SchemaPrinter.h>
#include <surrealqt/schema/SurqlSyntax.h>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

QString SchemaOperation::typeName(Type type)
{
    switch (type) {
    case Type::CreateTable:
        return u"CreateTable"_s;
    case Type::DropTable:
        return u"DropTable"_s;
    case Type::AlterTable:
        return u"AlterTable"_s;
    case Type::AddField:
        return u"AddField"_s;
    case Type::AlterField:
        return u"AlterField"_s;
    case Type::RemoveField:
        return u"RemoveField"_s;
    case Type::CreateIndex:
        return u"CreateIndex"_s;
    case Type::DropIndex:
        return u"DropIndex"_s;
    case Type::DefineEvent:
        return u"DefineEvent"_s;
    case Type::RemoveEvent:
        return u"RemoveEvent"_s;
    case Type::DefineAccess:
        return u"DefineAccess"_s;
    case Type::RemoveAccess:
        return u"RemoveAccess"_s;
    case Type::DefineAnalyzer:
        return u"DefineAnalyzer"_s;
    case Type::RemoveAnalyzer:
        return u"RemoveAnalyzer"_s;
    case Type::DefineFunction:
        return u"DefineFunction"_s;
    case Type::RemoveFunction:
        return u"RemoveFunction"_s;
    case Type::DefineParam:
        return u"DefineParam"_s;
    case Type::RemoveParam:
        return u"RemoveParam"_s;
    case Type::DefineUser:
        return u"DefineUser"_s;
    case Type::RemoveUser:
        return u"RemoveUser"_s;
    case Type::RenameField:
        return u"RenameField"_s;
    case Type::RunSurql:
        return u"RunSurql"_s;
    }
    return {};
}

QString SchemaOperation::description() const
{
    const bool onTable = !table.isEmpty() && type != Type::CreateTable && type != Type::DropTable
                         && type != Type::AlterTable;
    return QString(typeName(type) + u' ' + (onTable ? table + u'.' + name : name)).trimmed();
}

std::optional<SchemaOperation::Type> SchemaOperation::typeFromName(QStringView name)
{
    for (int i = 0; i <= int(Type::RunSurql); ++i) {
        if (typeName(Type(i)) == name)
            return Type(i);
    }
    return std::nullopt;
}

QString SchemaOperation::forwardWithConversion() const
{
    if ((type != Type::AlterField && type != Type::AddField) || convert.trimmed().isEmpty())
        return forward;
    // AlterField converts the values there are; AddField fills the records without one.
    const QString path = SurqlSyntax::formatPath(fieldPath);
    return forward + u";\nUPDATE "_s + SurqlSyntax::quoteIdentifier(table) + u" SET "_s + path
           + u" = "_s + convert.trimmed() + u" WHERE "_s + path
           + (type == Type::AlterField ? u" != NONE"_s : u" == NONE"_s);
}

SchemaOperation SchemaOperation::renameField(const QString &table,
                                             const FieldDef &field,
                                             const QString &to)
{
    FieldDef renamed = field;
    renamed.path = QStringList{to};
    const QString quotedTable = SurqlSyntax::quoteIdentifier(table);
    const QString from = SurqlSyntax::formatPath(field.path);
    const QString target = SurqlSyntax::formatPath(renamed.path);
    // Copy only where there is a value (a NONE would fail a required field), then drop the
    // old values: a SCHEMALESS table would keep them.
    const auto move = [&](const FieldDef &define, const QString &src, const QString &dst) {
        return QStringList{SchemaPrinter::printField(define, table),
                           u"UPDATE "_s + quotedTable + u" SET "_s + dst + u" = "_s + src
                               + u" WHERE "_s + src + u" != NONE"_s,
                           u"REMOVE FIELD "_s + src + u" ON "_s + quotedTable,
                           u"UPDATE "_s + quotedTable + u" UNSET "_s + src}
            .join(u";\n"_s);
    };
    SchemaOperation op;
    op.type = Type::RenameField;
    op.table = table;
    op.name = from + u" -> "_s + target;
    op.fieldPath = renamed.path;
    op.forward = move(renamed, from, target);
    op.backward = move(field, target, from);
    return op;
}

SchemaOperation SchemaOperation::runSurql(const QString &forward,
                                          const QString &backward,
                                          const QString &name)
{
    SchemaOperation op;
    op.type = Type::RunSurql;
    op.name = name;
    op.forward = forward;
    op.backward = backward;
    return op;
}

} // namespace SurrealQt

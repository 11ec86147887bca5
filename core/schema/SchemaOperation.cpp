#include "SchemaOperation.h"

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
    }
    return {};
}

QString SchemaOperation::description() const
{
    const bool onTable = !table.isEmpty() && type != Type::CreateTable && type != Type::DropTable
                         && type != Type::AlterTable;
    return typeName(type) + u' ' + (onTable ? table + u'.' + name : name);
}

} // namespace SurrealQt

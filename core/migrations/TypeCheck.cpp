#include "TypeCheck.h"

#include <surrealqt/schema/SurqlSyntax.h>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

QString is(const char *what, const QString &value)
{
    return u"type::is_"_s + QLatin1StringView(what) + u'(' + value + u')';
}

QString anyOf(const QStringList &conditions)
{
    return conditions.size() == 1 ? conditions.front() : u'(' + conditions.join(u" OR "_s) + u')';
}

QString allOf(const QStringList &conditions)
{
    return conditions.size() == 1 ? conditions.front() : u'(' + conditions.join(u" AND "_s) + u')';
}

QString lambdaVariable(int depth)
{
    return u"$surrealqt_v%1"_s.arg(depth);
}

// Every element fits: `value.all(|$v| …)`; a set converts to an array first.
QString elementsFit(const FieldKind &element, const QString &array, int depth)
{
    const QString variable = lambdaVariable(depth);
    const QString inner = TypeCheck::fitsPredicate(element, variable, depth + 1);
    if (inner == u"true")
        return u"true"_s;
    return u"(<array> "_s + array + u").all(|"_s + variable + u"| " + inner + u')';
}

QString geometry(const QStringList &names, const QString &value)
{
    if (names.isEmpty())
        return is("geometry", value);
    QStringList any;
    for (const QString &name : names) {
        static const QStringList known{u"point"_s,
                                       u"line"_s,
                                       u"polygon"_s,
                                       u"multipoint"_s,
                                       u"multiline"_s,
                                       u"multipolygon"_s,
                                       u"collection"_s};
        if (!known.contains(name))
            return is("geometry", value);
        any.append(is(name.toLatin1().constData(), value));
    }
    return anyOf(any);
}

// The value expression of a path part after `base` (`base.city`, `base.*` handled by caller).
QString member(const QString &base, const QString &part)
{
    return base + u'.' + SurqlSyntax::quoteKeywordFreeIdentifier(part);
}

// The condition over the values at `rest` below `base`, descending through `*` with `.all`.
QString pathFits(const QString &base, QStringList rest, const FieldKind &kind, int depth)
{
    QString value = base;
    while (!rest.isEmpty() && rest.front() != u"*") {
        value = member(value, rest.takeFirst());
    }
    if (rest.isEmpty())
        return TypeCheck::fitsPredicate(kind, value, depth);
    rest.removeFirst(); // "*"
    const QString variable = lambdaVariable(depth);
    const QString inner = pathFits(variable, rest, kind, depth + 1);
    return u"(!"_s + is("array", value) + u" OR "_s + value + u".all(|"_s + variable + u"| "_s
           + inner + u"))"_s;
}

} // namespace

QString TypeCheck::fitsPredicate(const FieldKind &kind, const QString &value, int depth)
{
    using T = FieldKind::Type;
    switch (kind.type()) {
    case T::Any:
    case T::Regex:
    case T::Function:
    case T::File:
    case T::Table:
        return u"true"_s;
    case T::None:
        return is("none", value);
    case T::Null:
        return is("null", value);
    case T::Bool:
        return is("bool", value);
    case T::Bytes:
        return is("bytes", value);
    case T::Datetime:
        return is("datetime", value);
    case T::Duration:
        return is("duration", value);
    case T::Uuid:
        return is("uuid", value);
    case T::Object:
        return is("object", value);
    case T::String:
        return is("string", value);
    case T::Range:
        return is("range", value);
    case T::Decimal:
    case T::Float:
    case T::Number:
        // The server converts numbers into each other when no precision is lost.
        return is("number", value);
    case T::Int:
        return anyOf({is("int", value),
                      allOf({is("number", value), value + u" == math::floor("_s + value + u')'})});
    case T::Geometry:
        return geometry(kind.names(), value);
    case T::Record: {
        if (kind.names().isEmpty())
            return is("record", value);
        QStringList tables;
        for (const QString &table : kind.names())
            tables.append(SurqlSyntax::quoteString(table));
        return allOf({is("record", value),
                      u"record::tb("_s + value + u") IN ["_s + tables.join(u", "_s) + u']'});
    }
    case T::Array:
    case T::Set: {
        QStringList all{is(kind.type() == T::Array ? "array" : "set", value)};
        if (kind.size())
            all.append(u"array::len(<array> "_s + value + u") <= "_s
                       + QString::number(*kind.size()));
        if (!kind.children().empty()) {
            const QString elements = elementsFit(kind.children().front(), value, depth);
            if (elements != u"true")
                all.append(elements);
        }
        return allOf(all);
    }
    case T::Either: {
        QStringList any;
        for (const FieldKind &child : kind.children()) {
            const QString condition = fitsPredicate(child, value, depth);
            if (condition == u"true")
                return condition;
            any.append(condition);
        }
        return any.isEmpty() ? u"true"_s : anyOf(any);
    }
    case T::Literal:
        return value + u" == "_s + kind.literalText();
    case T::LiteralArray: {
        QStringList all{is("array", value),
                        u"array::len("_s + value + u") == "_s
                            + QString::number(kind.children().size())};
        for (size_t i = 0; i < kind.children().size(); ++i) {
            const QString condition = fitsPredicate(kind.children().at(i),
                                                    value + u'[' + QString::number(i) + u']',
                                                    depth);
            if (condition != u"true")
                all.append(condition);
        }
        return allOf(all);
    }
    case T::LiteralObject: {
        QStringList all{is("object", value)};
        for (size_t i = 0; i < kind.children().size(); ++i) {
            const QString condition = fitsPredicate(kind.children().at(i),
                                                    member(value, kind.keys().value(qsizetype(i))),
                                                    depth);
            if (condition != u"true")
                all.append(condition);
        }
        return allOf(all);
    }
    }
    return u"true"_s;
}

QString TypeCheck::misfitCount(const QString &table, const QStringList &path, const FieldKind &kind)
{
    const QString first = path.isEmpty() ? QString() : path.front();
    // The first part is a field of the record; `*` cannot start a path.
    const QString condition = pathFits(SurqlSyntax::quoteIdentifier(first), path.mid(1), kind, 0);
    return u"(SELECT count() AS n FROM "_s + SurqlSyntax::quoteIdentifier(table) + u" WHERE !("_s
           + condition + u") GROUP ALL)[0].n ?? 0"_s;
}

QString TypeCheck::errorPrefix()
{
    return u"records do not fit"_s;
}

QString TypeCheck::guard(const SchemaOperation &operation)
{
    if ((operation.type != SchemaOperation::Type::AlterField
         && operation.type != SchemaOperation::Type::AddField)
        || operation.kind.isEmpty() || operation.fieldPath.isEmpty())
        return {};
    const std::optional<FieldKind> kind = FieldKind::parse(operation.kind);
    if (!kind || kind->isAny())
        return {};
    const QString message = u": "_s + operation.table + u'.'
                            + SurqlSyntax::formatPath(operation.fieldPath)
                            + u" has records whose value is not of the new type "_s + operation.kind
                            + u"; give the "_s + SchemaOperation::typeName(operation.type)
                            + u" a \"convert\" expression or add a RunSurql that fixes them"_s;
    return u"LET $surrealqt_misfits = "_s + misfitCount(operation.table, operation.fieldPath, *kind)
           + u";\nIF $surrealqt_misfits > 0 { THROW <string> $surrealqt_misfits + "_s
           + SurqlSyntax::quoteString(QString(u' ' + errorPrefix() + message)) + u" }"_s;
}

} // namespace SurrealQt

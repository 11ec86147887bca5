#include "SchemaPrinter.h"

#include "SchemaNormalizer.h"
#include "SurqlSyntax.h"

#include <algorithm>
#include <array>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

QString comment(const std::optional<QString> &text)
{
    if (!text)
        return {};
    return u" COMMENT "_s + SurqlSyntax::quoteString(*text);
}

QString rule(const Permission &p)
{
    switch (p.type) {
    case Permission::Type::None:
        return u"NONE"_s;
    case Permission::Type::Full:
        return u"FULL"_s;
    case Permission::Type::Where:
        break;
    }
    return u"WHERE "_s + p.condition;
}

QString functionName(const QString &name)
{
    QStringList parts;
    for (const QString &part : name.split(u"::"_s))
        parts.append(SurqlSyntax::quoteKeywordFreeIdentifier(part));
    return u"fn::"_s + parts.join(u"::"_s);
}

QString jwtText(const AccessDef::Jwt &jwt)
{
    QString out;
    if (jwt.verify == AccessDef::Jwt::Verify::Key) {
        out = u"ALGORITHM "_s + jwt.algorithm + u" KEY "_s + SurqlSyntax::quoteString(jwt.key);
    } else {
        out = u"URL "_s + SurqlSyntax::quoteString(jwt.url);
    }
    if (jwt.issuerKey)
        out += u" WITH ISSUER KEY "_s + SurqlSyntax::quoteString(*jwt.issuerKey);
    return out;
}

} // namespace

QString SchemaPrinter::printPermissions(const Permissions &p, bool forTable, Mode mode)
{
    if (p == Permissions::none())
        return u"PERMISSIONS NONE"_s;
    if (p == Permissions::full())
        return u"PERMISSIONS FULL"_s;
    const std::array<std::pair<QString, const Permission *>, 4> actions{{{u"select"_s, &p.select},
                                                                         {u"create"_s, &p.create},
                                                                         {u"update"_s, &p.update},
                                                                         {u"delete"_s, &p.remove}}};
    QList<std::pair<QStringList, Permission>> groups;
    for (const auto &entry : actions) {
        const QString &action = entry.first;
        const Permission *permission = entry.second;
        // INFO leaves out a FULL delete rule (fields have none at all).
        const bool isDelete = action == u"delete";
        if (isDelete && (!forTable || mode == Mode::Info)
            && permission->type == Permission::Type::Full)
            continue;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto &g) {
            return g.second == *permission;
        });
        if (group != groups.end()) {
            group->first.append(action);
        } else {
            groups.append({{action}, *permission});
        }
    }
    QStringList parts;
    for (const auto &[names, permission] : groups)
        parts.append(u"FOR "_s + names.join(u", "_s) + u' ' + rule(permission));
    return u"PERMISSIONS "_s + parts.join(u", "_s);
}

QString SchemaPrinter::printTable(const TableDef &t, Mode mode)
{
    QString out = u"DEFINE TABLE "_s + SurqlSyntax::quoteIdentifier(t.name) + u" TYPE "_s;
    const auto names = [](const QStringList &tables) {
        QStringList quoted;
        for (const QString &table : tables)
            quoted.append(SurqlSyntax::quoteKeywordFreeIdentifier(table));
        return quoted.join(u" | "_s);
    };
    switch (t.type) {
    case TableDef::Type::Any:
        out += u"ANY"_s;
        break;
    case TableDef::Type::Normal:
        out += u"NORMAL"_s;
        break;
    case TableDef::Type::Relation:
        out += u"RELATION"_s;
        if (!t.relationIn.isEmpty())
            out += u" IN "_s + names(t.relationIn);
        if (!t.relationOut.isEmpty())
            out += u" OUT "_s + names(t.relationOut);
        if (t.enforced)
            out += u" ENFORCED"_s;
        break;
    }
    if (t.drop)
        out += u" DROP"_s;
    out += t.schemafull ? u" SCHEMAFULL"_s : u" SCHEMALESS"_s;
    out += comment(t.comment);
    if (t.isView())
        out += u" AS "_s + t.view;
    if (t.changefeed) {
        out += u" CHANGEFEED "_s + *t.changefeed;
        if (t.changefeedIncludeOriginal)
            out += u" INCLUDE ORIGINAL"_s;
    }
    return out + u' ' + printPermissions(t.permissions, true, mode);
}

QString SchemaPrinter::printField(const FieldDef &f, const QString &table)
{
    QString out = u"DEFINE FIELD "_s + f.name() + u" ON "_s + SurqlSyntax::quoteIdentifier(table);
    if (f.kind) {
        out += u" TYPE "_s + f.kind->toString();
        if (f.flexible)
            out += u" FLEXIBLE"_s;
    }
    if (f.defaultValue)
        out += (f.defaultAlways ? u" DEFAULT ALWAYS "_s : u" DEFAULT "_s) + *f.defaultValue;
    if (f.readonly)
        out += u" READONLY"_s;
    if (f.value)
        out += u" VALUE "_s + *f.value;
    if (f.assertion)
        out += u" ASSERT "_s + *f.assertion;
    if (f.computed)
        out += u" COMPUTED "_s + *f.computed;
    if (f.reference) {
        out += u" REFERENCE ON DELETE "_s;
        switch (f.reference->onDelete) {
        case FieldDef::Reference::OnDelete::Ignore:
            out += u"IGNORE"_s;
            break;
        case FieldDef::Reference::OnDelete::Reject:
            out += u"REJECT"_s;
            break;
        case FieldDef::Reference::OnDelete::Cascade:
            out += u"CASCADE"_s;
            break;
        case FieldDef::Reference::OnDelete::Unset:
            out += u"UNSET"_s;
            break;
        case FieldDef::Reference::OnDelete::Then:
            out += u"THEN "_s + f.reference->then;
            break;
        }
    }
    out += comment(f.comment);
    return out + u' ' + printPermissions(f.permissions, false);
}

QString SchemaPrinter::printIndex(const IndexDef &index, const QString &table)
{
    QString out = u"DEFINE INDEX "_s + SurqlSyntax::quoteIdentifier(index.name) + u" ON "_s
                  + SurqlSyntax::quoteIdentifier(table);
    if (!index.fields.isEmpty()) {
        QStringList paths;
        for (const QStringList &path : index.fields)
            paths.append(SurqlSyntax::formatPath(path));
        out += u" FIELDS "_s + paths.join(u", "_s);
    }
    switch (index.type) {
    case IndexDef::Type::Plain:
        break;
    case IndexDef::Type::Unique:
        out += u" UNIQUE"_s;
        break;
    case IndexDef::Type::Count:
        out += u" COUNT"_s;
        if (!index.countCondition.isEmpty())
            out += u" WHERE "_s + index.countCondition;
        break;
    case IndexDef::Type::FullText:
        out += u" FULLTEXT ANALYZER "_s
               + SurqlSyntax::quoteKeywordFreeIdentifier(index.fullText.analyzer) + u" BM25("_s
               + SurqlSyntax::formatFloat(index.fullText.k1) + u','
               + SurqlSyntax::formatFloat(index.fullText.b) + u')';
        if (index.fullText.highlights)
            out += u" HIGHLIGHTS"_s;
        break;
    case IndexDef::Type::Hnsw: {
        const IndexDef::Hnsw &h = index.hnsw;
        out += u" HNSW DIMENSION %1 DIST %2 TYPE %3 EFC %4 M %5 M0 %6 LM %7"_s.arg(h.dimension)
                   .arg(h.distance, h.vectorType)
                   .arg(h.efc)
                   .arg(h.m)
                   .arg(h.m0)
                   .arg(h.lm);
        if (h.extendCandidates)
            out += u" EXTEND_CANDIDATES"_s;
        if (h.keepPrunedConnections)
            out += u" KEEP_PRUNED_CONNECTIONS"_s;
        if (h.hashedVector)
            out += u" HASHED_VECTOR"_s;
        break;
    }
    }
    return out + comment(index.comment);
}

QString SchemaPrinter::printEvent(const EventDef &event, const QString &table)
{
    QString out = u"DEFINE EVENT "_s + SurqlSyntax::quoteIdentifier(event.name) + u" ON "_s
                  + SurqlSyntax::quoteIdentifier(table);
    if (event.async)
        out += u" ASYNC RETRY %1 MAXDEPTH %2"_s.arg(event.retry).arg(event.maxDepth);
    out += u" WHEN "_s + event.when + u" THEN "_s + event.then.join(u", "_s);
    return out + comment(event.comment);
}

QString SchemaPrinter::printAccess(const AccessDef &a, Mode mode)
{
    QString out = u"DEFINE ACCESS "_s + SurqlSyntax::quoteIdentifier(a.name) + u" ON "_s + a.level
                  + u" TYPE "_s;
    bool grant = false;
    bool token = true;
    switch (a.type) {
    case AccessDef::Type::Record: {
        out += u"RECORD"_s;
        if (a.signup)
            out += u" SIGNUP "_s + *a.signup;
        if (a.signin)
            out += u" SIGNIN "_s + *a.signin;
        if (a.withRefresh)
            out += u" WITH REFRESH"_s;
        // To run: a key INFO does not show is left for the server to generate again.
        const bool generated = a.jwt.verify == AccessDef::Jwt::Verify::Key
                               && a.jwt.algorithm == u"HS512" && a.jwt.key == u"[REDACTED]";
        if (mode == Mode::Info || !generated)
            out += u" WITH JWT "_s + jwtText(a.jwt);
        grant = a.withRefresh;
        break;
    }
    case AccessDef::Type::Jwt:
        out += u"JWT "_s + jwtText(a.jwt);
        token = a.jwt.issuerKey.has_value();
        break;
    case AccessDef::Type::Bearer:
        out += u"BEARER FOR "_s + a.bearerFor;
        grant = true;
        break;
    }
    if (a.authenticate)
        out += u" AUTHENTICATE "_s + *a.authenticate;
    QStringList durations;
    if (grant)
        durations.append(u"FOR GRANT "_s + a.grantDuration);
    if (token)
        durations.append(u"FOR TOKEN "_s + a.tokenDuration);
    durations.append(u"FOR SESSION "_s + a.sessionDuration);
    out += u" DURATION "_s + durations.join(u", "_s);
    return out + comment(a.comment);
}

QString SchemaPrinter::printAnalyzer(const AnalyzerDef &analyzer)
{
    QString out = u"DEFINE ANALYZER "_s + SurqlSyntax::quoteIdentifier(analyzer.name);
    if (analyzer.function)
        out += u" FUNCTION "_s + functionName(*analyzer.function);
    if (!analyzer.tokenizers.isEmpty())
        out += u" TOKENIZERS "_s + analyzer.tokenizers.join(u","_s);
    if (!analyzer.filters.isEmpty())
        out += u" FILTERS "_s + analyzer.filters.join(u", "_s);
    return out + comment(analyzer.comment);
}

QString SchemaPrinter::printFunction(const FunctionDef &function)
{
    QStringList arguments;
    for (const FunctionDef::Argument &argument : function.arguments) {
        arguments.append(u"$"_s + SurqlSyntax::quoteKeywordFreeIdentifier(argument.name) + u": "_s
                         + argument.kind.toString());
    }
    QString out = u"DEFINE FUNCTION "_s + functionName(function.name) + u'('
                  + arguments.join(u", "_s) + u')';
    if (function.returns)
        out += u" -> "_s + function.returns->toString();
    out += u' ' + function.body + comment(function.comment);
    return out + u" PERMISSIONS "_s + rule(function.permission);
}

QString SchemaPrinter::printParam(const ParamDef &param)
{
    return u"DEFINE PARAM $"_s + SurqlSyntax::quoteKeywordFreeIdentifier(param.name) + u" VALUE "_s
           + param.value + comment(param.comment) + u" PERMISSIONS "_s + rule(param.permission);
}

QString SchemaPrinter::printUser(const UserDef &user)
{
    QString out = u"DEFINE USER "_s + SurqlSyntax::quoteIdentifier(user.name) + u" ON "_s
                  + user.level;
    if (user.password) {
        out += u" PASSWORD "_s + SurqlSyntax::quoteString(*user.password);
    } else {
        out += u" PASSHASH "_s + SurqlSyntax::quoteString(user.passhash);
    }
    out += u" ROLES "_s + user.roles.join(u", "_s);
    out += u" DURATION FOR TOKEN "_s + user.tokenDuration + u", FOR SESSION "_s
           + user.sessionDuration;
    return out + comment(user.comment);
}

QStringList SchemaPrinter::statements(const Schema &schema, Mode mode)
{
    Schema sorted = schema;
    sorted.sort();
    QStringList out;
    for (const ParamDef &param : sorted.params)
        out.append(printParam(param));
    for (const FunctionDef &function : sorted.functions)
        out.append(printFunction(function));
    for (const AnalyzerDef &analyzer : sorted.analyzers)
        out.append(printAnalyzer(analyzer));
    for (const AccessDef &access : sorted.accesses)
        out.append(printAccess(access, mode));
    for (const UserDef &user : sorted.users)
        out.append(printUser(user));
    // Views read other tables: they come last.
    std::stable_partition(sorted.tables.begin(), sorted.tables.end(), [](const TableDef &t) {
        return !t.isView();
    });
    for (const TableDef &table : sorted.tables) {
        out.append(printTable(table, mode));
        for (const FieldDef &field : table.fields) {
            QString text = printField(field, table.name);
            if (mode == Mode::Surql) {
                // The server defines these itself (and may refuse them written out): leave them
                // out, or overwrite its definition when this one says more.
                const std::optional<FieldDef> implied = SchemaNormalizer::impliedField(table,
                                                                                       field.path);
                if (implied && *implied == field)
                    continue;
                if (implied)
                    text.insert(12, u" OVERWRITE"_s); // after "DEFINE FIELD"
            }
            out.append(text);
        }
        for (const IndexDef &index : table.indexes)
            out.append(printIndex(index, table.name));
        for (const EventDef &event : table.events)
            out.append(printEvent(event, table.name));
    }
    return out;
}

QString SchemaPrinter::print(const Schema &schema, Mode mode)
{
    QString out;
    for (const QString &statement : statements(schema, mode)) {
        if (statement.startsWith(u"DEFINE TABLE ") && !out.isEmpty())
            out += u'\n';
        out += statement + u";\n"_s;
    }
    return out;
}

} // namespace SurrealQt

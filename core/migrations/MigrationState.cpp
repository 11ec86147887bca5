#include "MigrationState.h"

#include "../schema/SurqlLexer_p.h"

#include <surrealqt/schema/SchemaParser.h>

#include <algorithm>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

bool isName(const SurqlToken &t)
{
    return t.is(SurqlToken::Type::Identifier) || t.is(SurqlToken::Type::QuotedIdent);
}

template<typename T>
void eraseNamed(QList<T> &list, const QString &name)
{
    list.removeIf([&](const T &item) { return item.name == name; });
}

// REMOVE <kind> [IF EXISTS] <name> [ON [TABLE] <table>]: drops the definition from `schema`.
bool applyRemove(Schema &schema, const QString &statement, QString *error)
{
    const QList<SurqlToken> tokens = SurqlLexer::tokenize(statement);
    qsizetype i = 1;
    const auto at = [&](qsizetype k) -> const SurqlToken & {
        return tokens.at(std::min(k, tokens.size() - 1));
    };
    const QString what = at(i++).text.toUpper();
    if (at(i).isKeyword(u"IF") && at(i + 1).isKeyword(u"EXISTS"))
        i += 2;
    const auto fail = [&](const QString &expected) {
        if (error)
            *error = u"cannot read \"%1\": expected %2"_s.arg(statement, expected);
        return false;
    };
    if (what == u"FIELD") {
        // The parser reads the path: the same statement as a DEFINE.
        QString define = statement;
        define.replace(0, tokens.at(0).end, u"DEFINE"_s);
        define.replace(u" IF EXISTS "_s, u" "_s, Qt::CaseInsensitive);
        SchemaParseError parseError;
        const std::optional<Schema> parsed = SchemaParser::parse(define, &parseError);
        if (!parsed || parsed->tables.size() != 1 || parsed->tables.front().fields.size() != 1)
            return fail(u"REMOVE FIELD path ON table"_s);
        const TableDef &t = parsed->tables.front();
        if (TableDef *table = schema.table(t.name)) {
            const QStringList path = t.fields.front().path;
            table->fields.removeIf([&](const FieldDef &f) { return f.path == path; });
        }
        return true;
    }
    if (what == u"FUNCTION") {
        QStringList parts;
        if (!at(i).isKeyword(u"fn"))
            return fail(u"fn::name"_s);
        ++i;
        while (at(i).isPunct(u"::") && isName(at(i + 1))) {
            parts.append(at(i + 1).text);
            i += 2;
        }
        eraseNamed(schema.functions, parts.join(u"::"_s));
        return true;
    }
    if (what == u"PARAM") {
        if (!at(i).is(SurqlToken::Type::Param))
            return fail(u"$name"_s);
        eraseNamed(schema.params, at(i).text);
        return true;
    }
    if (!isName(at(i)))
        return fail(u"a name"_s);
    const QString name = at(i++).text;
    QString table;
    if (at(i).isKeyword(u"ON")) {
        ++i;
        if (at(i).isKeyword(u"TABLE"))
            ++i;
        table = at(i).text;
    }
    if (what == u"TABLE") {
        eraseNamed(schema.tables, name);
    } else if (what == u"INDEX" || what == u"EVENT") {
        if (TableDef *t = schema.table(table)) {
            if (what == u"INDEX")
                eraseNamed(t->indexes, name);
            else
                eraseNamed(t->events, name);
        }
    } else if (what == u"ANALYZER") {
        eraseNamed(schema.analyzers, name);
    } else if (what == u"ACCESS") {
        eraseNamed(schema.accesses, name);
    } else if (what == u"USER") {
        eraseNamed(schema.users, name);
    } else {
        return fail(u"TABLE, FIELD, INDEX, EVENT, ANALYZER, ACCESS, FUNCTION, PARAM or USER"_s);
    }
    return true;
}

} // namespace

QStringList MigrationState::statements(const QString &surql)
{
    const QList<SurqlToken> tokens = SurqlLexer::tokenize(surql);
    QStringList out;
    int depth = 0;
    qsizetype start = -1;
    qsizetype end = 0;
    const auto flush = [&] {
        if (start >= 0)
            out.append(surql.mid(start, end - start).trimmed());
        start = -1;
    };
    for (const SurqlToken &t : tokens) {
        if (t.is(SurqlToken::Type::End) || t.is(SurqlToken::Type::Error))
            break;
        if (depth == 0 && t.isPunct(u";")) {
            flush();
            continue;
        }
        if (t.isPunct(u"{") || t.isPunct(u"(") || t.isPunct(u"["))
            ++depth;
        else if ((t.isPunct(u"}") || t.isPunct(u")") || t.isPunct(u"]")) && depth > 0)
            --depth;
        if (start < 0)
            start = t.begin;
        end = t.end;
    }
    flush();
    return out;
}

bool MigrationState::apply(Schema &schema, const QString &surql, QString *error)
{
    Schema working = schema;
    for (const QString &statement : statements(surql)) {
        const QList<SurqlToken> head = SurqlLexer::tokenize(statement.left(64));
        if (head.isEmpty())
            continue;
        if (head.front().isKeyword(u"DEFINE")) {
            SchemaParseError parseError;
            if (!SchemaParser::parseInto(working, statement, &parseError)) {
                if (error)
                    *error = u"cannot read \"%1\": %2"_s.arg(statement, parseError.message());
                return false;
            }
        } else if (head.front().isKeyword(u"REMOVE")) {
            if (!applyRemove(working, statement, error))
                return false;
        }
        // Anything else moves data, not schema.
    }
    schema = std::move(working);
    return true;
}

std::optional<Schema> MigrationState::replay(const QList<Migration> &migrations,
                                             qsizetype count,
                                             QString *error)
{
    Schema schema;
    const qsizetype n = count < 0 ? migrations.size() : std::min(count, migrations.size());
    for (qsizetype m = 0; m < n; ++m) {
        const Migration &migration = migrations.at(m);
        for (qsizetype o = 0; o < migration.operations.size(); ++o) {
            const SchemaOperation &op = migration.operations.at(o);
            QString why;
            if (!apply(schema, op.forwardWithConversion(), &why)) {
                if (error) {
                    *error = u"%1, operation %2 (%3): %4"_s.arg(migration.name)
                                 .arg(o + 1)
                                 .arg(op.description(), why);
                }
                return std::nullopt;
            }
        }
    }
    schema.sort();
    return schema;
}

} // namespace SurrealQt

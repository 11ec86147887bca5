#include "SchemaParser.h"

#include "FieldKindReader_p.h"
#include "SchemaParser_p.h"
#include "SurqlSyntax.h"

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

std::optional<Schema> SchemaParser::parse(QStringView text, SchemaParseError *error, Origin origin)
{
    Schema schema;
    if (!parseInto(schema, text, error, origin))
        return std::nullopt;
    return schema;
}

bool SchemaParser::parseInto(Schema &schema,
                             QStringView text,
                             SchemaParseError *error,
                             Origin origin)
{
    Schema working = schema;
    SchemaReader reader(text, working, origin);
    const bool ok = reader.run();
    if (error)
        *error = reader.error();
    if (ok)
        schema = std::move(working);
    return ok;
}

SchemaReader::SchemaReader(QStringView source, Schema &schema, SchemaParser::Origin origin)
    : m_source(source)
    , m_tokens(SurqlLexer::tokenize(source))
    , m_schema(schema)
    , m_origin(origin)
{}

bool SchemaReader::run()
{
    while (!failed()) {
        while (acceptPunct(u";")) {
        }
        if (peek().is(SurqlToken::Type::End))
            break;
        readStatement();
        if (!failed() && !peek().isPunct(u";") && !peek().is(SurqlToken::Type::End))
            fail(u"';' or the end of the statement"_s);
    }
    return !failed();
}

// Cursor ------------------------------------------------------------------------------------

const SurqlToken &SchemaReader::peek(qsizetype ahead) const
{
    // After an error, everything reads as the last token (End or Error), so loops stop.
    const qsizetype last = m_tokens.size() - 1;
    if (failed())
        return m_tokens.at(last);
    return m_tokens.at(qMin(m_pos + ahead, last));
}

void SchemaReader::advance()
{
    if (m_pos < m_tokens.size() - 1)
        ++m_pos;
}

bool SchemaReader::atKeyword(QStringView keyword, qsizetype ahead) const
{
    return peek(ahead).isKeyword(keyword);
}

bool SchemaReader::acceptKeyword(QStringView keyword)
{
    if (!atKeyword(keyword))
        return false;
    advance();
    return true;
}

bool SchemaReader::acceptPunct(QStringView symbol)
{
    if (!peek().isPunct(symbol))
        return false;
    advance();
    return true;
}

bool SchemaReader::expectKeyword(QStringView keyword)
{
    return acceptKeyword(keyword) || fail(keyword.toString());
}

bool SchemaReader::expectPunct(QStringView symbol)
{
    return acceptPunct(symbol) || fail(u"'"_s + symbol + u'\'');
}

bool SchemaReader::fail(const QString &expected)
{
    return failAt(m_pos, expected);
}

bool SchemaReader::failAt(qsizetype index, const QString &expected, const QString &found)
{
    if (failed())
        return false;
    const SurqlToken &t = m_tokens.at(qBound<qsizetype>(0, index, m_tokens.size() - 1));
    m_error.line = t.line;
    m_error.column = t.column;
    m_error.expected = expected;
    m_error.found = found.isEmpty() ? t.describe() : found;
    return false;
}

// Pieces ------------------------------------------------------------------------------------

std::optional<QString> SchemaReader::readName(const QString &what)
{
    const SurqlToken &t = peek();
    if (t.is(SurqlToken::Type::Identifier) || t.is(SurqlToken::Type::QuotedIdent)) {
        QString name = t.text;
        advance();
        return name;
    }
    fail(what);
    return std::nullopt;
}

std::optional<QStringList> SchemaReader::readPath()
{
    auto first = readName(u"a field name"_s);
    if (!first)
        return std::nullopt;
    QStringList path{*first};
    while (!failed()) {
        if (peek().isPunct(u"[") && peek(1).isPunct(u"*") && peek(2).isPunct(u"]")) {
            advance();
            advance();
            advance();
            path.append(u"*"_s);
        } else if (peek().isPunct(u".")) {
            advance();
            if (acceptPunct(u"*")) {
                path.append(u"*"_s);
            } else {
                auto part = readName(u"a field name or '*' after '.'"_s);
                if (!part)
                    return std::nullopt;
                path.append(*part);
            }
        } else {
            break;
        }
    }
    return path;
}

std::optional<QString> SchemaReader::readString(const QString &what)
{
    const SurqlToken &t = peek();
    if (t.is(SurqlToken::Type::String) && t.prefix.isNull()) {
        QString text = t.text;
        advance();
        return text;
    }
    fail(what);
    return std::nullopt;
}

std::optional<QString> SchemaReader::readDuration(bool allowNone)
{
    if (allowNone && acceptKeyword(u"NONE"))
        return u"NONE"_s;
    const SurqlToken &t = peek();
    if (t.is(SurqlToken::Type::Number)) {
        if (auto duration = SurqlSyntax::normalizeDuration(t.text)) {
            advance();
            return duration;
        }
    }
    fail(allowNone ? u"a duration or NONE"_s : u"a duration"_s);
    return std::nullopt;
}

std::optional<qint64> SchemaReader::readInteger(const QString &what)
{
    const SurqlToken &t = peek();
    bool ok = false;
    const qint64 value = t.is(SurqlToken::Type::Number) ? t.text.toLongLong(&ok) : 0;
    if (!ok || value < 0) {
        fail(what);
        return std::nullopt;
    }
    advance();
    return value;
}

std::optional<QString> SchemaReader::readNumberText(const QString &what)
{
    // A number as the server prints it: integers as they are, floats with an `f` suffix.
    const bool negative = peek().isPunct(u"-");
    const SurqlToken &t = peek(negative ? 1 : 0);
    if (t.is(SurqlToken::Type::Number)) {
        if (auto literal = FieldKind::literal(QString((negative ? u"-"_s : QString()) + t.text))) {
            if (!SurqlSyntax::normalizeDuration(t.text)) {
                if (negative)
                    advance();
                advance();
                return literal->literalText().trimmed();
            }
        }
    }
    fail(what);
    return std::nullopt;
}

std::optional<FieldKind> SchemaReader::readKind()
{
    if (failed())
        return std::nullopt;
    qsizetype pos = m_pos;
    FieldKindReader reader(m_tokens, pos);
    auto kind = reader.read();
    if (!kind) {
        failAt(reader.errorIndex(), reader.expected());
        return std::nullopt;
    }
    m_pos = pos;
    return kind;
}

bool SchemaReader::isStop(qsizetype index, const QStringList &stops) const
{
    const SurqlToken &t = m_tokens.at(index);
    if (!t.is(SurqlToken::Type::Identifier))
        return false;
    bool keyword = false;
    for (const QString &stop : stops)
        keyword = keyword || t.isKeyword(stop);
    if (!keyword)
        return false;
    // Not a clause keyword when it is a path part, part of a function name or a graph step.
    if (index > 0) {
        const SurqlToken &before = m_tokens.at(index - 1);
        if (before.isPunct(u".") || before.isPunct(u"::") || before.isPunct(u"->"))
            return false;
        if (before.isPunct(u"-") && index > 1 && m_tokens.at(index - 2).isPunct(u"<"))
            return false;
    }
    const SurqlToken &after = m_tokens.at(qMin(index + 1, m_tokens.size() - 1));
    return !after.isPunct(u"::");
}

std::optional<QString> SchemaReader::readExpression(const QStringList &stops, bool stopAtComma)
{
    const qsizetype start = m_pos;
    int depth = 0;
    // IF … THEN … END inside an expression: its THEN must not end a WHEN clause.
    QList<bool> ifs; // true once the IF has seen its THEN (and so waits for END)
    while (!failed()) {
        const SurqlToken &t = peek();
        if (t.is(SurqlToken::Type::End))
            break;
        if (t.is(SurqlToken::Type::Error)) {
            fail(u"the rest of the expression"_s);
            break;
        }
        if (depth == 0) {
            if (t.isPunct(u";") || (stopAtComma && t.isPunct(u",")) || t.isPunct(u")")
                || t.isPunct(u"]") || t.isPunct(u"}"))
                break;
            if (t.isKeyword(u"IF")
                && !(m_pos > start && m_tokens.at(m_pos - 1).isKeyword(u"ELSE"))) {
                ifs.append(false);
            } else if (t.isKeyword(u"THEN") && !ifs.isEmpty() && !ifs.last()) {
                ifs.last() = true;
            } else if (t.isKeyword(u"END") && !ifs.isEmpty()) {
                ifs.removeLast();
            } else if (isStop(m_pos, stops) && ifs.isEmpty()) {
                break;
            }
        }
        if (t.isPunct(u"(") || t.isPunct(u"[") || t.isPunct(u"{")) {
            if (depth == 0 && t.isPunct(u"{") && !ifs.isEmpty() && !ifs.last())
                ifs.removeLast(); // IF cond { … } ELSE { … }: the braces close it
            ++depth;
        } else if (t.isPunct(u")") || t.isPunct(u"]") || t.isPunct(u"}")) {
            --depth;
        }
        advance();
    }
    if (failed())
        return std::nullopt;
    if (m_pos == start) {
        fail(u"an expression"_s);
        return std::nullopt;
    }
    const qsizetype begin = m_tokens.at(start).begin;
    const qsizetype end = m_tokens.at(m_pos - 1).end;
    return m_source.mid(begin, end - begin).toString();
}

std::optional<QString> SchemaReader::readComment()
{
    return readString(u"a string after COMMENT"_s);
}

std::optional<Permission> SchemaReader::readPermission(const QStringList &stops)
{
    if (acceptKeyword(u"NONE"))
        return Permission::none();
    if (acceptKeyword(u"FULL"))
        return Permission::full();
    if (acceptKeyword(u"WHERE")) {
        if (auto condition = readExpression(stops, true))
            return Permission::where(*condition);
        return std::nullopt;
    }
    fail(u"NONE, FULL or WHERE"_s);
    return std::nullopt;
}

std::optional<Permissions> SchemaReader::readPermissions(bool forTable, const QStringList &stops)
{
    if (acceptKeyword(u"NONE")) {
        if (forTable)
            return Permissions::none();
        return Permissions{Permission::none(),
                           Permission::none(),
                           Permission::none(),
                           Permission::full()};
    }
    if (acceptKeyword(u"FULL"))
        return Permissions::full();
    if (!atKeyword(u"FOR")) {
        fail(u"NONE, FULL or FOR"_s);
        return std::nullopt;
    }
    // What an unmentioned action gets: NONE on a table, FULL on a field; INFO leaves out only a
    // table's FULL delete rule.
    Permissions p = forTable ? Permissions::none() : Permissions::full();
    if (forTable && m_origin == SchemaParser::Origin::Info)
        p.remove = Permission::full();
    while (acceptKeyword(u"FOR")) {
        QList<Permission *> targets;
        do {
            if (acceptKeyword(u"select")) {
                targets.append(&p.select);
            } else if (acceptKeyword(u"create")) {
                targets.append(&p.create);
            } else if (acceptKeyword(u"update")) {
                targets.append(&p.update);
            } else if (acceptKeyword(u"delete")) {
                targets.append(&p.remove);
            } else {
                fail(u"select, create, update or delete"_s);
                return std::nullopt;
            }
        } while (acceptPunct(u","));
        QStringList ends = stops;
        ends.append(u"FOR"_s);
        auto rule = readPermission(ends);
        if (!rule)
            return std::nullopt;
        for (Permission *target : targets)
            *target = *rule;
        if (peek().isPunct(u",") && atKeyword(u"FOR", 1))
            advance();
    }
    if (!forTable)
        p.remove = Permission::full();
    return p;
}

SchemaReader::DefineMode SchemaReader::readDefineMode()
{
    if (acceptKeyword(u"OVERWRITE"))
        return DefineMode::Overwrite;
    if (atKeyword(u"IF") && atKeyword(u"NOT", 1) && atKeyword(u"EXISTS", 2)) {
        advance();
        advance();
        advance();
        return DefineMode::IfNotExists;
    }
    return DefineMode::Default;
}

bool SchemaReader::admit(bool exists, DefineMode mode, qsizetype nameToken, const QString &what)
{
    // Mirrors the server: defining something twice is an error, unless OVERWRITE (replace) or
    // IF NOT EXISTS (keep the first, silently).
    if (!exists || mode == DefineMode::Overwrite)
        return true;
    if (mode == DefineMode::IfNotExists)
        return false;
    return failAt(nameToken,
                  what + u" defined once (or OVERWRITE, IF NOT EXISTS)"_s,
                  m_tokens.at(nameToken).describe() + u", defined again"_s);
}

TableDef &SchemaReader::tableFor(const QString &name)
{
    if (TableDef *table = m_schema.table(name))
        return *table;
    TableDef table;
    table.name = name;
    m_schema.tables.append(table);
    m_implicitTables.insert(name);
    return m_schema.tables.last();
}

// Statements --------------------------------------------------------------------------------

void SchemaReader::readStatement()
{
    if (atKeyword(u"OPTION")) {
        while (!failed() && !peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
            if (peek().is(SurqlToken::Type::Error))
                fail(u"';'"_s);
            advance();
        }
        return;
    }
    if (acceptKeyword(u"DEFINE")) {
        readDefine();
        return;
    }
    fail(u"DEFINE or OPTION"_s);
}

void SchemaReader::readDefine()
{
    const qsizetype what = m_pos;
    static const QStringList kinds{u"TABLE"_s,
                                   u"FIELD"_s,
                                   u"INDEX"_s,
                                   u"EVENT"_s,
                                   u"ACCESS"_s,
                                   u"ANALYZER"_s,
                                   u"FUNCTION"_s,
                                   u"PARAM"_s,
                                   u"USER"_s};
    qsizetype kind = -1;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        if (atKeyword(kinds.at(i)))
            kind = i;
    }
    if (kind < 0) {
        failAt(what,
               u"TABLE, FIELD, INDEX, EVENT, ACCESS, ANALYZER, FUNCTION, PARAM or USER "
               "after DEFINE"_s);
        return;
    }
    advance();
    const DefineMode mode = readDefineMode();
    switch (kind) {
    case 0:
        readTable(mode);
        break;
    case 1:
        readField(mode);
        break;
    case 2:
        readIndex(mode);
        break;
    case 3:
        readEvent(mode);
        break;
    case 4:
        readAccess(mode);
        break;
    case 5:
        readAnalyzer(mode);
        break;
    case 6:
        readFunction(mode);
        break;
    case 7:
        readParam(mode);
        break;
    default:
        readUser(mode);
        break;
    }
}

void SchemaReader::readTable(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"a table name"_s);
    if (!name)
        return;
    TableDef table;
    table.name = *name;
    static const QStringList stops{u"DROP"_s,
                                   u"SCHEMAFULL"_s,
                                   u"SCHEMALESS"_s,
                                   u"TYPE"_s,
                                   u"AS"_s,
                                   u"CHANGEFEED"_s,
                                   u"PERMISSIONS"_s,
                                   u"COMMENT"_s};
    while (!failed()) {
        if (acceptKeyword(u"DROP")) {
            table.drop = true;
        } else if (acceptKeyword(u"SCHEMAFULL")) {
            table.schemafull = true;
        } else if (acceptKeyword(u"SCHEMALESS")) {
            table.schemafull = false;
        } else if (acceptKeyword(u"TYPE")) {
            readTableType(table);
        } else if (acceptKeyword(u"AS")) {
            auto view = readExpression({u"CHANGEFEED"_s,
                                        u"PERMISSIONS"_s,
                                        u"COMMENT"_s,
                                        u"DROP"_s,
                                        u"SCHEMAFULL"_s,
                                        u"SCHEMALESS"_s});
            if (!view)
                return;
            QString text = view->trimmed();
            if (text.startsWith(u'(') && text.endsWith(u')'))
                text = text.mid(1, text.size() - 2).trimmed();
            table.view = text;
        } else if (acceptKeyword(u"CHANGEFEED")) {
            auto duration = readDuration(false);
            if (!duration)
                return;
            table.changefeed = *duration;
            table.changefeedIncludeOriginal = false;
            if (acceptKeyword(u"INCLUDE")) {
                if (!expectKeyword(u"ORIGINAL"))
                    return;
                table.changefeedIncludeOriginal = true;
            }
        } else if (acceptKeyword(u"PERMISSIONS")) {
            auto permissions = readPermissions(true, stops);
            if (!permissions)
                return;
            table.permissions = *permissions;
        } else if (acceptKeyword(u"COMMENT")) {
            auto comment = readComment();
            if (!comment)
                return;
            table.comment = *comment;
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"DROP, SCHEMAFULL, SCHEMALESS, TYPE, AS, CHANGEFEED, PERMISSIONS, COMMENT or ';'"_s);
        return;
    }
    const bool implicit = m_implicitTables.contains(*name);
    if (!admit(m_schema.table(*name) && !implicit, mode, nameToken, u"a table"_s))
        return;
    TableDef &target = tableFor(*name);
    m_implicitTables.remove(*name);
    table.fields = target.fields;
    table.indexes = target.indexes;
    table.events = target.events;
    target = table;
}

void SchemaReader::readTableType(TableDef &table)
{
    if (acceptKeyword(u"ANY")) {
        table.type = TableDef::Type::Any;
    } else if (acceptKeyword(u"NORMAL")) {
        table.type = TableDef::Type::Normal;
    } else if (acceptKeyword(u"RELATION")) {
        table.type = TableDef::Type::Relation;
        table.relationIn.clear();
        table.relationOut.clear();
        table.enforced = false;
        const auto readTables = [this](QStringList &into) {
            do {
                auto name = readName(u"a table name"_s);
                if (!name)
                    return;
                into.append(*name);
            } while (acceptPunct(u"|"));
        };
        if (acceptKeyword(u"IN") || acceptKeyword(u"FROM"))
            readTables(table.relationIn);
        if (acceptKeyword(u"OUT") || acceptKeyword(u"TO"))
            readTables(table.relationOut);
        if (acceptKeyword(u"ENFORCED"))
            table.enforced = true;
    } else {
        fail(u"ANY, NORMAL or RELATION"_s);
    }
}

void SchemaReader::readField(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto path = readPath();
    if (!path || !expectKeyword(u"ON"))
        return;
    acceptKeyword(u"TABLE");
    auto table = readName(u"a table name"_s);
    if (!table)
        return;
    FieldDef field;
    field.path = *path;
    static const QStringList stops{u"TYPE"_s,
                                   u"FLEXIBLE"_s,
                                   u"DEFAULT"_s,
                                   u"READONLY"_s,
                                   u"VALUE"_s,
                                   u"ASSERT"_s,
                                   u"COMPUTED"_s,
                                   u"REFERENCE"_s,
                                   u"PERMISSIONS"_s,
                                   u"COMMENT"_s};
    while (!failed()) {
        if (acceptKeyword(u"TYPE")) {
            field.kind = readKind();
            if (acceptKeyword(u"FLEXIBLE"))
                field.flexible = true;
        } else if (acceptKeyword(u"FLEXIBLE")) {
            field.flexible = true;
        } else if (acceptKeyword(u"DEFAULT")) {
            field.defaultAlways = acceptKeyword(u"ALWAYS");
            field.defaultValue = readExpression(stops);
        } else if (acceptKeyword(u"READONLY")) {
            field.readonly = true;
        } else if (acceptKeyword(u"VALUE")) {
            field.value = readExpression(stops);
        } else if (acceptKeyword(u"ASSERT")) {
            field.assertion = readExpression(stops);
        } else if (acceptKeyword(u"COMPUTED")) {
            field.computed = readExpression(stops);
        } else if (acceptKeyword(u"REFERENCE")) {
            FieldDef::Reference reference;
            if (acceptKeyword(u"ON")) {
                if (!expectKeyword(u"DELETE"))
                    return;
                if (acceptKeyword(u"REJECT")) {
                    reference.onDelete = FieldDef::Reference::OnDelete::Reject;
                } else if (acceptKeyword(u"CASCADE")) {
                    reference.onDelete = FieldDef::Reference::OnDelete::Cascade;
                } else if (acceptKeyword(u"IGNORE")) {
                    reference.onDelete = FieldDef::Reference::OnDelete::Ignore;
                } else if (acceptKeyword(u"UNSET")) {
                    reference.onDelete = FieldDef::Reference::OnDelete::Unset;
                } else if (acceptKeyword(u"THEN")) {
                    reference.onDelete = FieldDef::Reference::OnDelete::Then;
                    reference.then = readExpression(stops).value_or(QString());
                } else {
                    fail(u"REJECT, CASCADE, IGNORE, UNSET or THEN"_s);
                }
            }
            field.reference = reference;
        } else if (acceptKeyword(u"PERMISSIONS")) {
            if (auto permissions = readPermissions(false, stops))
                field.permissions = *permissions;
        } else if (acceptKeyword(u"COMMENT")) {
            field.comment = readComment();
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"TYPE, FLEXIBLE, DEFAULT, READONLY, VALUE, ASSERT, COMPUTED, REFERENCE, "
             "PERMISSIONS, COMMENT or ';'"_s);
        return;
    }
    const TableDef *known = m_schema.table(*table);
    if (!admit(known && known->field(field.path), mode, nameToken, u"a field"_s))
        return;
    TableDef &owner = tableFor(*table);
    if (FieldDef *existing = owner.field(field.path)) {
        *existing = field;
    } else {
        owner.fields.append(field);
    }
}

} // namespace SurrealQt

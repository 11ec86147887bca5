#pragma once

// Random schemas for the property tests (seeded, reproducible): built from clauses whose
// expressions are already in the server's canonical spelling (the model keeps expressions as
// text). Shared by tst_schema_property and the migration round trip.

#include <surrealqt/schema/Schema.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QRandomGenerator>

namespace SurrealQt::Test {

using namespace Qt::Literals::StringLiterals;

class SchemaGenerator
{
public:
    explicit SchemaGenerator(quint32 seed)
        : m_random(seed)
    {}

    Schema next()
    {
        Schema s;
        m_tableNames.clear();
        const int tables = 1 + int(m_random.bounded(5));
        for (int i = 0; i < tables; ++i)
            m_tableNames.append(pick({u"person"_s,
                                      u"post"_s,
                                      u"a-b"_s,
                                      u"select"_s,
                                      u"ü x"_s,
                                      u"log"_s,
                                      u"item_2"_s,
                                      u"a`b"_s,
                                      u"from"_s,
                                      u"t"_s})
                                + QString::number(i));
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i)
            s.analyzers.append(analyzer(i));
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i)
            s.functions.append(function(i));
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i)
            s.params.append(param(i));
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i)
            s.accesses.append(access(i));
        if (chance(3)) {
            UserDef user;
            user.name = u"user-"_s + QString::number(m_random.bounded(100));
            user.passhash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s;
            user.roles = {pick({u"OWNER"_s, u"EDITOR"_s, u"VIEWER"_s})};
            if (chance(2))
                user.sessionDuration = u"2h"_s;
            if (chance(2))
                user.comment = u"it's a user"_s;
            s.users.append(user);
        }
        for (const QString &name : std::as_const(m_tableNames))
            s.tables.append(table(name, s));
        if (chance(3)) {
            TableDef view;
            view.name = u"view_"_s + QString::number(m_random.bounded(100));
            view.view = u"SELECT * FROM "_s + SurqlSyntax::quoteIdentifier(m_tableNames.front())
                        + u" WHERE age > 18"_s;
            view.drop = chance(3);
            view.permissions = chance(2) ? Permissions::full() : Permissions::none();
            s.tables.append(view);
        }
        return s;
    }

private:
    bool chance(int oneIn) { return m_random.bounded(oneIn) == 0; }

    QString pick(const QStringList &from) { return from.at(int(m_random.bounded(from.size()))); }

    std::optional<QString> maybeComment()
    {
        if (!chance(3))
            return std::nullopt;
        return pick({u"plain"_s, u"it's"_s, u"say \"hi\""_s, u"both ' and \""_s, u"line\nbreak"_s});
    }

    Permission permission()
    {
        switch (m_random.bounded(3)) {
        case 0:
            return Permission::none();
        case 1:
            return Permission::full();
        default:
            return Permission::where(pick({u"$auth.id = id"_s, u"published = true"_s, u"true"_s}));
        }
    }

    Permissions permissions(bool forTable)
    {
        if (chance(3))
            return chance(2) ? Permissions::none() : Permissions::full();
        Permissions p{permission(), permission(), permission(), permission()};
        if (!forTable)
            p.remove = Permission::full();
        return p;
    }

    FieldKind kind(int depth)
    {
        const int choice = int(m_random.bounded(depth > 2 ? 8 : 13));
        switch (choice) {
        case 0:
            return FieldKind(FieldKind::Type::String);
        case 1:
            return FieldKind(FieldKind::Type::Int);
        case 2:
            return FieldKind(FieldKind::Type::Bool);
        case 3:
            return FieldKind(FieldKind::Type::Datetime);
        case 4:
            return FieldKind(FieldKind::Type::Decimal);
        case 5:
            return FieldKind(FieldKind::Type::Object);
        case 6:
            return FieldKind::record({pick(m_tableNames)});
        case 7:
            return *FieldKind::literal(pick({u"'a'"_s, u"42"_s, u"1h30m"_s, u"true"_s}));
        case 8:
            return FieldKind::option(kind(depth + 1));
        case 9:
            return FieldKind::array(kind(depth + 1),
                                    chance(3) ? std::optional<qint64>(m_random.bounded(1, 10))
                                              : std::nullopt);
        case 10:
            return FieldKind::set(kind(depth + 1));
        case 11:
            return FieldKind::either({kind(depth + 1), kind(depth + 1)});
        default:
            return FieldKind::geometry({pick({u"point"_s, u"polygon"_s})});
        }
    }

    FieldDef field(const QStringList &path)
    {
        FieldDef f;
        f.path = path;
        if (chance(4) && path.size() == 1) {
            f.computed = pick({u"1 + 2"_s, u"time::now()"_s, u"string::len(title)"_s});
            f.permissions = permissions(false);
            f.comment = maybeComment();
            return f;
        }
        if (!chance(4))
            f.kind = kind(0);
        if (chance(3)) {
            f.defaultValue = pick({u"'x'"_s, u"1"_s, u"time::now()"_s, u"[1, 2, 3]"_s});
            f.defaultAlways = chance(2);
        }
        f.readonly = chance(5);
        if (chance(4))
            f.value = pick({u"$value"_s, u"string::lowercase($value)"_s, u"time::now()"_s});
        if (chance(4))
            f.assertion = pick({u"$value != NONE"_s, u"$value > 1"_s, u"string::len($value) > 0"_s});
        if (path.size() == 1 && chance(4)) {
            f.kind = chance(2) ? FieldKind::record({pick(m_tableNames)})
                               : FieldKind::option(FieldKind::record({pick(m_tableNames)}));
            FieldDef::Reference reference;
            reference.onDelete = FieldDef::Reference::OnDelete(m_random.bounded(5));
            if (reference.onDelete == FieldDef::Reference::OnDelete::Then)
                reference.then = u"{ DELETE $this }"_s;
            if (reference.onDelete == FieldDef::Reference::OnDelete::Unset)
                f.kind = FieldKind::option(FieldKind::record({pick(m_tableNames)}));
            f.reference = reference;
        }
        f.permissions = permissions(false);
        f.comment = maybeComment();
        return f;
    }

    TableDef table(const QString &name, const Schema &schema)
    {
        TableDef t;
        t.name = name;
        t.type = TableDef::Type(m_random.bounded(3));
        if (t.type == TableDef::Type::Relation) {
            if (chance(2))
                t.relationIn = {pick(m_tableNames)};
            if (chance(2))
                t.relationOut = {pick(m_tableNames), pick(m_tableNames)};
            t.relationOut.removeDuplicates();
            t.enforced = chance(3);
        }
        t.schemafull = chance(2);
        t.drop = chance(6);
        if (chance(3)) {
            t.changefeed = pick({u"1d"_s, u"1h30m"_s, u"1w3d"_s});
            t.changefeedIncludeOriginal = chance(2);
        }
        t.permissions = permissions(true);
        t.comment = maybeComment();
        const QStringList names{u"name"_s,
                                u"age"_s,
                                u"first name"_s,
                                u"tags"_s,
                                u"e-mail"_s,
                                u"owner"_s,
                                u"value2"_s,
                                u"x"_s};
        for (int i = 0, n = int(m_random.bounded(6)); i < n; ++i) {
            const QString fieldName = names.at(i);
            FieldDef f = field({fieldName});
            if (t.schemafull && chance(3)) {
                f.kind = FieldKind(FieldKind::Type::Object);
                f.flexible = true;
                f.computed.reset();
                f.reference.reset();
                f.defaultValue.reset();
                f.value.reset();
                f.assertion.reset();
            }
            t.fields.append(f);
            if (f.kind && f.kind->type() == FieldKind::Type::Object && chance(2)) {
                FieldDef child = field({fieldName, u"inner"_s});
                child.computed.reset();
                t.fields.append(child);
            }
        }
        QList<QStringList> indexable;
        for (const FieldDef &f : std::as_const(t.fields)) {
            if (!f.computed && f.path.size() == 1)
                indexable.append(f.path);
        }
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i) {
            IndexDef index;
            index.name = pick({u"idx"_s, u"unique"_s, u"by-name"_s, u"select"_s})
                         + QString::number(i);
            // An index needs its field to exist: COUNT when there is none.
            const int type = indexable.isEmpty() ? 2 : int(m_random.bounded(5));
            if (type == 2) {
                index.type = IndexDef::Type::Count;
                if (chance(2))
                    index.countCondition = u"age > 1"_s;
            } else {
                index.fields = {indexable.at(int(m_random.bounded(indexable.size())))};
                if (type == 1) {
                    index.type = IndexDef::Type::Unique;
                } else if (type == 3 && !schema.analyzers.isEmpty()) {
                    index.type = IndexDef::Type::FullText;
                    index.fullText.analyzer = schema.analyzers.front().name;
                    index.fullText.highlights = chance(2);
                    if (chance(2)) {
                        index.fullText.k1 = 1.5f;
                        index.fullText.b = 0.6f;
                    }
                } else if (type == 4) {
                    index.type = IndexDef::Type::Hnsw;
                    index.hnsw.dimension = 2 + int(m_random.bounded(6));
                    index.hnsw.distance = pick({u"EUCLIDEAN"_s, u"COSINE"_s, u"MANHATTAN"_s});
                    index.hnsw.m = 12;
                    index.hnsw.m0 = 24;
                    index.hnsw.lm = u"0.40242960438184466f"_s;
                }
            }
            index.comment = maybeComment();
            t.indexes.append(index);
        }
        for (int i = 0, n = int(m_random.bounded(3)); i < n; ++i) {
            EventDef event;
            event.name = pick({u"changed"_s, u"on-create"_s, u"audit"_s}) + QString::number(i);
            event.when = pick({u"true"_s, u"$event = 'CREATE'"_s, u"$before != $after"_s});
            event.then = {u"(CREATE log SET at = time::now())"_s};
            if (chance(3))
                event.then.append(u"{ CREATE log }"_s);
            if (chance(3)) {
                event.async = true;
                event.retry = int(m_random.bounded(1, 5));
                event.maxDepth = int(m_random.bounded(1, 5));
            }
            event.comment = maybeComment();
            t.events.append(event);
        }
        return t;
    }

    AnalyzerDef analyzer(int i)
    {
        AnalyzerDef a;
        a.name = u"an"_s + QString::number(i);
        a.tokenizers = {u"BLANK"_s};
        if (chance(2))
            a.tokenizers.append(u"CLASS"_s);
        if (chance(2))
            a.filters = {u"LOWERCASE"_s,
                         pick({u"ASCII"_s, u"EDGENGRAM(1,3)"_s, u"SNOWBALL(ENGLISH)"_s})};
        a.comment = maybeComment();
        return a;
    }

    FunctionDef function(int i)
    {
        FunctionDef f;
        f.name = pick({u"greet"_s, u"util::score"_s, u"select::a-b"_s}) + QString::number(i);
        if (chance(2))
            f.arguments.append({u"name"_s, FieldKind(FieldKind::Type::String)});
        if (chance(2))
            f.arguments.append({u"n"_s, FieldKind::option(FieldKind(FieldKind::Type::Int))});
        if (chance(2))
            f.returns = FieldKind(FieldKind::Type::String);
        f.body = pick({u"{ RETURN 1 }"_s, u"{ RETURN 'Hello ' + $name }"_s});
        if (f.body.contains(u"$name")
            && (f.arguments.isEmpty() || f.arguments.front().name != u"name"))
            f.arguments.prepend({u"name"_s, FieldKind(FieldKind::Type::String)});
        f.permission = permission();
        f.comment = maybeComment();
        return f;
    }

    ParamDef param(int i)
    {
        ParamDef p;
        p.name = pick({u"limit"_s, u"a-b"_s, u"select"_s}) + QString::number(i);
        p.value = pick({u"42"_s, u"'str'"_s, u"{ a: 1, b: [1, 2, 'x'] }"_s, u"NONE"_s});
        p.permission = permission();
        p.comment = maybeComment();
        return p;
    }

    AccessDef access(int i)
    {
        AccessDef a;
        a.name = u"access-"_s + QString::number(i);
        switch (m_random.bounded(4)) {
        case 0:
            a.type = AccessDef::Type::Record;
            if (chance(2))
                a.signup = u"(CREATE user SET email = $email)"_s;
            if (chance(2))
                a.signin = u"(SELECT * FROM user WHERE email = $email)"_s;
            a.withRefresh = chance(2);
            if (a.withRefresh)
                a.grantDuration = u"1w3d"_s;
            a.tokenDuration = pick({u"1h"_s, u"15m"_s});
            break;
        case 1:
            a.type = AccessDef::Type::Jwt;
            a.jwt.verify = AccessDef::Jwt::Verify::Url;
            a.jwt.url = u"https://example.com/jwks.json"_s;
            a.jwt.issuerKey.reset();
            break;
        case 2:
            a.type = AccessDef::Type::Jwt;
            a.jwt.algorithm = pick({u"HS256"_s, u"RS256"_s});
            a.jwt.key = u"public-key"_s;
            if (a.jwt.algorithm == u"HS256")
                a.jwt.issuerKey = a.jwt.key;
            else
                a.jwt.issuerKey.reset();
            break;
        default:
            a.type = AccessDef::Type::Bearer;
            a.bearerFor = pick({u"USER"_s, u"RECORD"_s});
            break;
        }
        if (chance(2))
            a.sessionDuration = u"12h"_s;
        if (chance(4))
            a.authenticate = u"{ RETURN $auth }"_s;
        a.comment = maybeComment();
        return a;
    }

    QRandomGenerator m_random;
    QStringList m_tableNames;
};

// Names the first definition that differs in something the printer does not show.
inline QString difference(const Schema &a, const Schema &b)
{
    for (const TableDef &t : a.tables) {
        const TableDef *other = b.table(t.name);
        if (!other)
            return u"table "_s + t.name + u" missing"_s;
        if (t == *other)
            continue;
        for (const FieldDef &f : t.fields) {
            const FieldDef *o = other->field(f.path);
            if (!o || !(*o == f))
                return u"field "_s + f.name() + u" of "_s + t.name;
        }
        for (const IndexDef &i : t.indexes) {
            const IndexDef *o = other->index(i.name);
            if (!o || !(*o == i))
                return u"index "_s + i.name + u" of "_s + t.name;
        }
        for (const EventDef &e : t.events) {
            const EventDef *o = other->event(e.name);
            if (!o || !(*o == e))
                return u"event "_s + e.name + u" of "_s + t.name;
        }
        return u"table "_s + t.name;
    }
    if (!(a.accesses == b.accesses))
        return u"accesses"_s;
    if (!(a.functions == b.functions))
        return u"functions"_s;
    if (!(a.analyzers == b.analyzers))
        return u"analyzers"_s;
    if (!(a.params == b.params))
        return u"params"_s;
    return u"users or table count"_s;
}

} // namespace SurrealQt::Test

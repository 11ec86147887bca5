#include "SchemaNormalizer.h"

#include <algorithm>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kRedacted = QStringLiteral("[REDACTED]");

void resetHidden(TableDef &table)
{
    for (FieldDef &field : table.fields) {
        field.permissions.remove = Permission::full();
        if (!field.kind)
            field.flexible = false;
        if (!field.defaultValue)
            field.defaultAlways = false;
        if (field.reference && field.reference->onDelete != FieldDef::Reference::OnDelete::Then)
            field.reference->then.clear();
    }
    for (IndexDef &index : table.indexes) {
        if (index.type != IndexDef::Type::FullText)
            index.fullText = {};
        if (index.type != IndexDef::Type::Hnsw)
            index.hnsw = {};
        if (index.type != IndexDef::Type::Count)
            index.countCondition.clear();
    }
    for (EventDef &event : table.events) {
        if (!event.async) {
            event.retry = EventDef().retry;
            event.maxDepth = EventDef().maxDepth;
        }
    }
    if (table.type != TableDef::Type::Relation) {
        table.relationIn.clear();
        table.relationOut.clear();
        table.enforced = false;
    }
    if (!table.changefeed)
        table.changefeedIncludeOriginal = false;
}

} // namespace

std::optional<FieldDef> SchemaNormalizer::impliedField(const TableDef &table,
                                                       const QStringList &path)
{
    FieldDef field;
    field.path = path;
    if (table.type == TableDef::Type::Relation && path.size() == 1
        && (path.front() == u"in" || path.front() == u"out")) {
        field.kind = FieldKind::record(path.front() == u"in" ? table.relationIn : table.relationOut);
        return field;
    }
    if (path.size() < 2 || path.last() != u"*")
        return std::nullopt;
    const FieldDef *parent = table.field(path.mid(0, path.size() - 1));
    if (!parent || !parent->kind)
        return std::nullopt;
    std::optional<FieldKind> inner = parent->kind->innerKind();
    if (!inner || inner->isAny())
        return std::nullopt;
    field.kind = std::move(inner);
    return field;
}

bool SchemaNormalizer::isImpliedField(const TableDef &table, const FieldDef &field)
{
    return impliedField(table, field.path).has_value();
}

void SchemaNormalizer::addImpliedFields(TableDef &table)
{
    if (table.type == TableDef::Type::Relation) {
        const std::pair<QString, QStringList> ends[] = {{u"in"_s, table.relationIn},
                                                        {u"out"_s, table.relationOut}};
        for (const auto &[name, tables] : ends) {
            if (table.field({name}))
                continue;
            FieldDef field;
            field.path = {name};
            field.kind = FieldKind::record(tables);
            table.fields.append(field);
        }
    }
    QList<FieldDef> explicitFields = table.fields;
    std::stable_sort(explicitFields.begin(),
                     explicitFields.end(),
                     [](const FieldDef &a, const FieldDef &b) { return a.path < b.path; });
    for (const FieldDef &field : explicitFields) {
        if (!field.kind)
            continue;
        QStringList path = field.path;
        std::optional<FieldKind> inner = field.kind->innerKind();
        // Like the server: one level per array or set, until an element of any type.
        while (inner && !inner->isAny()) {
            path.append(u"*"_s);
            if (table.field(path))
                break; // defined explicitly: its own type carries on from here
            FieldDef implied;
            implied.path = path;
            implied.kind = *inner;
            table.fields.append(implied);
            inner = inner->innerKind();
        }
    }
}

AccessDef SchemaNormalizer::redacted(AccessDef access)
{
    AccessDef::Jwt &jwt = access.jwt;
    if (access.type == AccessDef::Type::Bearer) {
        jwt = AccessDef::Jwt();
        return access;
    }
    if (jwt.verify == AccessDef::Jwt::Verify::Url) {
        jwt.algorithm = AccessDef::Jwt().algorithm;
        jwt.key.clear();
    } else {
        jwt.url.clear();
    }
    if (jwt.verify == AccessDef::Jwt::Verify::Key && jwt.algorithm.startsWith(u"HS"))
        jwt.key = kRedacted;
    if (jwt.issuerKey)
        jwt.issuerKey = kRedacted;
    return access;
}

Schema SchemaNormalizer::normalized(Schema schema)
{
    for (TableDef &table : schema.tables) {
        if (!table.isView())
            addImpliedFields(table);
        resetHidden(table);
    }
    for (AccessDef &access : schema.accesses) {
        access = redacted(access);
        const bool grantShown = access.type == AccessDef::Type::Bearer
                                || (access.type == AccessDef::Type::Record && access.withRefresh);
        const bool tokenShown = access.type != AccessDef::Type::Jwt || access.jwt.issuerKey;
        if (!grantShown)
            access.grantDuration = AccessDef().grantDuration;
        if (!tokenShown)
            access.tokenDuration = AccessDef().tokenDuration;
        if (access.type != AccessDef::Type::Record) {
            access.signup.reset();
            access.signin.reset();
            access.withRefresh = false;
        }
        if (access.type != AccessDef::Type::Bearer)
            access.bearerFor = AccessDef().bearerFor;
    }
    schema.sort();
    return schema;
}

} // namespace SurrealQt

#include "ModelMeta.h"

#include <surrealqt/values/DateTime.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QDateTime>
#include <QtCore/QMetaProperty>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

namespace {

bool isReserved(const QString &name, bool relation)
{
    return name == u"id"_s || (relation && (name == u"in"_s || name == u"out"_s));
}

// The SurrealQL type a property of this C++ type stores.
QString kindFor(QMetaType type, const FieldSpec *spec)
{
    const QString link = spec ? spec->linkTable() : QString();
    const QString record = link.isEmpty() ? u"record"_s : u"record<"_s + link + u'>';
    if (type == QMetaType::fromType<RecordId>())
        return u"option<"_s + record + u'>';
    if (type == QMetaType::fromType<QList<RecordId>>())
        return u"array<"_s + record + u'>';
    if (type == QMetaType::fromType<DateTime>())
        return u"option<datetime>"_s;
    switch (type.id()) {
    case QMetaType::QString:
        return u"string"_s;
    case QMetaType::Bool:
        return u"bool"_s;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return u"int"_s;
    case QMetaType::Double:
    case QMetaType::Float:
        return u"float"_s;
    case QMetaType::QByteArray:
        return u"bytes"_s;
    case QMetaType::QUuid:
        return u"option<uuid>"_s;
    case QMetaType::QDateTime:
        return u"option<datetime>"_s;
    case QMetaType::QStringList:
        return u"array<string>"_s;
    case QMetaType::QCborMap:
    case QMetaType::QVariantMap:
        return u"object"_s;
    case QMetaType::QCborArray:
    case QMetaType::QVariantList:
        return u"array"_s;
    default:
        return u"any"_s;
    }
}

QCborValue toCbor(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<RecordId>()) {
        const auto id = value.value<RecordId>();
        return id.isValid() ? id.toCbor() : Values::none();
    }
    if (value.metaType() == QMetaType::fromType<QList<RecordId>>()) {
        QCborArray ids;
        for (const RecordId &id : value.value<QList<RecordId>>())
            ids.append(id.toCbor());
        return ids;
    }
    if (value.metaType() == QMetaType::fromType<QDateTime>() && !value.toDateTime().isValid())
        return Values::none();
    if (value.metaType() == QMetaType::fromType<QUuid>() && value.toUuid().isNull())
        return Values::none();
    if (value.metaType() == QMetaType::fromType<QCborValue>())
        return value.value<QCborValue>();
    return Values::fromVariant(value);
}

// A link's id whether the value is the id or the fetched record.
std::optional<RecordId> linkId(const QCborValue &value)
{
    return RecordId::fromCbor(value.isMap() ? value.toMap().value(u"id"_s) : value);
}

QVariant fromCbor(QMetaType type, const QCborValue &value, QCborMap &related, const QString &name)
{
    // The common cases first: fetching many records spends its time here.
    switch (type.id()) {
    case QMetaType::QString:
        if (value.isString())
            return value.toString();
        break;
    case QMetaType::LongLong:
        if (value.isInteger())
            return value.toInteger();
        break;
    case QMetaType::Int:
        if (value.isInteger())
            return int(value.toInteger());
        break;
    case QMetaType::Double:
        if (value.isDouble() || value.isInteger())
            return value.toDouble();
        break;
    case QMetaType::Bool:
        if (value.isBool())
            return value.toBool();
        break;
    case QMetaType::QStringList:
        if (value.isArray()) {
            QStringList list;
            for (const QCborValue &item : value.toArray())
                list.append(item.toString());
            return list;
        }
        break;
    default:
        break;
    }
    if (type == QMetaType::fromType<QCborValue>())
        return QVariant::fromValue(value);
    if (Values::isNone(value) || Values::isNull(value))
        return QVariant(type);
    if (type == QMetaType::fromType<RecordId>()) {
        if (value.isMap())
            related.insert(name, value);
        return QVariant::fromValue(linkId(value).value_or(RecordId()));
    }
    if (type == QMetaType::fromType<QList<RecordId>>()) {
        QList<RecordId> ids;
        bool fetched = false;
        for (const QCborValue &item : value.toArray()) {
            fetched = fetched || item.isMap();
            if (const auto id = linkId(item))
                ids.append(*id);
        }
        if (fetched)
            related.insert(name, value);
        return QVariant::fromValue(ids);
    }
    if (type == QMetaType::fromType<QCborMap>())
        return QVariant::fromValue(value.toMap());
    if (type == QMetaType::fromType<QCborArray>())
        return QVariant::fromValue(value.toArray());
    QVariant variant = Values::toVariant(value);
    if (variant.metaType() == type)
        return variant;
    if (variant.metaType() == QMetaType::fromType<DateTime>() && type.id() == QMetaType::QDateTime)
        return variant.value<DateTime>().toQDateTime();
    if (variant.metaType() == QMetaType::fromType<QCborArray>()
        && type.id() == QMetaType::QStringList) {
        QStringList list;
        for (const QCborValue &item : variant.value<QCborArray>())
            list.append(item.toString());
        return list;
    }
    if (variant.convert(type))
        return variant;
    return QVariant(type);
}

// A user's password: hashed by the server whatever writes it (SIGNUP hashes already; a plain
// ORM save is hashed by the VALUE clause), and never readable by a record user.
void protectPassword(FieldDef &field)
{
    if (!field.value) {
        field.value = u"IF string::starts_with($value, '$argon2') { $value } ELSE { "
                      u"crypto::argon2::generate($value) }"_s;
    }
    field.permissions.select = Permission::none();
    field.permissions.update = Permission::where(u"id = $auth.id"_s);
}

} // namespace

ModelMeta::ModelMeta(const QMetaObject *metaObject, ModelSpec spec)
    : m_metaObject(metaObject)
    , m_spec(std::move(spec))
{
    if (!m_metaObject)
        return;
    for (int i = 0; i < m_metaObject->propertyCount(); ++i) {
        const QString name = QString::fromLatin1(m_metaObject->property(i).name());
        m_propertyIndex.insert(name, i);
        if (!isReserved(name, isRelation()))
            m_fields.append(name);
    }
}

ModelMeta ModelMeta::fromTable(const TableDef &table)
{
    ModelSpec spec(table.name);
    spec.schemafull(table.schemafull);
    if (table.type == TableDef::Type::Relation)
        spec.relation(table.relationIn, table.relationOut);
    ModelMeta meta(nullptr, spec);
    meta.m_dynamicTable = table;
    for (const FieldDef &field : table.fields) {
        if (field.path.size() == 1 && !isReserved(field.path.first(), meta.isRelation()))
            meta.m_fields.append(field.path.first());
    }
    return meta;
}

TableDef ModelMeta::tableDef() const
{
    if (isDynamic())
        return m_dynamicTable;
    TableDef table;
    table.name = m_spec.table();
    table.type = isRelation() ? TableDef::Type::Relation : TableDef::Type::Normal;
    table.relationIn = m_spec.relationIn();
    table.relationOut = m_spec.relationOut();
    table.schemafull = m_spec.isSchemafull();
    table.permissions = m_spec.tablePermissions();
    table.changefeed = m_spec.changefeedDuration();
    table.changefeedIncludeOriginal = m_spec.changefeedIncludesOriginal();
    table.comment = m_spec.tableComment();
    for (const QString &name : m_fields) {
        const FieldSpec *spec = m_spec.fieldSpec(name);
        FieldDef field = spec ? spec->definition() : FieldDef();
        field.path = {name};
        const QMetaProperty property = m_metaObject->property(
            m_metaObject->indexOfProperty(name.toLatin1().constData()));
        QString kind = spec && !spec->kindText().isEmpty() ? spec->kindText()
                                                           : kindFor(property.metaType(), spec);
        if (spec && spec->isOptional() && !kind.startsWith(u"option<"_s))
            kind = u"option<"_s + kind + u'>';
        field.kind = FieldKind::parse(kind);
        field.flexible = table.schemafull && kind.endsWith(u"object"_s);
        if (m_spec.type() == ModelSpec::Type::User && name == m_spec.userSpec().password)
            protectPassword(field);
        table.fields.append(field);
    }
    table.indexes = m_spec.indexes();
    table.sortChildren();
    return table;
}

std::optional<AccessDef> ModelMeta::accessDef() const
{
    if (m_spec.type() != ModelSpec::Type::User)
        return std::nullopt;
    const UserSpec &user = m_spec.userSpec();
    const QString table = SurqlSyntax::quoteIdentifier(m_spec.table());
    const QString identity = SurqlSyntax::quoteIdentifier(user.identity);
    const QString password = SurqlSyntax::quoteIdentifier(user.password);
    QStringList assignments{identity + u" = $"_s + user.identity,
                            password + u" = crypto::argon2::generate($"_s + user.password + u')'};
    for (const QString &field : user.signupFields)
        assignments.append(SurqlSyntax::quoteIdentifier(field) + u" = $"_s + field);
    AccessDef access;
    access.name = user.access;
    access.type = AccessDef::Type::Record;
    access.signup = u"CREATE "_s + table + u" SET "_s + assignments.join(u", "_s);
    access.signin = u"SELECT * FROM "_s + table + u" WHERE "_s + identity + u" = $"_s
                    + user.identity + u" AND crypto::argon2::compare("_s + password + u", $"_s
                    + user.password + u')';
    access.tokenDuration = user.tokenDuration;
    access.sessionDuration = user.sessionDuration;
    return access;
}

QCborMap ModelMeta::toRecord(const void *gadget) const
{
    QCborMap record;
    if (!m_metaObject)
        return record;
    for (int i = 0; i < m_metaObject->propertyCount(); ++i) {
        const QMetaProperty property = m_metaObject->property(i);
        const QCborValue value = toCbor(property.readOnGadget(gadget));
        const QString name = QString::fromLatin1(property.name());
        if (name == u"id"_s && Values::isNone(value))
            continue;
        record.insert(name, value);
    }
    return record;
}

void ModelMeta::load(void *gadget, Model &model, const QCborMap &record) const
{
    if (!m_metaObject)
        return;
    QCborMap related;
    QCborMap state;
    for (auto it = record.begin(); it != record.end(); ++it) {
        const QString name = it.key().toString();
        if (name.startsWith(u"->"_s) || name.startsWith(u"<-"_s)) {
            related.insert(name, it.value());
            continue;
        }
        const int index = m_propertyIndex.value(name, -1);
        if (index < 0) {
            state.insert(name, it.value());
            continue;
        }
        const QMetaProperty property = m_metaObject->property(index);
        const QVariant value = fromCbor(property.metaType(), it.value(), related, name);
        property.writeOnGadget(gadget, value);
        // A fetched link counts as its id; everything else as the server sent it.
        state.insert(name, related.contains(name) ? toCbor(value) : it.value());
    }
    // A field the record lacks keeps its C++ default, which is then no change to save.
    for (const QString &name : m_fields) {
        if (!record.contains(name))
            state.insert(name, m_defaults.value(name));
    }
    model.m_related = related;
    markSaved(model, state);
}

QCborMap ModelMeta::changes(const Model &model, const QCborMap &record)
{
    // NONE, null and a missing field are the same absence; a float that holds an integer equals
    // that integer.
    const auto same = [](const QCborValue &a, const QCborValue &b) {
        if (a == b)
            return true;
        const bool aAbsent = Values::isNone(a) || Values::isNull(a);
        const bool bAbsent = Values::isNone(b) || Values::isNull(b);
        if (aAbsent || bAbsent)
            return aAbsent && bAbsent;
        if ((a.isDouble() || a.isInteger()) && (b.isDouble() || b.isInteger()))
            return a.toDouble() == b.toDouble();
        return false;
    };
    QCborMap changed;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key().toString() != u"id"_s && !same(model.m_state.value(it.key()), it.value()))
            changed.insert(it.key(), it.value());
    }
    return changed;
}

void ModelMeta::markSaved(Model &model, const QCborMap &state)
{
    model.m_saved = true;
    model.m_state = state;
    model.m_state.remove(u"id"_s);
}

void ModelMeta::setRelated(Model &model, const QCborMap &related)
{
    model.m_related = related;
}

} // namespace SurrealQt

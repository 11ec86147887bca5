#include "RecordId.h"

#include "CborTags.h"
#include "SurqlParser_p.h"
#include "SurqlText_p.h"
#include "ValueHelpers_p.h"

#include <QtCore/QHashFunctions>

#include <utility>

namespace SurrealQt {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// A valid key other than a range, in canonical form.
std::optional<QCborValue> plainKey(const QCborValue &key)
{
    if (key.isString() || key.isInteger() || key.isUuid() || key.isArray() || key.isMap())
        return key;
    if (key.isTag() && quint64(key.tag()) == CborTags::StringUuid && key.taggedValue().isString()) {
        if (const auto uuid = ValueHelpers::parseUuidText(key.taggedValue().toString()))
            return QCborValue(*uuid);
    }
    return std::nullopt;
}

std::optional<Range::Bound> keyBound(const Range::Bound &bound)
{
    if (bound.isUnbounded())
        return bound;
    const auto key = plainKey(bound.value);
    if (!key)
        return std::nullopt;
    return Range::Bound{bound.type, *key};
}

} // namespace

RecordId::RecordId(QString table, QString key)
    : m_table(std::move(table))
    , m_key(std::move(key))
{}

RecordId::RecordId(QString table, const char16_t *key)
    : m_table(std::move(table))
    , m_key(QString::fromUtf16(key))
{}

RecordId::RecordId(QString table, qint64 key)
    : m_table(std::move(table))
    , m_key(key)
{}

RecordId::RecordId(QString table, int key)
    : m_table(std::move(table))
    , m_key(qint64(key))
{}

RecordId::RecordId(QString table, const QUuid &key)
    : m_table(std::move(table))
    , m_key(key)
{}

RecordId::RecordId(QString table, const QCborArray &key)
    : m_table(std::move(table))
    , m_key(key)
{}

RecordId::RecordId(QString table, const QCborMap &key)
    : m_table(std::move(table))
    , m_key(key)
{}

RecordId::RecordId(QString table, const Range &key)
    : m_table(std::move(table))
    , m_key(key.toCbor())
{}

std::optional<RecordId> RecordId::fromKey(QString table, const QCborValue &key, QString *error)
{
    RecordId id;
    id.m_table = std::move(table);
    if (const auto plain = plainKey(key)) {
        id.m_key = *plain;
        return id;
    }
    if (key.isTag() && quint64(key.tag()) == CborTags::Range) {
        const auto range = Range::fromCbor(key, error);
        if (!range)
            return std::nullopt;
        const auto begin = keyBound(range->begin());
        const auto end = keyBound(range->end());
        if (!begin || !end) {
            setError(error,
                     QStringLiteral("record id range bounds must be string, integer, uuid, "
                                    "array or object keys"));
            return std::nullopt;
        }
        id.m_key = Range(*begin, *end).toCbor();
        return id;
    }
    setError(error,
             QStringLiteral("a record id key must be a string, integer, uuid, array, object or "
                            "range"));
    return std::nullopt;
}

std::optional<RecordId> RecordId::parse(QStringView text, QString *error)
{
    SurqlParser parser(text);
    auto id = parser.parseRecordIdDocument();
    if (!id)
        setError(error, parser.errorString());
    return id;
}

std::optional<RecordId> RecordId::fromCbor(const QCborValue &value, QString *error)
{
    if (!value.isTag() || quint64(value.tag()) != CborTags::RecordId) {
        setError(error, QStringLiteral("expected a record id (tag 8)"));
        return std::nullopt;
    }
    const QCborValue inner = value.taggedValue();
    if (inner.isString()) {
        QString parseError;
        auto id = parse(inner.toString(), &parseError);
        if (!id)
            setError(error, QStringLiteral("tag 8 (record id): ") + parseError);
        return id;
    }
    const QCborArray array = inner.toArray();
    if (!inner.isArray() || array.size() != 2 || !array.at(0).isString()) {
        setError(error,
                 QStringLiteral("tag 8 (record id) expects \"table:key\" text or an array of 2 "
                                "elements [table, key]"));
        return std::nullopt;
    }
    QString keyError;
    auto id = fromKey(array.at(0).toString(), array.at(1), &keyError);
    if (!id)
        setError(error, QStringLiteral("tag 8 (record id): ") + keyError);
    return id;
}

RecordId::KeyKind RecordId::keyKind() const
{
    if (m_key.isInteger())
        return KeyKind::Integer;
    if (m_key.isUuid())
        return KeyKind::Uuid;
    if (m_key.isArray())
        return KeyKind::Array;
    if (m_key.isMap())
        return KeyKind::Object;
    if (m_key.isTag())
        return KeyKind::Range;
    return KeyKind::String;
}

QString RecordId::toSurql() const
{
    return SurqlText::escapeIdentifier(m_table) + u':' + ValueHelpers::recordKeyToSurql(m_key);
}

QCborValue RecordId::toCbor() const
{
    return QCborValue(QCborTag(CborTags::RecordId), QCborArray{m_table, m_key});
}

size_t qHash(const RecordId &value, size_t seed)
{
    return qHashMulti(seed, value.table(), value.key());
}

QDebug operator<<(QDebug debug, const RecordId &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "RecordId(" << value.toSurql() << ')';
    return debug;
}

} // namespace SurrealQt

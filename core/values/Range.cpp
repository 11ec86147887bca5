#include "Range.h"

#include "CborTags.h"
#include "Values.h"

#include <QtCore/QCborArray>

#include <utility>

namespace SurrealQt {

namespace {

QCborValue boundToCbor(const Range::Bound &bound)
{
    switch (bound.type) {
    case Range::BoundType::Included:
        return QCborValue(QCborTag(CborTags::BoundIncluded), bound.value);
    case Range::BoundType::Excluded:
        return QCborValue(QCborTag(CborTags::BoundExcluded), bound.value);
    case Range::BoundType::Unbounded:
        break;
    }
    return QCborValue(nullptr);
}

std::optional<Range::Bound> boundFromCbor(const QCborValue &value)
{
    if (value.isNull())
        return Range::Bound::unbounded();
    if (!value.isTag())
        return std::nullopt;
    if (quint64(value.tag()) == CborTags::BoundIncluded)
        return Range::Bound::included(value.taggedValue());
    if (quint64(value.tag()) == CborTags::BoundExcluded)
        return Range::Bound::excluded(value.taggedValue());
    return std::nullopt;
}

} // namespace

Range::Range(Bound begin, Bound end)
    : m_begin(std::move(begin))
    , m_end(std::move(end))
{
    if (m_begin.isUnbounded())
        m_begin.value = QCborValue();
    if (m_end.isUnbounded())
        m_end.value = QCborValue();
}

Range Range::halfOpen(const QCborValue &begin, const QCborValue &end)
{
    return Range(Bound::included(begin), Bound::excluded(end));
}

Range Range::closed(const QCborValue &begin, const QCborValue &end)
{
    return Range(Bound::included(begin), Bound::included(end));
}

std::optional<Range> Range::fromCbor(const QCborValue &value, QString *error)
{
    const QCborArray array = value.taggedValue().toArray();
    if (!value.isTag() || quint64(value.tag()) != CborTags::Range || !value.taggedValue().isArray()
        || array.size() != 2) {
        if (error)
            *error = QStringLiteral("tag 49 (range) expects an array of 2 bounds [begin, end]");
        return std::nullopt;
    }
    const auto begin = boundFromCbor(array.at(0));
    const auto end = boundFromCbor(array.at(1));
    if (!begin || !end) {
        if (error) {
            *error = QStringLiteral("tag 49 (range): each bound must be tag 50 (included), "
                                    "tag 51 (excluded) or null (unbounded)");
        }
        return std::nullopt;
    }
    return Range(*begin, *end);
}

QString Range::toSurql() const
{
    QString out;
    if (!m_begin.isUnbounded()) {
        out += Values::toSurql(m_begin.value);
        if (m_begin.type == BoundType::Excluded)
            out += u'>';
    }
    out += u"..";
    if (!m_end.isUnbounded()) {
        if (m_end.type == BoundType::Included)
            out += u'=';
        out += Values::toSurql(m_end.value);
    }
    return out;
}

QCborValue Range::toCbor() const
{
    return QCborValue(QCborTag(CborTags::Range),
                      QCborArray{boundToCbor(m_begin), boundToCbor(m_end)});
}

QDebug operator<<(QDebug debug, const Range &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Range(" << value.toSurql() << ')';
    return debug;
}

} // namespace SurrealQt

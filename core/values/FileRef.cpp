#include "FileRef.h"

#include "CborTags.h"
#include "SurqlParser_p.h"
#include "SurqlText_p.h"

#include <QtCore/QCborArray>
#include <QtCore/QHashFunctions>

#include <utility>

namespace SurrealQt {

FileRef::FileRef(QString bucket, QString key)
    : m_bucket(std::move(bucket))
    , m_key(std::move(key))
{}

std::optional<FileRef> FileRef::parse(QStringView text, QString *error)
{
    if (text.startsWith(u'f') && text.size() > 1 && (text[1] == u'"' || text[1] == u'\'')) {
        SurqlParser parser(text);
        const auto value = parser.parseDocument();
        if (!value) {
            if (error)
                *error = parser.errorString();
            return std::nullopt;
        }
        return fromCbor(*value, error);
    }
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0) {
        if (error) {
            *error = QStringLiteral("invalid file reference \"%1\": expected bucket:/key")
                         .arg(text.toString());
        }
        return std::nullopt;
    }
    return FileRef(text.first(colon).toString(), text.sliced(colon + 1).toString());
}

std::optional<FileRef> FileRef::fromCbor(const QCborValue &value, QString *error)
{
    const QCborArray array = value.taggedValue().toArray();
    if (!value.isTag() || quint64(value.tag()) != CborTags::File || !value.taggedValue().isArray()
        || array.size() != 2 || !array.at(0).isString() || !array.at(1).isString()) {
        if (error)
            *error = QStringLiteral("tag 55 (file) expects an array of 2 strings [bucket, key]");
        return std::nullopt;
    }
    return FileRef(array.at(0).toString(), array.at(1).toString());
}

QString FileRef::toString() const
{
    return m_bucket + u':' + m_key;
}

QString FileRef::toSurql() const
{
    return u'f' + SurqlText::quoteString(toString());
}

QCborValue FileRef::toCbor() const
{
    return QCborValue(QCborTag(CborTags::File), QCborArray{m_bucket, m_key});
}

size_t qHash(const FileRef &value, size_t seed)
{
    return qHashMulti(seed, value.bucket(), value.key());
}

QDebug operator<<(QDebug debug, const FileRef &value)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "FileRef(" << value.toSurql() << ')';
    return debug;
}

} // namespace SurrealQt

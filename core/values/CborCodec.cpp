// Values::encodeCbor and Values::decodeCbor.

#include "Values.h"

#include "CborFastPath_p.h"
#include "CborTags.h"
#include "DateTime.h"
#include "ValueHelpers_p.h"

#include <QtCore/QCborMap>
#include <QtCore/QCborStreamReader>
#include <QtCore/QRegularExpression>
#include <QtCore/QUrl>

#include <algorithm>
#include <bit>
#include <limits>

namespace SurrealQt::Values {

namespace {

constexpr int kMaxDepth = 512;

// CBOR written straight into a QByteArray: QCborStreamWriter goes through a QBuffer and a
// QIODevice call per token, which costs more than the rest of an RPC call's encoding.
class Writer
{
public:
    explicit Writer(QByteArray &out)
        : m_out(out)
    {}

    void head(quint8 major, quint64 argument)
    {
        const auto initial = char(major << 5);
        if (argument < 24) {
            m_out.append(char(initial | char(argument)));
        } else if (argument <= 0xff) {
            m_out.append(char(initial | 24));
            m_out.append(char(argument));
        } else if (argument <= 0xffff) {
            m_out.append(char(initial | 25));
            bigEndian(argument, 2);
        } else if (argument <= 0xffffffffULL) {
            m_out.append(char(initial | 26));
            bigEndian(argument, 4);
        } else {
            m_out.append(char(initial | 27));
            bigEndian(argument, 8);
        }
    }

    void integer(qint64 n)
    {
        if (n >= 0) {
            head(0, quint64(n));
        } else {
            head(1, quint64(-1 - n));
        }
    }

    void text(QStringView text)
    {
        // Mostly ASCII (keys, SurrealQL, identifiers): copied straight in, with no UTF-8 copy.
        const qsizetype size = text.size();
        const char16_t *chars = text.utf16();
        if (std::all_of(chars, chars + size, [](char16_t c) { return c < 0x80; })) {
            head(3, quint64(size));
            const qsizetype at = m_out.size();
            m_out.resize(at + size);
            std::copy(chars, chars + size, m_out.data() + at);
            return;
        }
        const QByteArray utf8 = text.toUtf8();
        head(3, quint64(utf8.size()));
        m_out.append(utf8);
    }

    void bytes(const QByteArray &bytes)
    {
        head(2, quint64(bytes.size()));
        m_out.append(bytes);
    }

    void simple(quint8 value)
    {
        if (value < 24) {
            m_out.append(char(0xe0 | value));
        } else {
            m_out.append(char(0xf8));
            m_out.append(char(value));
        }
    }

    void float64(double d)
    {
        m_out.append(char(0xfb));
        bigEndian(std::bit_cast<quint64>(d), 8);
    }

    void value(const QCborValue &value)
    {
        switch (value.type()) {
        case QCborValue::Integer:
            return integer(value.toInteger());
        case QCborValue::Double:
            return float64(value.toDouble());
        case QCborValue::String:
            return text(value.toString());
        case QCborValue::ByteArray:
            return bytes(value.toByteArray());
        case QCborValue::Array: {
            const QCborArray array = value.toArray();
            head(4, quint64(array.size()));
            for (const QCborValue &item : array)
                this->value(item);
            return;
        }
        case QCborValue::Map: {
            const QCborMap map = value.toMap();
            head(5, quint64(map.size()));
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                this->value(it.key());
                this->value(it.value());
            }
            return;
        }
        case QCborValue::False:
            return simple(20);
        case QCborValue::True:
            return simple(21);
        case QCborValue::Null:
            return simple(22);
        case QCborValue::Uuid:
            head(6, quint64(QCborKnownTags::Uuid));
            return bytes(value.toUuid().toRfc4122());
        case QCborValue::DateTime:
            // Never QCborValue's tag 0 text in milliseconds: SurrealDB's tag 12.
            if (const auto dateTime = DateTime::fromQDateTime(value.toDateTime()))
                return this->value(dateTime->toCbor());
            return simple(22);
        case QCborValue::Url:
            // SurrealDB has no URL type (and rejects unknown tags): a URL goes out as a string.
            return text(value.toUrl().toString(QUrl::FullyEncoded));
        case QCborValue::RegularExpression:
            head(6, quint64(QCborKnownTags::RegularExpression));
            return text(value.toRegularExpression().pattern());
        case QCborValue::Tag:
            head(6, quint64(value.tag()));
            return this->value(value.taggedValue());
        default:
            break;
        }
        if (value.isSimpleType() && !value.isUndefined())
            return simple(quint8(value.toSimpleType()));
        simple(23); // undefined
    }

private:
    void bigEndian(quint64 argument, int size)
    {
        const qsizetype at = m_out.size();
        m_out.resize(at + size);
        for (int i = size - 1; i >= 0; --i, argument >>= 8)
            m_out[at + i] = char(argument & 0xff);
    }

    QByteArray &m_out;
};

class Decoder
{
public:
    explicit Decoder(const QByteArray &data)
        : m_reader(data)
        , m_size(data.size())
    {}

    std::optional<QCborValue> decode()
    {
        if (m_size == 0)
            return fail(0, QStringLiteral("empty input"));
        auto value = readItem(0);
        if (!value)
            return std::nullopt;
        if (m_reader.lastError() != QCborError::NoError)
            return fail(m_reader.currentOffset(), m_reader.lastError().toString());
        const qint64 end = m_reader.currentOffset();
        if (end < m_size) {
            return fail(end,
                        QStringLiteral("%1 unexpected byte(s) after the end of the value")
                            .arg(m_size - end));
        }
        return value;
    }

    const QString &errorString() const { return m_error; }

private:
    std::nullopt_t fail(qint64 offset, const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("CBOR error at offset %1: %2").arg(offset).arg(reason);
        return std::nullopt;
    }

    std::nullopt_t failFromReader(qint64 fallbackOffset)
    {
        const QCborError error = m_reader.lastError();
        if (error == QCborError::NoError)
            return fail(fallbackOffset, QStringLiteral("unexpected end of data"));
        if (error == QCborError::EndOfFile || error == QCborError::AdvancePastEnd) {
            return fail(m_reader.currentOffset(),
                        QStringLiteral("unexpected end of data (truncated input)"));
        }
        if (error == QCborError::DataTooLarge) {
            return fail(m_reader.currentOffset(),
                        QStringLiteral("string or container longer than the input"));
        }
        return fail(m_reader.currentOffset(), error.toString());
    }

    template<typename Result>
    bool readChunks(Result (QCborStreamReader::*readChunk)(), auto &buffer)
    {
        auto chunk = (m_reader.*readChunk)();
        while (chunk.status == QCborStreamReader::Ok) {
            buffer += chunk.data;
            chunk = (m_reader.*readChunk)();
        }
        return chunk.status != QCborStreamReader::Error;
    }

    std::optional<QCborValue> readItem(int depth)
    {
        const qint64 offset = m_reader.currentOffset();
        if (depth > kMaxDepth)
            return fail(offset, QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
        if (m_reader.lastError() != QCborError::NoError)
            return failFromReader(offset);

        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger: {
            const quint64 n = m_reader.toUnsignedInteger();
            if (n > quint64(std::numeric_limits<qint64>::max())) {
                return fail(offset,
                            QStringLiteral("integer %1 is beyond the 64-bit signed range").arg(n));
            }
            m_reader.next();
            return QCborValue(qint64(n));
        }
        case QCborStreamReader::NegativeInteger: {
            // The magnitude: the value is -n, and 0 stands for -2^64.
            const auto n = quint64(m_reader.toNegativeInteger());
            if (n == 0 || n > quint64(std::numeric_limits<qint64>::max()) + 1) {
                return fail(offset,
                            QStringLiteral("negative integer beyond the 64-bit signed range"));
            }
            m_reader.next();
            return QCborValue(qint64(0 - n));
        }
        case QCborStreamReader::ByteArray: {
            QByteArray bytes;
            if (!readChunks(&QCborStreamReader::readByteArray, bytes))
                return failFromReader(offset);
            return QCborValue(bytes);
        }
        case QCborStreamReader::String: {
            QString text;
            if (!readChunks(&QCborStreamReader::readString, text))
                return failFromReader(offset);
            return QCborValue(text);
        }
        case QCborStreamReader::Array: {
            if (!m_reader.enterContainer())
                return failFromReader(offset);
            QCborArray array;
            while (m_reader.lastError() == QCborError::NoError && m_reader.hasNext()) {
                auto item = readItem(depth + 1);
                if (!item)
                    return std::nullopt;
                array.append(*item);
            }
            if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
                return failFromReader(offset);
            return QCborValue(array);
        }
        case QCborStreamReader::Map: {
            if (!m_reader.enterContainer())
                return failFromReader(offset);
            QCborMap map;
            while (m_reader.lastError() == QCborError::NoError && m_reader.hasNext()) {
                auto key = readItem(depth + 1);
                if (!key)
                    return std::nullopt;
                auto item = readItem(depth + 1);
                if (!item)
                    return std::nullopt;
                map.insert(*key, *item);
            }
            if (m_reader.lastError() != QCborError::NoError || !m_reader.leaveContainer())
                return failFromReader(offset);
            return QCborValue(map);
        }
        case QCborStreamReader::Tag: {
            const auto tag = quint64(m_reader.toTag());
            m_reader.next();
            const auto inner = readItem(depth + 1);
            if (!inner)
                return std::nullopt;
            QString reason;
            auto value = ValueHelpers::canonicalTagged(tag, *inner, &reason);
            if (!value)
                return fail(offset, reason);
            return value;
        }
        case QCborStreamReader::SimpleType: {
            QCborValue value; // undefined
            if (m_reader.isFalse()) {
                value = QCborValue(false);
            } else if (m_reader.isTrue()) {
                value = QCborValue(true);
            } else if (m_reader.isNull()) {
                value = QCborValue(nullptr);
            } else if (!m_reader.isUndefined()) {
                value = QCborValue(m_reader.toSimpleType());
            }
            m_reader.next();
            return value;
        }
        case QCborStreamReader::Float16: {
            const auto d = double(float(m_reader.toFloat16()));
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Float: {
            const auto d = double(m_reader.toFloat());
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Double: {
            const double d = m_reader.toDouble();
            m_reader.next();
            return QCborValue(d);
        }
        case QCborStreamReader::Invalid:
            break;
        }
        return failFromReader(offset);
    }

    QCborStreamReader m_reader;
    qint64 m_size;
    QString m_error;
};

} // namespace

QByteArray encodeCbor(const QCborValue &value)
{
    QByteArray bytes;
    appendCbor(bytes, value);
    return bytes;
}

void appendCbor(QByteArray &out, const QCborValue &value)
{
    Writer(out).value(value);
}

void appendCborText(QByteArray &out, QStringView text)
{
    Writer(out).text(text);
}

std::optional<QCborValue> decodeCbor(const QByteArray &data, QString *error)
{
    // What the server sends is canonical: Qt's own builder makes it faster than any reader
    // outside Qt can (it sizes each container once and copies strings straight into it).
    if (CborFastPath::applies(data)) {
        QCborParserError parseError;
        QCborValue value = QCborValue::fromCbor(data, &parseError);
        if (parseError.error == QCborError::NoError)
            return value;
        // Invalid UTF-8: the strict reader names it.
    }
    Decoder decoder(data);
    auto value = decoder.decode();
    if (!value && error)
        *error = decoder.errorString();
    return value;
}

} // namespace SurrealQt::Values

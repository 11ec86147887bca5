#include "CborFastPath_p.h"

#include "CborTags.h"
#include "Decimal.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <vector>

namespace SurrealQt::CborFastPath {

namespace {

// Far below the strict reader's limit, so that everything near it takes the strict path.
constexpr int kMaxDepth = 128;
constexpr quint64 kMaxInt64 = quint64(std::numeric_limits<qint64>::max());
constexpr quint64 kNanosPerSecond = 1'000'000'000;

enum Major : quint8 {
    UnsignedInt = 0,
    NegativeInt = 1,
    Bytes = 2,
    Text = 3,
    Array = 4,
    Map = 5,
    Tag = 6,
    Simple = 7
};

// The simple values and the double that both readers turn into the same QCborValue.
constexpr quint8 kFalse = 20;
constexpr quint8 kUndefined = 23;
constexpr quint8 kDouble = 27;
constexpr quint8 kNull = 0xf6;

struct Head
{
    quint8 major = 0;
    quint8 info = 0;
    quint64 argument = 0;
};

class Scanner
{
public:
    explicit Scanner(QByteArrayView data)
        : m_pos(reinterpret_cast<const uchar *>(data.data()))
        , m_end(m_pos + data.size())
    {}

    bool acceptsAll() { return m_pos != m_end && item(0) && m_pos == m_end; }

private:
    quint64 remaining() const { return quint64(m_end - m_pos); }

    // One initial byte and its argument. Indefinite lengths and the reserved values 28-30 are
    // refused here (the strict reader takes them).
    bool head(Head &head)
    {
        if (m_pos == m_end)
            return false;
        const uchar initial = *m_pos++;
        head.major = initial >> 5;
        head.info = initial & 0x1f;
        if (head.info < 24) {
            head.argument = head.info;
            return true;
        }
        if (head.info > 27)
            return false;
        const int size = 1 << (head.info - 24);
        if (remaining() < quint64(size))
            return false;
        quint64 argument = 0;
        for (int i = 0; i < size; ++i)
            argument = (argument << 8) | *m_pos++;
        head.argument = argument;
        return true;
    }

    bool skip(quint64 size)
    {
        if (size > remaining())
            return false;
        m_pos += size;
        return true;
    }

    bool item(int depth)
    {
        Head h;
        if (depth > kMaxDepth || !head(h))
            return false;
        return value(h, depth);
    }

    bool value(const Head &h, int depth)
    {
        switch (h.major) {
        case UnsignedInt:
        case NegativeInt:
            return h.argument <= kMaxInt64;
        case Bytes:
        case Text:
            return skip(h.argument);
        case Array:
            return array(h.argument, depth);
        case Map:
            return map(h.argument, depth);
        case Tag:
            return tagged(h.argument, depth);
        default:
            return (h.info >= kFalse && h.info <= kUndefined) || h.info == kDouble;
        }
    }

    bool array(quint64 count, int depth)
    {
        if (count > remaining())
            return false;
        for (quint64 i = 0; i < count; ++i) {
            if (!item(depth + 1))
                return false;
        }
        return true;
    }

    bool map(quint64 count, int depth)
    {
        if (count > remaining() / 2)
            return false;
        const std::size_t first = m_keys.size();
        bool ok = true;
        for (quint64 i = 0; ok && i < count; ++i) {
            Head key;
            ok = head(key) && key.major == Text && skip(key.argument);
            if (ok) {
                m_keys.emplace_back(reinterpret_cast<const char *>(m_pos) - key.argument,
                                    std::size_t(key.argument));
                ok = item(depth + 1);
            }
        }
        ok = ok && distinct(first);
        m_keys.resize(first);
        return ok;
    }

    // Whether the keys from `first` on are all different (the strict reader keeps the last of
    // duplicates, QCborValue::fromCbor keeps them all).
    bool distinct(std::size_t first)
    {
        const auto begin = m_keys.begin() + std::ptrdiff_t(first);
        const auto end = m_keys.end();
        if (end - begin <= 16) {
            for (auto it = begin; it != end; ++it) {
                if (std::find(it + 1, end, *it) != end)
                    return false;
            }
            return true;
        }
        std::sort(begin, end);
        return std::adjacent_find(begin, end) == end;
    }

    bool integer()
    {
        Head h;
        return head(h) && (h.major == UnsignedInt || h.major == NegativeInt)
               && h.argument <= kMaxInt64;
    }

    bool unsignedIn(quint64 min, quint64 max)
    {
        Head h;
        return head(h) && h.major == UnsignedInt && h.argument >= min && h.argument <= max;
    }

    bool arrayOf(quint64 count)
    {
        Head h;
        return head(h) && h.major == Array && h.argument == count;
    }

    bool text(QByteArrayView *content = nullptr)
    {
        Head h;
        if (!head(h) || h.major != Text || !skip(h.argument))
            return false;
        if (content) {
            *content = QByteArrayView(reinterpret_cast<const char *>(m_pos) - h.argument,
                                      qsizetype(h.argument));
        }
        return true;
    }

    bool uuidBytes()
    {
        Head h;
        return head(h) && h.major == Bytes && h.argument == 16 && skip(16);
    }

    // Only the forms that the strict reader would return unchanged.
    bool tagged(quint64 tag, int depth)
    {
        switch (tag) {
        case CborTags::None:
            return m_pos != m_end && *m_pos++ == kNull;
        case CborTags::Table:
            return text();
        case CborTags::RecordId:
            return arrayOf(2) && text() && recordKey(depth + 1);
        case CborTags::StringDecimal: {
            QByteArrayView digits;
            return text(&digits) && Decimal::isValid(QLatin1StringView(digits));
        }
        case CborTags::CustomDateTime:
            return arrayOf(2) && integer() && unsignedIn(0, kNanosPerSecond - 1);
        case CborTags::CustomDuration: {
            // [] for zero, [seconds] without nanoseconds, [seconds, nanoseconds] otherwise.
            Head h;
            if (!head(h) || h.major != Array || h.argument > 2)
                return false;
            if (h.argument == 0)
                return true;
            if (h.argument == 1)
                return unsignedIn(1, kMaxInt64);
            return unsignedIn(0, kMaxInt64) && unsignedIn(1, kNanosPerSecond - 1);
        }
        case CborTags::SpecUuid:
            return uuidBytes();
        case CborTags::Set: {
            Head h;
            return head(h) && h.major == Array && array(h.argument, depth + 1);
        }
        default:
            return false;
        }
    }

    // A string, integer, uuid, array or object key (ranges take the strict path).
    bool recordKey(int depth)
    {
        Head h;
        if (depth > kMaxDepth || !head(h))
            return false;
        if (h.major == Tag)
            return h.argument == CborTags::SpecUuid && uuidBytes();
        if (h.major == Bytes || h.major == Simple)
            return false;
        return value(h, depth);
    }

    const uchar *m_pos;
    const uchar *m_end;
    std::vector<std::string_view> m_keys; // the keys of the maps being read, innermost last
};

} // namespace

bool applies(QByteArrayView data)
{
    return Scanner(data).acceptsAll();
}

} // namespace SurrealQt::CborFastPath

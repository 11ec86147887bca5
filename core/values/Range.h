#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>
#include <utility>

namespace SurrealQt {

// A SurrealDB range of values (1..5, 1..=5, 1>..5, ..5, ..), also the key of a record id
// range (person:1..=5). On the wire: tag 49 [begin, end], each bound tag 50(v) (included),
// tag 51(v) (excluded) or null (unbounded).
class SURREALQT_CORE_EXPORT Range
{
public:
    enum class BoundType { Unbounded, Included, Excluded };

    struct Bound
    {
        BoundType type = BoundType::Unbounded;
        QCborValue value; // undefined when unbounded

        static Bound unbounded() { return {}; }
        static Bound included(QCborValue value) { return {BoundType::Included, std::move(value)}; }
        static Bound excluded(QCborValue value) { return {BoundType::Excluded, std::move(value)}; }

        bool isUnbounded() const { return type == BoundType::Unbounded; }
        friend bool operator==(const Bound &a, const Bound &b)
        {
            return a.type == b.type && (a.type == BoundType::Unbounded || a.value == b.value);
        }
    };

    Range() = default; // ..
    Range(Bound begin, Bound end);

    // begin..end: begin included, end excluded, like SurrealQL's a..b.
    static Range halfOpen(const QCborValue &begin, const QCborValue &end);
    // begin..=end
    static Range closed(const QCborValue &begin, const QCborValue &end);
    static std::optional<Range> fromCbor(const QCborValue &value, QString *error = nullptr);

    const Bound &begin() const { return m_begin; }
    const Bound &end() const { return m_end; }

    // 1..=5, 1>..5, ..5, ..; bound values printed with Values::toSurql.
    QString toSurql() const;
    // Tag 49 [begin, end].
    QCborValue toCbor() const;

    friend bool operator==(const Range &, const Range &) = default;

private:
    Bound m_begin;
    Bound m_end;
};

SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const Range &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::Range)

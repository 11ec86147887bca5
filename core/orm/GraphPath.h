#pragma once

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

namespace SurrealQt {

// A walk over RELATE edges, hop by hop: `->wrote->book` (out along `wrote` to `book`),
// `<-wrote<-user` (in), `<->knows<->person` (both ways); several hops chain. Every table name
// is validated and quoted when the path is written as SurrealQL.
//
//   GraphPath::parse(u"->wrote->book<-wrote<-user"_s)  // co-authors
//   GraphPath().out(u"wrote"_s).out(u"book"_s)
class SURREALQT_CORE_EXPORT GraphPath
{
public:
    enum class Direction { Out, In, Both };
    struct Step
    {
        Direction direction = Direction::Out;
        QString table;
        friend bool operator==(const Step &, const Step &) = default;
    };

    GraphPath() = default;
    // "->a->b<-c": nullopt (and the reason in `error`) when it is not a path of table names.
    static std::optional<GraphPath> parse(QStringView text, QString *error = nullptr);

    GraphPath &out(const QString &table) { return add(Direction::Out, table); }
    GraphPath &in(const QString &table) { return add(Direction::In, table); }
    GraphPath &both(const QString &table) { return add(Direction::Both, table); }
    GraphPath &add(Direction direction, const QString &table);

    const QList<Step> &steps() const { return m_steps; }
    bool isEmpty() const { return m_steps.isEmpty(); }
    // The table the walk ends in (the last step's table).
    QString target() const { return m_steps.isEmpty() ? QString() : m_steps.constLast().table; }

    // `->wrote->book`, every name quoted; a Validation error for an empty path or a bad name.
    Result<QString> toSurql() const;

    friend bool operator==(const GraphPath &, const GraphPath &) = default;

private:
    QList<Step> m_steps;
};

} // namespace SurrealQt

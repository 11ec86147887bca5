#pragma once

#include "Lookup.h"
#include "SurqlQuery.h"

#include <surrealqt/rpc/Result.h>
#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QString>

#include <memory>

namespace SurrealQt {

// A filter expression, as Django's Q: keyword lookups (`Q(u"age__gte"_s, 18)`,
// `Q(u"address__city__icontains"_s, u"paris"_s)`) combined with & (and), | (or) and ~ (not).
// A lookup is `field[__field...][__lookup]`; without a known lookup suffix it is `exact`. Field
// names must be identifiers (or dotted paths); values are always bound as $p0, $p1... A Q is an
// immutable value: copies share their tree.
class SURREALQT_CORE_EXPORT Q
{
public:
    // The empty Q, which matches everything (and is neutral for & and |).
    Q() = default;
    Q(const QString &lookup, const QCborValue &value);

    bool isEmpty() const { return !m_node; }

    friend SURREALQT_CORE_EXPORT Q operator&(const Q &a, const Q &b);
    friend SURREALQT_CORE_EXPORT Q operator|(const Q &a, const Q &b);
    friend SURREALQT_CORE_EXPORT Q operator~(const Q &q);
    Q &operator&=(const Q &other) { return *this = *this & other; }
    Q &operator|=(const Q &other) { return *this = *this | other; }

    // The condition as SurrealQL, binding the values to `query`. Composite children are
    // parenthesized, so the text never depends on operator precedence; `nested` parenthesizes a
    // top-level AND or OR too, for splicing next to other conditions. An empty Q gives "true".
    // Fails with a Validation error for an invalid field name or a value of the wrong type.
    Result<QString> compile(SurqlQuery &query, bool nested = false) const;
    // The same on its own: {condition text, bindings}.
    Result<SurqlQuery> toSurql() const;

private:
    struct Node;
    explicit Q(std::shared_ptr<const Node> node)
        : m_node(std::move(node))
    {}
    static Result<QString> compileNode(const Node &node, SurqlQuery &query, bool nested);

    std::shared_ptr<const Node> m_node;
};

} // namespace SurrealQt

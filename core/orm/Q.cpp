#include "Q.h"

#include "FieldPath.h"

#include <QtCore/QList>
#include <QtCore/QStringList>

using namespace Qt::Literals::StringLiterals;

namespace SurrealQt {

struct Q::Node
{
    enum class Type { Leaf, And, Or, Not };
    Type type = Type::Leaf;
    // Leaf.
    QString lookup;
    QCborValue value;
    // And, Or (several), Not (one).
    QList<Q> children;
};

Q::Q(const QString &lookup, const QCborValue &value)
{
    auto node = std::make_shared<Node>();
    node->lookup = lookup;
    node->value = value;
    m_node = std::move(node);
}

Q operator&(const Q &a, const Q &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    auto node = std::make_shared<Q::Node>();
    node->type = Q::Node::Type::And;
    for (const Q *side : {&a, &b}) {
        if (side->m_node->type == Q::Node::Type::And) {
            node->children += side->m_node->children;
        } else {
            node->children.append(*side);
        }
    }
    return Q(std::move(node));
}

Q operator|(const Q &a, const Q &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    auto node = std::make_shared<Q::Node>();
    node->type = Q::Node::Type::Or;
    for (const Q *side : {&a, &b}) {
        if (side->m_node->type == Q::Node::Type::Or) {
            node->children += side->m_node->children;
        } else {
            node->children.append(*side);
        }
    }
    return Q(std::move(node));
}

Q operator~(const Q &q)
{
    if (q.isEmpty())
        return q;
    if (q.m_node->type == Q::Node::Type::Not)
        return q.m_node->children.constFirst();
    auto node = std::make_shared<Q::Node>();
    node->type = Q::Node::Type::Not;
    node->children.append(q);
    return Q(std::move(node));
}

Result<QString> Q::compileNode(const Node &node, SurqlQuery &query, bool nested)
{
    switch (node.type) {
    case Node::Type::Leaf: {
        QStringList parts = node.lookup.split(u"__"_s);
        Lookup::Kind kind = Lookup::Kind::Exact;
        if (parts.size() > 1) {
            if (const auto named = Lookup::fromName(parts.constLast())) {
                kind = *named;
                parts.removeLast();
            }
        }
        QString error;
        const auto path = FieldPath::fromParts(parts, &error);
        if (!path)
            return RpcError(RpcError::Kind::Validation, error);
        return Lookup::condition(kind, path->toSurql(), node.value, query);
    }
    case Node::Type::Not: {
        const auto inner = compileNode(*node.children.constFirst().m_node, query, false);
        if (!inner)
            return inner;
        return QString(u"!("_s + inner.value() + u')');
    }
    case Node::Type::And:
    case Node::Type::Or: {
        QStringList texts;
        for (const Q &child : node.children) {
            const auto text = compileNode(*child.m_node, query, true);
            if (!text)
                return text;
            texts.append(text.value());
        }
        const QString joined = texts.join(node.type == Node::Type::And ? u" AND "_s : u" OR "_s);
        return nested ? QString(u"("_s + joined + u')') : joined;
    }
    }
    return QString();
}

Result<QString> Q::compile(SurqlQuery &query, bool nested) const
{
    if (!m_node)
        return u"true"_s;
    return compileNode(*m_node, query, nested);
}

Result<SurqlQuery> Q::toSurql() const
{
    SurqlQuery query;
    const auto text = compile(query);
    if (!text)
        return text.error();
    query.setText(text.value());
    return query;
}

} // namespace SurrealQt

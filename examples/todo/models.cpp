#include "models.h"

#include <surrealqt/orm/Registry.h>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

ModelSpec Tag::describe()
{
    return ModelSpec(u"tag"_s)
        .schemafull()
        .field(u"name"_s, FieldSpec().assertion(u"string::len($value) > 0"_s))
        .unique(u"tag_name"_s, {u"name"_s});
}

ModelSpec Todo::describe()
{
    return ModelSpec(u"todo"_s)
        .schemafull()
        .field(u"title"_s, FieldSpec().assertion(u"string::len($value) > 0"_s))
        .field(u"done"_s, FieldSpec().defaultValue(u"false"_s))
        .field(u"tags"_s, FieldSpec().link(u"tag"_s))
        .index(u"todo_done"_s, {u"done"_s});
}

SURREALQT_REGISTER_MODEL(Tag)
SURREALQT_REGISTER_MODEL(Todo)

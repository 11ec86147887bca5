#pragma once

// The models the ORM tests share: a schemafull author with constraints and an index, a book
// linking to its author (a reference) and to tags (many to many), a `wrote` graph edge, and a
// user model with a record access.

#include <surrealqt/orm/Model.h>
#include <surrealqt/orm/ModelSpec.h>

#include <QtCore/QCborMap>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace OrmTest {

using SurrealQt::FieldSpec;
using SurrealQt::ModelSpec;
using SurrealQt::RecordId;

class Author : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(int age MEMBER age)
    Q_PROPERTY(QString country MEMBER country)
    Q_PROPERTY(QStringList tags MEMBER tags)
    Q_PROPERTY(QCborMap meta MEMBER meta)
    Q_PROPERTY(QString slug MEMBER slug)

public:
    QString name;
    int age = 0;
    QString country;
    QStringList tags;
    QCborMap meta;
    QString slug;

    static ModelSpec describe()
    {
        return ModelSpec(QStringLiteral("author"))
            .schemafull()
            .field(QStringLiteral("name"),
                   FieldSpec().assertion(QStringLiteral("string::len($value) > 0")))
            .field(QStringLiteral("age"), FieldSpec().assertion(QStringLiteral("$value >= 0")))
            .field(QStringLiteral("country"), FieldSpec().defaultValue(QStringLiteral("'FR'")))
            .field(QStringLiteral("slug"),
                   FieldSpec().value(QStringLiteral("string::lowercase(name)")))
            .index(QStringLiteral("author_name"), {QStringLiteral("name")})
            .changefeed(QStringLiteral("1d"));
    }
};

class Tag : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString label MEMBER label)

public:
    QString label;

    static ModelSpec describe() { return ModelSpec(QStringLiteral("tag")).schemafull(); }
};

class Book : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(SurrealQt::RecordId author MEMBER author)
    Q_PROPERTY(QList<SurrealQt::RecordId> tags MEMBER tags)
    Q_PROPERTY(qint64 pages MEMBER pages)

public:
    QString title;
    RecordId author;
    QList<RecordId> tags;
    qint64 pages = 0;

    static ModelSpec describe()
    {
        return ModelSpec(QStringLiteral("book"))
            .schemafull()
            .field(QStringLiteral("author"),
                   FieldSpec()
                       .link(QStringLiteral("author"))
                       .reference(SurrealQt::FieldDef::Reference::OnDelete::Cascade))
            .field(QStringLiteral("tags"), FieldSpec().link(QStringLiteral("tag")))
            .unique(QStringLiteral("book_title"), {QStringLiteral("title")});
    }
};

class Wrote : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(SurrealQt::RecordId in MEMBER in)
    Q_PROPERTY(SurrealQt::RecordId out MEMBER out)
    Q_PROPERTY(QString role MEMBER role)

public:
    RecordId in;
    RecordId out;
    QString role;

    static ModelSpec describe()
    {
        return ModelSpec(QStringLiteral("wrote"))
            .relation({QStringLiteral("author")}, {QStringLiteral("book")})
            .field(QStringLiteral("role"), FieldSpec().optional());
    }
};

class Member : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString email MEMBER email)
    Q_PROPERTY(QString password MEMBER password)
    Q_PROPERTY(QString nickname MEMBER nickname)

public:
    QString email;
    QString password;
    QString nickname;

    static ModelSpec describe()
    {
        SurrealQt::UserSpec user;
        user.signupFields = {QStringLiteral("nickname")};
        return ModelSpec(QStringLiteral("member"))
            .schemafull()
            .user(user)
            .unique(QStringLiteral("member_email"), {QStringLiteral("email")});
    }
};

} // namespace OrmTest

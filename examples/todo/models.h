#pragma once

// The app's typed models: each is a Q_GADGET whose properties are the table's fields, with a
// describe() for what the C++ type cannot say. models.cpp registers them, so that todo-manage
// makes migrations from them.

#include <surrealqt/orm/Model.h>
#include <surrealqt/orm/ModelSpec.h>

#include <QtCore/QList>
#include <QtCore/QString>

class Tag : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString name MEMBER name)

public:
    QString name;

    static SurrealQt::ModelSpec describe();
};

class Todo : public SurrealQt::Model
{
    Q_GADGET
    Q_PROPERTY(QString title MEMBER title)
    Q_PROPERTY(bool done MEMBER done)
    Q_PROPERTY(QList<SurrealQt::RecordId> tags MEMBER tags)

public:
    QString title;
    bool done = false;
    QList<SurrealQt::RecordId> tags; // links to tag records (array<record<tag>>)

    static SurrealQt::ModelSpec describe();
};

// Typed models without a server: reflection through QMetaObject, the schema a model stands for
// (DEFINE statements), change tracking, the registry, graph paths and the query-set additions
// (traversal, FETCH, live query, call options).

#include "TestModels.h"

#include <surrealqt/orm/GraphPath.h>
#include <surrealqt/orm/ModelMeta.h>
#include <surrealqt/orm/Objects.h>
#include <surrealqt/orm/QuerySet.h>
#include <surrealqt/orm/Registry.h>
#include <surrealqt/schema/SchemaPrinter.h>
#include <surrealqt/values/Values.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace OrmTest;
using namespace Qt::Literals::StringLiterals;

class tst_Models : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsComeFromTheProperties()
    {
        const ModelMeta &meta = ModelMeta::of<Author>();
        QCOMPARE(meta.table(), u"author"_s);
        QCOMPARE(meta.fieldNames(),
                 (QStringList{u"name"_s, u"age"_s, u"country"_s, u"tags"_s, u"meta"_s, u"slug"_s}));
        QCOMPARE(ModelMeta::of<Wrote>().fieldNames(), QStringList{u"role"_s});
        QVERIFY(ModelMeta::of<Wrote>().isRelation());
    }

    void tableDefinitionPrintsAsDefineStatements()
    {
        const TableDef table = ModelMeta::of<Author>().tableDef();
        QCOMPARE(SchemaPrinter::printTable(table, SchemaPrinter::Mode::Surql),
                 u"DEFINE TABLE author TYPE NORMAL SCHEMAFULL CHANGEFEED 1d PERMISSIONS FULL"_s);
        QStringList fields;
        for (const FieldDef &field : table.fields)
            fields.append(SchemaPrinter::printField(field, table.name));
        QCOMPARE(fields,
                 (QStringList{
                     u"DEFINE FIELD age ON author TYPE int ASSERT $value >= 0 PERMISSIONS FULL"_s,
                     u"DEFINE FIELD country ON author TYPE string DEFAULT 'FR' PERMISSIONS FULL"_s,
                     u"DEFINE FIELD meta ON author TYPE object FLEXIBLE PERMISSIONS FULL"_s,
                     u"DEFINE FIELD name ON author TYPE string ASSERT string::len($value) > 0 "
                     u"PERMISSIONS FULL"_s,
                     u"DEFINE FIELD slug ON author TYPE string VALUE string::lowercase(name) "
                     u"PERMISSIONS FULL"_s,
                     u"DEFINE FIELD tags ON author TYPE array<string> PERMISSIONS FULL"_s,
                 }));
        QCOMPARE(SchemaPrinter::printIndex(table.indexes.first(), table.name),
                 u"DEFINE INDEX author_name ON author FIELDS name"_s);
    }

    void linksAndReferencesBecomeRecordKinds()
    {
        const TableDef table = ModelMeta::of<Book>().tableDef();
        const FieldDef *author = table.field({u"author"_s});
        QVERIFY(author);
        QCOMPARE(author->kind->toString(), u"none | record<author>"_s);
        QVERIFY(author->reference);
        QCOMPARE(author->reference->onDelete, FieldDef::Reference::OnDelete::Cascade);
        QCOMPARE(table.field({u"tags"_s})->kind->toString(), u"array<record<tag>>"_s);
        QCOMPARE(table.indexes.first().type, IndexDef::Type::Unique);

        const TableDef wrote = ModelMeta::of<Wrote>().tableDef();
        QCOMPARE(wrote.type, TableDef::Type::Relation);
        QCOMPARE(wrote.relationIn, QStringList{u"author"_s});
        QCOMPARE(wrote.relationOut, QStringList{u"book"_s});
        QVERIFY(!wrote.field({u"in"_s}));
    }

    void userModelDefinesARecordAccessWithArgon2()
    {
        const ModelMeta &meta = ModelMeta::of<Member>();
        const auto access = meta.accessDef();
        QVERIFY(access);
        QCOMPARE(access->name, u"member_access"_s);
        QCOMPARE(
            *access->signup,
            u"CREATE member SET email = $email, password = crypto::argon2::generate($password), "
            u"nickname = $nickname"_s);
        QCOMPARE(*access->signin,
                 u"SELECT * FROM member WHERE email = $email AND "
                 u"crypto::argon2::compare(password, $password)"_s);
        const FieldDef *password = meta.tableDef().field({u"password"_s});
        QVERIFY(password);
        QCOMPARE(password->permissions.select, Permission::none());
        QVERIFY(password->value->contains(u"crypto::argon2::generate"_s));
        QVERIFY(!ModelMeta::of<Author>().accessDef());
    }

    void recordRoundTripThroughTheProperties()
    {
        Book book;
        book.id = RecordId(u"book"_s, u"dune"_s);
        book.title = u"Dune ⟩ `x`; 🦀"_s;
        book.author = RecordId(u"author"_s, u"frank"_s);
        book.tags = {RecordId(u"tag"_s, u"sf"_s), RecordId(u"tag"_s, u"classic"_s)};
        book.pages = 412;
        const QCborMap record = Objects<Book>::toRecord(book);
        QCOMPARE(record.value(u"id"_s), book.id.toCbor());
        QCOMPARE(record.value(u"title"_s).toString(), book.title);
        QCOMPARE(record.value(u"author"_s), book.author.toCbor());
        QCOMPARE(record.value(u"tags"_s).toArray().size(), 2);
        QCOMPARE(record.value(u"pages"_s).toInteger(), 412);

        const Book loaded = Objects<Book>::fromRecord(record);
        QVERIFY(loaded.isSaved());
        QCOMPARE(loaded.id, book.id);
        QCOMPARE(loaded.title, book.title);
        QCOMPARE(loaded.author, book.author);
        QCOMPARE(loaded.tags, book.tags);
        QCOMPARE(loaded.pages, 412);

        // An unset link is NONE, and NONE reads back as an invalid id.
        QVERIFY(Values::isNone(Objects<Book>::toRecord(Book()).value(u"author"_s)));
        QVERIFY(!Objects<Book>::toRecord(Book()).contains(u"id"_s));
    }

    void fetchedLinksGoToRelated()
    {
        QCborMap author{{u"id"_s, RecordId(u"author"_s, u"frank"_s).toCbor()},
                        {u"name"_s, u"Frank"_s}};
        QCborMap record{{u"id"_s, RecordId(u"book"_s, u"dune"_s).toCbor()},
                        {u"title"_s, u"Dune"_s},
                        {u"author"_s, author},
                        {u"->wrote->book"_s, QCborArray{}}};
        const Book book = Objects<Book>::fromRecord(record);
        QCOMPARE(book.author, RecordId(u"author"_s, u"frank"_s));
        const auto related = relatedOne<Author>(book, u"author"_s);
        QVERIFY(related);
        QCOMPARE(related->name, u"Frank"_s);
        QVERIFY(book.related(u"->wrote->book"_s).isArray());
        QVERIFY(!relatedOne<Author>(book, u"tags"_s));
    }

    void changesAreOnlyTheFieldsThatDiffer()
    {
        Author author = Objects<Author>::fromRecord(
            {{u"id"_s, RecordId(u"author"_s, 1).toCbor()}, {u"name"_s, u"Ann"_s}, {u"age"_s, 30}});
        QVERIFY(ModelMeta::changes(author, Objects<Author>::toRecord(author)).isEmpty());
        author.age = 31;
        author.tags = {u"a"_s};
        const QCborMap changes = ModelMeta::changes(author, Objects<Author>::toRecord(author));
        QCOMPARE(changes.keys().size(), 2);
        QCOMPARE(changes.value(u"age"_s).toInteger(), 31);
        QCOMPARE(changes.value(u"tags"_s).toArray().size(), 1);
    }

    void registryYieldsTheSchema()
    {
        Registry::clear();
        Registry::add<Author>();
        Registry::add<Book>();
        Registry::add<Member>();
        Registry::add<Author>(); // again: replaces, no duplicate
        const Schema schema = Registry::schema();
        QCOMPARE(schema.tables.size(), 3);
        QVERIFY(schema.table(u"book"_s));
        QCOMPARE(schema.accesses.size(), 1);
        const QString text = SchemaPrinter::print(schema);
        QVERIFY(text.contains(u"DEFINE TABLE book TYPE NORMAL SCHEMAFULL"_s));
        QVERIFY(text.contains(u"DEFINE ACCESS member_access ON DATABASE TYPE RECORD"_s));
        QVERIFY(text.contains(u"DEFINE INDEX book_title ON book FIELDS title UNIQUE"_s));
        Registry::remove(u"book"_s);
        QCOMPARE(Registry::schema().tables.size(), 2);
        QVERIFY(!Registry::model(u"book"_s));
        QVERIFY(Registry::model(u"member"_s));

        // A dynamic model reads its fields from a table definition.
        const ModelMeta dynamic = ModelMeta::fromTable(*schema.table(u"book"_s));
        QVERIFY(dynamic.isDynamic());
        QCOMPARE(dynamic.fieldNames(),
                 (QStringList{u"author"_s, u"pages"_s, u"tags"_s, u"title"_s}));
        QCOMPARE(dynamic.tableDef(), *schema.table(u"book"_s));
        Registry::clear();
    }

    void graphPathsParseAndQuote()
    {
        const auto path = GraphPath::parse(u"->wrote->book<-wrote<-author"_s);
        QVERIFY(path);
        QCOMPARE(path->steps().size(), 4);
        QCOMPARE(path->target(), u"author"_s);
        QCOMPARE(path->toSurql().value(), u"->wrote->book<-wrote<-author"_s);
        QCOMPARE(GraphPath().both(u"knows"_s).out(u"select"_s).toSurql().value(),
                 u"<->knows->`select`"_s);
        QString error;
        QVERIFY(!GraphPath::parse(u"->wr`ote"_s, &error));
        QVERIFY(error.contains(u"wr`ote"_s));
        QVERIFY(!GraphPath::parse(u"wrote"_s));
        QVERIFY(!GraphPath::parse(u""_s));
        QVERIFY(!GraphPath().out(u"a;b"_s).toSurql());
    }

    void traversalFetchAndLiveCompile()
    {
        const auto path = GraphPath::parse(u"->wrote->book"_s);
        const auto query = QuerySet::traverse(RecordId(u"author"_s, u"x ⟩"_s), *path)
                               .filter(u"pages__gt"_s, 100)
                               .orderBy({u"title"_s})
                               .limit(5)
                               .toSurql();
        QVERIFY(query);
        QCOMPARE(query->text(),
                 u"SELECT * FROM $from->wrote->book WHERE pages > $p0 ORDER BY title ASC LIMIT 5"_s);
        QCOMPARE(query->vars().value(u"from"_s), RecordId(u"author"_s, u"x ⟩"_s).toCbor());
        QCOMPARE(QuerySet::traverse(RecordId(u"a"_s, 1), *path).countSurql()->text(),
                 u"SELECT count() FROM $from->wrote->book GROUP ALL"_s);

        const auto fetched = QuerySet(u"book"_s).selectRelated({u"author"_s, u"tags"_s}).limit(3);
        QCOMPARE(fetched.toSurql()->text(), u"SELECT * FROM book LIMIT 3 FETCH author, tags"_s);
        QVERIFY(!QuerySet(u"book"_s).selectRelated({u"a b"_s}).toSurql());

        const auto live = QuerySet(u"book"_s).filter(u"title__contains"_s, u"x"_s).liveSurql();
        QCOMPARE(live->text(), u"LIVE SELECT * FROM book WHERE title CONTAINS $p0"_s);
        QVERIFY(!QuerySet(u"book"_s).limit(2).liveSurql());
    }

    void withOptionsKeepsTheTransactionId()
    {
        CallOptions options;
        options.txn = QUuid::createUuid();
        const QuerySet set = QuerySet(u"book"_s).withOptions(options).filter(u"pages"_s, 1);
        QCOMPARE(set.callOptions().txn, options.txn);
        QCOMPARE(objects<Book>(nullptr).withOptions(options).querySet().callOptions().txn,
                 options.txn);
    }

    void writesWithoutConnectionFailCleanly()
    {
        const auto saved = objects<Book>(nullptr).save(Book());
        QVERIFY(saved.isFinished());
        QVERIFY(!saved.result());
        QCOMPARE(saved.result().error().kind(), RpcError::Kind::ConnectionLost);
    }
};

QTEST_GUILESS_MAIN(tst_Models)
#include "tst_models.moc"

// Typed models against the real engine: the schema from the models, save (CREATE, then MERGE of
// the changed fields only), update, merge, delete, refresh, get_or_create, update_or_create,
// transactions, signals, record links and references, graph edges with relation managers,
// traversal, select_related and prefetch_related without N+1, and hostile strings throughout.

#include "OrmTestSupport.h"

#include <surrealqt/client/Transaction.h>
#include <surrealqt/orm/ModelSignals.h>
#include <surrealqt/orm/Objects.h>
#include <surrealqt/orm/RelationManager.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/values/Values.h>

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace OrmTest;
using namespace Qt::Literals::StringLiterals;
using Test::wait;

namespace {

template<typename T>
T ok(const std::optional<Result<T>> &result)
{
    if (!result)
        qFatal("timed out");
    if (!result->isOk())
        qFatal("%s", qPrintable(result->error().toString()));
    return result->value();
}

Author author(const QString &name, int age)
{
    Author a;
    a.name = name;
    a.age = age;
    return a;
}

} // namespace

class tst_OrmModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;
    std::unique_ptr<CountingConnection> m_counting;

    Connection *db() const { return m_counting.get(); }
    Objects<Author> authors() const { return objects<Author>(db()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        m_connection = openRoot(u"models"_s);
        QVERIFY(m_connection);
        m_counting = std::make_unique<CountingConnection>(m_connection.get());
        QVERIFY(defineTestModels(m_connection.get()));
    }

    void init() { QVERIFY(run(db(), u"DELETE author; DELETE book; DELETE tag; DELETE wrote"_s)); }

    void saveCreatesThenMergesOnlyTheChangedFields()
    {
        Author ann = author(u"Ann"_s, 30);
        QVERIFY(!ann.isSaved());
        m_counting->reset();
        ann = ok(wait(authors().save(ann)));
        QCOMPARE(m_counting->queries(), 1);
        QVERIFY(m_counting->texts.first().startsWith(u"CREATE ONLY author CONTENT $data"_s));
        QVERIFY(ann.isSaved());
        QVERIFY(ann.id.isValid());
        QCOMPARE(ann.id.table(), u"author"_s);
        QCOMPARE(ann.country, u"FR"_s); // left to the server's DEFAULT
        QCOMPARE(ann.slug, u"ann"_s);   // the server's VALUE, read back

        ann.age = 31;
        m_counting->reset();
        ann = ok(wait(authors().save(ann)));
        QCOMPARE(m_counting->queries(), 1);
        QCOMPARE(m_counting->texts.first(), u"UPDATE ONLY $id MERGE $data"_s);
        QCOMPARE(m_counting->vars.first().value(u"data"_s).toMap(), (QCborMap{{u"age"_s, 31}}));
        QCOMPARE(ann.age, 31);

        // Nothing changed: nothing is sent.
        m_counting->reset();
        ann = ok(wait(authors().save(ann)));
        QCOMPARE(m_counting->queries(), 0);

        // A concurrent change to another field survives our save (MERGE, not a full write).
        QVERIFY(run(db(), u"UPDATE $id SET country = 'IT'"_s, {{u"id"_s, ann.id.toCbor()}}));
        ann.name = u"Anna"_s;
        ann = ok(wait(authors().save(ann)));
        QCOMPARE(ann.country, u"IT"_s);
        QCOMPARE(ann.slug, u"anna"_s);

        // A chosen id.
        Author bob = author(u"Bob"_s, 40);
        bob.id = RecordId(u"author"_s, u"bob ⟩"_s);
        bob = ok(wait(authors().save(bob)));
        QCOMPARE(bob.id, RecordId(u"author"_s, u"bob ⟩"_s));
        QCOMPARE(ok(wait(authors().count())), 2);
    }

    void refreshReassignsEveryField()
    {
        Author ann = ok(wait(authors().save(author(u"Ann"_s, 30))));
        ann.tags = {u"local"_s};
        QVERIFY(run(db(),
                    u"UPDATE $id SET name = 'Zed', age = 99, tags = ['x', 'y']"_s,
                    {{u"id"_s, ann.id.toCbor()}}));
        const Author fresh = ok(wait(authors().refresh(ann)));
        QCOMPARE(fresh.name, u"Zed"_s);
        QCOMPARE(fresh.age, 99);
        QCOMPARE(fresh.tags, (QStringList{u"x"_s, u"y"_s}));
        QCOMPARE(fresh.slug, u"zed"_s);
        QVERIFY(ModelMeta::changes(fresh, Objects<Author>::toRecord(fresh)).isEmpty());

        QVERIFY(ok(wait(authors().remove(fresh))));
        const auto gone = wait(authors().refresh(fresh));
        QVERIFY(gone && !gone->isOk());
        QCOMPARE(gone->error().kind(), RpcError::Kind::NotFound);
        QVERIFY(!ok(wait(authors().remove(fresh)))); // already gone: false, not an error
    }

    void updateMergeAndGetOrCreate()
    {
        Author ann = ok(wait(authors().save(author(u"Ann"_s, 30))));
        ann.age = 5;
        ann.country = u"DE"_s;
        ann = ok(wait(authors().update(ann)));
        QCOMPARE(ann.age, 5);
        QCOMPARE(ann.country, u"DE"_s);
        ann = ok(wait(authors().merge(ann, {{u"age"_s, 6}})));
        QCOMPARE(ann.age, 6);
        QCOMPARE(ann.country, u"DE"_s);

        const auto [found, created] = ok(wait(authors().getOrCreate({{u"name"_s, u"Ann"_s}})));
        QVERIFY(!created);
        QCOMPARE(found.id, ann.id);
        const auto [made, wasMade] = ok(
            wait(authors().getOrCreate({{u"name"_s, u"Cy"_s}}, {{u"age"_s, 12}})));
        QVERIFY(wasMade);
        QCOMPARE(made.age, 12);
        const auto [updated, updatedMade] = ok(
            wait(authors().updateOrCreate({{u"name"_s, u"Cy"_s}}, {{u"age"_s, 13}})));
        QVERIFY(!updatedMade);
        QCOMPARE(updated.id, made.id);
        QCOMPARE(updated.age, 13);
        QCOMPARE(ok(wait(authors().count())), 2);

        // Typed reads.
        const QList<Author> list = ok(wait(authors().orderBy({u"name"_s}).all()));
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().name, u"Ann"_s);
        QVERIFY(list.first().isSaved());
        QCOMPARE(ok(wait(authors().get(made.id))).name, u"Cy"_s);
        QVERIFY(!ok(wait(authors().filter(u"age__gt"_s, 100).first())).has_value());
    }

    void bulkWritesOfTypedObjects()
    {
        QList<Author> many;
        for (int i = 0; i < 25; ++i)
            many.append(author(u"Bulk %1 ⟩"_s.arg(i), i));
        m_counting->reset();
        BulkOptions options;
        options.chunkSize = 10;
        QCOMPARE(ok(wait(authors().bulkCreate(many, options))), 25);
        QCOMPARE(m_counting->queries(), 3); // one INSERT per chunk
        const QList<Author> stored = ok(wait(authors().orderBy({u"age"_s}).all()));
        QCOMPARE(stored.size(), 25);
        QCOMPARE(stored.last().name, u"Bulk 24 ⟩"_s);
        QCOMPARE(stored.last().country, u"FR"_s); // server DEFAULT: the C++ default was left out
        QCOMPARE(ok(wait(authors().filter(u"age__lt"_s, 10).bulkUpdate({{u"country"_s, u"DE"_s}}))),
                 10);
        QCOMPARE(ok(wait(authors().filter(u"country"_s, u"DE"_s).count())), 10);
        QCOMPARE(ok(wait(authors().filter(u"age__gte"_s, 20).bulkDelete())), 5);
        QCOMPARE(ok(wait(authors().count())), 20);
    }

    void badWritesFailClearlyAndLoseNothing()
    {
        // The ASSERT rejects an empty name: an error, and no record.
        const auto rejected = wait(authors().save(author(QString(), 1)));
        QVERIFY(rejected && !rejected->isOk());
        QVERIFY(rejected->error().message().contains(u"name"_s));
        QCOMPARE(ok(wait(authors().count())), 0);

        // An id from another table never reaches the server.
        Author stray = author(u"Stray"_s, 1);
        stray.id = RecordId(u"book"_s, u"x"_s);
        m_counting->reset();
        const auto invalid = wait(authors().save(stray));
        QVERIFY(invalid && !invalid->isOk());
        QCOMPARE(invalid->error().kind(), RpcError::Kind::Validation);
        QCOMPARE(m_counting->queries(), 0);

        // A failed save keeps the object's state: it can be fixed and saved again.
        Author ann = ok(wait(authors().save(author(u"Ann"_s, 1))));
        ann.age = -4; // ASSERT $value >= 0
        const auto failed = wait(authors().save(ann));
        QVERIFY(failed && !failed->isOk());
        QCOMPARE(ok(wait(authors().refresh(ann))).age, 1);
        ann.age = 4;
        QCOMPARE(ok(wait(authors().save(ann))).age, 4);

        // A closed connection: a clear error, and the record as it was.
        auto closed = openRoot(u"models"_s);
        QVERIFY(closed);
        closed->close();
        ann.age = 5;
        const auto lost = wait(objects<Author>(closed.get()).save(ann));
        QVERIFY(lost && !lost->isOk());
        QCOMPARE(ok(wait(authors().refresh(ann))).age, 4);
    }

    void writesJoinATransaction()
    {
        auto cancelled = ok(wait(Transaction::begin(m_connection.get())));
        const Author ghost = ok(wait(objects<Author>(m_connection.get())
                                         .inTransaction(*cancelled)
                                         .save(author(u"Ghost"_s, 1))));
        QVERIFY(ghost.id.isValid());
        ok(wait(cancelled->cancel()));
        QCOMPARE(ok(wait(authors().filter(u"name"_s, u"Ghost"_s).count())), 0);

        auto committed = ok(wait(Transaction::begin(m_connection.get())));
        const auto inside = objects<Author>(m_connection.get()).inTransaction(*committed);
        ok(wait(inside.save(author(u"Kept"_s, 1))));
        ok(wait(inside.save(author(u"Kept too"_s, 2))));
        QCOMPARE(ok(wait(inside.count())), 2);
        ok(wait(committed->commit()));
        QCOMPARE(ok(wait(authors().count())), 2);
    }

    void signalsFollowEveryWrite()
    {
        ModelSignals *hub = ModelSignals::of<Author>();
        QCOMPARE(hub->table(), u"author"_s);
        QSignalSpy aboutToSave(hub, &ModelSignals::aboutToSave);
        QSignalSpy saved(hub, &ModelSignals::saved);
        QSignalSpy updated(hub, &ModelSignals::updated);
        QSignalSpy deleted(hub, &ModelSignals::deleted);
        Author ann = ok(wait(authors().save(author(u"Ann"_s, 30))));
        QCOMPARE(aboutToSave.size(), 1);
        QCOMPARE(aboutToSave.first().at(2).toBool(), true);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(0).value<RecordId>(), ann.id);
        QCOMPARE(saved.first().at(2).toBool(), true);
        ann.age = 1;
        ann = ok(wait(authors().save(ann)));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.last().at(2).toBool(), false);
        QCOMPARE(aboutToSave.last().at(1).value<QCborMap>(), (QCborMap{{u"age"_s, 1}}));
        ok(wait(authors().merge(ann, {{u"age"_s, 2}})));
        QCOMPARE(updated.size(), 1);
        ok(wait(authors().remove(ann)));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).value<RecordId>(), ann.id);
        // A failed write has no post signal.
        wait(authors().save(author(QString(), 1)));
        QCOMPARE(aboutToSave.size(), 3);
        QCOMPARE(saved.size(), 2);
    }

    void linksReferencesAndSelectRelated()
    {
        const Author frank = ok(wait(authors().save(author(u"Frank"_s, 60))));
        const Tag sf = ok(wait(objects<Tag>(db()).save([] {
            Tag t;
            t.label = u"sf"_s;
            return t;
        }())));
        Book dune;
        dune.title = u"Dune"_s;
        dune.author = frank.id;
        dune.tags = {sf.id};
        dune = ok(wait(objects<Book>(db()).save(dune)));
        QCOMPARE(dune.author, frank.id);

        // select_related: one query, the author and tags come back as records.
        m_counting->reset();
        const QList<Book> books = ok(
            wait(objects<Book>(db()).selectRelated({u"author"_s, u"tags"_s}).all()));
        QCOMPARE(m_counting->queries(), 1);
        QVERIFY(m_counting->texts.first().endsWith(u"FETCH author, tags"_s));
        QCOMPARE(books.size(), 1);
        QCOMPARE(books.first().author, frank.id);
        QCOMPARE(relatedOne<Author>(books.first(), u"author"_s)->name, u"Frank"_s);
        QCOMPARE(relatedMany<Tag>(books.first(), u"tags"_s).first().label, u"sf"_s);

        // A link to a missing record is refused by the record<author> type.
        Book bad;
        bad.title = u"Bad"_s;
        bad.author = RecordId(u"book"_s, u"x"_s);
        const auto refused = wait(objects<Book>(db()).save(bad));
        QVERIFY(refused && !refused->isOk());

        // REFERENCE ON DELETE CASCADE: deleting the author deletes the book.
        ok(wait(authors().remove(frank)));
        QCOMPARE(ok(wait(objects<Book>(db()).count())), 0);
    }

    void relationManagersAndTraversal()
    {
        const Author ann = ok(wait(authors().save(author(u"Ann"_s, 30))));
        const Author bob = ok(wait(authors().save(author(u"Bob"_s, 40))));
        QList<Book> books;
        for (const QString &title : {u"B1"_s, u"B2"_s, u"B3"_s}) {
            Book b;
            b.title = title;
            b.pages = qint64(title.back().digitValue()) * 100;
            books.append(ok(wait(objects<Book>(db()).save(b))));
        }
        RelationManager annWrote(db(), ann.id, u"wrote"_s, u"book"_s);
        const QCborMap edge = ok(wait(annWrote.add(books[0].id, {{u"role"_s, u"main"_s}})));
        QCOMPARE(edge.value(u"role"_s).toString(), u"main"_s);
        ok(wait(annWrote.add(books[1].id)));
        QCOMPARE(ok(wait(annWrote.count())), 2);
        QCOMPARE(ok(wait(annWrote.filter(Q(u"pages__gt"_s, 150)).count())), 1);

        // The typed edge model goes through RELATE too.
        Wrote wrote;
        wrote.in = bob.id;
        wrote.out = books[1].id;
        wrote.role = u"co"_s;
        wrote = ok(wait(objects<Wrote>(db()).save(wrote)));
        QCOMPARE(wrote.in, bob.id);
        QCOMPARE(wrote.out, books[1].id);

        // Both directions and several hops.
        RelationManager writers(db(),
                                books[1].id,
                                u"wrote"_s,
                                u"author"_s,
                                RelationManager::Direction::In);
        QCOMPARE(ok(wait(writers.count())), 2);
        const auto coauthors
            = QuerySet::traverse(ann.id, *GraphPath::parse(u"->wrote->book<-wrote<-author"_s), db())
                  .filter(Q(u"name"_s, u"Bob"_s));
        const QCborArray found = ok(wait(coauthors.all()));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toMap().value(u"name"_s).toString(), u"Bob"_s);

        // set keeps the existing edge (and its data), adds and removes the rest in one request.
        m_counting->reset();
        QCOMPARE(ok(wait(annWrote.set({books[0].id, books[2].id}))), 2);
        QCOMPARE(m_counting->queries(), 1);
        const QCborArray edges = ok(wait(annWrote.edges().all()));
        QCOMPARE(edges.size(), 2);
        const QCborArray kept = ok(
            wait(annWrote.edges().filter(u"out"_s, books[0].id.toCbor()).all()));
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().toMap().value(u"role"_s).toString(), u"main"_s);
        QCOMPARE(ok(wait(annWrote.remove(books[2].id))), 1);
        QCOMPARE(ok(wait(annWrote.clear())), 1);
        QCOMPARE(ok(wait(annWrote.count())), 0);
        QCOMPARE(ok(wait(writers.count())), 1);
    }

    void prefetchRelatedSendsOneQueryPerItem()
    {
        QList<Author> people;
        for (int i = 0; i < 6; ++i)
            people.append(ok(wait(authors().save(author(u"A%1"_s.arg(i), 20 + i)))));
        const Tag tag = ok(wait(objects<Tag>(db()).save([] {
            Tag t;
            t.label = u"shared"_s;
            return t;
        }())));
        for (int i = 0; i < 6; ++i) {
            for (int j = 0; j < 2; ++j) {
                Book b;
                b.title = u"T%1-%2"_s.arg(i).arg(j);
                b.author = people[i].id;
                b.tags = {tag.id};
                b = ok(wait(objects<Book>(db()).save(b)));
                ok(wait(RelationManager(db(), people[i].id, u"wrote"_s, u"book"_s).add(b.id)));
            }
        }
        m_counting->reset();
        const QList<Book> books = ok(wait(objects<Book>(db())
                                              .prefetchRelated({u"author"_s, u"tags"_s})
                                              .orderBy({u"title"_s})
                                              .all()));
        QCOMPARE(books.size(), 12);
        QCOMPARE(m_counting->queries(), 3); // the books, their authors, their tags: never 1 + 12
        QCOMPARE(relatedOne<Author>(books.first(), u"author"_s)->name, u"A0"_s);
        QCOMPARE(relatedOne<Author>(books.last(), u"author"_s)->name, u"A5"_s);
        QCOMPARE(relatedMany<Tag>(books[5], u"tags"_s).first().label, u"shared"_s);

        m_counting->reset();
        const QList<Author> withBooks = ok(
            wait(authors().prefetchRelated({u"->wrote->book"_s}).orderBy({u"name"_s}).all()));
        QCOMPARE(m_counting->queries(), 2);
        QCOMPARE(withBooks.size(), 6);
        for (const Author &a : withBooks)
            QCOMPARE(relatedMany<Book>(a, u"->wrote->book"_s).size(), 2);
        QCOMPARE(relatedMany<Book>(withBooks.first(), u"->wrote->book"_s).first().title.left(3),
                 u"T0-"_s);

        const auto badItem = wait(authors().prefetchRelated({u"bad name"_s}).all());
        QVERIFY(badItem && !badItem->isOk());
        QCOMPARE(badItem->error().kind(), RpcError::Kind::Validation);
    }

    void hostileStringsStayValues()
    {
        for (const QString &hostile : hostileStrings()) {
            Author a = author(hostile, 1);
            a.tags = {hostile};
            a.meta = QCborMap{{hostile, hostile}};
            a = ok(wait(authors().save(a)));
            QCOMPARE(a.name, hostile);
            const Author got = ok(wait(authors().get(Q(u"name"_s, hostile))));
            QCOMPARE(got.id, a.id);
            QCOMPARE(got.tags, QStringList{hostile});
            QCOMPARE(got.meta.value(hostile).toString(), hostile);

            Author keyed = author(u"k"_s, 1);
            keyed.id = RecordId(u"author"_s, hostile);
            keyed = ok(wait(authors().save(keyed)));
            QCOMPARE(keyed.id.key().toString(), hostile);
            keyed.name = hostile + u"!"_s;
            keyed = ok(wait(authors().save(keyed)));
            QCOMPARE(ok(wait(authors().refresh(keyed))).name, hostile + u"!"_s);

            Book b;
            b.title = hostile;
            b = ok(wait(objects<Book>(db()).save(b)));
            RelationManager wrote(db(), keyed.id, u"wrote"_s, u"book"_s);
            QCOMPARE(ok(wait(wrote.add(b.id, {{u"role"_s, hostile}}))).value(u"role"_s).toString(),
                     hostile);
            QCOMPARE(ok(wait(wrote.filter(Q(u"title"_s, hostile)).count())), 1);
            QCOMPARE(ok(wait(wrote.clear())), 1);
        }
        QCOMPARE(ok(wait(authors().count())), 2 * hostileStrings().size());
        QVERIFY(ok(wait(objects<Book>(db()).exists())));
    }

    void dynamicModelFromTheLiveSchema()
    {
        // What the Studio does: read the schema, then work with records of any table.
        const Schema schema = ok(wait(SchemaIntrospector::introspect(db())));
        const TableDef *table = schema.table(u"author"_s);
        QVERIFY(table);
        const ModelMeta dynamic = ModelMeta::fromTable(*table);
        QVERIFY(dynamic.isDynamic());
        QVERIFY(dynamic.fieldNames().contains(u"name"_s));
        QVERIFY(dynamic.fieldNames().contains(u"slug"_s));
        const RecordStore store(db(), dynamic);
        const QCborMap created = ok(wait(store.create({{u"name"_s, u"Dyn ⟩"_s},
                                                       {u"age"_s, 3},
                                                       {u"tags"_s, QCborArray()},
                                                       {u"meta"_s, QCborMap()}})));
        const RecordId id = *RecordId::fromCbor(created.value(u"id"_s));
        QCOMPARE(created.value(u"slug"_s).toString(), u"dyn ⟩"_s);
        const QCborMap merged = ok(wait(store.merge(id, {{u"age"_s, 4}})));
        QCOMPARE(merged.value(u"age"_s).toInteger(), 4);
        QCOMPARE(ok(wait(store.fetch(id)))->value(u"name"_s).toString(), u"Dyn ⟩"_s);
        QCOMPARE(ok(wait(store.querySet().filter(u"age"_s, 4).count())), 1);
        QVERIFY(ok(wait(store.remove(id))));
        QVERIFY(!ok(wait(store.fetch(id))).has_value());
    }

    void cleanupTestCase()
    {
        if (m_connection) {
            run(m_connection.get(),
                u"REMOVE TABLE IF EXISTS author; REMOVE TABLE IF EXISTS book; REMOVE TABLE IF "
                u"EXISTS tag; REMOVE TABLE IF EXISTS wrote"_s);
        }
    }
};

QTEST_GUILESS_MAIN(tst_OrmModels)
#include "tst_orm_models.moc"

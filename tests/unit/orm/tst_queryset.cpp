// The ORM query layer compiled to SurrealQL: exact text and bindings, no server involved.

#include <surrealqt/orm/Aggregate.h>
#include <surrealqt/orm/FieldPath.h>
#include <surrealqt/orm/Lookup.h>
#include <surrealqt/orm/Q.h>
#include <surrealqt/orm/QuerySet.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList kHostileValues{
    u"'; REMOVE DATABASE test; --"_s,
    u"\" OR true OR \""_s,
    u"`person`; DELETE person; `"_s,
    u"⟨x⟩ ⟩; DELETE person; ⟨"_s,
    u"$p0 $cursor $data"_s,
    QString::fromUtf8("a\0b", 3),
    u"🦀 \U0001F600 zero\u200Bwidth"_s,
    u"%_\\ .* (?i) ^$"_s,
};

const QStringList kHostileNames{
    u"name; DELETE person"_s,
    u"name`"_s,
    u"`name`"_s,
    u"na me"_s,
    u"1abc"_s,
    u""_s,
    u"a..b"_s,
    u"a."_s,
    u".a"_s,
    u"⟨x⟩"_s,
    u"name--"_s,
    u"$p0"_s,
    u"a)"_s,
    u"café"_s,
    u"name = 1 OR true"_s,
    u"a/*"_s,
    QString::fromUtf8("a\0b", 3),
};

SurqlQuery compiled(const Result<SurqlQuery> &result)
{
    if (!result) {
        qWarning() << result.error();
        return {};
    }
    return result.value();
}

QCborMap vars(std::initializer_list<std::pair<QString, QCborValue>> pairs)
{
    QCborMap map;
    for (const auto &[key, value] : pairs)
        map.insert(key, value);
    return map;
}

} // namespace

class tst_QuerySet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLookup_data()
    {
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QCborValue>("value");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QCborMap>("bindings");

        const QCborArray list{1, 2};
        const QString str = u"(type::is_string(name) AND "_s;
        QTest::newRow("implicit exact")
            << u"age"_s << QCborValue(30) << u"age = $p0"_s << vars({{u"p0"_s, 30}});
        QTest::newRow("exact") << u"age__exact"_s << QCborValue(30) << u"age = $p0"_s
                               << vars({{u"p0"_s, 30}});
        QTest::newRow("exact null") << u"age"_s << QCborValue(nullptr) << u"age = $p0"_s
                                    << vars({{u"p0"_s, QCborValue(nullptr)}});
        QTest::newRow("gt") << u"age__gt"_s << QCborValue(1) << u"age > $p0"_s
                            << vars({{u"p0"_s, 1}});
        QTest::newRow("gte") << u"age__gte"_s << QCborValue(18) << u"age >= $p0"_s
                             << vars({{u"p0"_s, 18}});
        QTest::newRow("lt") << u"age__lt"_s << QCborValue(1.5) << u"age < $p0"_s
                            << vars({{u"p0"_s, 1.5}});
        QTest::newRow("lte") << u"age__lte"_s << QCborValue(2) << u"age <= $p0"_s
                             << vars({{u"p0"_s, 2}});
        QTest::newRow("in") << u"age__in"_s << QCborValue(list) << u"age INSIDE $p0"_s
                            << vars({{u"p0"_s, list}});
        QTest::newRow("not_in") << u"age__not_in"_s << QCborValue(list) << u"age NOTINSIDE $p0"_s
                                << vars({{u"p0"_s, list}});
        QTest::newRow("contains") << u"tags__contains"_s << QCborValue(u"a"_s)
                                  << u"tags CONTAINS $p0"_s << vars({{u"p0"_s, u"a"_s}});
        QTest::newRow("not_contains") << u"tags__not_contains"_s << QCborValue(u"a"_s)
                                      << u"tags CONTAINSNOT $p0"_s << vars({{u"p0"_s, u"a"_s}});
        QTest::newRow("containsall") << u"tags__containsall"_s << QCborValue(list)
                                     << u"tags CONTAINSALL $p0"_s << vars({{u"p0"_s, list}});
        QTest::newRow("containsany") << u"tags__containsany"_s << QCborValue(list)
                                     << u"tags CONTAINSANY $p0"_s << vars({{u"p0"_s, list}});
        QTest::newRow("like") << u"name__like"_s << QCborValue(u"A%e_"_s)
                              << str + u"string::matches(name, $p0))"_s
                              << vars({{u"p0"_s, u"^A.*e.$"_s}});
        QTest::newRow("ilike") << u"name__ilike"_s << QCborValue(u"a%"_s)
                               << str + u"string::matches(name, $p0))"_s
                               << vars({{u"p0"_s, u"(?i)^a.*$"_s}});
        QTest::newRow("icontains")
            << u"name__icontains"_s << QCborValue(u"LiC"_s)
            << str + u"string::lowercase(name) CONTAINS string::lowercase($p0))"_s
            << vars({{u"p0"_s, u"LiC"_s}});
        QTest::newRow("startswith")
            << u"name__startswith"_s << QCborValue(u"Al"_s)
            << str + u"string::starts_with(name, $p0))"_s << vars({{u"p0"_s, u"Al"_s}});
        QTest::newRow("istartswith")
            << u"name__istartswith"_s << QCborValue(u"al"_s)
            << str + u"string::starts_with(string::lowercase(name), string::lowercase($p0)))"_s
            << vars({{u"p0"_s, u"al"_s}});
        QTest::newRow("endswith") << u"name__endswith"_s << QCborValue(u"ce"_s)
                                  << str + u"string::ends_with(name, $p0))"_s
                                  << vars({{u"p0"_s, u"ce"_s}});
        QTest::newRow("iendswith")
            << u"name__iendswith"_s << QCborValue(u"CE"_s)
            << str + u"string::ends_with(string::lowercase(name), string::lowercase($p0)))"_s
            << vars({{u"p0"_s, u"CE"_s}});
        QTest::newRow("regex") << u"name__regex"_s << QCborValue(u"^A.*e$"_s)
                               << str + u"string::matches(name, $p0))"_s
                               << vars({{u"p0"_s, u"^A.*e$"_s}});
        QTest::newRow("iregex") << u"name__iregex"_s << QCborValue(u"^a"_s)
                                << str + u"string::matches(name, $p0))"_s
                                << vars({{u"p0"_s, u"(?i)^a"_s}});
        QTest::newRow("match") << u"bio__match"_s << QCborValue(u"fox"_s) << u"bio @@ $p0"_s
                               << vars({{u"p0"_s, u"fox"_s}});
        QTest::newRow("isnull true") << u"age__isnull"_s << QCborValue(true)
                                     << u"(age IS NONE OR age IS NULL)"_s << QCborMap();
        QTest::newRow("isnull false") << u"age__isnull"_s << QCborValue(false)
                                      << u"(age IS NOT NONE AND age IS NOT NULL)"_s << QCborMap();
        QTest::newRow("nested icontains")
            << u"address__city__icontains"_s << QCborValue(u"PAR"_s)
            << u"(type::is_string(address.city) AND string::lowercase(address.city) CONTAINS "
               u"string::lowercase($p0))"_s
            << vars({{u"p0"_s, u"PAR"_s}});
        QTest::newRow("nested exact") << u"address__city"_s << QCborValue(u"Rome"_s)
                                      << u"address.city = $p0"_s << vars({{u"p0"_s, u"Rome"_s}});
        QTest::newRow("dotted path") << u"address.geo.lat__gt"_s << QCborValue(40)
                                     << u"address.geo.lat > $p0"_s << vars({{u"p0"_s, 40}});
    }

    void everyLookup()
    {
        QFETCH(QString, lookup);
        QFETCH(QCborValue, value);
        QFETCH(QString, text);
        QFETCH(QCborMap, bindings);
        const auto result = Q(lookup, value).toSurql();
        QVERIFY2(result, qPrintable(result.error().toString()));
        QCOMPARE(result->text(), text);
        QCOMPARE(result->vars(), bindings);
        // The same through a query set.
        const auto select = QuerySet(u"person"_s).filter(lookup, value).toSurql();
        QVERIFY(select);
        QCOMPARE(select->text(), u"SELECT * FROM person WHERE "_s + text);
        QCOMPARE(select->vars(), bindings);
    }

    void everyLookupIsCovered()
    {
        QCOMPARE(Lookup::all().size(), 22);
        for (const Lookup::Kind kind : Lookup::all())
            QCOMPARE(Lookup::fromName(Lookup::name(kind)), kind);
        QVERIFY(!Lookup::fromName(u"iexact_nope"_s));
    }

    void likePatterns()
    {
        QCOMPARE(Lookup::likeToRegex(u"a%b_c"), u"^a.*b.c$"_s);
        QCOMPARE(Lookup::likeToRegex(u"50\\%"), u"^50%$"_s);
        QCOMPARE(Lookup::likeToRegex(u"a.b(c)"), u"^a\\.b\\(c\\)$"_s);
        QCOMPARE(Lookup::likeToRegex(u"café 🦀"), u"^café 🦀$"_s);
    }

    void wrongValueTypes_data()
    {
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QCborValue>("value");
        QTest::newRow("isnull string") << u"age__isnull"_s << QCborValue(u"yes"_s);
        QTest::newRow("in scalar") << u"age__in"_s << QCborValue(3);
        QTest::newRow("containsall scalar") << u"tags__containsall"_s << QCborValue(u"a"_s);
        QTest::newRow("startswith int") << u"name__startswith"_s << QCborValue(3);
        QTest::newRow("regex int") << u"name__regex"_s << QCborValue(3);
        QTest::newRow("like null") << u"name__like"_s << QCborValue(nullptr);
    }

    void wrongValueTypes()
    {
        QFETCH(QString, lookup);
        QFETCH(QCborValue, value);
        const auto result = Q(lookup, value).toSurql();
        QVERIFY(!result);
        QCOMPARE(result.error().kind(), RpcError::Kind::Validation);
        QVERIFY(result.error().message().contains(lookup.section(u"__"_s, -1)));
    }

    void combinationsKeepPrecedence()
    {
        const Q a(u"age__gte"_s, 18);
        const Q b(u"name"_s, u"Bob"_s);
        const Q c(u"city"_s, u"Rome"_s);
        QCOMPARE(compiled((a & b).toSurql()).text(), u"age >= $p0 AND name = $p1"_s);
        QCOMPARE(compiled((a | b).toSurql()).text(), u"age >= $p0 OR name = $p1"_s);
        QCOMPARE(compiled(((a & b) | ~c).toSurql()).text(),
                 u"(age >= $p0 AND name = $p1) OR !(city = $p2)"_s);
        QCOMPARE(compiled((a & (b | c)).toSurql()).text(),
                 u"age >= $p0 AND (name = $p1 OR city = $p2)"_s);
        QCOMPARE(compiled(((a | b) & (b | c)).toSurql()).text(),
                 u"(age >= $p0 OR name = $p1) AND (name = $p2 OR city = $p3)"_s);
        QCOMPARE(compiled((a & b & c).toSurql()).text(),
                 u"age >= $p0 AND name = $p1 AND city = $p2"_s);
        QCOMPARE(compiled((~(a & b)).toSurql()).text(), u"!(age >= $p0 AND name = $p1)"_s);
        QCOMPARE(compiled((~~a).toSurql()).text(), u"age >= $p0"_s);
        QCOMPARE(compiled((a & Q()).toSurql()).text(), u"age >= $p0"_s);
        QCOMPARE(compiled((Q() | b).toSurql()).text(), u"name = $p0"_s);
        QCOMPARE(compiled(Q().toSurql()).text(), u"true"_s);
        const auto bound = compiled(((a & b) | ~c).toSurql());
        QCOMPARE(bound.vars(), vars({{u"p0"_s, 18}, {u"p1"_s, u"Bob"_s}, {u"p2"_s, u"Rome"_s}}));
    }

    void filterAndExclude()
    {
        const QuerySet people(u"person"_s);
        const QuerySet adults = people.filter(u"age__gte"_s, 18).exclude(u"name"_s, u"Bob"_s);
        const auto query = compiled(adults.toSurql());
        QCOMPARE(query.text(), u"SELECT * FROM person WHERE age >= $p0 AND !(name = $p1)"_s);
        QCOMPARE(query.vars(), vars({{u"p0"_s, 18}, {u"p1"_s, u"Bob"_s}}));
        // Query sets are immutable.
        QCOMPARE(compiled(people.toSurql()).text(), u"SELECT * FROM person"_s);
        const auto ored = compiled(people.filter(Q(u"a"_s, 1) | Q(u"b"_s, 2))
                                       .exclude(Q(u"c"_s, 3) | Q(u"d"_s, 4))
                                       .toSurql());
        QCOMPARE(ored.text(),
                 u"SELECT * FROM person WHERE (a = $p0 OR b = $p1) AND !(c = $p2 OR d = $p3)"_s);
    }

    void orderComesBeforeLimitAndStart()
    {
        const QuerySet people(u"person"_s);
        const QString expected = u"SELECT * FROM person WHERE age > $p0 ORDER BY age DESC, "
                                 u"name ASC LIMIT 10 START 20"_s;
        // Whatever order the calls come in.
        QCOMPARE(compiled(people.limit(10)
                              .offset(20)
                              .filter(u"age__gt"_s, 1)
                              .orderBy({u"-age"_s, u"name"_s})
                              .toSurql())
                     .text(),
                 expected);
        QCOMPARE(compiled(people.orderBy({u"-age"_s, u"name"_s})
                              .filter(u"age__gt"_s, 1)
                              .offset(20)
                              .limit(10)
                              .toSurql())
                     .text(),
                 expected);
        QCOMPARE(compiled(people.offset(5).toSurql()).text(), u"SELECT * FROM person START 5"_s);
        QCOMPARE(compiled(people.orderBy({u"-address.city"_s}).toSurql()).text(),
                 u"SELECT * FROM person ORDER BY address.city DESC"_s);
    }

    void keysetPagination()
    {
        const QuerySet people(u"person"_s);
        const RecordId last(u"person"_s, u"k9"_s);
        auto query = compiled(people.after(last).limit(5).toSurql());
        QCOMPARE(query.text(), u"SELECT * FROM person WHERE id > $cursor ORDER BY id ASC LIMIT 5"_s);
        QCOMPARE(query.vars(), vars({{u"cursor"_s, last.toCbor()}}));
        query = compiled(people.filter(Q(u"a"_s, 1) | Q(u"b"_s, 2)).after(last).limit(5).toSurql());
        QCOMPARE(query.text(),
                 u"SELECT * FROM person WHERE (a = $p0 OR b = $p1) AND id > "
                 u"$cursor ORDER BY id ASC LIMIT 5"_s);
        query = compiled(people.orderBy({u"-id"_s}).after(last).limit(5).toSurql());
        QCOMPARE(query.text(),
                 u"SELECT * FROM person WHERE id < $cursor ORDER BY id DESC LIMIT 5"_s);
        const auto refused = people.orderBy({u"age"_s}).after(last).toSurql();
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind(), RpcError::Kind::Validation);
        // values() without the id: the ordered page comes from a subquery.
        query = compiled(people.values({u"name"_s}).after(last).limit(2).toSurql());
        QCOMPARE(query.text(),
                 u"SELECT name FROM (SELECT * FROM person WHERE id > $cursor "
                 u"ORDER BY id ASC LIMIT 2)"_s);
        query = compiled(people.only({u"name"_s}).after(last).limit(2).toSurql());
        QCOMPARE(query.text(),
                 u"SELECT id, name FROM person WHERE id > $cursor ORDER BY id ASC "
                 u"LIMIT 2"_s);
    }

    void valuesAndOnly()
    {
        const QuerySet people(u"person"_s);
        QCOMPARE(compiled(people.values({u"name"_s, u"address.city"_s}).toSurql()).text(),
                 u"SELECT name, address.city FROM person"_s);
        QCOMPARE(compiled(people.only({u"name"_s, u"age"_s}).toSurql()).text(),
                 u"SELECT id, name, age FROM person"_s);
        QCOMPARE(compiled(people.only({u"id"_s, u"name"_s}).toSurql()).text(),
                 u"SELECT id, name FROM person"_s);
        QCOMPARE(compiled(people.values({u"name"_s, u"age"_s}).orderBy({u"-age"_s}).toSurql()).text(),
                 u"SELECT name, age FROM person ORDER BY age DESC"_s);
        QCOMPARE(compiled(people.values({u"name"_s}).orderBy({u"-age"_s}).limit(3).toSurql()).text(),
                 u"SELECT name FROM (SELECT * FROM person ORDER BY age DESC LIMIT 3)"_s);
        QCOMPARE(compiled(people.valuesList({u"name"_s, u"age"_s}).toSurql()).text(),
                 u"SELECT VALUE [name, age] FROM person"_s);
        QCOMPARE(compiled(people.valuesList({u"name"_s}, true).orderBy({u"name"_s}).toSurql()).text(),
                 u"SELECT VALUE name FROM (SELECT * FROM person ORDER BY name ASC)"_s);
        QVERIFY(!people.valuesList({u"a"_s, u"b"_s}, true).toSurql());
        QVERIFY(!people.values({}).toSurql());
    }

    void readingTerminals()
    {
        const QuerySet people = QuerySet(u"person"_s).filter(u"age__gt"_s, 1);
        QCOMPARE(compiled(people.countSurql()).text(),
                 u"SELECT count() FROM person WHERE age > $p0 GROUP ALL"_s);
        QCOMPARE(compiled(people.limit(5).countSurql()).text(),
                 u"SELECT count() FROM (SELECT * FROM person WHERE age > $p0 LIMIT 5) GROUP ALL"_s);
        QCOMPARE(compiled(people.existsSurql()).text(),
                 u"SELECT VALUE id FROM person WHERE age > $p0 LIMIT 1"_s);
        QCOMPARE(compiled(people.firstSurql()).text(),
                 u"SELECT * FROM person WHERE age > $p0 ORDER BY id ASC LIMIT 1"_s);
        QCOMPARE(compiled(people.orderBy({u"-age"_s}).firstSurql()).text(),
                 u"SELECT * FROM person WHERE age > $p0 ORDER BY age DESC LIMIT 1"_s);
        QCOMPARE(compiled(people.lastSurql()).text(),
                 u"SELECT * FROM person WHERE age > $p0 ORDER BY id DESC LIMIT 1"_s);
        QCOMPARE(compiled(people.orderBy({u"-age"_s, u"name"_s}).lastSurql()).text(),
                 u"SELECT * FROM person WHERE age > $p0 ORDER BY age ASC, name DESC LIMIT 1"_s);
        QVERIFY(!people.limit(3).lastSurql());
        QCOMPARE(compiled(people.getSurql()).text(),
                 u"SELECT * FROM person WHERE age > $p0 LIMIT 2"_s);
    }

    void aggregates()
    {
        const QuerySet people = QuerySet(u"person"_s).filter(u"age__gt"_s, 1);
        QCOMPARE(compiled(people.aggregateSurql(Aggregate::sum(u"age"_s))).text(),
                 u"SELECT math::sum(age) AS value FROM person WHERE age > $p0 GROUP ALL"_s);
        QCOMPARE(compiled(people.aggregateSurql(Aggregate::avg(u"age"_s))).text(),
                 u"SELECT math::mean(age) AS value FROM person WHERE age > $p0 GROUP ALL"_s);
        QCOMPARE(compiled(people.aggregateSurql(Aggregate::min(u"score.total"_s))).text(),
                 u"SELECT math::min(score.total) AS value FROM person WHERE age > $p0 GROUP ALL"_s);
        QCOMPARE(compiled(people.aggregateSurql(Aggregate::max(u"age"_s))).text(),
                 u"SELECT math::max(age) AS value FROM person WHERE age > $p0 GROUP ALL"_s);
        QCOMPARE(compiled(people.offset(2).aggregateSurql(Aggregate::max(u"age"_s))).text(),
                 u"SELECT math::max(age) AS value FROM (SELECT * FROM person WHERE age > $p0 "
                 u"START 2) GROUP ALL"_s);
        QVERIFY(!people.aggregateSurql(Aggregate::sum(u"age) FROM user; --"_s)));
    }

    void annotateGroups()
    {
        const QuerySet people(u"person"_s);
        const auto grouped = compiled(people.filter(u"age__gt"_s, 0)
                                          .values({u"address.city"_s})
                                          .annotate(u"n"_s, Aggregate::count())
                                          .annotate(u"total"_s, Aggregate::sum(u"age"_s))
                                          .orderBy({u"-n"_s})
                                          .toSurql());
        QCOMPARE(grouped.text(),
                 u"SELECT address.city, count() AS n, math::sum(age) AS total FROM person "
                 u"WHERE age > $p0 GROUP BY address.city ORDER BY n DESC"_s);
        QCOMPARE(grouped.vars(), vars({{u"p0"_s, 0}}));
        QCOMPARE(compiled(people.annotate(u"n"_s, Aggregate::count())
                              .annotate(u"oldest"_s, Aggregate::max(u"age"_s))
                              .toSurql())
                     .text(),
                 u"SELECT count() AS n, math::max(age) AS oldest FROM person GROUP ALL"_s);
        QCOMPARE(compiled(
                     people.values({u"city"_s}).annotate(u"n"_s, Aggregate::count()).countSurql())
                     .text(),
                 u"SELECT count() FROM (SELECT city, count() AS n FROM person GROUP BY city) "
                 u"GROUP ALL"_s);
        QVERIFY(!people.annotate(u"n; DELETE person"_s, Aggregate::count()).toSurql());
        QVERIFY(!people.only({u"a"_s}).annotate(u"n"_s, Aggregate::count()).toSurql());
    }

    void bulkWrites()
    {
        const QuerySet people(u"person"_s);
        QList<QCborMap> rows;
        for (int i = 0; i < 5; ++i)
            rows.append(QCborMap{{u"n"_s, i}});
        const auto chunked = people.bulkCreateSurql(rows, {2, false});
        QVERIFY(chunked);
        QCOMPARE(chunked->size(), 3);
        for (const SurqlQuery &query : chunked.value())
            QCOMPARE(query.text(), u"INSERT INTO person $p0 RETURN VALUE id"_s);
        QCOMPARE(chunked->at(0).vars().value(u"p0"_s).toArray().size(), 2);
        QCOMPARE(chunked->at(2).vars().value(u"p0"_s).toArray(), QCborArray{rows.at(4)});
        const auto atomic = people.bulkCreateSurql(rows, {2, true});
        QVERIFY(atomic);
        QCOMPARE(atomic->size(), 1);
        QCOMPARE(atomic->first().text(),
                 u"BEGIN TRANSACTION; INSERT INTO person $p0 RETURN VALUE id; INSERT INTO person "
                 u"$p1 RETURN VALUE id; INSERT INTO person $p2 RETURN VALUE id; COMMIT "
                 u"TRANSACTION;"_s);
        QCOMPARE(atomic->first().vars().size(), 3);
        QCOMPARE(people.bulkCreateSurql({}, {})->size(), 0);
        QVERIFY(!people.bulkCreateSurql(rows, {0, false}));

        const QCborMap data{{u"active"_s, false}};
        auto query = compiled(people.filter(u"age__lt"_s, 18).bulkUpdateSurql(data));
        QCOMPARE(query.text(), u"UPDATE person MERGE $data WHERE age < $p0 RETURN VALUE id"_s);
        QCOMPARE(query.vars(), vars({{u"data"_s, data}, {u"p0"_s, 18}}));
        query = compiled(people.filter(u"age__lt"_s, 18).bulkDeleteSurql());
        QCOMPARE(query.text(), u"DELETE person WHERE age < $p0 RETURN VALUE $before.id"_s);
        QCOMPARE(compiled(people.bulkDeleteSurql()).text(),
                 u"DELETE person RETURN VALUE $before.id"_s);
        QVERIFY(!people.limit(3).bulkDeleteSurql());
        QVERIFY(!people.offset(3).bulkUpdateSurql(data));
        query = compiled(people.filter(u"email"_s, u"a@b.c"_s).upsertSurql(data));
        QCOMPARE(query.text(), u"UPSERT person MERGE $data WHERE email = $p0"_s);
        const RecordId id(u"person"_s, u"tobie"_s);
        query = compiled(people.upsertSurql(id, data));
        QCOMPARE(query.text(), u"UPSERT $id MERGE $data"_s);
        QCOMPARE(query.vars(), vars({{u"id"_s, id.toCbor()}, {u"data"_s, data}}));
        QVERIFY(!people.upsertSurql(RecordId(u"user"_s, u"x"_s), data));
    }

    void hostileValuesOnlyInBindings()
    {
        for (const QString &hostile : kHostileValues) {
            for (const Lookup::Kind kind : Lookup::all()) {
                if (kind == Lookup::Kind::IsNull)
                    continue;
                const bool list = kind == Lookup::Kind::In || kind == Lookup::Kind::NotIn
                                  || kind == Lookup::Kind::ContainsAll
                                  || kind == Lookup::Kind::ContainsAny;
                const QCborValue value = list ? QCborValue(QCborArray{hostile})
                                              : QCborValue(hostile);
                const auto query = QuerySet(u"person"_s)
                                       .filter(u"name__"_s + Lookup::name(kind), value)
                                       .toSurql();
                QVERIFY2(query, qPrintable(Lookup::name(kind)));
                QVERIFY2(!query->text().contains(hostile), qPrintable(query->text()));
                QVERIFY(!query->text().contains(u'\''));
                QVERIFY(!query->text().contains(u'"'));
                QVERIFY(!query->text().contains(u';'));
                QCOMPARE(query->vars().size(), 1);
                const QCborValue bound = query->vars().value(u"p0"_s);
                if (list)
                    QCOMPARE(bound, value);
                else
                    QVERIFY(bound.toString().endsWith(hostile) || kind == Lookup::Kind::Like
                            || kind == Lookup::Kind::ILike);
            }
        }
    }

    void hostileNamesAreRejected()
    {
        const QuerySet people(u"person"_s);
        for (const QString &name : kHostileNames) {
            const auto check = [&name](const Result<SurqlQuery> &result, const char *where) {
                QVERIFY2(!result, qPrintable(QString::fromLatin1(where) + u": "_s + name));
                QCOMPARE(result.error().kind(), RpcError::Kind::Validation);
            };
            check(people.filter(name, 1).toSurql(), "filter");
            check(people.filter(name + u"__icontains"_s, u"x"_s).toSurql(), "filter lookup");
            check(people.filter(u"address__"_s + name, 1).toSurql(), "nested filter");
            check(people.exclude(name, 1).toSurql(), "exclude");
            check(people.filter(u"a"_s, 1).filter(Q(u"b"_s, 2) | ~Q(name, 3)).toSurql(), "nested Q");
            check(people.orderBy({u"-"_s + name}).toSurql(), "orderBy");
            check(people.values({name}).toSurql(), "values");
            check(people.only({name}).toSurql(), "only");
            check(people.valuesList({name}, true).toSurql(), "valuesList");
            check(people.aggregateSurql(Aggregate::sum(name)), "sum");
            check(people.annotate(name, Aggregate::count()).toSurql(), "alias");
        }
        QVERIFY(!QuerySet(QString()).toSurql());
        QCOMPARE(QuerySet(QString()).toSurql().error().kind(), RpcError::Kind::Validation);
        QVERIFY(!QuerySet(QString()).bulkCreateSurql({QCborMap{}}));
        const auto error = people.filter(u"name; DELETE person"_s, 1).toSurql().error();
        QVERIFY2(error.message().contains(u"invalid field name"_s), qPrintable(error.message()));
    }

    void oddTableNamesAreQuoted()
    {
        // Tables are whatever the database has (the Studio's dynamic models): quoted, not refused.
        for (const QString &name : kHostileNames) {
            if (name.isEmpty())
                continue;
            const QString quoted = SurqlSyntax::quoteIdentifier(name);
            QVERIFY2(quoted.startsWith(u'`') && quoted.endsWith(u'`'), qPrintable(quoted));
            QCOMPARE(QuerySet(name).toSurql()->text(), u"SELECT * FROM "_s + quoted);
            QVERIFY(
                QuerySet(name).bulkDeleteSurql()->text().startsWith(u"DELETE "_s + quoted + u' '));
            QCOMPARE(QuerySet(name).liveSurql()->text(), u"LIVE SELECT * FROM "_s + quoted);
        }
        QCOMPARE(QuerySet(u"person"_s).toSurql()->text(), u"SELECT * FROM person"_s);
    }

    void fieldPaths()
    {
        QVERIFY(FieldPath::isIdentifier(u"_private1"));
        QVERIFY(!FieldPath::isIdentifier(u"9lives"));
        QCOMPARE(FieldPath::parse(u"address.city")->parts(), (QStringList{u"address"_s, u"city"_s}));
        QVERIFY(!FieldPath::parse(u"address..city"));
        QVERIFY(!FieldPath::fromParts({}));
    }

    void noConnectionIsAnError()
    {
        const auto future = QuerySet(u"person"_s).all();
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind(), RpcError::Kind::ConnectionLost);
        const auto invalid = QuerySet(QString()).count();
        QVERIFY(invalid.isFinished());
        QCOMPARE(invalid.result().error().kind(), RpcError::Kind::Validation);
        const auto bulk = QuerySet(u"person"_s).bulkCreate({}, {});
        QVERIFY(bulk.isFinished());
        QCOMPARE(bulk.result().value(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_QuerySet)
#include "tst_queryset.moc"

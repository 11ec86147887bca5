// SurrealQt::QuerySet against the real engine behind the dev server: every lookup returns exactly
// the expected records, hostile strings stay values, reads, aggregates and bulk writes.

#include "../common/TestSupport.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/orm/QuerySet.h>
#include <surrealqt/values/RecordId.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtTest/QTest>

#include <algorithm>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Test::wait;

namespace {

// Forwards to a real connection and counts the query requests and INSERT statements sent.
class CountingConnection : public Connection
{
public:
    explicit CountingConnection(Connection *inner)
        : m_inner(inner)
    {}

    QFuture<Result<QCborValue>> call(const QString &method,
                                     const QCborArray &params,
                                     const CallOptions &options) override
    {
        if (method == u"query"_s) {
            ++queries;
            inserts += params.at(0).toString().count(u"INSERT INTO"_s);
        }
        return m_inner->call(method, params, options);
    }

    int queries = 0;
    qsizetype inserts = 0;

private:
    Connection *m_inner;
};

QCborMap row(const QString &key, QCborMap fields)
{
    fields.insert(u"id"_s, RecordId(u"person"_s, key).toCbor());
    return fields;
}

QCborMap city(const QString &name)
{
    return QCborMap{{u"city"_s, name}};
}

QList<QCborMap> people()
{
    const auto tags = [](QStringList list) {
        QCborArray array;
        for (const QString &tag : list)
            array.append(tag);
        return array;
    };
    return {
        row(u"p01"_s,
            {{u"name"_s, u"Alice"_s},
             {u"age"_s, 30},
             {u"tags"_s, tags({u"admin"_s, u"dev"_s})},
             {u"address"_s, city(u"Paris"_s)},
             {u"bio"_s, u"The quick brown fox"_s},
             {u"nick"_s, u"ally"_s}}),
        row(u"p02"_s,
            {{u"name"_s, u"ALICE"_s},
             {u"age"_s, 25},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"paris"_s)},
             {u"nick"_s, QCborValue(nullptr)}}),
        row(u"p03"_s,
            {{u"name"_s, u"alicia"_s},
             {u"age"_s, 41},
             {u"tags"_s, tags({u"ops"_s})},
             {u"address"_s, city(u"PARIS"_s)}}),
        row(u"p04"_s,
            {{u"name"_s, u"Bob"_s},
             {u"age"_s, 17},
             {u"tags"_s, QCborArray()},
             {u"address"_s, city(u"Rome"_s)},
             {u"nick"_s, u"bobby"_s}}),
        row(u"p05"_s,
            {{u"name"_s, u"bob"_s},
             {u"age"_s, 62},
             {u"tags"_s, tags({u"dev"_s, u"ops"_s})},
             {u"address"_s, city(u"Rome"_s)}}),
        row(u"p06"_s,
            {{u"name"_s, u"Carol"_s},
             {u"age"_s, 35},
             {u"tags"_s, tags({u"admin"_s})},
             {u"address"_s, city(u"Berlin"_s)},
             {u"bio"_s, u"lazy dog sleeps"_s}}),
        row(u"p07"_s,
            {{u"name"_s, u"Ünïcödé Ülrich"_s},
             {u"age"_s, 50},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"Zürich"_s)}}),
        row(u"p08"_s,
            {{u"name"_s, u"O'Brien"_s},
             {u"age"_s, 28},
             {u"tags"_s, tags({u"ops"_s})},
             {u"address"_s, city(u"Dublin"_s)}}),
        row(u"p09"_s,
            {{u"name"_s, u"back`tick"_s},
             {u"age"_s, 33},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"Oslo"_s)}}),
        row(u"p10"_s,
            {{u"name"_s, u"semi;colon"_s},
             {u"age"_s, 44},
             {u"tags"_s, tags({u"ops"_s})},
             {u"address"_s, city(u"Oslo"_s)}}),
        row(u"p11"_s,
            {{u"name"_s, u"🦀 Crab"_s},
             {u"age"_s, 9},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"Lima"_s)}}),
        row(u"p12"_s,
            {{u"name"_s, u"percent%sign"_s},
             {u"age"_s, 71},
             {u"tags"_s, QCborArray()},
             {u"address"_s, city(u"Lima"_s)}}),
        row(u"p13"_s,
            {{u"name"_s, u"under_score"_s},
             {u"age"_s, 18},
             {u"tags"_s, tags({u"admin"_s})},
             {u"address"_s, city(u"Quito"_s)}}),
        row(u"p14"_s,
            {{u"name"_s, u"dot.name"_s},
             {u"age"_s, 18},
             {u"tags"_s, tags({u"ops"_s})},
             {u"address"_s, city(u"Quito"_s)}}),
        row(u"p15"_s,
            {{u"name"_s, u"Zoe"_s},
             {u"age"_s, QCborValue(nullptr)},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"Oslo"_s)}}),
        row(u"p16"_s, {{u"name"_s, u"zoe"_s}, {u"tags"_s, tags({u"ops"_s})}}),
        row(u"p17"_s, {{u"name"_s, 42}, {u"age"_s, 60}, {u"tags"_s, tags({u"admin"_s})}}),
        row(u"p18"_s,
            {{u"name"_s, u"Ann ⟩ angle"_s},
             {u"age"_s, 22},
             {u"tags"_s, tags({u"dev"_s})},
             {u"address"_s, city(u"Paris"_s)}}),
        row(u"p19"_s,
            {{u"name"_s, QString::fromUtf8("NUL\0byte", 8)},
             {u"age"_s, 39},
             {u"tags"_s, tags({u"ops"_s})},
             {u"address"_s, city(u"Rome"_s)}}),
        row(u"p20"_s,
            {{u"name"_s, u"Eve"_s},
             {u"age"_s, 29},
             {u"tags"_s, tags({u"admin"_s, u"dev"_s, u"ops"_s})},
             {u"address"_s, city(u"Berlin"_s)},
             {u"nick"_s, u"evie"_s}}),
    };
}

QString keyOf(const QCborValue &record)
{
    const QCborValue id = record.isMap() ? record.toMap().value(u"id"_s) : record;
    const auto parsed = RecordId::fromCbor(id);
    return parsed ? parsed->key().toString() : QString();
}

QStringList keysOf(const QCborArray &records)
{
    QStringList keys;
    for (const QCborValue &record : records)
        keys.append(keyOf(record));
    return keys;
}

QStringList sortedKeys(const QCborArray &records)
{
    QStringList keys = keysOf(records);
    keys.sort();
    return keys;
}

const QStringList kHostile{
    u"it's \"quoted\" and 'single'"_s,
    u"`person`; REMOVE TABLE person; `"_s,
    u"⟨x⟩ ⟩; DELETE person; ⟨"_s,
    u"; ; RETURN 1; --"_s,
    QString::fromUtf8("a\0b\0", 4),
    u"🦀🧪 \U0001F600 zero\u200Bwidth"_s,
    u"$p0 $cursor {{x}} ${y}"_s,
    u"\\ \\n \\\" %_ .* (?i)"_s,
};

} // namespace

class tst_OrmQuerySet : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WebSocketConnection> m_connection;

    QuerySet persons() const { return QuerySet(u"person"_s, m_connection.get()); }

    bool run(const QString &surql, const QCborMap &vars = {})
    {
        const auto response = wait(m_connection->query(surql, vars));
        if (!response || !response->isOk() || !response->value().isOk()) {
            qWarning() << surql << (response ? response->error() : RpcError())
                       << (response && response->isOk() ? response->value().firstError()
                                                        : RpcError());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "SURREALQT_TEST_SERVER_FILE must name the url file");
        ConnectionOptions options;
        options.endpoint = Test::serverUrl();
        m_connection = std::make_unique<WebSocketConnection>(options);
        const auto opened = wait(m_connection->open());
        QVERIFY(opened && *opened);
        QVERIFY(wait(m_connection->signin(Credentials::root(u"root"_s, u"root"_s)))->isOk());
        QVERIFY(wait(m_connection->use(u"orm"_s, u"queryset"_s))->isOk());
        QVERIFY(run(u"REMOVE TABLE IF EXISTS person; DEFINE TABLE person SCHEMALESS; "
                    u"DEFINE ANALYZER IF NOT EXISTS simple TOKENIZERS blank, class FILTERS "
                    u"lowercase; DEFINE INDEX person_bio ON person FIELDS bio FULLTEXT ANALYZER "
                    u"simple BM25"_s));
        QCborArray rows;
        for (const QCborMap &record : people())
            rows.append(record);
        QVERIFY(run(u"INSERT INTO person $rows"_s, {{u"rows"_s, rows}}));
    }

    void lookupsReturnExactlyTheExpectedRecords_data()
    {
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QCborValue>("value");
        QTest::addColumn<QStringList>("expected");
        const auto keys = [](const QString &text) { return text.split(u' '); };
        QTest::newRow("exact") << u"name"_s << QCborValue(u"Alice"_s) << keys(u"p01"_s);
        QTest::newRow("exact NUL")
            << u"name__exact"_s << QCborValue(QString::fromUtf8("NUL\0byte", 8)) << keys(u"p19"_s);
        QTest::newRow("gt") << u"age__gt"_s << QCborValue(40) << keys(u"p03 p05 p07 p10 p12 p17"_s);
        QTest::newRow("gte") << u"age__gte"_s << QCborValue(41)
                             << keys(u"p03 p05 p07 p10 p12 p17"_s);
        // SurrealDB orders NONE and NULL before every number.
        QTest::newRow("lt") << u"age__lt"_s << QCborValue(18) << keys(u"p04 p11 p15 p16"_s);
        QTest::newRow("lte") << u"age__lte"_s << QCborValue(18)
                             << keys(u"p04 p11 p13 p14 p15 p16"_s);
        QTest::newRow("in") << u"age__in"_s << QCborValue(QCborArray{17, 18, 99})
                            << keys(u"p04 p13 p14"_s);
        QTest::newRow("not_in") << u"name__not_in"_s
                                << QCborValue(QCborArray{u"Alice"_s, u"Bob"_s, u"Zoe"_s})
                                << keys(u"p02 p03 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 p16 "
                                        u"p17 p18 p19 p20"_s);
        QTest::newRow("contains") << u"tags__contains"_s << QCborValue(u"admin"_s)
                                  << keys(u"p01 p06 p13 p17 p20"_s);
        QTest::newRow("contains substring")
            << u"name__contains"_s << QCborValue(u"li"_s) << keys(u"p01 p03"_s);
        QTest::newRow("contains emoji")
            << u"name__contains"_s << QCborValue(u"🦀"_s) << keys(u"p11"_s);
        QTest::newRow("not_contains") << u"tags__not_contains"_s << QCborValue(u"dev"_s)
                                      << keys(u"p03 p04 p06 p08 p10 p12 p13 p14 p16 p17 p19"_s);
        QTest::newRow("containsall")
            << u"tags__containsall"_s << QCborValue(QCborArray{u"dev"_s, u"ops"_s})
            << keys(u"p05 p20"_s);
        QTest::newRow("containsany")
            << u"tags__containsany"_s << QCborValue(QCborArray{u"admin"_s, u"ops"_s})
            << keys(u"p01 p03 p05 p06 p08 p10 p13 p14 p16 p17 p19 p20"_s);
        QTest::newRow("like %o%") << u"name__like"_s << QCborValue(u"%o%"_s)
                                  << keys(u"p04 p05 p06 p10 p13 p14 p15 p16"_s);
        QTest::newRow("like A%") << u"name__like"_s << QCborValue(u"A%"_s)
                                 << keys(u"p01 p02 p18"_s);
        QTest::newRow("like escaped %")
            << u"name__like"_s << QCborValue(u"%\\%%"_s) << keys(u"p12"_s);
        QTest::newRow("like _ob") << u"name__like"_s << QCborValue(u"_ob"_s) << keys(u"p04 p05"_s);
        QTest::newRow("like dot is literal")
            << u"name__like"_s << QCborValue(u"dot.n%"_s) << keys(u"p14"_s);
        QTest::newRow("ilike") << u"name__ilike"_s << QCborValue(u"AL%"_s)
                               << keys(u"p01 p02 p03"_s);
        QTest::newRow("icontains")
            << u"name__icontains"_s << QCborValue(u"LIC"_s) << keys(u"p01 p02 p03"_s);
        QTest::newRow("icontains unicode")
            << u"name__icontains"_s << QCborValue(u"ÜNÏ"_s) << keys(u"p07"_s);
        QTest::newRow("startswith")
            << u"name__startswith"_s << QCborValue(u"Al"_s) << keys(u"p01"_s);
        QTest::newRow("istartswith")
            << u"name__istartswith"_s << QCborValue(u"aL"_s) << keys(u"p01 p02 p03"_s);
        QTest::newRow("endswith") << u"name__endswith"_s << QCborValue(u"e"_s)
                                  << keys(u"p01 p13 p14 p15 p16 p18 p19 p20"_s);
        QTest::newRow("iendswith")
            << u"name__iendswith"_s << QCborValue(u"OE"_s) << keys(u"p15 p16"_s);
        QTest::newRow("regex") << u"name__regex"_s << QCborValue(u"^[A-Z][a-z]+$"_s)
                               << keys(u"p01 p04 p06 p15 p20"_s);
        QTest::newRow("iregex") << u"name__iregex"_s << QCborValue(u"^b.b$"_s)
                                << keys(u"p04 p05"_s);
        QTest::newRow("match") << u"bio__match"_s << QCborValue(u"FOX"_s) << keys(u"p01"_s);
        QTest::newRow("isnull true") << u"nick__isnull"_s << QCborValue(true)
                                     << keys(u"p02 p03 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 "
                                             u"p15 p16 p17 p18 p19"_s);
        QTest::newRow("isnull false")
            << u"nick__isnull"_s << QCborValue(false) << keys(u"p01 p04 p20"_s);
        QTest::newRow("isnull age") << u"age__isnull"_s << QCborValue(true) << keys(u"p15 p16"_s);
        QTest::newRow("nested icontains") << u"address__city__icontains"_s << QCborValue(u"pArIs"_s)
                                          << keys(u"p01 p02 p03 p18"_s);
        QTest::newRow("nested exact")
            << u"address__city"_s << QCborValue(u"Rome"_s) << keys(u"p04 p05 p19"_s);
    }

    void lookupsReturnExactlyTheExpectedRecords()
    {
        QFETCH(QString, lookup);
        QFETCH(QCborValue, value);
        QFETCH(QStringList, expected);
        const auto rows = wait(persons().filter(lookup, value).all());
        QVERIFY(rows);
        QVERIFY2(rows->isOk(), qPrintable(rows->error().toString()));
        QCOMPARE(sortedKeys(rows->value()), expected);
    }

    void combinationsAndExclude()
    {
        const Q query = (Q(u"age__gte"_s, 30) & ~Q(u"tags__contains"_s, u"dev"_s))
                        | Q(u"name"_s, u"Bob"_s);
        auto rows = wait(persons().filter(query).all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(sortedKeys(rows->value()),
                 QStringList(
                     {u"p03"_s, u"p04"_s, u"p06"_s, u"p10"_s, u"p12"_s, u"p17"_s, u"p19"_s}));
        rows = wait(persons()
                        .filter(u"address__city__icontains"_s, u"paris"_s)
                        .exclude(u"name__istartswith"_s, u"ali"_s)
                        .all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(sortedKeys(rows->value()), QStringList{u"p18"_s});
    }

    void hostileStringsStayValues()
    {
        QVERIFY(run(u"REMOVE TABLE IF EXISTS note; DEFINE TABLE note SCHEMALESS"_s));
        const QuerySet notes(u"note"_s, m_connection.get());
        QList<QCborMap> rows;
        for (const QString &text : kHostile)
            rows.append(QCborMap{{u"text"_s, text}});
        const auto created = wait(notes.bulkCreate(rows));
        QVERIFY(created && created->isOk());
        QCOMPARE(created->value(), kHostile.size());
        for (const QString &text : kHostile) {
            const auto exact = wait(notes.get(Q(u"text"_s, text)));
            QVERIFY2(exact && exact->isOk(), qPrintable(text));
            QCOMPARE(exact->value().toMap().value(u"text"_s).toString(), text);
            for (const QString &lookup : {u"text__contains"_s,
                                          u"text__startswith"_s,
                                          u"text__endswith"_s,
                                          u"text__icontains"_s,
                                          u"text__istartswith"_s,
                                          u"text__iendswith"_s}) {
                const auto matched = wait(notes.filter(lookup, text).all());
                QVERIFY2(matched && matched->isOk(), qPrintable(lookup));
                QCOMPARE(matched->value().size(), 1);
                QCOMPARE(matched->value().first().toMap().value(u"text"_s).toString(), text);
            }
            const auto in = wait(notes.filter(u"text__in"_s, QCborArray{text}).count());
            QCOMPARE(in->value(), 1);
            // Through the person table: nothing matches, nothing is touched.
            const auto none = wait(persons().filter(u"name"_s, text).count());
            QVERIFY(none && none->isOk());
            QCOMPARE(none->value(), 0);
        }
        QCOMPARE(wait(notes.count())->value(), kHostile.size());
        QCOMPARE(wait(persons().count())->value(), 20);
    }

    void shapingAndOrdering()
    {
        auto rows = wait(persons()
                             .filter(u"age__isnull"_s, false)
                             .orderBy({u"-age"_s, u"name"_s})
                             .limit(3)
                             .offset(1)
                             .all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(keysOf(rows->value()), QStringList({u"p05"_s, u"p17"_s, u"p07"_s}));
        // p13 and p14 are both 18: the second key breaks the tie.
        rows = wait(persons().filter(u"age"_s, 18).orderBy({u"-name"_s}).all());
        QCOMPARE(keysOf(rows->value()), QStringList({u"p13"_s, u"p14"_s}));

        rows = wait(persons()
                        .filter(u"age__gt"_s, 60)
                        .values({u"name"_s, u"address.city"_s})
                        .orderBy({u"-age"_s})
                        .all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(rows->value().size(), 2);
        const QCborMap first = rows->value().first().toMap();
        QCOMPARE(first.value(u"name"_s).toString(), u"percent%sign"_s);
        QCOMPARE(first.value(u"address"_s).toMap().value(u"city"_s).toString(), u"Lima"_s);
        QVERIFY(!first.contains(u"id"_s));
        QVERIFY(!first.contains(u"age"_s));

        rows = wait(persons().filter(u"name"_s, u"Eve"_s).only({u"age"_s}).all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(rows->value().first().toMap().keys().size(), 2);
        QCOMPARE(keyOf(rows->value().first()), u"p20"_s);

        rows = wait(persons()
                        .filter(u"tags__containsall"_s, QCborArray{u"dev"_s, u"ops"_s})
                        .valuesList({u"name"_s}, true)
                        .orderBy({u"name"_s})
                        .all());
        QVERIFY(rows && rows->isOk());
        QCOMPARE(rows->value(), (QCborArray{u"Eve"_s, u"bob"_s}));
    }

    void readingTerminals()
    {
        QCOMPARE(wait(persons().count())->value(), 20);
        QCOMPARE(wait(persons().filter(u"age__gte"_s, 60).count())->value(), 3);
        QCOMPARE(wait(persons().filter(u"age__gte"_s, 1000).count())->value(), 0);
        QCOMPARE(wait(persons().orderBy({u"id"_s}).limit(4).offset(18).count())->value(), 2);
        QCOMPARE(wait(persons().filter(u"name"_s, u"Eve"_s).exists())->value(), true);
        QCOMPARE(wait(persons().filter(u"name"_s, u"Mallory"_s).exists())->value(), false);

        const auto first = wait(persons().filter(u"tags__contains"_s, u"admin"_s).first());
        QVERIFY(first && first->isOk() && first->value());
        QCOMPARE(keyOf(*first->value()), u"p01"_s);
        const auto last = wait(persons().filter(u"tags__contains"_s, u"admin"_s).last());
        QCOMPARE(keyOf(*last->value()), u"p20"_s);
        const auto youngest = wait(
            persons().filter(u"age__isnull"_s, false).orderBy({u"-age"_s}).last());
        QCOMPARE(keyOf(*youngest->value()), u"p11"_s);
        const auto nobody = wait(persons().filter(u"name"_s, u"Mallory"_s).first());
        QVERIFY(nobody && nobody->isOk());
        QVERIFY(!nobody->value());

        const auto hostile = wait(persons().get(Q(u"name; DELETE person"_s, 1)));
        QVERIFY(hostile && !hostile->isOk());
        QCOMPARE(hostile->error().kind(), RpcError::Kind::Validation);
        // An unknown lookup suffix is a nested field: no match, not an error.
        const auto nested = wait(persons().get(Q(u"name__iexact_not_a_lookup"_s, 1)));
        QCOMPARE(nested->error().kind(), RpcError::Kind::NotFound);
        const auto eve = wait(persons().get(Q(u"name"_s, u"Eve"_s)));
        QVERIFY(eve && eve->isOk());
        QCOMPARE(eve->value().toMap().value(u"age"_s).toInteger(), 29);
        const auto missing = wait(persons().get(Q(u"name"_s, u"Mallory"_s)));
        QVERIFY(missing && !missing->isOk());
        QCOMPARE(missing->error().kind(), RpcError::Kind::NotFound);
        QCOMPARE(missing->error().detailKind(), u"DoesNotExist"_s);
        const auto several = wait(persons().get(Q(u"name__istartswith"_s, u"ali"_s)));
        QVERIFY(several && !several->isOk());
        QCOMPARE(several->error().detailKind(), u"MultipleObjectsReturned"_s);
        QVERIFY(several->error().message().contains(u"MultipleObjectsReturned"_s));
    }

    void aggregatesAndGroups()
    {
        QCOMPARE(wait(persons().sum(u"age"_s))->value().toInteger(), 631);
        QCOMPARE(wait(persons().min(u"age"_s))->value().toInteger(), 9);
        QCOMPARE(wait(persons().max(u"age"_s))->value().toInteger(), 71);
        const auto avg = wait(persons().avg(u"age"_s));
        QVERIFY(avg && avg->isOk());
        QVERIFY(qAbs(avg->value().toDouble() - 631.0 / 18) < 1e-9);
        QCOMPARE(wait(persons().filter(u"age__gt"_s, 1000).sum(u"age"_s))->value().toInteger(), 0);

        const auto groups = wait(
            persons()
                .filter(u"address__city__in"_s, QCborArray{u"Rome"_s, u"Oslo"_s, u"Lima"_s})
                .values({u"address.city"_s})
                .annotate(u"n"_s, Aggregate::count())
                .annotate(u"total"_s, Aggregate::sum(u"age"_s))
                .annotate(u"oldest"_s, Aggregate::max(u"age"_s))
                .orderBy({u"-n"_s, u"address.city"_s})
                .all());
        QVERIFY(groups && groups->isOk());
        QCOMPARE(groups->value().size(), 3);
        const auto group = [&](int i) { return groups->value().at(i).toMap(); };
        QCOMPARE(group(0).value(u"address"_s).toMap().value(u"city"_s).toString(), u"Oslo"_s);
        QCOMPARE(group(0).value(u"n"_s).toInteger(), 3);
        QCOMPARE(group(0).value(u"total"_s).toInteger(), 77);
        QCOMPARE(group(1).value(u"address"_s).toMap().value(u"city"_s).toString(), u"Rome"_s);
        QCOMPARE(group(1).value(u"total"_s).toInteger(), 118);
        QCOMPARE(group(1).value(u"oldest"_s).toInteger(), 62);
        QCOMPARE(group(2).value(u"address"_s).toMap().value(u"city"_s).toString(), u"Lima"_s);
        QCOMPARE(group(2).value(u"n"_s).toInteger(), 2);

        const auto all = wait(persons()
                                  .annotate(u"n"_s, Aggregate::count())
                                  .annotate(u"youngest"_s, Aggregate::min(u"age"_s))
                                  .all());
        QVERIFY(all && all->isOk());
        QCOMPARE(all->value().size(), 1);
        QCOMPARE(all->value().first().toMap().value(u"n"_s).toInteger(), 20);
        QCOMPARE(all->value().first().toMap().value(u"youngest"_s).toInteger(), 9);
    }

    void bulkCreateChunks()
    {
        QVERIFY(run(u"REMOVE TABLE IF EXISTS item; DEFINE TABLE item SCHEMALESS"_s));
        CountingConnection counting(m_connection.get());
        const QuerySet items(u"item"_s, &counting);
        QList<QCborMap> rows;
        for (int i = 0; i < 25; ++i)
            rows.append(QCborMap{{u"n"_s, i}});
        auto created = wait(items.bulkCreate(rows, {10, false}));
        QVERIFY(created && created->isOk());
        QCOMPARE(created->value(), 25);
        QCOMPARE(counting.queries, 3);
        QCOMPARE(counting.inserts, 3);

        counting.queries = 0;
        counting.inserts = 0;
        created = wait(items.bulkCreate(rows, {10, true}));
        QVERIFY(created && created->isOk());
        QCOMPARE(created->value(), 25);
        QCOMPARE(counting.queries, 1);
        QCOMPARE(counting.inserts, 3);
        QCOMPARE(wait(items.count())->value(), 50);

        // Atomic: a duplicate id in the last chunk cancels every chunk.
        QList<QCborMap> clashing;
        for (int i = 0; i < 5; ++i)
            clashing.append(QCborMap{{u"id"_s, RecordId(u"item"_s, i).toCbor()}, {u"n"_s, 100}});
        clashing.append(QCborMap{{u"id"_s, RecordId(u"item"_s, 0).toCbor()}, {u"n"_s, 100}});
        const auto failed = wait(items.bulkCreate(clashing, {2, true}));
        QVERIFY(failed && !failed->isOk());
        QCOMPARE(failed->error().kind(), RpcError::Kind::AlreadyExists);
        QCOMPARE(wait(items.filter(u"n"_s, 100).count())->value(), 0);
        // Not atomic: the chunks before the failing one stay (the failing INSERT itself is
        // one statement, so it leaves nothing).
        const auto partial = wait(items.bulkCreate(clashing, {2, false}));
        QVERIFY(partial && !partial->isOk());
        QCOMPARE(wait(items.filter(u"n"_s, 100).count())->value(), 4);
    }

    void bulkUpdateDeleteAndUpsert()
    {
        QVERIFY(run(u"REMOVE TABLE IF EXISTS item; DEFINE TABLE item SCHEMALESS"_s));
        const QuerySet items(u"item"_s, m_connection.get());
        QList<QCborMap> rows;
        for (int i = 0; i < 10; ++i)
            rows.append(QCborMap{{u"n"_s, i}, {u"kind"_s, i % 2 ? u"odd"_s : u"even"_s}});
        QCOMPARE(wait(items.bulkCreate(rows))->value(), 10);
        const auto updated = wait(
            items.filter(u"kind"_s, u"odd"_s).bulkUpdate(QCborMap{{u"flag"_s, true}}));
        QVERIFY(updated && updated->isOk());
        QCOMPARE(updated->value(), 5);
        QCOMPARE(wait(items.filter(u"flag"_s, true).count())->value(), 5);
        QCOMPARE(wait(items.filter(u"n"_s, 3).get())->value().toMap().value(u"kind"_s).toString(),
                 u"odd"_s);
        const auto deleted = wait(items.filter(u"n__lt"_s, 4).bulkDelete());
        QVERIFY(deleted && deleted->isOk());
        QCOMPARE(deleted->value(), 4);
        QCOMPARE(wait(items.count())->value(), 6);
        QVERIFY(!wait(items.limit(1).bulkDelete())->isOk());

        const auto upserted = wait(items.filter(u"n"_s, 42).upsert(QCborMap{{u"n"_s, 42}}));
        QVERIFY(upserted && upserted->isOk());
        QCOMPARE(upserted->value().size(), 1);
        const auto again = wait(items.filter(u"n"_s, 42).upsert(QCborMap{{u"seen"_s, 2}}));
        QCOMPARE(again->value().size(), 1);
        QCOMPARE(wait(items.filter(u"n"_s, 42).count())->value(), 1);
        const RecordId id(u"item"_s, u"fixed"_s);
        const auto byId = wait(items.upsert(id, QCborMap{{u"n"_s, 7}}));
        QVERIFY(byId && byId->isOk());
        QCOMPARE(keyOf(byId->value()), u"fixed"_s);
        QCOMPARE(wait(items.get(Q(u"id"_s, id.toCbor())))->value().toMap().value(u"n"_s).toInteger(),
                 7);
    }

    void keysetPaginationWalksEveryRow()
    {
        QStringList seen;
        QuerySet page = persons().limit(6);
        for (int guard = 0; guard < 10; ++guard) {
            const auto rows = wait(page.all());
            QVERIFY(rows && rows->isOk());
            if (rows->value().isEmpty())
                break;
            QVERIFY(rows->value().size() <= 6);
            seen += keysOf(rows->value());
            page = persons().limit(6).after(
                *RecordId::fromCbor(rows->value().last().toMap().value(u"id"_s)));
        }
        QCOMPARE(seen.size(), 20);
        QStringList sorted = seen;
        sorted.sort();
        sorted.removeDuplicates();
        QCOMPARE(sorted, seen);
        // Backwards, filtered, and with only() projecting.
        QStringList back;
        QuerySet reverse = persons()
                               .filter(u"tags__contains"_s, u"dev"_s)
                               .orderBy({u"-id"_s})
                               .only({u"name"_s})
                               .limit(3);
        QuerySet current = reverse;
        for (int guard = 0; guard < 10; ++guard) {
            const auto rows = wait(current.all());
            QVERIFY(rows && rows->isOk());
            if (rows->value().isEmpty())
                break;
            back += keysOf(rows->value());
            current = reverse.after(rows->value().last().toMap().value(u"id"_s));
        }
        QCOMPARE(back,
                 QStringList({u"p20"_s,
                              u"p18"_s,
                              u"p15"_s,
                              u"p11"_s,
                              u"p09"_s,
                              u"p07"_s,
                              u"p05"_s,
                              u"p02"_s,
                              u"p01"_s}));
    }

    void cleanupTestCase()
    {
        if (m_connection)
            run(u"REMOVE TABLE IF EXISTS person; REMOVE TABLE IF EXISTS note; "
                u"REMOVE TABLE IF EXISTS item"_s);
    }
};

QTEST_GUILESS_MAIN(tst_OrmQuerySet)
#include "tst_orm_queryset.moc"

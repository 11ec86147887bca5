// The value classes on their own: parsing, printing, conversions, validation, kinds.

#include <surrealqt/values/CborTags.h>
#include <surrealqt/values/DateTime.h>
#include <surrealqt/values/Decimal.h>
#include <surrealqt/values/Duration.h>
#include <surrealqt/values/FileRef.h>
#include <surrealqt/values/Geometry.h>
#include <surrealqt/values/Range.h>
#include <surrealqt/values/RecordId.h>
#include <surrealqt/values/Table.h>
#include <surrealqt/values/Values.h>

#include <QtCore/QCborMap>
#include <QtCore/QRandomGenerator>
#include <QtCore/QSet>
#include <QtTest/QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

template<typename T>
QString debugText(const T &value)
{
    QString text;
    QDebug(&text) << value;
    return text.trimmed();
}

} // namespace

class tst_ValuesTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durationParse_data();
    void durationParse();
    void durationErrors_data();
    void durationErrors();
    void durationConversions();
    void dateTimeParse_data();
    void dateTimeParse();
    void dateTimeErrors_data();
    void dateTimeErrors();
    void dateTimePrintParseRoundTrip();
    void dateTimeQDateTime();
    void decimal();
    void recordIdKeys();
    void recordIdHashAndOrder();
    void geometryAccessors();
    void geometryErrors();
    void rangeBounds();
    void fileRef();
    void kinds_data();
    void kinds();
    void normalize();
    void debugStreaming();
};

void tst_ValuesTypes::durationParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<quint32>("nanos");
    QTest::addColumn<QString>("printed");

    QTest::newRow("1h30m") << u"1h30m"_s << qint64(5400) << 0u << u"1h30m"_s;
    QTest::newRow("90m") << u"90m"_s << qint64(5400) << 0u << u"1h30m"_s;
    QTest::newRow("every unit") << u"1y2w3d4h5m6s7ms8µs9ns"_s
                                << qint64(365 * 86400 + 14 * 86400 + 3 * 86400 + 4 * 3600 + 5 * 60
                                          + 6)
                                << 7'008'009u << u"1y2w3d4h5m6s7ms8µs9ns"_s;
    QTest::newRow("us") << u"8us"_s << qint64(0) << 8000u << u"8µs"_s;
    QTest::newRow("greek mu") << u"8μs"_s << qint64(0) << 8000u << u"8µs"_s;
    QTest::newRow("ms carry") << u"1500ms"_s << qint64(1) << 500'000'000u << u"1s500ms"_s;
    QTest::newRow("ns carry") << u"999999999ns2ns"_s << qint64(1) << 1u << u"1s1ns"_s;
    QTest::newRow("zero") << u"0s"_s << qint64(0) << 0u << u"0ns"_s;
    QTest::newRow("i64 max seconds")
        << u"9223372036854775807s"_s << std::numeric_limits<qint64>::max() << 0u
        << u"292471208677y27w6d15h30m7s"_s;
}

void tst_ValuesTypes::durationParse()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QFETCH(quint32, nanos);
    QFETCH(QString, printed);

    QString error;
    const auto duration = Duration::parse(text, &error);
    QVERIFY2(duration.has_value(), qPrintable(error));
    QCOMPARE(duration->seconds(), seconds);
    QCOMPARE(duration->nanoseconds(), nanos);
    QCOMPARE(duration->toString(), printed);
    QCOMPARE(Duration::parse(printed), duration);
    QCOMPARE(Duration::fromCbor(duration->toCbor()), duration);
    // Tag 13 text reads the same.
    QCOMPARE(Duration::fromCbor(QCborValue(QCborTag(CborTags::StringDuration), text)), duration);
}

void tst_ValuesTypes::durationErrors_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("no unit") << u"15"_s;
    QTest::newRow("no number") << u"h"_s;
    QTest::newRow("fraction") << u"1.5s"_s;
    QTest::newRow("negative") << u"-1s"_s;
    QTest::newRow("unknown unit") << u"1x"_s;
    QTest::newRow("space") << u"1h 30m"_s;
    QTest::newRow("overflow seconds") << u"9223372036854775808s"_s;
    QTest::newRow("overflow years") << u"300000000000y"_s;
    QTest::newRow("overflow sum") << u"9223372036854775807s1s"_s;
    QTest::newRow("overflow number") << u"99999999999999999999999ns"_s;
}

void tst_ValuesTypes::durationErrors()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!Duration::parse(text, &error).has_value());
    QVERIFY2(error.startsWith(u"invalid duration"_s), qPrintable(error));
}

void tst_ValuesTypes::durationConversions()
{
    QCOMPARE(Duration::fromMilliseconds(1500), Duration(1, 500'000'000));
    QCOMPARE(Duration(1, 500'000'000).toMilliseconds(), qint64(1500));
    QCOMPARE(Duration::fromChrono(std::chrono::nanoseconds(1'000'000'007)), Duration(1, 7));
    QCOMPARE(Duration(2, 3).toChrono(), std::chrono::nanoseconds(2'000'000'003));
    QCOMPARE(Duration(0, 2'500'000'000u), Duration(2, 500'000'000));
    QVERIFY(Duration(1, 0) < Duration(1, 1));
    QVERIFY(Duration().isZero());
    QString error;
    QVERIFY(!Duration::fromCbor(QCborValue(5), &error));
    QVERIFY(error.contains(u"tag 14"_s));
}

void tst_ValuesTypes::dateTimeParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<quint32>("nanos");

    QTest::newRow("utc nanos") << u"2024-01-02T03:04:05.123456789Z"_s << qint64(1704164645)
                               << 123456789u;
    QTest::newRow("one fraction digit")
        << u"2024-01-02T03:04:05.1Z"_s << qint64(1704164645) << 100'000'000u;
    QTest::newRow("offset") << u"2024-01-02T04:04:05+01:00"_s << qint64(1704164645) << 0u;
    QTest::newRow("negative offset") << u"2024-01-01T22:34:05-04:30"_s << qint64(1704164645) << 0u;
    QTest::newRow("lowercase") << u"2024-01-02t03:04:05z"_s << qint64(1704164645) << 0u;
    QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << qint64(1709164800) << 0u;
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << qint64(0) << 0u;
    QTest::newRow("pre-1970") << u"1969-12-31T23:59:59.5Z"_s << qint64(-1) << 500'000'000u;
    QTest::newRow("year 1") << u"0001-01-01T00:00:00Z"_s << qint64(-62135596800) << 0u;
    QTest::newRow("year 9999") << u"9999-12-31T23:59:59.999999999Z"_s << qint64(253402300799)
                               << 999'999'999u;
    QTest::newRow("year +10000") << u"+10000-01-01T00:00:00Z"_s << qint64(253402300800) << 0u;
}

void tst_ValuesTypes::dateTimeParse()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QFETCH(quint32, nanos);

    QString error;
    const auto dateTime = DateTime::parse(text, &error);
    QVERIFY2(dateTime.has_value(), qPrintable(error));
    QCOMPARE(dateTime->seconds(), seconds);
    QCOMPARE(dateTime->nanoseconds(), nanos);
    QCOMPARE(DateTime::parse(dateTime->toString()), dateTime);
    QCOMPARE(DateTime::fromCbor(dateTime->toCbor()), dateTime);
}

void tst_ValuesTypes::dateTimeErrors_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << u""_s;
    QTest::newRow("date only") << u"2024-01-02"_s;
    QTest::newRow("no zone") << u"2024-01-02T03:04:05"_s;
    QTest::newRow("month 13") << u"2024-13-02T03:04:05Z"_s;
    QTest::newRow("feb 30") << u"2024-02-30T03:04:05Z"_s;
    QTest::newRow("feb 29 non-leap") << u"2023-02-29T03:04:05Z"_s;
    QTest::newRow("hour 24") << u"2024-01-02T24:00:00Z"_s;
    QTest::newRow("second 60") << u"2024-01-02T03:04:60Z"_s;
    QTest::newRow("ten fraction digits") << u"2024-01-02T03:04:05.1234567891Z"_s;
    QTest::newRow("empty fraction") << u"2024-01-02T03:04:05.Z"_s;
    QTest::newRow("bad offset") << u"2024-01-02T03:04:05+1:00"_s;
    QTest::newRow("trailing text") << u"2024-01-02T03:04:05Z!"_s;
    QTest::newRow("five-digit year unsigned") << u"10000-01-01T00:00:00Z"_s;
    QTest::newRow("arabic digits") << u"٢٠٢٤-01-02T03:04:05Z"_s;
}

void tst_ValuesTypes::dateTimeErrors()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!DateTime::parse(text, &error).has_value());
    QVERIFY2(error.startsWith(u"invalid datetime"_s), qPrintable(error));
}

void tst_ValuesTypes::dateTimePrintParseRoundTrip()
{
    QRandomGenerator random(1704164645);
    for (int i = 0; i < 2000; ++i) {
        // Years -9999 to 9999 and beyond, both sides of the epoch.
        const qint64 seconds = qint64(random.bounded(700'000'000'000.0)) - 350'000'000'000;
        const quint32 nanos = random.bounded(1'000'000'000u);
        const DateTime dateTime(seconds, nanos);
        const QString text = dateTime.toString();
        QString error;
        const auto back = DateTime::parse(text, &error);
        QVERIFY2(back.has_value(), qPrintable(text + u": "_s + error));
        QCOMPARE(*back, dateTime);
    }
}

void tst_ValuesTypes::dateTimeQDateTime()
{
    const DateTime dateTime(1704164645, 123'456'789);
    const QDateTime qt = dateTime.toQDateTime();
    QCOMPARE(qt.toMSecsSinceEpoch(), qint64(1704164645123));
    QCOMPARE(qt.timeSpec(), Qt::UTC);
    QCOMPARE(DateTime::fromQDateTime(qt), DateTime(1704164645, 123'000'000));
    // Before 1970 milliseconds round down, never towards zero.
    QCOMPARE(DateTime(-1, 999'999'999).toQDateTime().toMSecsSinceEpoch(), qint64(-1));
    QCOMPARE(DateTime::fromQDateTime(QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC)),
             DateTime(-1, 999'000'000));
    // Any time zone: the instant counts.
    const QDateTime offset(QDate(2024, 1, 2), QTime(4, 4, 5), Qt::OffsetFromUTC, 3600);
    QCOMPARE(DateTime::fromQDateTime(offset), DateTime(1704164645, 0));
    QVERIFY(!DateTime::fromQDateTime(QDateTime()).has_value());
    // A QCborValue::DateTime (what QCborValue makes of tag 0) is a datetime too.
    QCOMPARE(DateTime::fromCbor(QCborValue(qt)), DateTime(1704164645, 123'000'000));
    QVERIFY(DateTime(0, 1) < DateTime(0, 2));
    QVERIFY(DateTime(-1, 999'999'999) < DateTime(0, 0));
}

void tst_ValuesTypes::decimal()
{
    for (const auto text : {u"0",
                            u"-1",
                            u"+1",
                            u"3.14",
                            u"0.000001",
                            u".5",
                            u"5.",
                            u"1e10",
                            u"1.5E-3",
                            u"12345678901234567890123456789"}) {
        QVERIFY2(Decimal::isValid(text), qPrintable(QString::fromUtf16(text)));
    }
    for (const auto text : {u"",
                            u"-",
                            u".",
                            u"1.2.3",
                            u"1e",
                            u"e5",
                            u"abc",
                            u"1,5",
                            u"NaN",
                            u" 1",
                            u"1 ",
                            u"0x10",
                            u"١"}) {
        QString error;
        QVERIFY2(!Decimal::fromString(text, &error), qPrintable(QString::fromUtf16(text)));
        QVERIFY(error.startsWith(u"invalid decimal"_s));
    }
    QCOMPARE(Decimal::fromString(u"+.5")->toSurql(), u"0.5dec"_s);
    QCOMPARE(Decimal::fromString(u"-5.")->toSurql(), u"-5dec"_s);
    QCOMPARE(Decimal::fromString(u"1e10")->toSurql(), u"1e10dec"_s);
    // The text is kept exactly: no rounding, and 1.0 != 1.00.
    QCOMPARE(Decimal::fromString(u"0.1000000000000000000000000001")->toString(),
             u"0.1000000000000000000000000001"_s);
    QVERIFY(Decimal::fromString(u"1.0") != Decimal::fromString(u"1.00"));
    QCOMPARE(Decimal::fromString(u"2.5")->toDouble(), 2.5);
    QCOMPARE(Decimal::fromDouble(0.1).toString(), u"0.1"_s);
    QCOMPARE(Decimal::fromInteger(-42).toString(), u"-42"_s);
    QCOMPARE(Decimal().toString(), u"0"_s);
}

void tst_ValuesTypes::recordIdKeys()
{
    const QUuid uuid = QUuid::createUuid();
    QCOMPARE(RecordId(u"t"_s, u"x"_s).keyKind(), RecordId::KeyKind::String);
    QCOMPARE(RecordId(u"t"_s, 1).keyKind(), RecordId::KeyKind::Integer);
    QCOMPARE(RecordId(u"t"_s, uuid).keyKind(), RecordId::KeyKind::Uuid);
    QCOMPARE(RecordId(u"t"_s, QCborArray{1}).keyKind(), RecordId::KeyKind::Array);
    QCOMPARE(RecordId(u"t"_s, QCborMap{{u"a"_s, 1}}).keyKind(), RecordId::KeyKind::Object);
    QCOMPARE(RecordId(u"t"_s, Range()).keyKind(), RecordId::KeyKind::Range);

    for (const QCborValue &bad : {QCborValue(1.5),
                                  QCborValue(true),
                                  QCborValue(nullptr),
                                  Values::none(),
                                  Duration().toCbor(),
                                  Range::closed(1.5, 2.5).toCbor()}) {
        QString error;
        QVERIFY2(!RecordId::fromKey(u"t"_s, bad, &error), qPrintable(Values::toSurql(bad)));
        QVERIFY(!error.isEmpty());
    }
    // A tag 9 text uuid key becomes a uuid.
    const QCborValue textUuid(QCborTag(CborTags::StringUuid), uuid.toString(QUuid::WithoutBraces));
    QCOMPARE(RecordId::fromKey(u"t"_s, textUuid), RecordId(u"t"_s, uuid));
    QVERIFY(!RecordId().isValid());
    QVERIFY(RecordId(u"t"_s, 1).isValid());
    QCOMPARE(RecordId(u"t"_s, u"x"), RecordId(u"t"_s, u"x"_s));
    QVERIFY(RecordId(u"t"_s, 1) != RecordId(u"t"_s, u"1"_s));
    QVERIFY(RecordId(u"t"_s, 1) != RecordId(u"u"_s, 1));
}

void tst_ValuesTypes::recordIdHashAndOrder()
{
    QSet<RecordId> ids;
    ids.insert(RecordId(u"person"_s, 1));
    ids.insert(RecordId(u"person"_s, 1));
    ids.insert(RecordId(u"person"_s, u"1"_s));
    QCOMPARE(ids.size(), 2);
    QVERIFY(ids.contains(*RecordId::parse(u"person:1")));
    QSet<Table> tables{Table(u"a"_s), Table(u"a"_s)};
    QCOMPARE(tables.size(), 1);
}

void tst_ValuesTypes::geometryAccessors()
{
    const Geometry point = Geometry::point(1.5, -2);
    QCOMPARE(point.kind(), Geometry::Kind::Point);
    QCOMPARE(point.typeName(), u"Point"_s);
    QCOMPARE(point.pointValue(), (GeoPoint{1.5, -2}));
    QCOMPARE(point.pointValue().toPointF(), QPointF(1.5, -2));
    QCOMPARE(Geometry(), Geometry::point(0, 0));

    const Geometry polygon = Geometry::polygon({{{0, 0}, {1, 0}, {0, 0}}, {{0.2, 0.2}}});
    QCOMPARE(polygon.lines().size(), 2);
    QVERIFY(polygon.points().isEmpty());
    QCOMPARE(Geometry::multiPolygon({{{{0, 0}}}}).polygons().size(), 1);
    const Geometry collection = Geometry::collection({point, polygon});
    QCOMPARE(collection.geometries().size(), 2);
    QCOMPARE(collection.geometries().at(1), polygon);
    QCOMPARE(Geometry::fromGeoJson(collection.toGeoJson()), collection);
    QCOMPARE(Geometry::fromCbor(collection.toCbor()), collection);
    QVERIFY(Geometry::lineString({{1, 2}}) != Geometry::multiPoint({{1, 2}}));
    // Exact comparison, unlike QPointF.
    QVERIFY(Geometry::point(1, 2) != Geometry::point(1 + 1e-15, 2));
}

void tst_ValuesTypes::geometryErrors()
{
    QString error;
    QVERIFY(!Geometry::fromCbor(QCborValue(1), &error));
    QVERIFY(error.contains(u"88-94"_s));
    QVERIFY(!Geometry::fromGeoJson(QCborMap{{u"type"_s, u"Circle"_s}}, &error));
    QVERIFY(error.contains(u"Circle"_s));
    QVERIFY(!Geometry::fromGeoJson(QCborMap{{u"type"_s, u"Polygon"_s},
                                            {u"coordinates"_s, QCborArray{}}},
                                   &error));
}

void tst_ValuesTypes::rangeBounds()
{
    const Range range(Range::Bound::excluded(1), Range::Bound::unbounded());
    QCOMPARE(range.begin().type, Range::BoundType::Excluded);
    QCOMPARE(range.begin().value, QCborValue(1));
    QVERIFY(range.end().isUnbounded());
    // An unbounded bound's value does not count.
    QCOMPARE(Range(Range::Bound{Range::BoundType::Unbounded, 5}, {}), Range());
    QCOMPARE(Range::fromCbor(range.toCbor()), range);
    QString error;
    QVERIFY(!Range::fromCbor(QCborValue(QCborTag(CborTags::Range), QCborArray{1, 2}), &error));
    QVERIFY(error.contains(u"tag 50"_s));
}

void tst_ValuesTypes::fileRef()
{
    QCOMPARE(FileRef::parse(u"avatars:/a/b.png"), FileRef(u"avatars"_s, u"/a/b.png"_s));
    QCOMPARE(FileRef::parse(u"f\"avatars:/a/b.png\""), FileRef(u"avatars"_s, u"/a/b.png"_s));
    QCOMPARE(FileRef(u"b"_s, u"/k"_s).toString(), u"b:/k"_s);
    QString error;
    QVERIFY(!FileRef::parse(u"nocolon", &error));
    QVERIFY(error.contains(u"bucket:/key"_s));
    QVERIFY(!FileRef::fromCbor(QCborValue(QCborTag(CborTags::File), QCborArray{1, 2}), &error));
}

void tst_ValuesTypes::kinds_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<ValueKind>("kind");
    QTest::addColumn<QString>("name");

    QTest::newRow("none") << Values::none() << ValueKind::None << u"none"_s;
    QTest::newRow("undefined") << QCborValue() << ValueKind::None << u"none"_s;
    QTest::newRow("null") << QCborValue(nullptr) << ValueKind::Null << u"null"_s;
    QTest::newRow("bool") << QCborValue(false) << ValueKind::Bool << u"bool"_s;
    QTest::newRow("int") << QCborValue(1) << ValueKind::Integer << u"int"_s;
    QTest::newRow("float") << QCborValue(1.0) << ValueKind::Float << u"float"_s;
    QTest::newRow("decimal") << Decimal().toCbor() << ValueKind::Decimal << u"decimal"_s;
    QTest::newRow("string") << QCborValue(u"s"_s) << ValueKind::String << u"string"_s;
    QTest::newRow("bytes") << Values::bytes("b") << ValueKind::Bytes << u"bytes"_s;
    QTest::newRow("datetime") << DateTime().toCbor() << ValueKind::DateTime << u"datetime"_s;
    QTest::newRow("qdatetime") << QCborValue(QDateTime::currentDateTimeUtc()) << ValueKind::DateTime
                               << u"datetime"_s;
    QTest::newRow("duration") << Duration().toCbor() << ValueKind::Duration << u"duration"_s;
    QTest::newRow("uuid") << Values::uuid(QUuid::createUuid()) << ValueKind::Uuid << u"uuid"_s;
    QTest::newRow("record") << RecordId(u"t"_s, 1).toCbor() << ValueKind::RecordId << u"record"_s;
    QTest::newRow("table") << Table(u"t"_s).toCbor() << ValueKind::Table << u"table"_s;
    QTest::newRow("geometry") << Geometry().toCbor() << ValueKind::Geometry << u"geometry"_s;
    QTest::newRow("range") << Range().toCbor() << ValueKind::Range << u"range"_s;
    QTest::newRow("set") << Values::set({}) << ValueKind::Set << u"set"_s;
    QTest::newRow("file") << FileRef().toCbor() << ValueKind::File << u"file"_s;
    QTest::newRow("array") << QCborValue(QCborArray()) << ValueKind::Array << u"array"_s;
    QTest::newRow("object") << QCborValue(QCborMap()) << ValueKind::Object << u"object"_s;
    QTest::newRow("unknown tag") << QCborValue(QCborTag(1000), 1) << ValueKind::Unknown
                                 << u"unknown"_s;
}

void tst_ValuesTypes::kinds()
{
    QFETCH(QCborValue, value);
    QFETCH(ValueKind, kind);
    QFETCH(QString, name);

    QCOMPARE(Values::kindOf(value), kind);
    QCOMPARE(valueKindName(kind), name);
}

void tst_ValuesTypes::normalize()
{
    const QDateTime qt = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    const QCborValue input(QCborMap{
        {u"at"_s, QCborValue(qt)},
        {u"took"_s, QCborValue(QCborTag(CborTags::StringDuration), u"1m"_s)},
        {u"id"_s, QCborValue(QCborTag(CborTags::RecordId), u"person:⟨a b⟩"_s)},
        {u"tags"_s, Values::set({QCborValue(QCborTag(CborTags::StringDecimal), u"1.5"_s)})},
    });
    const QCborValue expected(QCborMap{
        {u"at"_s, DateTime(1, 0).toCbor()},
        {u"took"_s, Duration(60, 0).toCbor()},
        {u"id"_s, RecordId(u"person"_s, u"a b"_s).toCbor()},
        {u"tags"_s, Values::set({Decimal::fromString(u"1.5")->toCbor()})},
    });
    QCOMPARE(Values::normalize(input), expected);

    QString error;
    QVERIFY(
        !Values::normalize(QCborArray{QCborValue(QCborTag(CborTags::CustomDateTime), 1)}, &error));
    QVERIFY(error.contains(u"tag 12"_s));
    QVERIFY(Values::isNone(QCborMap().value(u"missing"_s)));
    QVERIFY(Values::isSet(Values::set({1})));
    QCOMPARE(Values::setItems(Values::set({1})), QCborArray{1});
    QVERIFY(Values::setItems(QCborValue(1)).isEmpty());
}

void tst_ValuesTypes::debugStreaming()
{
    QCOMPARE(debugText(RecordId(u"person"_s, u"tobie smith"_s)),
             u"RecordId(person:⟨tobie smith⟩)"_s);
    QCOMPARE(debugText(Table(u"person"_s)), u"Table(person)"_s);
    QCOMPARE(debugText(Duration(5400, 0)), u"Duration(1h30m)"_s);
    QCOMPARE(debugText(DateTime(0, 0)), u"DateTime(1970-01-01T00:00:00Z)"_s);
    QCOMPARE(debugText(*Decimal::fromString(u"3.14")), u"Decimal(3.14)"_s);
    QCOMPARE(debugText(Geometry::point(1, 2)), u"Geometry((1, 2))"_s);
    QCOMPARE(debugText(Range::closed(1, 5)), u"Range(1..=5)"_s);
    QCOMPARE(debugText(FileRef(u"b"_s, u"/k"_s)), u"FileRef(f\"b:/k\")"_s);
}

QTEST_GUILESS_MAIN(tst_ValuesTypes)
#include "tst_values_types.moc"

// SurrealQL literals: Values::toSurql for every kind (hostile strings included), the literal
// parser reading them back, and RecordId::parse.

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
#include <QtTest/QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

const QUuid kUuid(u"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s);

// Strings that have broken SurrealQL printers before: quotes, backslashes, the closing bracket
// of record keys, newlines and other control characters, non-ASCII text, digits first.
const QStringList kHostile = {
    u""_s,
    u"tobie smith"_s,
    u"say \"hi\""_s,
    u"it's"_s,
    u"back\\slash"_s,
    u"trailing\\"_s,
    u"a⟩b"_s,
    u"⟨x⟩"_s,
    u"a`b"_s,
    u"line\nbreak\r\ttab"_s,
    u"bell\x07 and \x1f"_s,
    u"日本語 é 🎉"_s,
    u"42abc"_s,
    u"42"_s,
    u"-1"_s,
    u"1..5"_s,
    u"person:tobie"_s,
    u"NONE"_s,
    u"u\"x\""_s,
    u"\\⟩"_s,
};

} // namespace

class tst_ValuesSurql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void print_data();
    void print();
    void printedFloatsStayFloats();
    void hostileStringsRoundTrip();
    void negativeZeroKeepsItsSign();
    void nonStringKeys();
    void parseLiterals_data();
    void parseLiterals();
    void parseErrors_data();
    void parseErrors();
    void recordIdParse_data();
    void recordIdParse();
    void recordIdParseErrors_data();
    void recordIdParseErrors();
};

void tst_ValuesSurql::print_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<QString>("surql");

    QTest::newRow("none") << Values::none() << u"NONE"_s;
    QTest::newRow("null") << QCborValue(nullptr) << u"NULL"_s;
    QTest::newRow("true") << QCborValue(true) << u"true"_s;
    QTest::newRow("false") << QCborValue(false) << u"false"_s;
    QTest::newRow("int") << QCborValue(42) << u"42"_s;
    QTest::newRow("int negative") << QCborValue(-7) << u"-7"_s;
    QTest::newRow("int i64 max") << QCborValue(std::numeric_limits<qint64>::max())
                                 << u"9223372036854775807"_s;
    QTest::newRow("int i64 min") << QCborValue(std::numeric_limits<qint64>::min())
                                 << u"-9223372036854775808"_s;
    QTest::newRow("float") << QCborValue(1.5) << u"1.5f"_s;
    QTest::newRow("float whole") << QCborValue(1.0) << u"1f"_s;
    QTest::newRow("float 0.1") << QCborValue(0.1) << u"0.1f"_s;
    QTest::newRow("float big") << QCborValue(1e20) << u"100000000000000000000f"_s;
    QTest::newRow("float negative") << QCborValue(-2.25) << u"-2.25f"_s;
    QTest::newRow("float infinity")
        << QCborValue(std::numeric_limits<double>::infinity()) << u"Infinity"_s;
    QTest::newRow("float -infinity")
        << QCborValue(-std::numeric_limits<double>::infinity()) << u"-Infinity"_s;
    QTest::newRow("decimal") << Decimal::fromString(u"3.14").value().toCbor() << u"3.14dec"_s;
    QTest::newRow("decimal negative")
        << Decimal::fromString(u"-0.001").value().toCbor() << u"-0.001dec"_s;
    QTest::newRow("decimal 28 digits")
        << Decimal::fromString(u"1234567890.123456789012345678").value().toCbor()
        << u"1234567890.123456789012345678dec"_s;

    QTest::newRow("string") << QCborValue(u"hello"_s) << u"\"hello\""_s;
    QTest::newRow("string empty") << QCborValue(u""_s) << u"\"\""_s;
    QTest::newRow("string quotes") << QCborValue(u"say \"hi\""_s) << u"\"say \\\"hi\\\"\""_s;
    QTest::newRow("string single quote") << QCborValue(u"it's"_s) << u"\"it's\""_s;
    QTest::newRow("string backslash") << QCborValue(u"a\\b"_s) << u"\"a\\\\b\""_s;
    QTest::newRow("string newline tab") << QCborValue(u"a\nb\tc\r"_s) << u"\"a\\nb\\tc\\r\""_s;
    QTest::newRow("string control") << QCborValue(u"\x01"_s) << u"\"\\u{1}\""_s;
    QTest::newRow("string bracket") << QCborValue(u"a⟩b"_s) << u"\"a⟩b\""_s;
    QTest::newRow("string unicode") << QCborValue(u"日本語 é 🎉"_s) << u"\"日本語 é 🎉\""_s;

    QTest::newRow("datetime nanos")
        << DateTime::parse(u"2024-01-02T03:04:05.123456789Z").value().toCbor()
        << u"d\"2024-01-02T03:04:05.123456789Z\""_s;
    QTest::newRow("datetime millis")
        << DateTime(1704164645, 123'000'000).toCbor() << u"d\"2024-01-02T03:04:05.123Z\""_s;
    QTest::newRow("datetime micros")
        << DateTime(1704164645, 123'456'000).toCbor() << u"d\"2024-01-02T03:04:05.123456Z\""_s;
    QTest::newRow("datetime whole")
        << DateTime(1704164645, 0).toCbor() << u"d\"2024-01-02T03:04:05Z\""_s;
    QTest::newRow("datetime pre-1970")
        << DateTime(-1, 500'000'000).toCbor() << u"d\"1969-12-31T23:59:59.500Z\""_s;
    QTest::newRow("datetime year 1") << DateTime::parse(u"0001-01-01T00:00:00Z").value().toCbor()
                                     << u"d\"0001-01-01T00:00:00Z\""_s;

    QTest::newRow("duration") << Duration(5400, 0).toCbor() << u"1h30m"_s;
    QTest::newRow("duration zero") << Duration().toCbor() << u"0ns"_s;
    QTest::newRow("duration every unit")
        << Duration::parse(u"1y2w3d4h5m6s7ms8µs9ns").value().toCbor() << u"1y2w3d4h5m6s7ms8µs9ns"_s;

    QTest::newRow("uuid") << Values::uuid(kUuid) << u"u\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\""_s;

    QTest::newRow("record plain") << RecordId(u"person"_s, u"tobie"_s).toCbor()
                                  << u"person:tobie"_s;
    QTest::newRow("record underscore")
        << RecordId(u"person"_s, u"_x1"_s).toCbor() << u"person:_x1"_s;
    QTest::newRow("record space") << RecordId(u"person"_s, u"tobie smith"_s).toCbor()
                                  << u"person:⟨tobie smith⟩"_s;
    QTest::newRow("record digit-leading")
        << RecordId(u"person"_s, u"42abc"_s).toCbor() << u"person:⟨42abc⟩"_s;
    QTest::newRow("record all digits string")
        << RecordId(u"person"_s, u"42"_s).toCbor() << u"person:⟨42⟩"_s;
    QTest::newRow("record empty key") << RecordId(u"person"_s, u""_s).toCbor() << u"person:⟨⟩"_s;
    QTest::newRow("record bracket in key")
        << RecordId(u"person"_s, u"a⟩b"_s).toCbor() << u"person:⟨a\\⟩b⟩"_s;
    QTest::newRow("record backslash in key")
        << RecordId(u"person"_s, u"a\\b"_s).toCbor() << u"person:⟨a\\\\b⟩"_s;
    QTest::newRow("record newline in key")
        << RecordId(u"person"_s, u"a\nb"_s).toCbor() << u"person:⟨a\\nb⟩"_s;
    QTest::newRow("record unicode key")
        << RecordId(u"person"_s, u"tobié"_s).toCbor() << u"person:⟨tobié⟩"_s;
    QTest::newRow("record int") << RecordId(u"person"_s, 42).toCbor() << u"person:42"_s;
    QTest::newRow("record negative int") << RecordId(u"person"_s, -7).toCbor() << u"person:-7"_s;
    QTest::newRow("record uuid") << RecordId(u"person"_s, kUuid).toCbor()
                                 << u"person:u\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\""_s;
    QTest::newRow("record array") << RecordId(u"person"_s, QCborArray{u"london"_s, 2024}).toCbor()
                                  << u"person:[\"london\", 2024]"_s;
    QTest::newRow("record object")
        << RecordId(u"person"_s, QCborMap{{u"city"_s, u"london"_s}}).toCbor()
        << u"person:{ city: \"london\" }"_s;
    QTest::newRow("record range") << RecordId(u"person"_s, Range::closed(1, 5)).toCbor()
                                  << u"person:1..=5"_s;
    QTest::newRow("record range strings")
        << RecordId(u"person"_s, Range::halfOpen(u"a"_s, u"z z"_s)).toCbor()
        << u"person:a..⟨z z⟩"_s;
    QTest::newRow("record range open") << RecordId(u"person"_s, Range()).toCbor() << u"person:.."_s;
    QTest::newRow("record table quoted")
        << RecordId(u"my table"_s, u"x"_s).toCbor() << u"`my table`:x"_s;

    QTest::newRow("table") << Table(u"person"_s).toCbor() << u"person"_s;
    QTest::newRow("table quoted") << Table(u"my table"_s).toCbor() << u"`my table`"_s;
    QTest::newRow("table keyword") << Table(u"none"_s).toCbor() << u"`none`"_s;
    QTest::newRow("table backtick") << Table(u"a`b"_s).toCbor() << u"`a\\`b`"_s;

    QTest::newRow("point") << Geometry::point(1.5, 2).toCbor() << u"(1.5, 2)"_s;
    QTest::newRow("point negative")
        << Geometry::point(-0.1278, 51.5074).toCbor() << u"(-0.1278, 51.5074)"_s;
    QTest::newRow("linestring") << Geometry::lineString({{1, 2}, {3, 4}}).toCbor()
                                << u"{ type: \"LineString\", coordinates: [[1, 2], [3, 4]] }"_s;
    QTest::newRow("polygon")
        << Geometry::polygon({{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}).toCbor()
        << u"{ type: \"Polygon\", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }"_s;
    QTest::newRow("multipoint") << Geometry::multiPoint({{1, 2}, {3, 4}}).toCbor()
                                << u"{ type: \"MultiPoint\", coordinates: [[1, 2], [3, 4]] }"_s;
    QTest::newRow("multilinestring")
        << Geometry::multiLineString({{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}).toCbor()
        << u"{ type: \"MultiLineString\", coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] }"_s;
    QTest::newRow("multipolygon")
        << Geometry::multiPolygon({{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}).toCbor()
        << u"{ type: \"MultiPolygon\", coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }"_s;
    QTest::newRow("collection") << Geometry::collection({Geometry::point(1, 2),
                                                         Geometry::lineString({{1, 2}, {3, 4}})})
                                       .toCbor()
                                << u"{ type: \"GeometryCollection\", geometries: [{ type: "
                                   u"\"Point\", coordinates: [1, 2] }, "
                                   "{ type: \"LineString\", coordinates: [[1, 2], [3, 4]] }] }"_s;

    QTest::newRow("range half-open") << Range::halfOpen(1, 5).toCbor() << u"1..5"_s;
    QTest::newRow("range closed") << Range::closed(1, 5).toCbor() << u"1..=5"_s;
    QTest::newRow("range excluded begin")
        << Range(Range::Bound::excluded(1), Range::Bound::included(5)).toCbor() << u"1>..=5"_s;
    QTest::newRow("range to") << Range({}, Range::Bound::excluded(5)).toCbor() << u"..5"_s;
    QTest::newRow("range to inclusive")
        << Range({}, Range::Bound::included(5)).toCbor() << u"..=5"_s;
    QTest::newRow("range from") << Range(Range::Bound::included(1), {}).toCbor() << u"1.."_s;
    QTest::newRow("range full") << Range().toCbor() << u".."_s;
    QTest::newRow("range strings") << Range::halfOpen(u"a"_s, u"z"_s).toCbor() << u"\"a\"..\"z\""_s;
    QTest::newRow("range datetimes")
        << Range::halfOpen(DateTime(0, 0).toCbor(), DateTime(86400, 0).toCbor()).toCbor()
        << u"d\"1970-01-01T00:00:00Z\"..d\"1970-01-02T00:00:00Z\""_s;

    QTest::newRow("set") << Values::set({1, 2}) << u"{1, 2}"_s;
    QTest::newRow("set one") << Values::set({1}) << u"{1,}"_s;
    QTest::newRow("set empty") << Values::set({}) << u"{,}"_s;
    QTest::newRow("set of record ids")
        << Values::set({RecordId(u"person"_s, 1).toCbor(), RecordId(u"person"_s, 2).toCbor()})
        << u"{r\"person:1\", r\"person:2\"}"_s;

    QTest::newRow("file") << FileRef(u"avatars"_s, u"/tobie.png"_s).toCbor()
                          << u"f\"avatars:/tobie.png\""_s;
    QTest::newRow("bytes") << Values::bytes(QByteArray::fromHex("0102ff")) << u"b\"0102FF\""_s;
    QTest::newRow("bytes empty") << Values::bytes({}) << u"b\"\""_s;

    QTest::newRow("object") << QCborValue(QCborMap{{u"a"_s, 1}, {u"b c"_s, 2}})
                            << u"{ a: 1, \"b c\": 2 }"_s;
    QTest::newRow("object empty") << QCborValue(QCborMap()) << u"{}"_s;
    QTest::newRow("object hostile keys")
        << QCborValue(QCborMap{{u"1a"_s, 1}, {u"\"q\""_s, 2}, {u"⟩"_s, 3}})
        << u"{ \"1a\": 1, \"\\\"q\\\"\": 2, \"⟩\": 3 }"_s;
    QTest::newRow("array") << QCborValue(QCborArray{1, u"a"_s, Values::none(), nullptr})
                           << u"[1, \"a\", NONE, NULL]"_s;
    QTest::newRow("array empty") << QCborValue(QCborArray()) << u"[]"_s;
    QTest::newRow("nested")
        << QCborValue(QCborMap{{u"id"_s, RecordId(u"person"_s, u"tobie"_s).toCbor()},
                               {u"tags"_s, QCborArray{u"x"_s, QCborMap{{u"n"_s, 1.5}}}},
                               {u"at"_s, DateTime(0, 1).toCbor()}})
        << u"{ id: person:tobie, tags: [\"x\", { n: 1.5f }], at: d\"1970-01-01T00:00:00.000000001Z\" }"_s;
}

void tst_ValuesSurql::print()
{
    QFETCH(QCborValue, value);
    QFETCH(QString, surql);

    QCOMPARE(Values::toSurql(value), surql);

    // What we print reads back as the same value.
    QString error;
    const auto parsed = Values::parseSurql(surql, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(*parsed, value);
}

void tst_ValuesSurql::printedFloatsStayFloats()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(Values::toSurql(QCborValue(nan)), u"NaN"_s);
    const auto parsed = Values::parseSurql(u"NaN");
    QVERIFY(parsed && parsed->isDouble() && std::isnan(parsed->toDouble()));

    for (const double d : {0.0, 1.0, -1.0, 0.5, 1e-7, 123456789.0, 1e300, -1e-300, 0.1 + 0.2}) {
        const QString text = Values::toSurql(QCborValue(d));
        const auto back = Values::parseSurql(text);
        QVERIFY2(back.has_value() && back->isDouble(), qPrintable(text));
        QCOMPARE(back->toDouble(), d);
    }
}

void tst_ValuesSurql::hostileStringsRoundTrip()
{
    for (const QString &text : kHostile) {
        const QList<QCborValue> values = {
            QCborValue(text),
            RecordId(u"person"_s, text).toCbor(),
            RecordId(text.isEmpty() ? u"t"_s : text, text).toCbor(),
            Table(text.isEmpty() ? u"t"_s : text).toCbor(),
            QCborValue(QCborMap{{text, text}}),
            RecordId(u"person"_s, Range::closed(text, text)).toCbor(),
            RecordId(u"person"_s, QCborArray{text}).toCbor(),
            FileRef(u"bucket"_s, u"/"_s + text).toCbor(),
        };
        for (const QCborValue &value : values) {
            const QString surql = Values::toSurql(value);
            QString error;
            const auto parsed = Values::parseSurql(surql, &error);
            QVERIFY2(parsed.has_value(), qPrintable(surql + u" → "_s + error));
            QVERIFY2(*parsed == value, qPrintable(surql));
        }
        // RecordId::parse agrees with RecordId::toSurql.
        const RecordId id(u"person"_s, text);
        QCOMPARE(RecordId::parse(id.toSurql()), id);
    }
}

void tst_ValuesSurql::negativeZeroKeepsItsSign()
{
    // Found by fuzz_parse_surql: -0e1 printed as 0f, which reads back as +0.0.
    QCOMPARE(Values::toSurql(QCborValue(-0.0)), u"-0f"_s);
    for (const QString &text : {u"-0e1"_s, u"-0f"_s, u"-0.0"_s}) {
        const auto parsed = Values::parseSurql(text);
        QVERIFY2(parsed && parsed->isDouble() && std::signbit(parsed->toDouble()), qPrintable(text));
        const auto again = Values::parseSurql(Values::toSurql(*parsed));
        QVERIFY2(again && again->isDouble() && std::signbit(again->toDouble()), qPrintable(text));
    }
    // Coordinates too; a bare -0 would read back as the integer 0.
    const QCborValue point = Geometry::point(-0.0, 0).toCbor();
    QCOMPARE(Values::toSurql(point), u"(-0.0, 0)"_s);
    const auto parsed = Values::parseSurql(Values::toSurql(point));
    QVERIFY(parsed.has_value());
    const auto geometry = Geometry::fromCbor(*parsed);
    QVERIFY(geometry.has_value());
    QVERIFY(std::signbit(geometry->pointValue().longitude));
}

void tst_ValuesSurql::nonStringKeys()
{
    // CBOR maps may have keys of any type (SurrealDB never sends one): such a key prints as the
    // string of its SurrealQL form, and keys inside it are not quoted a second time.
    QCOMPARE(Values::toSurql(QCborMap{{1, u"a"_s}}), u"{ \"1\": \"a\" }"_s);
    const QCborMap twoLevels{{QCborMap{{QCborMap{{1, 2}}, 3}}, 4}};
    QCOMPARE(Values::toSurql(twoLevels), u"{ \"{ { 1: 2 }: 3 }\": 4 }"_s);

    // Found by fuzz_rpc_message: maps keyed by maps (a1 a1 ... 01 01 01 ...) printed as 2^depth
    // characters, since every level escaped the escapes of the level inside it; the fuzzer's
    // frame was 100 deep and never finished. 20 deep printed a million backslashes.
    const int depth = 20;
    const QByteArray wire = QByteArray(depth, char(0xa1)) + QByteArray(depth + 1, char(0x01));
    QString error;
    const auto decoded = Values::decodeCbor(wire, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error));
    const QString text = Values::toSurql(*decoded);
    QVERIFY2(text.size() < 20 * depth, qPrintable(QString::number(text.size())));
    QVERIFY(text.startsWith(u"{ \"{ { { "_s));
    QVERIFY(!text.contains(u'\\'));
    QVERIFY(Values::toJson(*decoded).isObject());
}

void tst_ValuesSurql::parseLiterals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QCborValue>("value");

    QTest::newRow("single quotes") << u"'it\\'s'"_s << QCborValue(u"it's"_s);
    QTest::newRow("unicode escapes") << u"\"\\u0041\\u{1F389}\\/\""_s << QCborValue(u"A🎉/"_s);
    QTest::newRow("surrogate pair escape") << u"\"\\ud83c\\udf89\""_s << QCborValue(u"🎉"_s);
    QTest::newRow("s prefix") << u"s\"person:1\""_s << QCborValue(u"person:1"_s);
    QTest::newRow("r prefix") << u"r\"person:⟨a b⟩\""_s << RecordId(u"person"_s, u"a b"_s).toCbor();
    QTest::newRow("datetime offset")
        << u"d'2024-01-02T04:04:05+01:00'"_s << DateTime(1704164645, 0).toCbor();
    QTest::newRow("float exponent") << u"1e3"_s << QCborValue(1000.0);
    QTest::newRow("float plain") << u"2.5"_s << QCborValue(2.5);
    QTest::newRow("int with f") << u"3f"_s << QCborValue(3.0);
    QTest::newRow("int dec") << u"3dec"_s << Decimal::fromString(u"3").value().toCbor();
    QTest::newRow("duration us") << u"5us"_s << Duration(0, 5000).toCbor();
    QTest::newRow("uppercase keywords")
        << u"[none, Null, TRUE, False]"_s
        << QCborValue(QCborArray{Values::none(), nullptr, true, false});
    QTest::newRow("whitespace and trailing commas")
        << u"  [ 1 ,\n 2 , ]  "_s << QCborValue(QCborArray{1, 2});
    QTest::newRow("object trailing comma")
        << u"{ a: 1, 'b': 2, }"_s << QCborValue(QCborMap{{u"a"_s, 1}, {u"b"_s, 2}});
    QTest::newRow("geojson point")
        << u"{ type: \"Point\", coordinates: [1, 2] }"_s << Geometry::point(1, 2).toCbor();
    QTest::newRow("not quite geojson")
        << u"{ type: \"Point\", coordinates: [1] }"_s
        << QCborValue(QCborMap{{u"type"_s, u"Point"_s}, {u"coordinates"_s, QCborArray{1}}});
    QTest::newRow("point ints") << u"( 1 , -2 )"_s << Geometry::point(1, -2).toCbor();
    QTest::newRow("backtick record")
        << u"`my table`:`a b`"_s << RecordId(u"my table"_s, u"a b"_s).toCbor();
    QTest::newRow("bare digit key")
        << u"person:42abc"_s << RecordId(u"person"_s, u"42abc"_s).toCbor();
    QTest::newRow("record in array")
        << u"[person:1, person:⟨x⟩]"_s
        << QCborValue(QCborArray{RecordId(u"person"_s, 1).toCbor(),
                                 RecordId(u"person"_s, u"x"_s).toCbor()});
    QTest::newRow("range of floats") << u"1.5..2.5"_s << Range::halfOpen(1.5, 2.5).toCbor();
    QTest::newRow("lowercase hex bytes")
        << u"b\"0aff\""_s << Values::bytes(QByteArray::fromHex("0aff"));
}

void tst_ValuesSurql::parseLiterals()
{
    QFETCH(QString, text);
    QFETCH(QCborValue, value);

    QString error;
    const auto parsed = Values::parseSurql(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(*parsed, value);
}

void tst_ValuesSurql::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << u""_s << u"at position 0: unexpected end of text"_s;
    QTest::newRow("unterminated array") << u"[1,"_s << u"unexpected end"_s;
    QTest::newRow("missing comma") << u"[1 2]"_s << u"expected ',' or ']'"_s;
    QTest::newRow("object without value") << u"{ a: }"_s << u"at position 5"_s;
    QTest::newRow("unterminated string") << u"\"abc"_s << u"unterminated"_s;
    QTest::newRow("bad escape") << u"\"bad \\q\""_s << u"invalid escape"_s;
    QTest::newRow("bad suffix") << u"1xyz"_s << u"invalid duration"_s;
    QTest::newRow("float suffix on float") << u"1.5ms"_s << u"invalid number suffix"_s;
    QTest::newRow("bad datetime") << u"d\"2024-13-01T00:00:00Z\""_s << u"month"_s;
    QTest::newRow("bad uuid") << u"u\"xyz\""_s << u"invalid uuid"_s;
    QTest::newRow("odd bytes") << u"b\"abc\""_s << u"hex"_s;
    QTest::newRow("stray character") << u"@"_s << u"unexpected character '@'"_s;
    QTest::newRow("two values") << u"1 2"_s << u"unexpected text after the value"_s;
    QTest::newRow("int overflow") << u"99999999999999999999"_s << u"64-bit"_s;
    QTest::newRow("deep nesting") << QString(300, u'[') << u"nesting"_s;
    QTest::newRow("bad point") << u"(1, )"_s << u"expected a number"_s;
}

void tst_ValuesSurql::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    QString error;
    QVERIFY(!Values::parseSurql(text, &error).has_value());
    QVERIFY2(error.startsWith(u"at position "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void tst_ValuesSurql::recordIdParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RecordId>("id");

    QTest::newRow("plain") << u"person:tobie"_s << RecordId(u"person"_s, u"tobie"_s);
    QTest::newRow("bracketed") << u"person:⟨tobie smith⟩"_s
                               << RecordId(u"person"_s, u"tobie smith"_s);
    QTest::newRow("bracketed digits") << u"person:⟨42⟩"_s << RecordId(u"person"_s, u"42"_s);
    QTest::newRow("bracketed escape") << u"person:⟨a\\⟩b⟩"_s << RecordId(u"person"_s, u"a⟩b"_s);
    QTest::newRow("backticks") << u"person:`tobie smith`"_s
                               << RecordId(u"person"_s, u"tobie smith"_s);
    QTest::newRow("integer") << u"person:42"_s << RecordId(u"person"_s, 42);
    QTest::newRow("negative integer") << u"person:-42"_s << RecordId(u"person"_s, -42);
    QTest::newRow("digit-leading") << u"person:42abc"_s << RecordId(u"person"_s, u"42abc"_s);
    QTest::newRow("uuid") << u"person:u\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\""_s
                          << RecordId(u"person"_s, kUuid);
    QTest::newRow("array") << u"person:[\"london\", 2024, d\"2024-01-02T03:04:05Z\"]"_s
                           << RecordId(u"person"_s,
                                       QCborArray{u"london"_s,
                                                  2024,
                                                  DateTime(1704164645, 0).toCbor()});
    QTest::newRow("object") << u"person:{ city: \"london\", n: [1] }"_s
                            << RecordId(u"person"_s,
                                        QCborMap{{u"city"_s, u"london"_s}, {u"n"_s, QCborArray{1}}});
    QTest::newRow("range closed") << u"person:1..=5"_s
                                  << RecordId(u"person"_s, Range::closed(1, 5));
    QTest::newRow("range arrays") << u"person:[1]>..[5]"_s
                                  << RecordId(u"person"_s,
                                              Range(Range::Bound::excluded(QCborArray{1}),
                                                    Range::Bound::excluded(QCborArray{5})));
    QTest::newRow("range open") << u"person:.."_s << RecordId(u"person"_s, Range());
    QTest::newRow("quoted table") << u"`my table`:x"_s << RecordId(u"my table"_s, u"x"_s);
    QTest::newRow("surrounding space") << u"  person:x  "_s << RecordId(u"person"_s, u"x"_s);
}

void tst_ValuesSurql::recordIdParse()
{
    QFETCH(QString, text);
    QFETCH(RecordId, id);

    QString error;
    const auto parsed = RecordId::parse(text, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(*parsed, id);
    QCOMPARE(RecordId::parse(parsed->toSurql()), parsed);
}

void tst_ValuesSurql::recordIdParseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << u""_s << u"expected a table name"_s;
    QTest::newRow("no key") << u"person"_s << u"expected ':'"_s;
    QTest::newRow("empty key") << u"person:"_s << u"expected a record key"_s;
    QTest::newRow("no table") << u":x"_s << u"expected a table name"_s;
    QTest::newRow("unterminated bracket") << u"person:⟨tobie"_s << u"unterminated"_s;
    QTest::newRow("float key") << u"person:1.5"_s << u"unexpected text after the record id"_s;
    QTest::newRow("trailing text") << u"person:tobie smith"_s << u"unexpected text"_s;
    QTest::newRow("integer overflow") << u"person:99999999999999999999"_s << u"64-bit"_s;
    QTest::newRow("bad uuid") << u"person:u\"nope\""_s << u"invalid uuid"_s;
    QTest::newRow("unterminated array") << u"person:[1,"_s << u"unexpected end"_s;
    QTest::newRow("set key") << u"person:{1, 2}"_s << u"expected an object"_s;
    QTest::newRow("float in range") << u"person:1.5..2"_s << u"unexpected text"_s;
}

void tst_ValuesSurql::recordIdParseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    QString error;
    QVERIFY(!RecordId::parse(text, &error).has_value());
    QVERIFY2(error.startsWith(u"at position "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_ValuesSurql)
#include "tst_values_surql.moc"

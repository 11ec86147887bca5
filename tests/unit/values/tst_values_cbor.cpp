// The golden table of SurrealDB wire bytes, and malformed CBOR.
//
// Every expected byte string below was worked out by hand from RFC 8949 (major type in the top
// three bits, then the argument: 0x00-0x17 inline, 0x18 + 1 byte, 0x19 + 2, 0x1a + 4, 0x1b + 8;
// tags are major type 6: 0xc0 + tag below 24, 0xd8 + 1 byte above) and the SurrealDB tags of
// docs/surrealdb-protocol.md, never by running the encoder under test.

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
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

const QUuid kUuid(u"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s);
constexpr const char *kUuidHex = "0193a1b2c3d47e5f8a9b0c1d2e3f4a5b";

// Hex of the text "person" with its header: 0x66 = text of 6 bytes.
#define PERSON "66 706572736f6e "
// Points as tag 88 [f64, f64]: 0xd8 0x58, 0x82, then 0xfb + 8 bytes each.
#define P12 "d8 58 82 fb 3ff0000000000000 fb 4000000000000000 "
#define P34 "d8 58 82 fb 4008000000000000 fb 4010000000000000 "
#define P00 "d8 58 82 fb 0000000000000000 fb 0000000000000000 "
#define P10 "d8 58 82 fb 3ff0000000000000 fb 0000000000000000 "
#define P11 "d8 58 82 fb 3ff0000000000000 fb 3ff0000000000000 "
// A closed ring (0,0) (1,0) (1,1) (0,0) as tag 89 with 4 points.
#define RING "d8 59 84 " P00 P10 P11 P00

Geometry::Line ring()
{
    return {{0, 0}, {1, 0}, {1, 1}, {0, 0}};
}

} // namespace

class tst_ValuesCbor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void inputForms_data();
    void inputForms();
    void qDateTimeGoesOutAsTag12();
    void malformed_data();
    void malformed();
    void truncatedGoldenNeverDecodes();
    void corruptedBytesNeverCrash();
    void manyRecordsRoundTrip();
    void nesting();
};

void tst_ValuesCbor::golden_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<QByteArray>("wire");

    // NONE is tag 6 (0xc6) around null (0xf6); null, false, true are simple values.
    QTest::newRow("none") << Values::none() << hex("c6 f6");
    QTest::newRow("null") << QCborValue(nullptr) << hex("f6");
    QTest::newRow("false") << QCborValue(false) << hex("f4");
    QTest::newRow("true") << QCborValue(true) << hex("f5");

    // Integers: major type 0 (unsigned) and 1 (negative, -1 - n).
    QTest::newRow("int 0") << QCborValue(0) << hex("00");
    QTest::newRow("int 23") << QCborValue(23) << hex("17");
    QTest::newRow("int 24") << QCborValue(24) << hex("18 18");
    QTest::newRow("int 500") << QCborValue(500) << hex("19 01f4");
    QTest::newRow("int -1") << QCborValue(-1) << hex("20");
    QTest::newRow("int -500") << QCborValue(-500) << hex("39 01f3");
    QTest::newRow("int i64 max") << QCborValue(std::numeric_limits<qint64>::max())
                                 << hex("1b 7fffffffffffffff");
    QTest::newRow("int i64 min") << QCborValue(std::numeric_limits<qint64>::min())
                                 << hex("3b 7fffffffffffffff");

    // Floats always as 64-bit doubles (0xfb).
    QTest::newRow("float 1.5") << QCborValue(1.5) << hex("fb 3ff8000000000000");
    QTest::newRow("float 0.1") << QCborValue(0.1) << hex("fb 3fb999999999999a");
    QTest::newRow("float 1.0") << QCborValue(1.0) << hex("fb 3ff0000000000000");
    QTest::newRow("float -0.0") << QCborValue(-0.0) << hex("fb 8000000000000000");

    QTest::newRow("string empty") << QCborValue(u""_s) << hex("60");
    QTest::newRow("string a") << QCborValue(u"a"_s) << hex("61 61");
    QTest::newRow("string é⟩") << QCborValue(u"é⟩"_s) << hex("65 c3a9 e29fa9");

    // Decimal: tag 10 (0xca) around text.
    QTest::newRow("decimal 3.14") << Decimal::fromString(u"3.14").value().toCbor()
                                  << hex("ca 64 332e3134");

    // Datetime: tag 12 (0xcc) [seconds, nanoseconds]. 2024-01-02T03:04:05Z is 1704164645
    // (2024-01-01 is 1704067200, + 86400 + 3*3600 + 4*60 + 5) = 0x65937d25; 123456789 =
    // 0x075bcd15.
    QTest::newRow("datetime with nanos")
        << DateTime::parse(u"2024-01-02T03:04:05.123456789Z").value().toCbor()
        << hex("cc 82 1a 65937d25 1a 075bcd15");
    // 1969-12-31T23:59:59.5Z is [-1, 500000000]: -1 is 0x20; 500000000 = 0x1dcd6500.
    QTest::newRow("datetime pre-1970 fraction")
        << DateTime(-1, 500'000'000).toCbor() << hex("cc 82 20 1a 1dcd6500");
    // 1960-01-01T00:00:00Z is -315619200: negative, n = 315619199 = 0x12cff77f.
    QTest::newRow("datetime 1960")
        << DateTime::parse(u"1960-01-01T00:00:00Z").value().toCbor() << hex("cc 82 3a 12cff77f 00");
    QTest::newRow("datetime epoch") << DateTime().toCbor() << hex("cc 82 00 00");

    // Duration: tag 14 (0xce), shortest form.
    QTest::newRow("duration 0") << Duration().toCbor() << hex("ce 80");
    QTest::newRow("duration 1h30m")
        << Duration::parse(u"1h30m").value().toCbor() << hex("ce 81 19 1518");
    QTest::newRow("duration 90s") << Duration(90, 0).toCbor() << hex("ce 81 18 5a");
    QTest::newRow("duration 1.5s")
        << Duration(1, 500'000'000).toCbor() << hex("ce 82 01 1a 1dcd6500");
    QTest::newRow("duration 7ns") << Duration(0, 7).toCbor() << hex("ce 82 00 07");

    // Uuid: tag 37 (0xd8 0x25) around 16 bytes (0x50).
    QTest::newRow("uuid") << Values::uuid(kUuid)
                          << hex("d8 25 50 0193a1b2c3d47e5f8a9b0c1d2e3f4a5b");

    // Record ids: tag 8 (0xc8) [table, key].
    QTest::newRow("record string key")
        << RecordId(u"person"_s, u"tobie"_s).toCbor() << hex("c8 82 " PERSON "65 746f626965");
    QTest::newRow("record digit-leading key")
        << RecordId(u"person"_s, u"42abc"_s).toCbor() << hex("c8 82 " PERSON "65 3432616263");
    QTest::newRow("record all-digit string key")
        << RecordId(u"person"_s, u"42"_s).toCbor() << hex("c8 82 " PERSON "62 3432");
    QTest::newRow("record integer key")
        << RecordId(u"person"_s, 42).toCbor() << hex("c8 82 " PERSON "18 2a");
    QTest::newRow("record negative key")
        << RecordId(u"person"_s, -7).toCbor() << hex("c8 82 " PERSON "26");
    QTest::newRow("record uuid key")
        << RecordId(u"person"_s, kUuid).toCbor()
        << hex("c8 82 " PERSON "d8 25 50 0193a1b2c3d47e5f8a9b0c1d2e3f4a5b");
    QTest::newRow("record array key")
        << RecordId(u"person"_s, QCborArray{u"london"_s, 2024}).toCbor()
        << hex("c8 82 " PERSON "82 66 6c6f6e646f6e 19 07e8");
    QTest::newRow("record object key")
        << RecordId(u"person"_s, QCborMap{{u"city"_s, u"london"_s}}).toCbor()
        << hex("c8 82 " PERSON "a1 64 63697479 66 6c6f6e646f6e");
    // Range key: tag 49 (0xd8 0x31) [tag 50 (0xd8 0x32) 1, tag 50 5].
    QTest::newRow("record range key") << RecordId(u"person"_s, Range::closed(1, 5)).toCbor()
                                      << hex("c8 82 " PERSON "d8 31 82 d8 32 01 d8 32 05");
    QTest::newRow("record open range key")
        << RecordId(u"person"_s, Range(Range::Bound::excluded(u"a"_s), {})).toCbor()
        << hex("c8 82 " PERSON "d8 31 82 d8 33 61 61 f6");

    // Table: tag 7 (0xc7) around text.
    QTest::newRow("table") << Table(u"person"_s).toCbor() << hex("c7 " PERSON);

    // Geometries: tags 88-94 (0xd8 0x58-0x5e); every nested point/line/polygon is tagged.
    QTest::newRow("point") << Geometry::point(1.5, 2).toCbor()
                           << hex("d8 58 82 fb 3ff8000000000000 fb 4000000000000000");
    QTest::newRow("linestring") << Geometry::lineString({{1, 2}, {3, 4}}).toCbor()
                                << hex("d8 59 82 " P12 P34);
    QTest::newRow("polygon") << Geometry::polygon({ring()}).toCbor() << hex("d8 5a 81 " RING);
    QTest::newRow("multipoint") << Geometry::multiPoint({{1, 2}, {3, 4}}).toCbor()
                                << hex("d8 5b 82 " P12 P34);
    QTest::newRow("multilinestring") << Geometry::multiLineString({{{1, 2}, {3, 4}}}).toCbor()
                                     << hex("d8 5c 81 d8 59 82 " P12 P34);
    QTest::newRow("multipolygon") << Geometry::multiPolygon({{ring()}}).toCbor()
                                  << hex("d8 5d 81 d8 5a 81 " RING);
    QTest::newRow("collection") << Geometry::collection({Geometry::point(1, 2),
                                                         Geometry::lineString({{1, 2}, {3, 4}})})
                                       .toCbor()
                                << hex("d8 5e 82 " P12 "d8 59 82 " P12 P34);

    // Ranges: tag 49 [bound, bound]; 50 included, 51 (0xd8 0x33) excluded, null unbounded.
    QTest::newRow("range 1..5") << Range::halfOpen(1, 5).toCbor()
                                << hex("d8 31 82 d8 32 01 d8 33 05");
    QTest::newRow("range 1>..=5") << Range(Range::Bound::excluded(1), Range::Bound::included(5))
                                         .toCbor()
                                  << hex("d8 31 82 d8 33 01 d8 32 05");
    QTest::newRow("range ..5") << Range({}, Range::Bound::excluded(5)).toCbor()
                               << hex("d8 31 82 f6 d8 33 05");
    QTest::newRow("range 1..") << Range(Range::Bound::included(1), {}).toCbor()
                               << hex("d8 31 82 d8 32 01 f6");
    QTest::newRow("range ..") << Range().toCbor() << hex("d8 31 82 f6 f6");

    // Set: tag 56 (0xd8 0x38) around an array.
    QTest::newRow("set {1, 2}") << Values::set({1, 2}) << hex("d8 38 82 01 02");
    QTest::newRow("set empty") << Values::set({}) << hex("d8 38 80");

    // File: tag 55 (0xd8 0x37) [bucket, key]; "/tobie.png" is 10 bytes (0x6a).
    QTest::newRow("file") << FileRef(u"avatars"_s, u"/tobie.png"_s).toCbor()
                          << hex("d8 37 82 67 61766174617273 6a 2f746f6269652e706e67");

    // Bytes: a plain byte string (major type 2).
    QTest::newRow("bytes") << Values::bytes(hex("01 02 ff")) << hex("43 0102ff");
    QTest::newRow("bytes empty") << Values::bytes({}) << hex("40");

    // Nested values.
    QTest::newRow("nested object")
        << QCborValue(QCborMap{{u"a"_s, 1}, {u"b"_s, QCborArray{true, nullptr}}})
        << hex("a2 61 61 01 61 62 82 f5 f6");
    QTest::newRow("nested array") << QCborValue(QCborArray{QCborArray{1}, QCborMap{}})
                                  << hex("82 81 01 a0");
    QTest::newRow("nested typed") << QCborValue(
        QCborMap{{u"id"_s, RecordId(u"person"_s, 42).toCbor()},
                 {u"at"_s, DateTime(0, 1).toCbor()},
                 {u"gone"_s, Values::none()}})
                                  << hex("a3 62 6964 c8 82 " PERSON
                                         "18 2a 62 6174 cc 82 00 01 64 676f6e65 c6 f6");
}

namespace {

// The value `wire` decodes to through the strict reader alone: inside an indefinite-length array,
// which the fast path (QCborValue::fromCbor behind a byte scan) never takes.
std::optional<QCborValue> strictlyDecoded(const QByteArray &wire)
{
    const auto wrapped = Values::decodeCbor('\x9f' + wire + '\xff');
    if (!wrapped || wrapped->toArray().size() != 1)
        return std::nullopt;
    return wrapped->toArray().at(0);
}

} // namespace

void tst_ValuesCbor::golden()
{
    QFETCH(QCborValue, value);
    QFETCH(QByteArray, wire);
    QCOMPARE(strictlyDecoded(wire), std::optional<QCborValue>(value));

    QCOMPARE(Values::encodeCbor(value).toHex(' '), wire.toHex(' '));

    QString error;
    const auto decoded = Values::decodeCbor(wire, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(*decoded, value);
    QCOMPARE(Values::encodeCbor(*decoded), wire);
}

void tst_ValuesCbor::inputForms_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QCborValue>("expected");

    // Tag 0 (0xc0) RFC 3339 text keeps all nine fraction digits (QCborValue alone keeps 3).
    QTest::newRow("tag 0 datetime with nanos")
        << hex("c0 78 1e 323032342d30312d30325430333a30343a30352e3132333435363738395a")
        << DateTime(1704164645, 123456789).toCbor();
    // "2024-01-02T04:04:05+01:00" (25 bytes, 0x79 → 0x78 0x19).
    QTest::newRow("tag 0 datetime with offset")
        << hex("c0 78 19 323032342d30312d30325430343a30343a30352b30313a3030")
        << DateTime(1704164645, 0).toCbor();
    // Tag 13 (0xcd) "1h30m".
    QTest::newRow("tag 13 duration") << hex("cd 65 316833306d") << Duration(5400, 0).toCbor();
    // Tag 14 with an explicit zero: [s, 0].
    QTest::newRow("tag 14 [s, 0]") << hex("ce 82 19 1518 00") << Duration(5400, 0).toCbor();
    // Tag 9 (0xc9) uuid text, 36 bytes (0x78 0x24).
    QTest::newRow("tag 9 uuid") << hex(
        "c9 78 24 30313933613162322d633364342d376535662d386139622d306331643265336634613562")
                                << Values::uuid(kUuid);
    // Tag 8 "person:tobie" text (12 bytes, 0x6c).
    QTest::newRow("tag 8 text") << hex("c8 6c 706572736f6e3a746f626965")
                                << RecordId(u"person"_s, u"tobie"_s).toCbor();
    // Tag 8 "person:⟨42abc⟩": 7 + 3 + 5 + 3 = 18 bytes (0x72).
    QTest::newRow("tag 8 text bracketed") << hex("c8 72 706572736f6e3a e29fa8 3432616263 e29fa9")
                                          << RecordId(u"person"_s, u"42abc"_s).toCbor();
    // Record id key as tag 9 text uuid.
    QTest::newRow("record uuid text key")
        << hex("c8 82 " PERSON
               "c9 78 24 30313933613162322d633364342d376535662d386139622d306331643265336634613562")
        << RecordId(u"person"_s, kUuid).toCbor();
    // Half (0xf9) and single (0xfa) precision floats read as doubles.
    QTest::newRow("float16 1.5") << hex("f9 3e00") << QCborValue(1.5);
    QTest::newRow("float32 1.5") << hex("fa 3fc00000") << QCborValue(1.5);
    // Non-shortest integers and indefinite lengths are valid CBOR.
    QTest::newRow("int 5 in two bytes") << hex("18 05") << QCborValue(5);
    QTest::newRow("indefinite array") << hex("9f 01 02 ff") << QCborValue(QCborArray{1, 2});
    QTest::newRow("indefinite text") << hex("7f 61 61 61 62 ff") << QCborValue(u"ab"_s);
    QTest::newRow("indefinite map") << hex("bf 61 61 01 ff") << QCborValue(QCborMap{{u"a"_s, 1}});
    // Integer point coordinates become doubles.
    QTest::newRow("point with ints") << hex("d8 58 82 01 02") << Geometry::point(1, 2).toCbor();
    // Undefined reads as undefined (NONE for kindOf).
    QTest::newRow("undefined") << hex("f7") << QCborValue();
    // Forms that QCborValue::fromCbor (the fast path for canonical input) would read otherwise.
    QTest::newRow("duplicate keys: the last wins")
        << hex("a2 61 61 01 61 61 02") << QCborValue(QCborMap{{u"a"_s, 2}});
    QCborMap many{{u"a"_s, 5}};
    for (char16_t key = u'b'; key <= u'p'; ++key)
        many.insert(QString(QChar(key)), 0);
    QTest::newRow("duplicate keys among many") // 17 keys: the sorted check
        << hex("b1 6161 00 6162 00 6163 00 6164 00 6165 00 6166 00 6167 00 6168 00 6169 00 "
               "616a 00 616b 00 616c 00 616d 00 616e 00 616f 00 6170 00 6161 05")
        << QCborValue(many);
    QTest::newRow("integer keys") << hex("a1 01 02") << QCborValue(QCborMap{{1, 2}});
    QTest::newRow("tag 6 around undefined") << hex("c6 f7") << Values::none();
    QTest::newRow("tag 14 [0]") << hex("ce 81 00") << Duration().toCbor();
    QTest::newRow("tag 12 inside a record id key")
        << hex("c8 82 " PERSON "81 cc 82 01 02")
        << RecordId(u"person"_s, QCborArray{DateTime(1, 2).toCbor()}).toCbor();
}

void tst_ValuesCbor::inputForms()
{
    QFETCH(QByteArray, input);
    QFETCH(QCborValue, expected);

    QString error;
    const auto decoded = Values::decodeCbor(input, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error));
    QCOMPARE(*decoded, expected);
}

void tst_ValuesCbor::qDateTimeGoesOutAsTag12()
{
    const QDateTime dateTime = QDateTime::fromMSecsSinceEpoch(1704164645123, Qt::UTC);
    const QCborValue value(dateTime);
    QVERIFY(value.isDateTime());
    // QCborValue's own encoding would be tag 0 text: c0 ...
    QCOMPARE(quint8(value.toCbor().at(0)), quint8(0xc0));
    // Ours is tag 12 [1704164645, 123000000 = 0x0754d4c0].
    QCOMPARE(Values::encodeCbor(value).toHex(' '), hex("cc 82 1a 65937d25 1a 0754d4c0").toHex(' '));
    // Also nested.
    QCOMPARE(Values::encodeCbor(QCborArray{value}).toHex(' '),
             hex("81 cc 82 1a 65937d25 1a 0754d4c0").toHex(' '));
}

void tst_ValuesCbor::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QByteArray() << u"offset 0: empty input"_s;
    QTest::newRow("truncated uint16") << hex("19 01") << u"offset"_s;
    QTest::newRow("truncated array") << hex("82 01") << u"truncated"_s;
    QTest::newRow("truncated text") << hex("65 746f62") << u"offset"_s;
    QTest::newRow("truncated double") << hex("fb 3ff8") << u"offset"_s;
    QTest::newRow("truncated datetime") << hex("cc 82 1a 65937d25") << u"offset"_s;
    QTest::newRow("truncated indefinite map") << hex("bf 61 61") << u"offset"_s;
    QTest::newRow("reserved additional info 28") << hex("1c") << u"offset 0"_s;
    QTest::newRow("reserved additional info 29 (negative)") << hex("3d") << u"offset 0"_s;
    QTest::newRow("reserved additional info 30 (bytes)") << hex("5e") << u"offset 0"_s;
    QTest::newRow("reserved simple 28") << hex("fc") << u"offset 0"_s;
    QTest::newRow("lone break") << hex("ff") << u"offset 0"_s;
    QTest::newRow("break in definite array") << hex("81 ff") << u"offset"_s;
    QTest::newRow("odd indefinite map") << hex("bf 01 ff") << u"offset"_s;
    QTest::newRow("invalid utf-8") << hex("62 c3 28") << u"offset"_s;
    QTest::newRow("trailing bytes") << hex("01 02") << u"offset 1: 1 unexpected byte"_s;
    QTest::newRow("uint beyond i64") << hex("1b ffffffffffffffff") << u"64-bit"_s;
    QTest::newRow("negative beyond i64") << hex("3b 8000000000000000") << u"64-bit"_s;
    QTest::newRow("negative -2^64") << hex("3b ffffffffffffffff") << u"64-bit"_s;
    QTest::newRow("huge byte string") << hex("5b 7fffffffffffffff 00") << u"offset"_s;
    QTest::newRow("huge array") << hex("9b 7fffffffffffffff 00") << u"offset"_s;

    // Wrong SurrealDB tag payloads: the error names the tag and sits at the tag's offset.
    QTest::newRow("tag 12 with 3 elements")
        << hex("cc 83 01 02 03") << u"offset 0: tag 12 (datetime)"_s;
    QTest::newRow("tag 12 with 1 element") << hex("cc 81 01") << u"exactly 2"_s;
    QTest::newRow("tag 12 nanos 1e9") << hex("cc 82 01 1a 3b9aca00") << u"nanoseconds"_s;
    QTest::newRow("tag 12 text") << hex("cc 61 61") << u"tag 12"_s;
    QTest::newRow("tag 12 nested") << hex("82 01 cc 80") << u"offset 2: tag 12"_s;
    QTest::newRow("tag 37 with 15 bytes")
        << hex("d8 25 4f 0193a1b2c3d47e5f8a9b0c1d2e3f4a")
        << u"offset 0: tag 37 (uuid) expects a 16-byte byte string, got 15 bytes"_s;
    QTest::newRow("tag 37 with text") << hex("d8 25 61 61") << u"tag 37"_s;
    QTest::newRow("tag 6 around 1") << hex("c6 01") << u"tag 6"_s;
    QTest::newRow("tag 14 with 3 elements") << hex("ce 83 01 02 03") << u"tag 14"_s;
    QTest::newRow("tag 14 negative") << hex("ce 81 20") << u"tag 14"_s;
    QTest::newRow("tag 14 nanos 1e9") << hex("ce 82 00 1a 3b9aca00") << u"nanoseconds"_s;
    QTest::newRow("tag 13 bad text") << hex("cd 63 616263") << u"invalid duration"_s;
    QTest::newRow("tag 0 bad text") << hex("c0 63 616263") << u"invalid datetime"_s;
    QTest::newRow("tag 0 not text") << hex("c0 01") << u"tag 0"_s;
    QTest::newRow("tag 9 bad uuid") << hex("c9 63 616263") << u"tag 9"_s;
    QTest::newRow("tag 10 bad decimal") << hex("ca 63 616263") << u"invalid decimal"_s;
    QTest::newRow("tag 10 not text") << hex("ca 01") << u"tag 10"_s;
    QTest::newRow("tag 7 not text") << hex("c7 01") << u"tag 7"_s;
    QTest::newRow("tag 8 one element") << hex("c8 81 61 61") << u"tag 8"_s;
    QTest::newRow("tag 8 float key")
        << hex("c8 82 61 61 fb 3ff8000000000000") << u"record id key"_s;
    QTest::newRow("tag 8 bad text") << hex("c8 63 616263") << u"tag 8"_s;
    QTest::newRow("tag 49 bad bound") << hex("d8 31 82 01 02") << u"tag 49"_s;
    QTest::newRow("tag 49 three bounds") << hex("d8 31 83 f6 f6 f6") << u"tag 49"_s;
    QTest::newRow("tag 55 one string") << hex("d8 37 81 61 61") << u"tag 55"_s;
    QTest::newRow("tag 56 not array") << hex("d8 38 01") << u"tag 56"_s;
    QTest::newRow("tag 88 three numbers") << hex("d8 58 83 01 02 03") << u"tag 88"_s;
    QTest::newRow("tag 88 text coordinate") << hex("d8 58 82 01 61 61") << u"tag 88"_s;
    QTest::newRow("tag 89 untagged point") << hex("d8 59 81 82 01 02") << u"tag 88"_s;
    QTest::newRow("tag 90 empty") << hex("d8 5a 80") << u"tag 90"_s;
    QTest::newRow("tag 94 non-geometry") << hex("d8 5e 81 01") << u"geometry"_s;
}

void tst_ValuesCbor::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, reason);

    QString error;
    const auto decoded = Values::decodeCbor(input, &error);
    QVERIFY2(!decoded.has_value(), qPrintable(Values::toSurql(decoded.value_or(QCborValue()))));
    QVERIFY2(error.startsWith(u"CBOR error at offset "_s), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    // No out parameter: still no crash.
    QVERIFY(!Values::decodeCbor(input).has_value());
}

void tst_ValuesCbor::truncatedGoldenNeverDecodes()
{
    // Every proper prefix of every golden encoding is incomplete CBOR.
    const QByteArrayList samples = {
        hex("cc 82 1a 65937d25 1a 075bcd15"),
        hex("c8 82 " PERSON "d8 31 82 d8 32 01 d8 32 05"),
        hex("d8 5e 82 " P12 "d8 59 82 " P12 P34),
        hex("a3 62 6964 c8 82 " PERSON "18 2a 62 6174 cc 82 00 01 64 676f6e65 c6 f6"),
        hex("d8 37 82 67 61766174617273 6a 2f746f6269652e706e67"),
    };
    for (const QByteArray &wire : samples) {
        QVERIFY(Values::decodeCbor(wire).has_value());
        for (qsizetype size = 0; size < wire.size(); ++size) {
            QString error;
            QVERIFY2(!Values::decodeCbor(wire.first(size), &error).has_value(),
                     wire.first(size).toHex(' ').constData());
            QVERIFY2(error.contains(u"offset"_s), qPrintable(error));
        }
    }
}

void tst_ValuesCbor::corruptedBytesNeverCrash()
{
    const QByteArray wire = hex("a3 62 6964 c8 82 " PERSON "18 2a 62 6174 cc 82 00 01 64 676f6e65 "
                                "c6 f6");
    QRandomGenerator random(20240102);
    int failures = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray corrupted = wire;
        const int flips = 1 + int(random.bounded(3));
        for (int i = 0; i < flips; ++i)
            corrupted[random.bounded(int(corrupted.size()))] = char(random.bounded(256));
        QString error;
        const auto decoded = Values::decodeCbor(corrupted, &error);
        if (decoded)
            QCOMPARE(strictlyDecoded(corrupted), decoded);
        if (!decoded) {
            ++failures;
            QVERIFY2(error.startsWith(u"CBOR error at offset "_s), qPrintable(error));
        } else {
            // Whatever decodes encodes again and reads back the same.
            QCOMPARE(Values::decodeCbor(Values::encodeCbor(*decoded)), decoded);
        }
    }
    QVERIFY(failures > 0);
}

void tst_ValuesCbor::manyRecordsRoundTrip()
{
    // The shape of a large SELECT reply (bench/decode.js): canonical values of every common kind.
    QCborArray records;
    for (int i = 0; i < 2000; ++i) {
        records.append(QCborMap{
            {u"id"_s, RecordId(u"decode"_s, i).toCbor()},
            {u"name"_s, u"record %1 \u2014 \u00fcn\u00efc\u00f8d\u00e9 \u2713"_s.arg(i)},
            {u"count"_s, qint64(i) * 1000003 - 5000000},
            {u"score"_s, i * 1.25 + 0.1},
            {u"active"_s, i % 3 == 0},
            {u"created"_s, DateTime(1704067200 + i, quint32(i) * 7919).toCbor()},
            {u"token"_s, Values::uuid(QUuid::createUuidV5(kUuid, QString::number(i)))},
            {u"owner"_s, RecordId(u"person"_s, u"p%1"_s.arg(i % 100)).toCbor()},
            {u"tags"_s, Values::set({u"alpha"_s, i % 7})},
            {u"meta"_s,
             QCborMap{{u"ttl"_s, Duration(i, quint32(i % 2) * 5).toCbor()},
                      {u"missing"_s, QCborValue(nullptr)},
                      {u"gone"_s, Values::none()},
                      {u"table"_s, Table(u"t"_s).toCbor()}}},
            {u"price"_s, Decimal::fromInteger(i).toCbor()},
        });
    }
    const QCborValue reply(QCborMap{{u"id"_s, 3}, {u"result"_s, records}});
    const QByteArray wire = Values::encodeCbor(reply);
    QString error;
    const auto decoded = Values::decodeCbor(wire, &error);
    QVERIFY2(decoded.has_value(), qPrintable(error));
    QCOMPARE(*decoded, reply);
    QCOMPARE(strictlyDecoded(wire), decoded);
}

void tst_ValuesCbor::nesting()
{
    QByteArray deep(600, char(0x81));
    deep.append(char(0x01));
    QString error;
    QVERIFY(!Values::decodeCbor(deep, &error).has_value());
    QVERIFY2(error.contains(u"nesting"_s), qPrintable(error));

    QByteArray fine(100, char(0x81));
    fine.append(char(0x01));
    QVERIFY(Values::decodeCbor(fine).has_value());
}

QTEST_GUILESS_MAIN(tst_ValuesCbor)
#include "tst_values_cbor.moc"

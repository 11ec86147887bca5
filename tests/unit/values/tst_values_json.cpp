// JSON (SurrealDB's JSON form) and QVariant round trips for every kind.

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
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

const QUuid kUuid(u"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s);

QJsonValue json(const char *text)
{
    // A JSON value from its text (wrapped in an array, which QJsonDocument needs).
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + text + ']');
    Q_ASSERT(document.isArray());
    return document.array().at(0);
}

QByteArray jsonText(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_ValuesJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonWithoutHint();
    void jsonHintMismatch();
    void variantRoundTrip_data();
    void variantRoundTrip();
    void variantFromQtTypes();
    void variantToString();
};

void tst_ValuesJson::jsonRoundTrip_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<ValueKind>("hint");
    QTest::addColumn<QJsonValue>("expected");

    QTest::newRow("none") << Values::none() << ValueKind::None << json("null");
    QTest::newRow("null") << QCborValue(nullptr) << ValueKind::Null << json("null");
    QTest::newRow("bool") << QCborValue(true) << ValueKind::Bool << json("true");
    QTest::newRow("int") << QCborValue(42) << ValueKind::Integer << json("42");
    QTest::newRow("int negative") << QCborValue(-7) << ValueKind::Integer << json("-7");
    QTest::newRow("int i64 max") << QCborValue(std::numeric_limits<qint64>::max())
                                 << ValueKind::Integer << json("9223372036854775807");
    QTest::newRow("float") << QCborValue(1.5) << ValueKind::Float << json("1.5");
    QTest::newRow("float whole") << QCborValue(2.0) << ValueKind::Float << json("2.0");
    QTest::newRow("decimal") << Decimal::fromString(u"1234567890.123456789012345678").value().toCbor()
                             << ValueKind::Decimal << json("\"1234567890.123456789012345678\"");
    QTest::newRow("string") << QCborValue(u"say \"hi\" ⟩"_s) << ValueKind::String
                            << json("\"say \\\"hi\\\" ⟩\"");
    QTest::newRow("bytes") << Values::bytes(QByteArray::fromHex("0102ff")) << ValueKind::Bytes
                           << json("[1, 2, 255]");
    QTest::newRow("datetime") << DateTime::parse(u"2024-01-02T03:04:05.123456789Z").value().toCbor()
                              << ValueKind::DateTime << json("\"2024-01-02T03:04:05.123456789Z\"");
    QTest::newRow("datetime pre-1970") << DateTime(-1, 500'000'000).toCbor() << ValueKind::DateTime
                                       << json("\"1969-12-31T23:59:59.500Z\"");
    QTest::newRow("duration") << Duration(5400, 7).toCbor() << ValueKind::Duration
                              << json("\"1h30m7ns\"");
    QTest::newRow("uuid") << Values::uuid(kUuid) << ValueKind::Uuid
                          << json("\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\"");
    QTest::newRow("record string key") << RecordId(u"person"_s, u"tobie"_s).toCbor()
                                       << ValueKind::RecordId << json("\"person:tobie\"");
    QTest::newRow("record digit-leading key") << RecordId(u"person"_s, u"42abc"_s).toCbor()
                                              << ValueKind::RecordId << json("\"person:⟨42abc⟩\"");
    QTest::newRow("record hostile key") << RecordId(u"person"_s, u"a⟩\"b"_s).toCbor()
                                        << ValueKind::RecordId << json("\"person:⟨a\\\\⟩\\\"b⟩\"");
    QTest::newRow("record int key")
        << RecordId(u"person"_s, 42).toCbor() << ValueKind::RecordId << json("\"person:42\"");
    QTest::newRow("record uuid key")
        << RecordId(u"person"_s, kUuid).toCbor() << ValueKind::RecordId
        << json("\"person:u\\\"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\\\"\"");
    QTest::newRow("record array key")
        << RecordId(u"person"_s, QCborArray{u"london"_s, 2024}).toCbor() << ValueKind::RecordId
        << json("\"person:[\\\"london\\\", 2024]\"");
    QTest::newRow("record object key")
        << RecordId(u"person"_s, QCborMap{{u"city"_s, u"london"_s}}).toCbor() << ValueKind::RecordId
        << json("\"person:{ city: \\\"london\\\" }\"");
    QTest::newRow("record range key") << RecordId(u"person"_s, Range::closed(1, 5)).toCbor()
                                      << ValueKind::RecordId << json("\"person:1..=5\"");
    QTest::newRow("table") << Table(u"person"_s).toCbor() << ValueKind::Table << json("\"person\"");
    QTest::newRow("point") << Geometry::point(1.5, 2).toCbor() << ValueKind::Geometry
                           << json(R"({"type": "Point", "coordinates": [1.5, 2]})");
    QTest::newRow("linestring") << Geometry::lineString({{1, 2}, {3, 4}}).toCbor()
                                << ValueKind::Geometry
                                << json(
                                       R"({"type": "LineString", "coordinates": [[1, 2], [3, 4]]})");
    QTest::newRow("polygon")
        << Geometry::polygon({{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}).toCbor() << ValueKind::Geometry
        << json(R"({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]})");
    QTest::newRow("multipoint") << Geometry::multiPoint({{1, 2}}).toCbor() << ValueKind::Geometry
                                << json(R"({"type": "MultiPoint", "coordinates": [[1, 2]]})");
    QTest::newRow("multilinestring")
        << Geometry::multiLineString({{{1, 2}, {3, 4}}}).toCbor() << ValueKind::Geometry
        << json(R"({"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]]]})");
    QTest::newRow("multipolygon")
        << Geometry::multiPolygon({{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}).toCbor()
        << ValueKind::Geometry
        << json(R"({"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]})");
    QTest::newRow("collection") << Geometry::collection({Geometry::point(1, 2)}).toCbor()
                                << ValueKind::Geometry << json(R"({"type": "GeometryCollection",
                    "geometries": [{"type": "Point", "coordinates": [1, 2]}]})");
    QTest::newRow("range closed") << Range::closed(1, 5).toCbor() << ValueKind::Range
                                  << json("\"1..=5\"");
    QTest::newRow("range excluded")
        << Range(Range::Bound::excluded(1), {}).toCbor() << ValueKind::Range << json("\"1>..\"");
    QTest::newRow("range full") << Range().toCbor() << ValueKind::Range << json("\"..\"");
    QTest::newRow("set") << Values::set({1, u"a"_s}) << ValueKind::Set << json("[1, \"a\"]");
    QTest::newRow("file") << FileRef(u"avatars"_s, u"/tobie.png"_s).toCbor() << ValueKind::File
                          << json("\"f\\\"avatars:/tobie.png\\\"\"");
    QTest::newRow("array") << QCborValue(QCborArray{1, u"a"_s, nullptr, QCborArray{}})
                           << ValueKind::Array << json("[1, \"a\", null, []]");
    QTest::newRow("object") << QCborValue(QCborMap{{u"a"_s, 1}, {u"b c"_s, QCborArray{true}}})
                            << ValueKind::Object << json(R"({"a": 1, "b c": [true]})");
}

void tst_ValuesJson::jsonRoundTrip()
{
    QFETCH(QCborValue, value);
    QFETCH(ValueKind, hint);
    QFETCH(QJsonValue, expected);

    const QJsonValue actual = Values::toJson(value);
    QCOMPARE(jsonText(actual), jsonText(expected));

    QString error;
    const auto back = Values::fromJson(actual, hint, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(*back, value);

    // Through JSON text too, where 2.0 prints as 2: the hint keeps the kind.
    const auto fromText = Values::fromJson(json(jsonText(actual).mid(1).chopped(1).constData()),
                                           hint,
                                           &error);
    QVERIFY2(fromText.has_value(), qPrintable(error));
    QCOMPARE(*fromText, value);
}

void tst_ValuesJson::jsonWithoutHint()
{
    QCOMPARE(Values::fromJson(json("1")), QCborValue(1));
    QCOMPARE(Values::fromJson(json("1.5")), QCborValue(1.5));
    QCOMPARE(Values::fromJson(json("\"person:1\"")), QCborValue(u"person:1"_s));
    QCOMPARE(Values::fromJson(json("null")), QCborValue(nullptr));
    QCOMPARE(Values::fromJson(json(R"({"a": [1, {"b": false}]})")),
             QCborValue(QCborMap{{u"a"_s, QCborArray{1, QCborMap{{u"b"_s, false}}}}}));
    // Non-finite floats have no JSON form.
    QCOMPARE(Values::toJson(QCborValue(std::numeric_limits<double>::infinity())),
             QJsonValue(QJsonValue::Null));
    // A JSON null stands for NONE only when asked.
    QCOMPARE(Values::fromJson(json("null"), ValueKind::DateTime), QCborValue(nullptr));
}

void tst_ValuesJson::jsonHintMismatch()
{
    QString error;
    QVERIFY(!Values::fromJson(json("42"), ValueKind::DateTime, &error));
    QVERIFY2(error.contains(u"datetime"_s), qPrintable(error));
    QVERIFY(!Values::fromJson(json("\"yesterday\""), ValueKind::DateTime, &error));
    QVERIFY2(error.contains(u"invalid datetime"_s), qPrintable(error));
    QVERIFY(!Values::fromJson(json("\"person\""), ValueKind::RecordId, &error));
    QVERIFY(!Values::fromJson(json("\"1\""), ValueKind::Range, &error));
    QVERIFY(!Values::fromJson(json("[1, 256]"), ValueKind::Bytes, &error));
    QVERIFY(!Values::fromJson(json("1.5"), ValueKind::Integer, &error));
    QVERIFY(!Values::fromJson(json(R"({"type": "Point"})"), ValueKind::Geometry, &error));
}

void tst_ValuesJson::variantRoundTrip_data()
{
    QTest::addColumn<QCborValue>("value");
    QTest::addColumn<QMetaType>("type");

    QTest::newRow("none") << Values::none() << QMetaType();
    QTest::newRow("null") << QCborValue(nullptr) << QMetaType::fromType<std::nullptr_t>();
    QTest::newRow("bool") << QCborValue(true) << QMetaType::fromType<bool>();
    QTest::newRow("int") << QCborValue(42) << QMetaType::fromType<qint64>();
    QTest::newRow("float") << QCborValue(1.5) << QMetaType::fromType<double>();
    QTest::newRow("string") << QCborValue(u"x"_s) << QMetaType::fromType<QString>();
    QTest::newRow("bytes") << Values::bytes("\x01\x02") << QMetaType::fromType<QByteArray>();
    QTest::newRow("uuid") << Values::uuid(kUuid) << QMetaType::fromType<QUuid>();
    QTest::newRow("decimal") << Decimal::fromString(u"3.14").value().toCbor()
                             << QMetaType::fromType<Decimal>();
    QTest::newRow("datetime") << DateTime(1704164645, 123456789).toCbor()
                              << QMetaType::fromType<DateTime>();
    QTest::newRow("duration") << Duration(5400, 0).toCbor() << QMetaType::fromType<Duration>();
    QTest::newRow("record") << RecordId(u"person"_s, u"42abc"_s).toCbor()
                            << QMetaType::fromType<RecordId>();
    QTest::newRow("record range") << RecordId(u"person"_s, Range::closed(1, 5)).toCbor()
                                  << QMetaType::fromType<RecordId>();
    QTest::newRow("table") << Table(u"person"_s).toCbor() << QMetaType::fromType<Table>();
    QTest::newRow("geometry") << Geometry::polygon({{{0, 0}, {1, 0}, {0, 0}}}).toCbor()
                              << QMetaType::fromType<Geometry>();
    QTest::newRow("range") << Range::halfOpen(1, 5).toCbor() << QMetaType::fromType<Range>();
    QTest::newRow("file") << FileRef(u"b"_s, u"/k"_s).toCbor() << QMetaType::fromType<FileRef>();
    QTest::newRow("set") << Values::set({1}) << QMetaType::fromType<QCborValue>();
    QTest::newRow("array") << QCborValue(QCborArray{1, DateTime(0, 1).toCbor()})
                           << QMetaType::fromType<QCborArray>();
    QTest::newRow("object") << QCborValue(QCborMap{{u"a"_s, Values::none()}})
                            << QMetaType::fromType<QCborMap>();
}

void tst_ValuesJson::variantRoundTrip()
{
    QFETCH(QCborValue, value);
    QFETCH(QMetaType, type);

    const QVariant variant = Values::toVariant(value);
    QCOMPARE(variant.metaType(), type);
    QCOMPARE(Values::fromVariant(variant), value);
    // The variant holds the value itself: a copy compares equal.
    const QVariant copy = variant; // NOLINT(performance-unnecessary-copy-initialization)
    QCOMPARE(copy, variant);
}

void tst_ValuesJson::variantFromQtTypes()
{
    const QDateTime dateTime = QDateTime::fromMSecsSinceEpoch(1704164645123, Qt::UTC);
    QCOMPARE(Values::fromVariant(dateTime), DateTime(1704164645, 123'000'000).toCbor());
    QCOMPARE(Values::fromVariant(QVariant()), Values::none());
    QCOMPARE(Values::fromVariant(5), QCborValue(5));
    QCOMPARE(Values::fromVariant(2.5), QCborValue(2.5));
    QCOMPARE(Values::fromVariant(u"x"_s), QCborValue(u"x"_s));
    QCOMPARE(Values::fromVariant(QVariantList{1, u"a"_s, dateTime}),
             QCborValue(QCborArray{1, u"a"_s, DateTime(1704164645, 123'000'000).toCbor()}));
    QCOMPARE(Values::fromVariant(QVariantMap{{u"k"_s, QVariant::fromValue(Duration(1, 0))}}),
             QCborValue(QCborMap{{u"k"_s, Duration(1, 0).toCbor()}}));
    QCOMPARE(Values::fromVariant(QVariant::fromValue(QCborValue(dateTime))),
             DateTime(1704164645, 123'000'000).toCbor());
    QCOMPARE(Values::fromVariant(QJsonValue(u"a"_s)), QCborValue(u"a"_s));
}

void tst_ValuesJson::variantToString()
{
    QCOMPARE(Values::toVariant(RecordId(u"person"_s, u"tobie smith"_s).toCbor()).toString(),
             u"person:⟨tobie smith⟩"_s);
    QCOMPARE(Values::toVariant(DateTime(0, 1).toCbor()).toString(),
             u"1970-01-01T00:00:00.000000001Z"_s);
    QCOMPARE(Values::toVariant(Duration(5400, 0).toCbor()).toString(), u"1h30m"_s);
    QCOMPARE(Values::toVariant(Decimal::fromString(u"3.14").value().toCbor()).toString(), u"3.14"_s);
    QCOMPARE(Values::toVariant(Table(u"person"_s).toCbor()).toString(), u"person"_s);
}

QTEST_GUILESS_MAIN(tst_ValuesJson)
#include "tst_values_json.moc"

// surrealqt-interop: the SurrealQt half of the interop test with the official JS SDK
// (tests/conformance/interop.test.js).
//
//   surrealqt-interop kinds                   the kinds as JSON: [{kind, surql, jsWrites}]
//   surrealqt-interop write URL NS DB         UPSERTs interop:<kind> = { v: <value> } per kind
//   surrealqt-interop check URL NS DB REPORT  reads interop_js:<kind> (written by the JS SDK),
//                                             compares every field with the value built here,
//                                             prints a JSON report (also written to REPORT) and
//                                             exits 1 on any mismatch
//
// URL is the server's address (http://HOST:PORT or ws://HOST:PORT/rpc); credentials root/root.
// Every value travels as a bound parameter. The JS side builds the same kinds with the SDK's
// classes; both lists must agree (interop.test.js checks that against `kinds`).

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/values/DateTime.h>
#include <surrealqt/values/Decimal.h>
#include <surrealqt/values/Duration.h>
#include <surrealqt/values/FileRef.h>
#include <surrealqt/values/Geometry.h>
#include <surrealqt/values/Range.h>
#include <surrealqt/values/RecordId.h>
#include <surrealqt/values/Table.h>
#include <surrealqt/values/Values.h>

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>
#include <QtCore/QTextStream>

#include <algorithm>
#include <bit>
#include <cstdio>
#include <limits>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

constexpr int kOk = 0;
constexpr int kMismatch = 1;
constexpr int kUsage = 2;
constexpr int kFailure = 3;

const QString kField = u"v"_s;

struct Kind
{
    QString name;
    QCborValue value;
    // False for values the JS SDK cannot write: it encodes every integral JS number as a CBOR
    // integer (1.0 and -0.0 become 1 and 0; 1.7976931348623157e308, integral too, is "too big to
    // be encoded"), so a float with an integral value only travels from here to there.
    bool jsWrites = true;
};

QCborValue dateTime(QStringView text)
{
    return DateTime::parse(text).value().toCbor();
}

QCborValue duration(QStringView text)
{
    return Duration::parse(text).value().toCbor();
}

QCborValue decimal(QStringView text)
{
    return Decimal::fromString(text).value().toCbor();
}

Geometry::Line square(double x0, double y0, double size)
{
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

// One entry per value kind of the golden table (tests/unit/values/tst_values_cbor.cpp), plus
// the edge cases that matter between two SDKs. interop.test.js has the same list, in JS.
QList<Kind> kinds()
{
    const QUuid uuidV7(u"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s);
    const QUuid uuidV4(u"8f1c5a4e-2b3d-4e6f-9a0b-1c2d3e4f5a6b"_s);
    const QString person = u"person"_s;
    const Geometry point = Geometry::point(-0.118092, 51.509865);
    const Geometry line = Geometry::lineString({{1, 2}, {3, 4}});
    const Geometry polygon = Geometry::polygon({square(0, 0, 10), square(2, 2, 1)});
    using Bound = Range::Bound;

    return {
        {u"none"_s, Values::none()},
        {u"null"_s, QCborValue(nullptr)},
        {u"bool_true"_s, QCborValue(true)},
        {u"bool_false"_s, QCborValue(false)},

        {u"int_zero"_s, QCborValue(0)},
        {u"int_small"_s, QCborValue(42)},
        {u"int_negative"_s, QCborValue(-500)},
        {u"int_2p53_plus_1"_s, QCborValue(qint64(9007199254740993))},
        {u"int_i64_max"_s, QCborValue(std::numeric_limits<qint64>::max())},
        {u"int_i64_min"_s, QCborValue(std::numeric_limits<qint64>::min())},

        {u"float_fraction"_s, QCborValue(1.5)},
        {u"float_tenth"_s, QCborValue(0.1)},
        {u"float_negative_tiny"_s, QCborValue(-2.5e-300)},
        {u"float_max"_s, QCborValue(std::numeric_limits<double>::max()), false},
        {u"float_whole"_s, QCborValue(1.0), false},
        {u"float_negative_zero"_s, QCborValue(-0.0), false},

        {u"decimal_simple"_s, decimal(u"3.14")},
        {u"decimal_precise"_s, decimal(u"1234567890.123456789012345678")},
        {u"decimal_negative_tiny"_s, decimal(u"-0.000000000000000000000000001")},
        {u"decimal_integer"_s, decimal(u"42")},

        {u"string_empty"_s, QCborValue(u""_s)},
        {u"string_unicode"_s, QCborValue(u"ünïcödé ⟩ ⟨ 😀"_s)},
        {u"string_escapes"_s, QCborValue(u"it's \"quoted\"\n\ttab \\ back`tick"_s)},

        {u"datetime_nanos"_s, dateTime(u"2024-01-02T03:04:05.123456789Z")},
        {u"datetime_pre1970_fraction"_s, DateTime(-1, 500'000'000).toCbor()},
        {u"datetime_pre1970_nanos"_s, dateTime(u"1960-06-15T12:34:56.000000789Z")},
        {u"datetime_epoch"_s, DateTime().toCbor()},
        {u"datetime_year_1"_s, dateTime(u"0001-01-01T00:00:00.000000001Z")},
        {u"datetime_year_9999"_s, dateTime(u"9999-12-31T23:59:59.999999999Z")},

        {u"duration_zero"_s, Duration().toCbor()},
        {u"duration_all_units"_s, duration(u"1w2d3h4m5s6ms7µs8ns")},
        {u"duration_nanos"_s, Duration(0, 7).toCbor()},
        {u"duration_1h30m"_s, duration(u"1h30m")},
        {u"duration_year"_s, duration(u"1y")},

        {u"uuid_v7"_s, Values::uuid(uuidV7)},
        {u"uuid_v4"_s, Values::uuid(uuidV4)},
        {u"uuid_nil"_s, Values::uuid(QUuid())},

        {u"record_string"_s, RecordId(person, u"tobie"_s).toCbor()},
        {u"record_digit_leading"_s, RecordId(person, u"42abc"_s).toCbor()},
        {u"record_numeric_string"_s, RecordId(person, u"42"_s).toCbor()},
        {u"record_brackets"_s, RecordId(person, u"a ⟩ b ⟨ c"_s).toCbor()},
        {u"record_integer"_s, RecordId(person, 42).toCbor()},
        {u"record_negative"_s, RecordId(person, -7).toCbor()},
        {u"record_i64_max"_s, RecordId(person, std::numeric_limits<qint64>::max()).toCbor()},
        {u"record_uuid"_s, RecordId(person, uuidV7).toCbor()},
        {u"record_array"_s, RecordId(person, QCborArray{u"london"_s, 2024}).toCbor()},
        {u"record_array_typed"_s,
         RecordId(person,
                  QCborArray{u"london"_s,
                             dateTime(u"2024-01-02T03:04:05.123456789Z"),
                             Values::uuid(uuidV7)})
             .toCbor()},
        {u"record_object"_s,
         RecordId(person, QCborMap{{u"city"_s, u"london"_s}, {u"year"_s, 2024}}).toCbor()},
        {u"record_range"_s, RecordId(person, Range::closed(1, 5)).toCbor()},
        {u"record_range_open"_s,
         RecordId(person, Range(Bound::excluded(u"a"_s), Bound::unbounded())).toCbor()},

        {u"table"_s, Table(person).toCbor()},
        {u"table_escaped"_s, Table(u"my table"_s).toCbor()},

        {u"geometry_point"_s, point.toCbor()},
        {u"geometry_line"_s, line.toCbor()},
        {u"geometry_polygon"_s, polygon.toCbor()},
        {u"geometry_multipoint"_s, Geometry::multiPoint({{1, 2}, {3, 4}}).toCbor()},
        {u"geometry_multiline"_s,
         Geometry::multiLineString({{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}).toCbor()},
        {u"geometry_multipolygon"_s,
         Geometry::multiPolygon({{square(0, 0, 1)}, {square(20, 20, 1)}}).toCbor()},
        {u"geometry_collection"_s, Geometry::collection({point, line, polygon}).toCbor()},

        {u"range_half_open"_s, Range::halfOpen(1, 5).toCbor()},
        {u"range_closed"_s, Range::closed(1, 5).toCbor()},
        {u"range_excluded_included"_s, Range(Bound::excluded(1), Bound::included(5)).toCbor()},
        {u"range_excluded_both"_s, Range(Bound::excluded(1), Bound::excluded(5)).toCbor()},
        {u"range_open_begin"_s, Range(Bound::unbounded(), Bound::excluded(5)).toCbor()},
        {u"range_open_begin_included"_s, Range(Bound::unbounded(), Bound::included(5)).toCbor()},
        {u"range_open_end"_s, Range(Bound::included(1), Bound::unbounded()).toCbor()},
        {u"range_open_end_excluded"_s, Range(Bound::excluded(1), Bound::unbounded()).toCbor()},
        {u"range_full"_s, Range().toCbor()},
        {u"range_strings"_s, Range::halfOpen(u"a"_s, u"m"_s).toCbor()},

        {u"set_ints"_s, Values::set({1, 2, 3})},
        {u"set_strings"_s, Values::set({u"a"_s, u"b"_s})},
        {u"set_empty"_s, Values::set({})},

        {u"file"_s, FileRef(u"avatars"_s, u"/tobie.png"_s).toCbor()},
        {u"file_nested_key"_s, FileRef(u"bucket"_s, u"/a/b c/ü.txt"_s).toCbor()},

        {u"bytes"_s, Values::bytes(QByteArray::fromHex("0102ff"))},
        {u"bytes_empty"_s, Values::bytes({})},

        {u"object_nested"_s,
         QCborMap{{u"a"_s, 1},
                  {u"b"_s, QCborArray{true, nullptr, u"x"_s}},
                  {u"c"_s,
                   QCborMap{{u"d"_s, dateTime(u"2024-01-02T03:04:05.123456789Z")},
                            {u"e"_s, RecordId(person, 1).toCbor()},
                            {u"f"_s, decimal(u"0.1")}}},
                  {u"key with space"_s, 2}}},
        {u"object_empty"_s, QCborMap{}},
        {u"array_nested"_s,
         QCborArray{QCborArray{1, QCborArray{2, QCborArray{}}},
                    QCborMap{},
                    u"x"_s,
                    RecordId(person, u"tobie"_s).toCbor(),
                    1.5,
                    Values::uuid(uuidV7),
                    duration(u"90s")}},
        {u"array_empty"_s, QCborArray{}},
        // NONE inside an object is an absent key; inside an array it is an element.
        {u"object_with_none"_s,
         QCborMap{{u"kept"_s, 1}, {u"gone"_s, Values::none()}, {u"empty"_s, nullptr}}},
        {u"array_with_none"_s, QCborArray{Values::none(), nullptr, 1}},
    };
}

// ---- Comparing ---------------------------------------------------------------------------------

QString surql(const QCborValue &value)
{
    return Values::toSurql(value);
}

// Exact equality: floats bit for bit (so -0.0 != 0.0), objects regardless of key order, an
// absent key the same as NONE.
bool same(const QCborValue &expected, const QCborValue &actual)
{
    const ValueKind kind = Values::kindOf(expected);
    if (kind != Values::kindOf(actual))
        return false;
    if (kind == ValueKind::None)
        return true;
    if (expected.isDouble()) {
        return std::bit_cast<quint64>(expected.toDouble())
               == std::bit_cast<quint64>(actual.toDouble());
    }
    if (expected.isArray()) {
        const QCborArray a = expected.toArray();
        const QCborArray b = actual.toArray();
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!same(a.at(i), b.at(i)))
                return false;
        }
        return true;
    }
    if (expected.isMap()) {
        const QCborMap a = expected.toMap();
        const QCborMap b = actual.toMap();
        QSet<QString> keys;
        for (auto it = a.begin(); it != a.end(); ++it)
            keys.insert(it.key().toString());
        for (auto it = b.begin(); it != b.end(); ++it)
            keys.insert(it.key().toString());
        return std::ranges::all_of(keys, [&](const QString &key) {
            return same(a.value(key), b.value(key));
        });
    }
    if (expected.isTag())
        return expected.tag() == actual.tag() && same(expected.taggedValue(), actual.taggedValue());
    return expected == actual;
}

struct Mismatch
{
    QString kind;
    QString path;
    QString expected;
    QString actual;
};

// Walks plain arrays and objects to name the first differing place (v.b[1]); a typed value
// (record id, geometry, range, ...) is compared as a whole and reported in SurrealQL.
void compare(const QString &kind,
             const QString &path,
             const QCborValue &expected,
             const QCborValue &actual,
             QList<Mismatch> &out)
{
    const ValueKind expectedKind = Values::kindOf(expected);
    const ValueKind actualKind = Values::kindOf(actual);
    if (expectedKind == actualKind && expectedKind == ValueKind::Array) {
        const QCborArray a = expected.toArray();
        const QCborArray b = actual.toArray();
        if (a.size() == b.size()) {
            for (qsizetype i = 0; i < a.size(); ++i)
                compare(kind, path + u'[' + QString::number(i) + u']', a.at(i), b.at(i), out);
            return;
        }
    } else if (expectedKind == actualKind && expectedKind == ValueKind::Object) {
        const QCborMap a = expected.toMap();
        const QCborMap b = actual.toMap();
        QStringList keys;
        for (auto it = a.begin(); it != a.end(); ++it)
            keys.append(it.key().toString());
        for (auto it = b.begin(); it != b.end(); ++it) {
            if (!a.contains(it.key()))
                keys.append(it.key().toString());
        }
        for (const QString &key : std::as_const(keys))
            compare(kind, path + u'.' + key, a.value(key), b.value(key), out);
        return;
    }
    if (!same(expected, actual))
        out.append({kind, path, surql(expected), surql(actual)});
}

// ---- Talking to the server ---------------------------------------------------------------------

struct Target
{
    QUrl url;
    QString ns;
    QString db;
};

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QCoro::Task<bool> openSession(WebSocketConnection &socket, const Target &target)
{
    const Result<bool> opened = co_await socket.open();
    if (!opened) {
        err() << "surrealqt-interop: cannot connect to " << target.url.toString() << ": "
              << opened.error().message() << Qt::endl;
        co_return false;
    }
    const Result<QString> token = co_await socket.signin(Credentials::root(u"root"_s, u"root"_s));
    if (!token) {
        err() << "surrealqt-interop: cannot sign in: " << token.error().message() << Qt::endl;
        co_return false;
    }
    const Result<QCborValue> used = co_await socket.use(target.ns, target.db);
    if (!used) {
        err() << "surrealqt-interop: cannot use " << target.ns << '/' << target.db << ": "
              << used.error().message() << Qt::endl;
        co_return false;
    }
    co_return true;
}

ConnectionOptions optionsFor(const Target &target)
{
    ConnectionOptions options;
    options.endpoint = target.url;
    options.reconnect.enabled = false;
    options.keepAliveInterval = std::chrono::milliseconds(0);
    return options;
}

QCoro::Task<int> write(Target target)
{
    WebSocketConnection socket(optionsFor(target));
    if (!co_await openSession(socket, target))
        co_return kFailure;
    int written = 0;
    for (const Kind &kind : kinds()) {
        const QCborMap vars{{u"id"_s, RecordId(u"interop"_s, kind.name).toCbor()},
                            {kField, kind.value}};
        const Result<QueryResponse> response
            = co_await socket.query(u"UPSERT $id CONTENT { v: $v }"_s, vars);
        const RpcError error = response ? response->firstError() : response.error();
        if (error.isError()) {
            err() << "surrealqt-interop: cannot write " << kind.name << " = " << surql(kind.value)
                  << ": " << error.message() << Qt::endl;
            co_return kFailure;
        }
        ++written;
    }
    socket.close();
    QTextStream(stdout) << QJsonDocument(QJsonObject{{u"written"_s, written}}).toJson();
    co_return kOk;
}

QCoro::Task<int> check(Target target, QString reportPath)
{
    WebSocketConnection socket(optionsFor(target));
    if (!co_await openSession(socket, target))
        co_return kFailure;
    const Result<QueryResponse> response = co_await socket.query(u"SELECT * FROM interop_js"_s);
    const RpcError error = response ? response->firstError() : response.error();
    if (error.isError()) {
        err() << "surrealqt-interop: cannot read interop_js: " << error.message() << Qt::endl;
        co_return kFailure;
    }
    socket.close();

    QHash<QString, QCborMap> rows; // by the record id's key
    QList<Mismatch> mismatches;
    const QCborArray records = response->value(0).toArray();
    for (const QCborValue &record : records) {
        const std::optional<RecordId> id = RecordId::fromCbor(record.toMap().value(u"id"_s));
        if (!id || id->table() != u"interop_js"_s || !id->key().isString()) {
            mismatches.append({QString(), u"id"_s, u"interop_js:<kind>"_s, surql(record)});
            continue;
        }
        rows.insert(id->key().toString(), record.toMap());
    }

    int checked = 0;
    QJsonArray missing;
    for (const Kind &kind : kinds()) {
        if (!kind.jsWrites)
            continue;
        const auto row = rows.constFind(kind.name);
        if (row == rows.constEnd()) {
            missing.append(kind.name);
            continue;
        }
        ++checked;
        QCborMap expected{{u"id"_s, RecordId(u"interop_js"_s, kind.name).toCbor()}};
        if (!Values::isNone(kind.value))
            expected.insert(kField, kind.value);
        // Field by field: id, v and nothing else.
        compare(kind.name, QString(), expected, *row, mismatches);
        rows.erase(row);
    }
    QJsonArray unexpected;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        unexpected.append(it.key());

    QJsonArray mismatchList;
    for (const Mismatch &mismatch : std::as_const(mismatches)) {
        QString path = mismatch.path;
        if (path.startsWith(u'.'))
            path.remove(0, 1);
        mismatchList.append(QJsonObject{{u"kind"_s, mismatch.kind},
                                        {u"path"_s, path},
                                        {u"expected"_s, mismatch.expected},
                                        {u"actual"_s, mismatch.actual}});
    }
    const bool ok = mismatches.isEmpty() && missing.isEmpty() && unexpected.isEmpty();
    const QJsonObject report{{u"ok"_s, ok},
                             {u"table"_s, u"interop_js"_s},
                             {u"checked"_s, checked},
                             {u"mismatches"_s, mismatchList},
                             {u"missing"_s, missing},
                             {u"unexpected"_s, unexpected}};
    const QByteArray json = QJsonDocument(report).toJson();
    QTextStream(stdout) << json;
    QFile file(reportPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
        err() << "surrealqt-interop: cannot write " << reportPath << ": " << file.errorString()
              << Qt::endl;
        co_return kFailure;
    }
    co_return ok ? kOk : kMismatch;
}

int printKinds()
{
    QJsonArray list;
    for (const Kind &kind : kinds()) {
        list.append(QJsonObject{{u"kind"_s, kind.name},
                                {u"surql"_s, surql(kind.value)},
                                {u"jsWrites"_s, kind.jsWrites}});
    }
    QTextStream(stdout) << QJsonDocument(list).toJson();
    return kOk;
}

int usage()
{
    err() << "usage: surrealqt-interop kinds\n"
             "       surrealqt-interop write URL NS DB\n"
             "       surrealqt-interop check URL NS DB REPORT\n";
    return kUsage;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString mode = args.value(1);
    if (mode == u"kinds"_s && args.size() == 2)
        return printKinds();
    if ((mode == u"write"_s && args.size() == 5) || (mode == u"check"_s && args.size() == 6)) {
        const Target target{QUrl(args.at(2)), args.at(3), args.at(4)};
        if (!target.url.isValid() || target.url.host().isEmpty())
            return usage();
        if (mode == u"write"_s)
            return QCoro::waitFor(write(target));
        return QCoro::waitFor(check(target, args.at(5)));
    }
    return usage();
}

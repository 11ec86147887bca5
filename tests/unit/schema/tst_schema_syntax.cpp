// SurqlSyntax (identifier and string quoting, durations, numbers) and FieldKind.

#include <surrealqt/schema/FieldKind.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtTest/QTest>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

class tst_SchemaSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoteIdentifier_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << u"person"_s << u"person"_s;
        QTest::newRow("underscore digits") << u"_a1_b2"_s << u"_a1_b2"_s;
        QTest::newRow("keyword") << u"select"_s << u"`select`"_s;
        QTest::newRow("keyword upper") << u"VALUE"_s << u"`VALUE`"_s;
        QTest::newRow("keyword mixed") << u"Tb"_s << u"`Tb`"_s;
        QTest::newRow("not reserved") << u"from"_s << u"from"_s;
        QTest::newRow("leading digit") << u"1abc"_s << u"`1abc`"_s;
        QTest::newRow("dash") << u"a-b"_s << u"`a-b`"_s;
        QTest::newRow("space") << u"a b"_s << u"`a b`"_s;
        QTest::newRow("backtick") << u"a`b"_s << u"`a\\`b`"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"`a\\\\b`"_s;
        QTest::newRow("newline tab") << u"a\nb\tc"_s << u"`a\\nb\\tc`"_s;
        QTest::newRow("nul") << QString(u"a"_s + QChar(u'\0') + u"b"_s) << u"`a\\0b`"_s;
        QTest::newRow("NaN") << u"NaN"_s << u"`NaN`"_s;
        QTest::newRow("Infinity") << u"Infinity"_s << u"`Infinity`"_s;
        QTest::newRow("empty") << QString() << u"``"_s;
        QTest::newRow("unicode") << u"ü"_s << u"`ü`"_s;
        QTest::newRow("angle") << u"x⟩y"_s << u"`x⟩y`"_s;
        QTest::newRow("injection")
            << u"t; REMOVE DATABASE x; --"_s << u"`t; REMOVE DATABASE x; --`"_s;
    }

    void quoteIdentifier()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(SurqlSyntax::quoteIdentifier(name), quoted);
    }

    void keywordFreeIdentifier()
    {
        QCOMPARE(SurqlSyntax::quoteKeywordFreeIdentifier(u"select"_s), u"select"_s);
        QCOMPARE(SurqlSyntax::quoteKeywordFreeIdentifier(u"a-b"_s), u"`a-b`"_s);
        QVERIFY(SurqlSyntax::isReservedKeyword(u"function"));
        QVERIFY(SurqlSyntax::isReservedKeyword(u"SEQUENCE"));
        QVERIFY(!SurqlSyntax::isReservedKeyword(u"person"));
        QVERIFY(!SurqlSyntax::isReservedKeyword(u"selects"));
    }

    // Whatever the name, the quoted form reads back as exactly that name, in one statement.
    void hostileIdentifiersRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names{u"`"_s,
                                u"``"_s,
                                u"\\"_s,
                                u"\\`"_s,
                                u"a`; REMOVE TABLE x; DEFINE TABLE `b"_s,
                                u"'; DROP --"_s,
                                u"\"quoted\""_s,
                                u"⟨x⟩"_s,
                                u"$param"_s,
                                u"a.b"_s,
                                u"a[*]"_s,
                                u"/* c */"_s,
                                u"# hash"_s,
                                u"-- dash"_s,
                                u"tab\tnew\nline\rret"_s,
                                u"\\u{8}"_s,
                                u"日本語"_s,
                                u"emoji 🎉"_s,
                                u"select"_s,
                                u"NONE"_s,
                                u"0"_s};
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void hostileIdentifiersRoundTrip()
    {
        QFETCH(QString, name);
        const QString quoted = SurqlSyntax::quoteIdentifier(name);
        SchemaParseError error;
        const auto schema
            = SchemaParser::parse(QString(u"DEFINE TABLE "_s + quoted + u" SCHEMAFULL"_s), &error);
        QVERIFY2(schema, qPrintable(quoted + u": "_s + error.message()));
        QCOMPARE(schema->tables.size(), 1);
        QCOMPARE(schema->tables.front().name, name);
        QVERIFY(schema->tables.front().schemafull);
        const auto field = SchemaParser::parse(QString(u"DEFINE FIELD "_s + quoted + u".x ON "_s
                                                       + quoted),
                                               &error);
        QVERIFY2(field, qPrintable(error.message()));
        QCOMPARE(field->tables.front().fields.front().path, (QStringList{name, u"x"_s}));
    }

    void quoteString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << u"hi"_s << u"'hi'"_s;
        QTest::newRow("single quote") << u"it's"_s << u"\"it's\""_s;
        QTest::newRow("double quote") << u"say \"hi\""_s << u"'say \"hi\"'"_s;
        QTest::newRow("both") << u"both ' and \""_s << u"\"both ' and \\\"\""_s;
        QTest::newRow("escapes") << u"a\\b\nc"_s << u"'a\\\\b\\nc'"_s;
    }

    void quoteString()
    {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(SurqlSyntax::quoteString(text), quoted);
        const auto schema = SchemaParser::parse(QString(u"DEFINE TABLE t COMMENT "_s + quoted));
        QVERIFY(schema);
        QCOMPARE(schema->tables.front().comment, text);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("90m") << u"90m"_s << u"1h30m"_s;
        QTest::newRow("10d") << u"10d"_s << u"1w3d"_s;
        QTest::newRow("30d") << u"30d"_s << u"4w2d"_s;
        QTest::newRow("365d") << u"365d"_s << u"1y"_s;
        QTest::newRow("1d12h") << u"1d12h"_s << u"1d12h"_s;
        QTest::newRow("1500ms") << u"1500ms"_s << u"1s500ms"_s;
        QTest::newRow("us") << u"1500us"_s << u"1ms500µs"_s;
        QTest::newRow("ns") << u"1001ns"_s << u"1µs1ns"_s;
        QTest::newRow("zero") << u"0s"_s << u"0ns"_s;
        QTest::newRow("mixed") << u"1y2w3d4h5m6s7ms8us9ns"_s << u"1y2w3d4h5m6s7ms8µs9ns"_s;
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QCOMPARE(SurqlSyntax::normalizeDuration(text), std::optional<QString>(canonical));
    }

    void invalidDurations()
    {
        for (const QString &bad :
             {u""_s, u"h"_s, u"1"_s, u"1x"_s, u"1.5h"_s, u"-1h"_s, u"99999999999999999999999y"_s})
            QVERIFY2(!SurqlSyntax::normalizeDuration(bad), qPrintable(bad));
    }

    void numbers()
    {
        QCOMPARE(SurqlSyntax::formatDouble(0.5), u"0.5"_s);
        QCOMPARE(SurqlSyntax::formatDouble(2.0), u"2"_s);
        QCOMPARE(SurqlSyntax::formatDouble(1.0 / std::log(12.0)), u"0.40242960438184466"_s);
        QCOMPARE(SurqlSyntax::formatDouble(1e-7), u"0.0000001"_s);
        QCOMPARE(SurqlSyntax::formatFloat(1.2f), u"1.2"_s);
        QCOMPARE(SurqlSyntax::formatFloat(0.75f), u"0.75"_s);
    }

    void kinds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("string") << u"string"_s << u"string"_s;
        QTest::newRow("option") << u"option<string>"_s << u"none | string"_s;
        QTest::newRow("nested") << u"option<array<record<user>>>"_s
                                << u"none | array<record<user>>"_s;
        QTest::newRow("option of either") << u"option<string | int>"_s << u"none | string | int"_s;
        QTest::newRow("either order kept") << u"string | int | none"_s << u"string | int | none"_s;
        QTest::newRow("duplicates") << u"string | string"_s << u"string"_s;
        QTest::newRow("array any") << u"array<any>"_s << u"array"_s;
        QTest::newRow("array size") << u"array<string,5>"_s << u"array<string, 5>"_s;
        QTest::newRow("set") << u"set<int>"_s << u"set<int>"_s;
        QTest::newRow("record") << u"record<a|b>"_s << u"record<a | b>"_s;
        QTest::newRow("record hostile") << u"record<`a-b`|select>"_s << u"record<`a-b` | select>"_s;
        QTest::newRow("table") << u"table<user | post>"_s << u"table<user | post>"_s;
        QTest::newRow("geometry") << u"geometry<Point|polygon>"_s << u"geometry<point | polygon>"_s;
        QTest::newRow("literal strings") << u"\"a\" | 'b'"_s << u"'a' | 'b'"_s;
        QTest::newRow("literal numbers") << u"1 | -2 | 1.5 | 2f"_s << u"1 | -2 |  1.5f |  2f"_s;
        QTest::newRow("literal durations") << u"90m | 1d"_s << u"1h30m | 1d"_s;
        QTest::newRow("literal bools") << u"true | false"_s << u"true | false"_s;
        QTest::newRow("literal object") << u"{ b: int, a: string, \"c d\": bool }"_s
                                        << u"{ a: string, b: int, \"c d\": bool }"_s;
        QTest::newRow("literal object empty") << u"{}"_s << u"{  }"_s;
        QTest::newRow("literal array") << u"[string, int]"_s << u"[string, int]"_s;
        QTest::newRow("case") << u"OPTION<STRING>"_s << u"none | string"_s;
    }

    void kinds()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString error;
        const auto kind = FieldKind::parse(text, &error);
        QVERIFY2(kind, qPrintable(error));
        QCOMPARE(kind->toString(), canonical);
        const auto again = FieldKind::parse(canonical, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(*again, *kind);
    }

    // The server prints a decimal literal type without its suffix (and so it reads back as a
    // float): the printer follows INFO.
    void decimalLiteralKind()
    {
        QCOMPARE(FieldKind::parse(u"1.5dec"_s)->toString(), u" 1.5"_s);
        QCOMPARE(FieldKind::parse(u" 1.5"_s)->toString(), u" 1.5f"_s);
    }

    void badKinds()
    {
        for (const QString &bad : {u""_s,
                                   u"array<"_s,
                                   u"option<>"_s,
                                   u"strin"_s,
                                   u"record<>"_s,
                                   u"geometry<square>"_s,
                                   u"string |"_s,
                                   u"array<int, x>"_s,
                                   u"{ a string }"_s,
                                   u"[int"_s,
                                   u"string int"_s}) {
            QString error;
            QVERIFY2(!FieldKind::parse(bad, &error), qPrintable(bad));
            QVERIFY(!error.isEmpty());
        }
        QString deep;
        for (int i = 0; i < 10000; ++i)
            deep += u"array<"_s;
        QVERIFY(!FieldKind::parse(deep));
    }

    void innerKinds()
    {
        const auto inner = [](const QString &text) {
            const auto kind = FieldKind::parse(text);
            const auto element = kind ? kind->innerKind() : std::nullopt;
            return element ? element->toString() : u"-"_s;
        };
        QCOMPARE(inner(u"array<int>"_s), u"int"_s);
        QCOMPARE(inner(u"option<array<record<user>>>"_s), u"record<user>"_s);
        QCOMPARE(inner(u"array<int> | array<string>"_s), u"int | string"_s);
        QCOMPARE(inner(u"array | array<int>"_s), u"any | int"_s);
        QCOMPARE(inner(u"set<array<int>>"_s), u"array<int>"_s);
        QCOMPARE(inner(u"string"_s), u"-"_s);
        QCOMPARE(inner(u"[string, int]"_s), u"-"_s);
        QVERIFY(FieldKind::parse(u"array"_s)->innerKind()->isAny());
        // An either of one `any` is not `any` itself: the server still defines `x.*`.
        QVERIFY(!FieldKind::parse(u"option<array>"_s)->innerKind()->isAny());
    }
};

QTEST_GUILESS_MAIN(tst_SchemaSyntax)
#include "tst_schema_syntax.moc"

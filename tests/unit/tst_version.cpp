#include <surrealqt/version.h>

#include <QtTest/QTest>

using namespace Qt::StringLiterals;

class tst_Version : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runtimeVersionMatchesProject();
    void compileTimeVersionMatchesProject();
};

void tst_Version::runtimeVersionMatchesProject()
{
    QCOMPARE(SurrealQt::versionString(), QStringLiteral(SURREALQT_TEST_PROJECT_VERSION));
    QCOMPARE(SurrealQt::versionString(),
             u"%1.%2.%3"_s.arg(SURREALQT_VERSION_MAJOR)
                 .arg(SURREALQT_VERSION_MINOR)
                 .arg(SURREALQT_VERSION_PATCH));
}

void tst_Version::compileTimeVersionMatchesProject()
{
    QCOMPARE(QLatin1StringView(SURREALQT_VERSION_STRING),
             QLatin1StringView(SURREALQT_TEST_PROJECT_VERSION));
    QCOMPARE(SURREALQT_VERSION_MAJOR, SURREALQT_TEST_PROJECT_VERSION_MAJOR);
    QCOMPARE(SURREALQT_VERSION_MINOR, SURREALQT_TEST_PROJECT_VERSION_MINOR);
    QCOMPARE(SURREALQT_VERSION_PATCH, SURREALQT_TEST_PROJECT_VERSION_PATCH);
    QCOMPARE(SURREALQT_VERSION,
             QT_VERSION_CHECK(SURREALQT_TEST_PROJECT_VERSION_MAJOR,
                              SURREALQT_TEST_PROJECT_VERSION_MINOR,
                              SURREALQT_TEST_PROJECT_VERSION_PATCH));
}

QTEST_GUILESS_MAIN(tst_Version)
#include "tst_version.moc"

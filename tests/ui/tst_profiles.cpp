// Connection profiles: secrets never reach the settings file, and "Test connection" against the
// fixture's dev server.

#include "../common/TestSupport.h"
#include "profiles/ConnectionDialog.h"
#include "profiles/ConnectionProfile.h"
#include "profiles/ProfileStore.h"
#include "profiles/SecretStore.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {
constexpr int TestTimeoutMs = 20000;
const QString Secret = u"s3cr3t-pässwörd 'quoted' \"double\" ⟩; 😀"_s;

ConnectionProfile fixtureProfile()
{
    ConnectionProfile profile;
    profile.name = u"Fixture ⟩ `server` 😀"_s;
    QUrl url = Test::serverUrl();
    url.setScheme(u"ws"_s);
    url.setPath(u"/rpc"_s);
    profile.url = url;
    profile.ns = u"profiles_ns"_s;
    profile.db = u"profiles_db"_s;
    profile.auth = ConnectionProfile::Auth::Root;
    profile.user = u"root"_s;
    profile.secret = u"root"_s;
    return profile;
}
} // namespace

class tst_Profiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretsStayOutOfSettings();
    void sandboxOptionsRoundTrip();
    void recordVariablesMustBeJson();
    void testConnectionSucceeds();
    void testConnectionReportsBadPassword();
    void testConnectionReportsBadUrl();

private:
    QTemporaryDir m_dir;
};

void tst_Profiles::secretsStayOutOfSettings()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"secrets.ini"_s);
    InMemorySecretStore secrets;
    ProfileStore store(&secrets, path);
    ConnectionProfile profile = fixtureProfile();
    profile.secret = Secret;
    const auto saved = Test::wait(store.save(profile));
    QVERIFY(saved);
    QCOMPARE(*saved, QString());
    QVERIFY(!profile.id.isEmpty());
    QCOMPARE(store.ids(), QStringList{profile.id});

    // The settings file has the profile but not the secret, in any encoding.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("profiles_ns"));
    QVERIFY(!text.contains("s3cr3t"));
    QVERIFY(!text.contains(Secret.toUtf8()));
    QVERIFY(!text.contains(Secret.toUtf8().toPercentEncoding()));
    QCOMPARE(secrets.secrets().value(ProfileStore::secretKey(profile.id)), Secret);

    // Reading the profile back joins the secret again.
    QCOMPARE(store.profile(profile.id).secret, QString());
    const auto loaded = Test::wait(store.load(profile.id));
    QVERIFY(loaded);
    QCOMPARE(loaded->secret, Secret);
    QCOMPARE(loaded->name, profile.name);
    QCOMPARE(loaded->url, profile.url);

    // Removing the profile removes its secret.
    QVERIFY(Test::wait(store.remove(profile.id)));
    QVERIFY(store.ids().isEmpty());
    QVERIFY(secrets.secrets().isEmpty());
}

void tst_Profiles::sandboxOptionsRoundTrip()
{
    InMemorySecretStore secrets;
    ProfileStore store(&secrets, m_dir.filePath(u"sandbox.ini"_s));
    ConnectionProfile profile = fixtureProfile();
    profile.sandbox = ConnectionProfile::SandboxServer::SurrealBinary;
    profile.surrealBinary = u"/opt/surreal/bin/surreal"_s;
    profile.storage = ConnectionProfile::Storage::SurrealKv;
    profile.storagePath = u"/tmp/data ⟩"_s;
    profile.port = 18001;
    QVERIFY(Test::wait(store.save(profile)));
    const ConnectionProfile back = store.profile(profile.id);
    QCOMPARE(back.sandbox, ConnectionProfile::SandboxServer::SurrealBinary);
    QCOMPARE(back.surrealBinary, profile.surrealBinary);
    QCOMPARE(back.storage, ConnectionProfile::Storage::SurrealKv);
    QCOMPARE(back.storagePath, profile.storagePath);
    QCOMPARE(back.port, 18001);

    // The dialog shows and returns the same profile.
    ConnectionDialog dialog;
    profile.secret = Secret;
    dialog.setProfile(profile);
    const ConnectionProfile edited = dialog.profile();
    QCOMPARE(edited.id, profile.id);
    QCOMPARE(edited.secret, Secret);
    QCOMPARE(edited.storagePath, profile.storagePath);
    QCOMPARE(edited.port, profile.port);
    QCOMPARE(edited.auth, ConnectionProfile::Auth::Root);
}

void tst_Profiles::recordVariablesMustBeJson()
{
    ConnectionProfile profile = fixtureProfile();
    profile.auth = ConnectionProfile::Auth::Record;
    profile.access = u"account"_s;
    profile.secret = u"{ not json"_s;
    QString error;
    profile.credentials(&error);
    QVERIFY(!error.isEmpty());
    profile.secret = uR"({"email": "a@b.c", "pass": "x"})"_s;
    error.clear();
    const Credentials credentials = profile.credentials(&error);
    QVERIFY(error.isEmpty());
    QCOMPARE(credentials.level(), Credentials::Level::Record);

    ConnectionDialog dialog;
    profile.secret = u"[1, 2]"_s;
    dialog.setProfile(profile);
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QCOMPARE(tested.size(), 1);
    QCOMPARE(tested.constFirst().constFirst().toBool(), false);
    QVERIFY(dialog.testResult().contains(u"JSON"_s));
}

void tst_Profiles::testConnectionSucceeds()
{
    ConnectionDialog dialog;
    dialog.setProfile(fixtureProfile());
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(TestTimeoutMs));
    QVERIFY2(tested.constFirst().constFirst().toBool(), qPrintable(dialog.testResult()));
    QVERIFY(dialog.testResult().contains(u"profiles_ns"_s));
}

void tst_Profiles::testConnectionReportsBadPassword()
{
    ConnectionDialog dialog;
    ConnectionProfile profile = fixtureProfile();
    profile.secret = Secret;
    dialog.setProfile(profile);
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(TestTimeoutMs));
    QCOMPARE(tested.constFirst().constFirst().toBool(), false);
    QVERIFY(!dialog.testResult().isEmpty());
    QVERIFY(!dialog.testResult().contains(Secret));
}

void tst_Profiles::testConnectionReportsBadUrl()
{
    ConnectionDialog dialog;
    ConnectionProfile profile = fixtureProfile();
    profile.url = QUrl(u"not a url"_s);
    dialog.setProfile(profile);
    QSignalSpy tested(&dialog, &ConnectionDialog::tested);
    dialog.testConnection();
    QCOMPARE(tested.size(), 1);
    QCOMPARE(tested.constFirst().constFirst().toBool(), false);

    // A port where nothing listens: a connection error, not a hang.
    profile.url = QUrl(u"ws://127.0.0.1:1/rpc"_s);
    dialog.setProfile(profile);
    dialog.testConnection();
    QVERIFY(tested.wait(TestTimeoutMs));
    QCOMPARE(tested.at(1).constFirst().toBool(), false);
    QVERIFY(!dialog.testResult().isEmpty());
}

QTEST_MAIN(tst_Profiles)
#include "tst_profiles.moc"

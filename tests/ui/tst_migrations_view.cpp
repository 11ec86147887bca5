// The Studio's migrations tab against the dev server: the states of a folder's migrations, the
// preview of one before anything runs (operations, the exact transactions, the schema before
// and after), Apply with the table really changed, Roll back after asking (Cancel keeps
// everything), a failing migration that leaves schema and history as they were, and a folder
// with a broken file that changes nothing shown.

#include "../common/TestSupport.h"
#include "MainWindow.h"
#include "console/ConsoleEditor.h"
#include "migrations/MigrationPreview.h"
#include "migrations/MigrationsView.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/migrations/Migration.h>
#include <surrealqt/migrations/SchemaDiff.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTreeWidget>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {
constexpr int TimeoutMs = 30000;
const QString Table = u"odd ⟩ `book`; 😀"_s;

// Writes `NNNN_name` turning the schema `from` into `to` (DEFINE text, or empty).
bool writeMigration(const QString &directory,
                    const QString &name,
                    const QStringList &dependencies,
                    const QString &from,
                    const QString &to)
{
    const auto before = from.isEmpty() ? std::optional<Schema>(Schema())
                                       : SchemaParser::parse(from);
    const auto after = SchemaParser::parse(to);
    if (!before || !after)
        return false;
    Migration migration;
    migration.name = name;
    migration.dependencies = dependencies;
    migration.operations = SchemaDiff::diff(*before, *after);
    return migration.writeTo(directory);
}

QStringList states(const MigrationsView &view)
{
    QStringList list;
    for (int row = 0; row < view.migrationList()->topLevelItemCount(); ++row)
        list.append(view.migrationList()->topLevelItem(row)->text(1));
    return list;
}

QMessageBox *waitForMessageBox(QWidget *parent)
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (box = parent->findChild<QMessageBox *>()) && box->isVisible(); }, TimeoutMs);
    return shown ? box : nullptr;
}
} // namespace

class tst_MigrationsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Test::serverUrl().isValid(), "no dev server fixture");
        QVERIFY(m_dir.isValid());
        ConnectionOptions options;
        QUrl url = Test::serverUrl();
        url.setScheme(u"ws"_s);
        url.setPath(u"/rpc"_s);
        options.endpoint = url;
        m_connection = std::make_unique<WebSocketConnection>(options);
        QVERIFY(Test::wait(m_connection->open()).value_or(Result<bool>()).isOk());
        QVERIFY(Test::wait(m_connection->signin(Credentials::root(u"root"_s, u"root"_s)))
                    .value_or(Result<QString>())
                    .isOk());
        const QString db = u"migrations view %1"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(Test::wait(m_connection->use(u"studio ⟩ ns"_s, db))
                    .value_or(Result<QCborValue>())
                    .isOk());

        const QString table = SurqlSyntax::quoteIdentifier(Table);
        m_first = u"DEFINE TABLE %1 SCHEMAFULL; DEFINE FIELD title ON %1 TYPE string;"_s.arg(table);
        m_second = m_first + u"DEFINE FIELD pages ON %1 TYPE int DEFAULT 0;"_s.arg(table);
        QVERIFY(writeMigration(m_dir.path(), u"0001_books"_s, {}, {}, m_first));
        QVERIFY(writeMigration(m_dir.path(), u"0002_pages"_s, {u"0001_books"_s}, m_first, m_second));
    }

    void previewApplyAndRollBack()
    {
        MigrationsView view(m_connection.get(), m_dir.path(), u"the test database"_s);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        QVERIFY(refreshed.wait(TimeoutMs));
        QCOMPARE(states(view), (QStringList{u"pending"_s, u"pending"_s}));
        QVERIFY2(view.statusText().contains(u"2 pending"_s), qPrintable(view.statusText()));
        QCOMPARE(view.applyButton()->text(), u"Apply up to 0001_books (1)"_s);
        QVERIFY(!view.rollBackButton()->isEnabled());

        // The preview of 0002, before anything runs.
        view.selectMigration(u"0002_pages"_s);
        MigrationPreview *preview = view.preview();
        QCOMPARE(preview->operations()->topLevelItemCount(), 1);
        QCOMPARE(preview->operations()->topLevelItem(0)->text(0), u"AddField"_s);
        QCOMPARE(preview->operations()->topLevelItem(0)->text(1), Table);
        const QString script = preview->script()->text();
        QVERIFY2(script.contains(u"BEGIN TRANSACTION"_s) && script.contains(u"DEFINE FIELD pages"_s)
                     && script.contains(u"REMOVE FIELD pages"_s),
                 qPrintable(script));
        QVERIFY(!preview->schemaBefore()->text().contains(u"pages"_s));
        QVERIFY(preview->schemaAfter()->text().contains(u"DEFINE FIELD pages"_s));
        QVERIFY(preview->schemaBefore()->text().contains(u"DEFINE FIELD title"_s));
        // Only the new field's line is marked as added.
        ConsoleEditor *after = preview->schemaAfter();
        for (int line = 0; line < after->lines(); ++line) {
            const bool added = after->text(line).contains(u"FIELD pages"_s);
            QCOMPARE(after->markersAtLine(line) != 0, added);
        }
        for (int line = 0; line < preview->schemaBefore()->lines(); ++line)
            QCOMPARE(preview->schemaBefore()->markersAtLine(line), 0u);
        QCOMPARE(liveFields(), QStringList{u"<no table>"_s}); // the preview ran nothing

        if (const QString dir = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR"); !dir.isEmpty()) {
            view.resize(1100, 600);
            view.show();
            preview->setCurrentIndex(1);
            QTest::qWait(200);
            QVERIFY(view.grab().save(QDir(dir).filePath(u"studio-migrations.png"_s)));
            preview->setCurrentIndex(2);
            QTest::qWait(100);
            QVERIFY(view.grab().save(QDir(dir).filePath(u"studio-migrations-schema.png"_s)));
            preview->setCurrentIndex(0);
        }

        // Apply up to the selection (both), and the table really has both fields.
        QCOMPARE(view.applyButton()->text(), u"Apply up to 0002_pages (2)"_s);
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        view.applyButton()->click();
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(states(view),
                                  (QStringList{u"applied"_s, u"applied"_s}),
                                  TimeoutMs);
        QVERIFY2(view.statusText().startsWith(u"Applied 2 migration(s)."_s),
                 qPrintable(view.statusText()));
        QCOMPARE(liveFields(), (QStringList{u"pages"_s, u"title"_s}));
        QVERIFY(!view.applyButton()->isEnabled());

        // Roll back 0002: Cancel first keeps everything.
        view.selectMigration(u"0002_pages"_s);
        QCOMPARE(view.rollBackButton()->text(), u"Roll back 0002_pages and later"_s);
        view.rollBackButton()->click();
        QPointer<QMessageBox> box = waitForMessageBox(&view);
        QVERIFY(box);
        QVERIFY(box->text().contains(u"0002_pages"_s) && !box->text().contains(u"0001_books"_s));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!box, TimeoutMs);
        QCOMPARE(liveFields(), (QStringList{u"pages"_s, u"title"_s}));

        view.rollBackButton()->click();
        box = waitForMessageBox(&view);
        QVERIFY(box);
        finished.clear();
        box->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(states(view),
                                  (QStringList{u"applied"_s, u"pending"_s}),
                                  TimeoutMs);
        QCOMPARE(liveFields(), QStringList{u"title"_s});
    }

    void aFailingMigrationLosesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(
            QFile::copy(m_dir.filePath(u"0001_books.json"_s), dir.filePath(u"0001_books.json"_s)));
        QVERIFY(
            QFile::copy(m_dir.filePath(u"0002_pages.json"_s), dir.filePath(u"0002_pages.json"_s)));
        // 0003 defines a field and then fails: its transaction takes the field back.
        Migration bad;
        bad.name = u"0003_bad"_s;
        bad.dependencies = {u"0002_pages"_s};
        bad.operations.append(SchemaOperation::runSurql(
            u"DEFINE FIELD isbn ON %1 TYPE string; THROW 'no ⟩ isbns; today'"_s.arg(
                SurqlSyntax::quoteIdentifier(Table)),
            u"REMOVE FIELD isbn ON %1"_s.arg(SurqlSyntax::quoteIdentifier(Table))));
        QVERIFY(bad.writeTo(dir.path()));

        MigrationsView view(m_connection.get(), dir.path(), u"the test database"_s);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        QVERIFY(refreshed.wait(TimeoutMs));
        QCOMPARE(states(view), (QStringList{u"applied"_s, u"pending"_s, u"pending"_s}));
        view.migrationList()->clearSelection();
        view.migrationList()->setCurrentItem(nullptr);
        QCOMPARE(view.applyButton()->text(), u"Apply all pending (2)"_s);
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        view.applyButton()->click();
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(finished.first().first().toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(states(view),
                                  (QStringList{u"applied"_s, u"applied"_s, u"pending"_s}),
                                  TimeoutMs);
        QVERIFY2(view.statusText().contains(u"Applying failed"_s)
                     && view.statusText().contains(u"no ⟩ isbns; today"_s),
                 qPrintable(view.statusText()));
        QCOMPARE(liveFields(), (QStringList{u"pages"_s, u"title"_s}));

        // Back to where the other test expects it.
        view.selectMigration(u"0002_pages"_s);
        view.rollBackButton()->click();
        QMessageBox *box = waitForMessageBox(&view);
        QVERIFY(box);
        finished.clear();
        box->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(liveFields(), QStringList{u"title"_s});
    }

    void aBrokenFolderChangesNothingShown()
    {
        QTemporaryDir dir;
        QVERIFY(
            QFile::copy(m_dir.filePath(u"0001_books.json"_s), dir.filePath(u"0001_books.json"_s)));
        MigrationsView view(m_connection.get(), dir.path(), u"the test database"_s);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        QVERIFY(refreshed.wait(TimeoutMs));
        QCOMPARE(states(view), QStringList{u"applied"_s});

        QFile broken(dir.filePath(u"0002_broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        view.refresh();
        QCOMPARE(refreshed.size(), 2); // a folder is read at once; only the history waits
        QVERIFY2(view.statusText().contains(u"Cannot read the migrations"_s)
                     && view.statusText().contains(u"0002_broken.json"_s),
                 qPrintable(view.statusText()));
        QCOMPARE(states(view), QStringList{u"applied"_s});
        QVERIFY(view.preview()->script()->text().contains(u"0001_books"_s));
    }

    void cancelStopsBeforeTheNextMigration()
    {
        MigrationsView view(m_connection.get(), m_dir.path(), u"the test database"_s);
        QSignalSpy refreshed(&view, &MigrationsView::refreshed);
        QVERIFY(refreshed.wait(TimeoutMs));
        QCOMPARE(states(view), (QStringList{u"applied"_s, u"pending"_s}));
        view.migrationList()->setCurrentItem(nullptr);
        QSignalSpy finished(&view, &MigrationsView::runFinished);
        view.applyButton()->click();
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(!view.applyButton()->isEnabled() && !view.rollBackButton()->isEnabled());
        view.cancelButton()->click(); // before the run reaches its first migration
        QVERIFY(finished.wait(TimeoutMs));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(u"Cancelled before the next one."_s),
                                 TimeoutMs);
        QCOMPARE(states(view), (QStringList{u"applied"_s, u"pending"_s}));
        QCOMPARE(liveFields(), QStringList{u"title"_s});
        QVERIFY(!view.cancelButton()->isEnabled());
    }

    void aClosedConnectionIsReported()
    {
        auto connection = std::make_unique<WebSocketConnection>(ConnectionOptions());
        MigrationsView view(connection.get(), m_dir.path(), u"nowhere"_s);
        connection.reset();
        view.refresh();
        QCOMPARE(view.statusText(), u"The connection is closed."_s);
        QVERIFY(view.migrationList()->topLevelItemCount() == 0);
    }

    void openedFromTheMainWindow()
    {
        MainWindow window(MainWindow::SandboxMode::Disabled);
        // No sandbox: the tab needs an open connection and says so.
        QVERIFY(!window.openMigrations(m_dir.path()));
        QVERIFY(window.profileStatusText().contains(u"Connect first"_s));
    }

private:
    // The fields of the table, from the server, sorted.
    QStringList liveFields()
    {
        const auto info = Test::wait(
            m_connection->query(u"INFO FOR TABLE "_s + SurqlSyntax::quoteIdentifier(Table) + u';'));
        if (!info || !info->isOk() || !(*info)->isOk())
            return {u"<no table>"_s};
        QStringList fields;
        const QCborMap map
            = (*info)->statements().first().result().toMap().value(u"fields"_s).toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            fields.append(it.key().toString());
        fields.sort();
        return fields.isEmpty() ? QStringList{u"<no table>"_s} : fields;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<WebSocketConnection> m_connection;
    QString m_first;
    QString m_second;
};

QTEST_MAIN(tst_MigrationsView)
#include "tst_migrations_view.moc"

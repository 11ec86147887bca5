#pragma once

#include <surrealqt/migrations/MigrationSet.h>
#include <surrealqt/migrations/MigrationStatus.h>

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace SurrealQt {

class Connection;
class MigrationExecutor;
class MigrationPreview;

// The migrations of one folder against one connection's database: each migration's state
// (pending, applied, changed since applied, applied without a file), a preview of the selected
// one, and Apply / Roll back with progress and Cancel. The same engine as `surrealqt migrate`
// and `surrealqt rollback` (MigrationExecutor): each migration is one transaction, so a failure
// leaves schema, data and history as they were.
//
// Apply runs the pending migrations up to the selected one (all when the selection is not
// pending). Roll back undoes the selected applied migration and every later one, after asking.
class MigrationsView : public QWidget
{
    Q_OBJECT

public:
    // `target` names the connection and database for people ("the sandbox, demo/demo").
    MigrationsView(Connection *connection,
                   QString directory,
                   const QString &target,
                   QWidget *parent = nullptr);
    ~MigrationsView() override;

    MigrationsView(const MigrationsView &) = delete;
    MigrationsView &operator=(const MigrationsView &) = delete;

    QString directory() const { return m_directory; }
    QTreeWidget *migrationList() const { return m_list; }
    MigrationPreview *preview() const { return m_preview; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *rollBackButton() const { return m_rollBack; }
    QPushButton *cancelButton() const { return m_cancel; }
    // The last outcome or error, as shown above the list.
    QString statusText() const;
    bool isRunning() const { return m_executor != nullptr; }
    // Selects the migration with this name in the list.
    void selectMigration(const QString &name);

public Q_SLOTS:
    // Reads the folder and the history table again.
    void refresh();
    // Asks when an operation to apply is destructive, then applies.
    void apply();
    // Asks, then rolls back the selected migration and the later ones.
    void rollBack();
    void cancel();

Q_SIGNALS:
    void refreshed();
    void runFinished(bool ok);
    void logLine(const QString &line);

private:
    void showEntries();
    void updateActions();
    void showSelected();
    const MigrationStatus::Entry *selectedEntry() const;
    QString applyTarget() const;
    QStringList toApply() const;
    void run(bool rollback, const QString &target);
    void showStatus(const QString &text, bool error = false);

    QPointer<Connection> m_connection;
    QString m_directory;
    MigrationSet m_set;
    QList<MigrationStatus::Entry> m_entries;
    QLabel *m_header = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_list = nullptr;
    MigrationPreview *m_preview = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_rollBack = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    MigrationExecutor *m_executor = nullptr;
    quint64 m_generation = 0; // drops history replies that a newer refresh replaced
    QString m_outcome;        // what the last run did, or why it failed
    bool m_outcomeIsError = false;
};

} // namespace SurrealQt

#include "migrations/MigrationsView.h"

#include "common/Confirmation.h"
#include "common/StatusText.h"
#include "migrations/MigrationPreview.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/migrations/MigrationExecutor.h>
#include <surrealqt/migrations/MigrationHistory.h>

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

enum Column { NameColumn, StateColumn, AppliedColumn, OperationsColumn };

const QColor kErrorColor(0xb0, 0x00, 0x20);

QString stateText(MigrationStatus::State state)
{
    switch (state) {
    case MigrationStatus::State::Pending:
        return MigrationsView::tr("pending");
    case MigrationStatus::State::Applied:
        return MigrationsView::tr("applied");
    case MigrationStatus::State::Changed:
        return MigrationsView::tr("applied, file changed since");
    case MigrationStatus::State::Orphaned:
        return MigrationsView::tr("applied, no file");
    }
    return {};
}

bool isApplied(MigrationStatus::State state)
{
    return state == MigrationStatus::State::Applied || state == MigrationStatus::State::Changed;
}

} // namespace

MigrationsView::MigrationsView(Connection *connection,
                               QString directory,
                               const QString &target,
                               QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_directory(std::move(directory))
    , m_header(new QLabel(this))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_preview(new MigrationPreview(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_apply(new QPushButton(this))
    , m_rollBack(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
{
    m_header->setText(tr("Migrations in %1, on %2").arg(m_directory, target));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"migrationStatus"_s);
    m_status->setWordWrap(true);
    m_list->setObjectName(u"migrationList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Migration"), tr("State"), tr("Applied at"), tr("Operations")});
    m_list->header()->setStretchLastSection(false);
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_refresh, m_apply, m_rollBack, m_cancel})
        buttons->addWidget(button);
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(m_preview);
    split->setStretchFactor(1, 2);
    split->setSizes({380, 720});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_refresh, &QPushButton::clicked, this, &MigrationsView::refresh);
    connect(m_apply, &QPushButton::clicked, this, &MigrationsView::apply);
    connect(m_rollBack, &QPushButton::clicked, this, &MigrationsView::rollBack);
    connect(m_cancel, &QPushButton::clicked, this, &MigrationsView::cancel);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        showSelected();
        updateActions();
    });
    refresh();
}

MigrationsView::~MigrationsView()
{
    if (m_executor)
        m_executor->cancel(); // the migration running finishes as a whole on the server
}

QString MigrationsView::statusText() const
{
    return m_status->text();
}

void MigrationsView::showStatus(const QString &text, bool error)
{
    showStatusText(m_status, text, error);
}

void MigrationsView::refresh()
{
    QString error;
    std::optional<MigrationSet> set = MigrationSet::load(m_directory, &error);
    if (!set) {
        // An unreadable or broken folder changes nothing already shown.
        showStatus(tr("Cannot read the migrations: %1").arg(error), true);
        Q_EMIT refreshed();
        return;
    }
    m_set = std::move(*set);
    if (!m_connection) {
        showStatus(tr("The connection is closed."), true);
        Q_EMIT refreshed();
        return;
    }
    const quint64 generation = ++m_generation;
    m_refresh->setEnabled(false);
    MigrationHistory::read(m_connection)
        .then(this, [this, generation](const Result<QList<MigrationHistory::Entry>> &history) {
            if (generation != m_generation)
                return;
            m_refresh->setEnabled(!isRunning());
            if (!history) {
                showStatus(tr("Cannot read the migration history: %1").arg(history.error().message()),
                           true);
            } else {
                m_entries = MigrationStatus::compare(m_set, history.value());
                showEntries();
            }
            Q_EMIT refreshed();
        });
}

void MigrationsView::showEntries()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->text(NameColumn)
                                                   : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    qsizetype pending = 0;
    for (const MigrationStatus::Entry &entry : std::as_const(m_entries)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, entry.name);
        item->setText(StateColumn, stateText(entry.state));
        item->setText(AppliedColumn, entry.appliedAt);
        if (entry.index >= 0) {
            item->setText(OperationsColumn,
                          QString::number(m_set.migrations().at(entry.index).operations.size()));
        }
        if (entry.state == MigrationStatus::State::Changed
            || entry.state == MigrationStatus::State::Orphaned) {
            item->setForeground(StateColumn, kErrorColor);
        }
        if (entry.state == MigrationStatus::State::Pending)
            ++pending;
        if (entry.name == selected)
            m_list->setCurrentItem(item);
    }
    for (int column = NameColumn; column <= OperationsColumn; ++column)
        m_list->resizeColumnToContents(column);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    // The last run's outcome stays in front of the count until the next run.
    const QString count = m_entries.isEmpty()
                              ? tr("No migrations in this folder yet.")
                              : tr("%n pending migration(s).", nullptr, int(pending));
    showStatus(m_outcome.isEmpty() ? count : m_outcome + u' ' + count, m_outcomeIsError);
    showSelected();
    updateActions();
}

const MigrationStatus::Entry *MigrationsView::selectedEntry() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

void MigrationsView::selectMigration(const QString &name)
{
    const QList<QTreeWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly, NameColumn);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void MigrationsView::showSelected()
{
    const MigrationStatus::Entry *entry = selectedEntry();
    m_preview->showMigration(m_set, entry ? entry->index : -1);
}

// The pending migration selected, or empty for all pending.
QString MigrationsView::applyTarget() const
{
    const MigrationStatus::Entry *entry = selectedEntry();
    return entry && entry->state == MigrationStatus::State::Pending ? entry->name : QString();
}

QStringList MigrationsView::toApply() const
{
    const QString target = applyTarget();
    QStringList names;
    for (const MigrationStatus::Entry &entry : m_entries) {
        if (entry.state != MigrationStatus::State::Pending)
            continue;
        names.append(entry.name);
        if (entry.name == target)
            break;
    }
    return names;
}

void MigrationsView::updateActions()
{
    const bool idle = !isRunning();
    const QStringList pending = toApply();
    m_apply->setText(applyTarget().isEmpty()
                         ? tr("Apply all pending (%1)").arg(pending.size())
                         : tr("Apply up to %1 (%2)").arg(applyTarget()).arg(pending.size()));
    m_apply->setEnabled(idle && !pending.isEmpty());
    const MigrationStatus::Entry *entry = selectedEntry();
    const bool canRollBack = entry && entry->index >= 0 && isApplied(entry->state);
    m_rollBack->setText(canRollBack ? tr("Roll back %1 and later").arg(entry->name)
                                    : tr("Roll back"));
    m_rollBack->setEnabled(idle && canRollBack);
    m_refresh->setEnabled(idle);
    m_cancel->setEnabled(!idle);
}

void MigrationsView::apply()
{
    const QStringList names = toApply();
    if (names.isEmpty() || isRunning())
        return;
    QStringList destructive;
    for (const QString &name : names) {
        for (const SchemaOperation &operation :
             m_set.migrations().at(m_set.indexOf(name)).operations) {
            if (operation.destructive)
                destructive.append(u"%1: %2"_s.arg(name, operation.reason));
        }
    }
    const QString target = applyTarget();
    if (destructive.isEmpty()) {
        run(false, target);
        return;
    }
    confirmThen(this,
                QMessageBox::Warning,
                tr("Apply migrations"),
                tr("These operations can lose data:\n%1\n\nApply?").arg(destructive.join(u'\n')),
                [this, target] { run(false, target); });
}

void MigrationsView::rollBack()
{
    const MigrationStatus::Entry *entry = selectedEntry();
    if (!entry || entry->index < 0 || !isApplied(entry->state) || isRunning())
        return;
    // The executor rolls back what comes after its target: the migration before the selection.
    const QString target = entry->index == 0 ? u"zero"_s
                                             : m_set.migrations().at(entry->index - 1).name;
    QStringList undone;
    for (const MigrationStatus::Entry &later : std::as_const(m_entries)) {
        if (later.index >= entry->index && isApplied(later.state))
            undone.prepend(later.name);
    }
    confirmThen(this,
                QMessageBox::Question,
                tr("Roll back migrations"),
                tr("Roll back, last first:\n%1\n\nEach runs the backward SurrealQL shown under "
                   "SurrealQL; data in the fields and tables it removes is lost.")
                    .arg(undone.join(u'\n')),
                [this, target] { run(true, target); });
}

void MigrationsView::cancel()
{
    if (!m_executor)
        return;
    m_executor->cancel();
    showStatus(tr("Cancelling after the migration that is running…"));
}

void MigrationsView::run(bool rollback, const QString &target)
{
    if (!m_connection) {
        showStatus(tr("The connection is closed."), true);
        return;
    }
    m_executor = new MigrationExecutor(m_connection, this);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    updateActions();
    connect(m_executor, &MigrationExecutor::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_executor,
            &MigrationExecutor::migrationStarted,
            this,
            [this, rollback](const QString &name) {
                showStatus(rollback ? tr("Rolling back %1…").arg(name)
                                    : tr("Applying %1…").arg(name));
            });
    connect(m_executor,
            &MigrationExecutor::migrationFinished,
            this,
            [this, rollback](const QString &name) {
                Q_EMIT logLine(rollback ? tr("Rolled back %1.").arg(name)
                                        : tr("Applied %1.").arg(name));
            });
    connect(m_executor, &MigrationExecutor::warning, this, &MigrationsView::logLine);
    const auto finished = [this, rollback](const Result<MigrationRun> &result) {
        m_executor->deleteLater();
        m_executor = nullptr;
        m_progress->setVisible(false);
        updateActions(); // Cancel off at once, not when the refreshed history arrives
        m_outcomeIsError = !result;
        if (!result) {
            m_outcome = (rollback ? tr("The rollback failed: %1") : tr("Applying failed: %1"))
                            .arg(result.error().message());
            Q_EMIT logLine(m_outcome);
        } else {
            const qsizetype count = result->migrations.size();
            m_outcome = rollback ? tr("Rolled back %n migration(s).", nullptr, int(count))
                                 : tr("Applied %n migration(s).", nullptr, int(count));
            if (result->cancelled)
                m_outcome += u' ' + tr("Cancelled before the next one.");
        }
        showStatus(m_outcome, m_outcomeIsError);
        refresh();
        Q_EMIT runFinished(result.isOk());
    };
    if (rollback) {
        m_executor->rollback(m_set, target).then(this, finished);
    } else {
        m_executor->migrate(m_set, target).then(this, finished);
    }
}

} // namespace SurrealQt

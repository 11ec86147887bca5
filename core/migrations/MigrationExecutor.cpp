#include "MigrationExecutor.h"

#include "MigrationScript.h"

#include <surrealqt/client/Connection.h>

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>

#include <QtCore/QPromise>

#include <memory>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

using RunResult = Result<MigrationExecutor::Run>;
using RunPromise = std::shared_ptr<QPromise<RunResult>>;

RpcError usage(const QString &message)
{
    return RpcError(RpcError::Kind::Validation, message);
}

QStringList checksumWarnings(const MigrationSet &set, const QList<MigrationHistory::Entry> &applied)
{
    QStringList out;
    for (const MigrationHistory::Entry &entry : applied) {
        const qsizetype index = set.indexOf(entry.name);
        if (index >= 0 && set.migrations().at(index).checksum() != entry.checksum) {
            out.append(u"%1 was changed after it was applied (checksum %2, applied %3)"_s
                           .arg(set.migrations().at(index).fileName,
                                set.migrations().at(index).checksum().left(12),
                                entry.checksum.left(12)));
        }
    }
    return out;
}

bool isApplied(const QList<MigrationHistory::Entry> &applied, const QString &name)
{
    return std::any_of(applied.begin(), applied.end(), [&](const auto &e) {
        return e.name == name;
    });
}

} // namespace

MigrationExecutor::MigrationExecutor(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{}

namespace {

struct Step
{
    Migration migration;
    MigrationScript::Direction direction;
};

// Runs the steps one transaction each; fills the promise.
QCoro::Task<> runSteps(QPointer<MigrationExecutor> executor,
                       QPointer<Connection> connection,
                       QList<Step> steps,
                       MigrationExecutor::Options options,
                       std::atomic_bool *cancelled,
                       MigrationExecutor::Run run,
                       RunPromise promise)
{
    const auto finish = [&](RunResult result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    const int total = int(steps.size());
    for (int i = 0; i < total; ++i) {
        if (!executor || !connection) {
            finish(RpcError(RpcError::Kind::ConnectionLost, u"the connection was destroyed"_s));
            co_return;
        }
        if (*cancelled) {
            run.cancelled = true;
            break;
        }
        const Step &step = steps.at(i);
        const Migration &migration = step.migration;
        Q_EMIT executor->migrationStarted(migration.name);
        Q_EMIT executor->progress(i, total, migration.name);
        const bool forward = step.direction == MigrationScript::Direction::Forward;
        QString surql;
        if (options.fake) {
            surql = forward ? MigrationHistory::recordStatement()
                            : MigrationHistory::forgetStatement();
        } else {
            surql = MigrationScript::transaction(migration, step.direction);
        }
        if (options.dryRun) {
            run.surql += u"-- "_s + (forward ? u"migrate "_s : u"rollback "_s) + migration.name
                         + u'\n' + surql;
        } else {
            const Result<QueryResponse> reply
                = co_await connection->query(surql,
                                             MigrationHistory::variables(migration.name,
                                                                         migration.checksum()));
            if (!reply) {
                finish(RpcError(reply.error().kind(),
                                migration.name + u": "_s + reply.error().message()));
                co_return;
            }
            if (const RpcError error = MigrationScript::failure(reply.value()); error.isError()) {
                finish(RpcError(error.kind(),
                                migration.name + u": "_s + error.message()
                                    + u" (nothing of this migration was applied)"_s));
                co_return;
            }
        }
        run.migrations.append(migration.name);
        if (executor) {
            Q_EMIT executor->migrationFinished(migration.name);
            Q_EMIT executor->progress(i + 1, total, migration.name);
        }
    }
    finish(run);
}

QCoro::Task<> plan(QPointer<MigrationExecutor> executor,
                   QPointer<Connection> connection,
                   MigrationSet set,
                   QString target,
                   bool rollback,
                   MigrationExecutor::Options options,
                   std::atomic_bool *cancelled,
                   RunPromise promise)
{
    const auto fail = [&](const RpcError &error) {
        promise->addResult(error);
        promise->finish();
    };
    if (!connection) {
        fail(RpcError(RpcError::Kind::Internal, u"no connection"_s));
        co_return;
    }
    const Result<QList<MigrationHistory::Entry>> history = co_await MigrationHistory::read(
        connection);
    if (!history) {
        fail(history.error());
        co_return;
    }
    const QList<MigrationHistory::Entry> &applied = history.value();
    for (const MigrationHistory::Entry &entry : applied) {
        if (set.indexOf(entry.name) < 0) {
            fail(usage(
                u"the database has applied %1, which has no file in %2"_s.arg(entry.name,
                                                                              set.directory())));
            co_return;
        }
    }
    MigrationExecutor::Run run;
    run.warnings = checksumWarnings(set, applied);
    if (executor) {
        for (const QString &warning : run.warnings)
            Q_EMIT executor->warning(warning);
    }
    const QList<Migration> &all = set.migrations();
    qsizetype targetIndex = all.size() - 1;
    if (rollback && target == u"zero") {
        targetIndex = -1;
    } else if (!target.isEmpty()) {
        targetIndex = set.indexOf(target);
        if (targetIndex < 0) {
            fail(usage(u"no migration named %1 in %2"_s.arg(target, set.directory())));
            co_return;
        }
    }
    QList<Step> steps;
    if (rollback) {
        for (qsizetype i = all.size() - 1; i > targetIndex; --i) {
            if (isApplied(applied, all.at(i).name))
                steps.append({all.at(i), MigrationScript::Direction::Backward});
        }
    } else {
        for (qsizetype i = targetIndex + 1; i < all.size(); ++i) {
            if (isApplied(applied, all.at(i).name) && !target.isEmpty()) {
                fail(usage(u"%1 is applied after the target %2: use rollback %2"_s
                               .arg(all.at(i).name, all.at(targetIndex).name)));
                co_return;
            }
        }
        for (qsizetype i = 0; i <= targetIndex; ++i) {
            if (!isApplied(applied, all.at(i).name))
                steps.append({all.at(i), MigrationScript::Direction::Forward});
        }
    }
    co_await runSteps(executor, connection, steps, options, cancelled, run, promise);
}

} // namespace

QFuture<Result<MigrationExecutor::Run>> MigrationExecutor::migrate(const MigrationSet &set,
                                                                   const QString &target,
                                                                   Options options)
{
    auto promise = std::make_shared<QPromise<RunResult>>();
    promise->start();
    m_cancelled = false;
    plan(this, m_connection, set, target, false, options, &m_cancelled, promise);
    return promise->future();
}

QFuture<Result<MigrationExecutor::Run>> MigrationExecutor::rollback(const MigrationSet &set,
                                                                    const QString &target,
                                                                    Options options)
{
    auto promise = std::make_shared<QPromise<RunResult>>();
    promise->start();
    m_cancelled = false;
    if (target.isEmpty()) {
        promise->addResult(usage(u"rollback needs a target: a migration name or zero"_s));
        promise->finish();
        return promise->future();
    }
    plan(this, m_connection, set, target, true, options, &m_cancelled, promise);
    return promise->future();
}

} // namespace SurrealQt

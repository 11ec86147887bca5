#include "MigrationCommands.h"

#include "ConnectionArguments.h"
#include "MigrationExecutor.h"
#include "MigrationHistory.h"
#include "MigrationScript.h"
#include "MigrationSet.h"
#include "MigrationState.h"
#include "MigrationStatus.h"
#include "SchemaDiff.h"

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaParser.h>
#include <surrealqt/schema/SchemaPrinter.h>
#include <surrealqt/schema/SurqlSyntax.h>

#include <QCoro/QCoroFuture>
#include <QCoro/QCoroTask>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>
#include <QtCore/QTextStream>

#include <cstdio>
#include <memory>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

using DesiredSchema = std::function<Schema()>;

// The shared part of every command: its parser with the connection options and --dir.
class Command
{
public:
    Command(QString name, const QString &description)
        : m_name(std::move(name))
    {
        m_parser.setApplicationDescription(description);
        m_parser.addHelpOption();
        m_connection.addTo(m_parser);
        m_parser.addOption(m_dirOption);
    }

    QCommandLineParser &parser() { return m_parser; }
    const QString &name() const { return m_name; }
    QString directory() const { return m_parser.value(m_dirOption); }
    const ConnectionArguments &connection() const { return m_connection; }

    // Parses; returns an exit status when the command must stop now (help or a usage error).
    std::optional<int> parse(const QStringList &arguments,
                             qsizetype minPositional,
                             qsizetype maxPositional)
    {
        if (!m_parser.parse(QStringList{m_name} + arguments))
            return fail(m_parser.errorText(), kUsage);
        if (m_parser.isSet(u"help"_s)) {
            QString help = m_parser.helpText();
            // QCommandLineParser names the program after the executable: name the command.
            help.replace(u"Usage: "_s + QCoreApplication::applicationFilePath().section(u'/', -1),
                         u"Usage: "_s + programName());
            QTextStream(stdout) << help;
            return kOk;
        }
        if (const auto error = m_connection.read(m_parser))
            return fail(*error, kUsage);
        const qsizetype count = m_parser.positionalArguments().size();
        if (count < minPositional || count > maxPositional) {
            return fail(count < minPositional ? u"missing argument (see --help)"_s
                                              : u"too many arguments (see --help)"_s,
                        kUsage);
        }
        return std::nullopt;
    }

    QString programName() const
    {
        const QString app = QCoreApplication::applicationName();
        return (app.isEmpty() ? u"surrealqt"_s : app) + u' ' + m_name;
    }

    // One line on stderr.
    int fail(QString message, int status = kFailed) const
    {
        message.replace(u'\n', u' ');
        QTextStream(stderr) << programName() << ": " << message << '\n';
        return status;
    }

    void progress(const QString &line) const { QTextStream(stderr) << line << '\n'; }

    std::optional<MigrationSet> loadSet() const
    {
        QString error;
        std::optional<MigrationSet> set = MigrationSet::load(directory(), &error);
        if (!set)
            fail(error);
        return set;
    }

private:
    QString m_name;
    QCommandLineParser m_parser;
    ConnectionArguments m_connection;
    QCommandLineOption m_dirOption{u"dir"_s,
                                   u"The migrations folder (default ./migrations)."_s,
                                   u"folder"_s,
                                   u"migrations"_s};
};

QString operationLine(const SchemaOperation &op)
{
    QString line = u"  "_s + op.description();
    if (op.destructive)
        line += u"  [destructive: "_s + op.reason + u']';
    return line;
}

void printOperations(QTextStream &out, const QList<SchemaOperation> &ops, bool withSurql)
{
    for (const SchemaOperation &op : ops) {
        out << operationLine(op) << '\n';
        if (withSurql) {
            for (const QString &statement : MigrationState::statements(op.forwardWithConversion()))
                out << "      " << statement << ";\n";
        }
    }
}

// The desired schema: --schema FILE, else the caller's models, else a usage error.
std::optional<Schema> desiredSchema(const Command &command,
                                    const QCommandLineOption &schemaOption,
                                    const DesiredSchema &models,
                                    int *status)
{
    QCommandLineParser &parser = const_cast<Command &>(command).parser();
    if (!parser.isSet(schemaOption)) {
        if (models)
            return models();
        *status = command.fail(u"--schema FILE.surql is required"_s, kUsage);
        return std::nullopt;
    }
    const QString path = parser.value(schemaOption);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *status = command.fail(path + u": cannot read: "_s + file.errorString());
        return std::nullopt;
    }
    SchemaParseError error;
    std::optional<Schema> schema = SchemaParser::parse(QString::fromUtf8(file.readAll()), &error);
    if (!schema)
        *status = command.fail(path + u": "_s + error.message());
    return schema;
}

// Connects, signs in and uses the namespace and database; an error message on failure.
QCoro::Task<std::optional<QString>> open(WebSocketConnection &socket, ConnectionArguments connection)
{
    const Result<bool> opened = co_await socket.open();
    if (!opened)
        co_return opened.error().message();
    if (connection.credentials().level() != Credentials::Level::Anonymous) {
        const Result<QString> token = co_await socket.signin(connection.credentials());
        if (!token)
            co_return u"cannot sign in: "_s + token.error().message();
    }
    const Result<QCborValue> used = co_await socket.use(connection.ns(), connection.db());
    if (!used)
        co_return used.error().message();
    co_return std::nullopt;
}

std::optional<int> needDatabase(const Command &command)
{
    if (command.connection().ns().isEmpty() || command.connection().db().isEmpty()) {
        return command.fail(u"--ns and --db are needed (or $SURREAL_NAMESPACE and "
                            "$SURREAL_DATABASE)"_s,
                            kUsage);
    }
    return std::nullopt;
}

// makemigrations ---------------------------------------------------------------------------

QString defaultName(const MigrationSet &set, const QList<SchemaOperation> &ops)
{
    if (set.isEmpty())
        return u"initial"_s;
    if (ops.isEmpty())
        return u"empty"_s;
    const SchemaOperation &first = ops.front();
    QString name = SchemaOperation::typeName(first.type) + u'_'
                   + (first.table.isEmpty() ? first.name : first.table);
    if (ops.size() > 1)
        name += u"_and_more"_s;
    return name;
}

int makemigrations(const QStringList &arguments, const DesiredSchema &models)
{
    Command command(u"makemigrations"_s,
                    u"Writes the next migration file: the operations that turn the schema the "
                    "existing migration files reach into the desired schema."_s);
    const QCommandLineOption schemaOption(u"schema"_s,
                                          u"The desired schema, a .surql file of DEFINE "
                                          "statements."_s,
                                          u"file"_s);
    const QCommandLineOption nameOption(u"name"_s, u"The migration's name."_s, u"name"_s);
    const QCommandLineOption emptyOption(u"empty"_s,
                                         u"Write a migration without operations (to add a "
                                         "RunSurql by hand)."_s);
    const QCommandLineOption renameOption(u"rename"_s,
                                          u"A renamed field: its data is copied (repeatable)."_s,
                                          u"table.old=new"_s);
    command.parser().addOptions({schemaOption, nameOption, emptyOption, renameOption});
    if (const auto status = command.parse(arguments, 0, 0))
        return *status;
    QList<SchemaDiff::FieldRename> renames;
    for (const QString &rename : command.parser().values(renameOption)) {
        const qsizetype dot = rename.indexOf(u'.');
        const qsizetype equals = rename.indexOf(u'=', dot + 1);
        if (dot <= 0 || equals <= dot + 1 || equals == rename.size() - 1)
            return command.fail(u"--rename wants TABLE.OLD=NEW, got '%1'"_s.arg(rename), kUsage);
        renames.append(
            {rename.left(dot), rename.mid(dot + 1, equals - dot - 1), rename.mid(equals + 1)});
    }
    const std::optional<MigrationSet> set = command.loadSet();
    if (!set)
        return kFailed;
    QString error;
    const std::optional<Schema> state = MigrationState::replay(set->migrations(), -1, &error);
    if (!state)
        return command.fail(error);

    QList<SchemaOperation> ops;
    if (!command.parser().isSet(emptyOption)) {
        int status = kOk;
        const std::optional<Schema> desired = desiredSchema(command, schemaOption, models, &status);
        if (!desired)
            return status;
        const auto diff = SchemaDiff::diff(*state, *desired, renames, &error);
        if (!diff)
            return command.fail(error, kUsage);
        ops = *diff;
        if (ops.isEmpty()) {
            QTextStream(stdout) << "No changes: the migrations already reach the schema.\n";
            return kOk;
        }
    }
    Migration migration;
    const QString name = command.parser().isSet(nameOption) ? command.parser().value(nameOption)
                                                            : defaultName(*set, ops);
    migration.name = Migration::fileStem(set->nextNumber(), name);
    if (!set->isEmpty())
        migration.dependencies.append(set->migrations().last().name);
    migration.operations = ops;
    if (!migration.writeTo(set->directory(), &error))
        return command.fail(error);
    QTextStream out(stdout);
    out << "Wrote " << migration.fileName << '\n';
    printOperations(out, ops, false);
    const qsizetype destructive = std::count_if(ops.begin(), ops.end(), [](const auto &op) {
        return op.destructive;
    });
    if (destructive > 0)
        out << destructive << " destructive operation(s): review them before you migrate.\n";
    return kOk;
}

// sqlmigrate ---------------------------------------------------------------------------------

int sqlmigrate(const QStringList &arguments)
{
    Command command(u"sqlmigrate"_s,
                    u"Prints the SurrealQL a migration runs (its transaction), and runs nothing."_s);
    const QCommandLineOption backwardsOption(u"backwards"_s, u"The SurrealQL that rolls it back."_s);
    command.parser().addOption(backwardsOption);
    command.parser().addPositionalArgument(u"name"_s, u"The migration (name or number)."_s);
    if (const auto status = command.parse(arguments, 1, 1))
        return *status;
    const std::optional<MigrationSet> set = command.loadSet();
    if (!set)
        return kFailed;
    const QString name = command.parser().positionalArguments().front();
    const qsizetype index = set->indexOf(name);
    if (index < 0)
        return command.fail(u"no migration named %1 in %2"_s.arg(name, set->directory()));
    const Migration &migration = set->migrations().at(index);
    const bool backwards = command.parser().isSet(backwardsOption);
    QTextStream out(stdout);
    out << "-- " << migration.name << (backwards ? " (backwards)" : "") << '\n'
        << "LET $surrealqt_name = " << SurqlSyntax::quoteString(migration.name) << ";\n";
    if (!backwards) {
        out << "LET $surrealqt_checksum = " << SurqlSyntax::quoteString(migration.checksum())
            << ";\n";
    }
    out << MigrationScript::transaction(migration,
                                        backwards ? MigrationScript::Direction::Backward
                                                  : MigrationScript::Direction::Forward);
    return kOk;
}

// migrate and rollback -------------------------------------------------------------------------

QCoro::Task<int> runExecutor(const Command *command,
                             MigrationSet set,
                             QString target,
                             bool rollback,
                             MigrationRunOptions options)
{
    WebSocketConnection socket(command->connection().options());
    if (const auto error = co_await open(socket, command->connection()))
        co_return command->fail(*error);
    MigrationExecutor executor(&socket);
    const QString verb = rollback ? u"Rolling back"_s
                                  : (options.fake ? u"Faking"_s : u"Applying"_s);
    QObject::connect(&executor, &MigrationExecutor::migrationStarted, [&](const QString &name) {
        if (!options.dryRun)
            QTextStream(stderr) << verb << ' ' << name << "...\n";
    });
    QObject::connect(&executor, &MigrationExecutor::warning, [&](const QString &message) {
        command->progress(u"warning: "_s + message);
    });
    // Waited for with a continuation, not co_await: a QFutureWatcher that QCoro leaves for
    // deletion after this run deadlocked when a later event loop deleted it (Qt 6.4, QCoro 0.8).
    QFuture<Result<MigrationRun>> future = rollback ? executor.rollback(set, target, options)
                                                    : executor.migrate(set, target, options);
    std::optional<Result<MigrationRun>> result;
    QEventLoop loop;
    future.then(&executor, [&](const Result<MigrationRun> &value) {
        result = value;
        loop.quit();
    });
    if (!result)
        loop.exec();
    const Result<MigrationRun> run = *result;
    if (!run) {
        co_return command->fail(run.error().message(),
                                run.error().kind() == RpcError::Kind::Validation ? kUsage : kFailed);
    }
    if (options.dryRun) {
        QTextStream(stdout) << run->surql;
    } else if (run->migrations.isEmpty()) {
        command->progress(rollback ? u"No migrations to roll back."_s
                                   : u"No migrations to apply."_s);
    } else {
        command->progress(u"%1 %2 migration(s)."_s.arg(rollback ? u"Rolled back"_s : u"Applied"_s)
                              .arg(run->migrations.size()));
    }
    co_return kOk;
}

int migrateOrRollback(const QStringList &arguments, bool rollback)
{
    Command command(rollback ? u"rollback"_s : u"migrate"_s,
                    rollback ? u"Rolls back the applied migrations after TARGET (a migration "
                               "name or number, or zero for all), last first, each in one "
                               "transaction."_s
                             : u"Applies the pending migrations up to TARGET (default: all), "
                               "each in one transaction with its history record."_s);
    const QCommandLineOption fakeOption(u"fake"_s,
                                        u"Only record (or forget) the migrations in the history; "
                                        "run nothing else."_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s,
                                          u"Print the SurrealQL that would run; run nothing."_s);
    command.parser().addOptions({fakeOption, dryRunOption});
    command.parser().addPositionalArgument(u"target"_s,
                                           rollback ? u"A migration name or number, or zero."_s
                                                    : u"The last migration to apply."_s,
                                           rollback ? u"TARGET"_s : u"[TARGET]"_s);
    if (const auto status = command.parse(arguments, rollback ? 1 : 0, 1))
        return *status;
    if (const auto status = needDatabase(command))
        return *status;
    const std::optional<MigrationSet> set = command.loadSet();
    if (!set)
        return kFailed;
    MigrationRunOptions options;
    options.fake = command.parser().isSet(fakeOption);
    options.dryRun = command.parser().isSet(dryRunOption);
    const QStringList positional = command.parser().positionalArguments();
    return QCoro::waitFor(runExecutor(&command, *set, positional.value(0), rollback, options));
}

// status, inspectdb, schemadiff ------------------------------------------------------------------

QCoro::Task<std::optional<Schema>> liveSchema(const Command *command, WebSocketConnection *socket)
{
    const Result<Schema> live = co_await SchemaIntrospector::introspect(socket);
    if (!live) {
        command->fail(u"cannot read the live schema: "_s + live.error().message());
        co_return std::nullopt;
    }
    co_return MigrationHistory::withoutHistory(live.value());
}

QCoro::Task<int> statusTask(const Command *command, MigrationSet set)
{
    WebSocketConnection socket(command->connection().options());
    if (const auto error = co_await open(socket, command->connection()))
        co_return command->fail(*error);
    const Result<QList<MigrationHistory::Entry>> history = co_await MigrationHistory::read(&socket);
    if (!history)
        co_return command->fail(history.error().message());
    QTextStream out(stdout);
    bool problem = false;
    const QList<MigrationStatus::Entry> entries = MigrationStatus::compare(set, history.value());
    out << "Migrations in " << set.directory() << ":\n";
    for (const MigrationStatus::Entry &entry : entries) {
        switch (entry.state) {
        case MigrationStatus::State::Pending:
            out << "  [ ] " << entry.name << "  (pending)\n";
            break;
        case MigrationStatus::State::Applied:
            out << "  [X] " << entry.name << "  (applied " << entry.appliedAt << ")\n";
            break;
        case MigrationStatus::State::Changed:
            out << "  [X] " << entry.name << "  (applied " << entry.appliedAt
                << ")  CHANGED: the file's checksum differs from the applied one\n";
            problem = true;
            break;
        case MigrationStatus::State::Orphaned:
            out << "  [X] " << entry.name << "  (applied, but no file)\n";
            problem = true;
            break;
        }
    }
    const QList<Migration> applied = MigrationStatus::applied(set, entries);
    QString error;
    const std::optional<Schema> state = MigrationState::replay(applied, -1, &error);
    if (!state)
        co_return command->fail(error);
    const std::optional<Schema> live = co_await liveSchema(command, &socket);
    if (!live)
        co_return kFailed;
    const QList<SchemaOperation> drift = SchemaDiff::diff(*state, *live);
    if (drift.isEmpty()) {
        out << "No drift: the live schema is the one the applied migrations reach.\n";
    } else {
        problem = true;
        out << "Drift: the live schema differs from the applied migrations; these operations "
               "would turn the migrations' schema into the live one:\n";
        printOperations(out, drift, true);
    }
    co_return problem ? kFailed : kOk;
}

int status(const QStringList &arguments)
{
    Command command(u"status"_s,
                    u"Lists applied and pending migrations, files changed after they were "
                    "applied, and drift between the live schema and the applied migrations. "
                    "Exits 1 on a changed file, a missing file or drift."_s);
    if (const auto status = command.parse(arguments, 0, 0))
        return *status;
    if (const auto status = needDatabase(command))
        return *status;
    const std::optional<MigrationSet> set = command.loadSet();
    if (!set)
        return kFailed;
    return QCoro::waitFor(statusTask(&command, *set));
}

QCoro::Task<int> inspectTask(const Command *command, QString output)
{
    WebSocketConnection socket(command->connection().options());
    if (const auto error = co_await open(socket, command->connection()))
        co_return command->fail(*error);
    const std::optional<Schema> live = co_await liveSchema(command, &socket);
    if (!live)
        co_return kFailed;
    const QString text = SchemaPrinter::print(*live, SchemaPrinter::Mode::Surql);
    if (output.isEmpty()) {
        QTextStream(stdout) << text;
        co_return kOk;
    }
    QSaveFile file(output);
    const QByteArray bytes = text.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        co_return command->fail(output + u": cannot write: "_s + file.errorString());
    command->progress(u"Wrote "_s + output);
    co_return kOk;
}

int inspectdb(const QStringList &arguments)
{
    Command command(u"inspectdb"_s, u"Writes the live database's schema as .surql."_s);
    const QCommandLineOption outputOption(QStringList{u"o"_s, u"output"_s},
                                          u"Write to this file instead of stdout."_s,
                                          u"file"_s);
    command.parser().addOption(outputOption);
    if (const auto status = command.parse(arguments, 0, 0))
        return *status;
    if (const auto status = needDatabase(command))
        return *status;
    return QCoro::waitFor(inspectTask(&command, command.parser().value(outputOption)));
}

QCoro::Task<int> schemadiffTask(const Command *command, Schema desired)
{
    WebSocketConnection socket(command->connection().options());
    if (const auto error = co_await open(socket, command->connection()))
        co_return command->fail(*error);
    const std::optional<Schema> live = co_await liveSchema(command, &socket);
    if (!live)
        co_return kFailed;
    const QList<SchemaOperation> ops = SchemaDiff::diff(*live, desired);
    QTextStream out(stdout);
    if (ops.isEmpty()) {
        out << "No differences.\n";
        co_return kOk;
    }
    out << ops.size() << " operation(s) turn the live database into the schema:\n";
    printOperations(out, ops, true);
    co_return kFailed;
}

int schemadiff(const QStringList &arguments, const DesiredSchema &models)
{
    Command command(u"schemadiff"_s,
                    u"Prints what would change the live database into the schema; exits 1 when "
                    "they differ."_s);
    const QCommandLineOption schemaOption(u"schema"_s,
                                          u"The desired schema, a .surql file."_s,
                                          u"file"_s);
    command.parser().addOption(schemaOption);
    if (const auto status = command.parse(arguments, 0, 0))
        return *status;
    if (const auto status = needDatabase(command))
        return *status;
    int status = kOk;
    const std::optional<Schema> desired = desiredSchema(command, schemaOption, models, &status);
    if (!desired)
        return status;
    return QCoro::waitFor(schemadiffTask(&command, *desired));
}

} // namespace

QList<std::pair<QString, QString>> migrationCommands()
{
    return {
        {u"makemigrations"_s, u"Write the next migration file from the desired schema"_s},
        {u"migrate"_s, u"Apply pending migrations, each in one transaction"_s},
        {u"rollback"_s, u"Run backward operations down to a target migration (or zero)"_s},
        {u"sqlmigrate"_s, u"Print the SurrealQL of a migration without running it"_s},
        {u"status"_s, u"Compare migration files, history and the live database"_s},
        {u"inspectdb"_s, u"Print the schema of a live database as SurrealQL"_s},
        {u"schemadiff"_s, u"Show what would change the live database into a schema"_s},
    };
}

int runMigrationCommand(const QStringList &arguments, const std::function<Schema()> &desiredSchema)
{
    const QString name = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (name == u"makemigrations")
        return makemigrations(rest, desiredSchema);
    if (name == u"migrate")
        return migrateOrRollback(rest, false);
    if (name == u"rollback")
        return migrateOrRollback(rest, true);
    if (name == u"sqlmigrate")
        return sqlmigrate(rest);
    if (name == u"status")
        return status(rest);
    if (name == u"inspectdb")
        return inspectdb(rest);
    if (name == u"schemadiff")
        return schemadiff(rest, desiredSchema);
    QTextStream(stderr) << QCoreApplication::applicationName() << ": unknown command '" << name
                        << "'\n";
    return kUsage;
}

} // namespace SurrealQt

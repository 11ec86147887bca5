// surrealqt: the SurrealQt command-line tool (SurrealQt::Core only, never the Ui library).

#include "SqlCommand.h"

#include <surrealqt/version.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Exit status for usage errors and commands that do not exist (yet).
constexpr int UsageError = 2;

struct Command
{
    QLatin1StringView name;
    QLatin1StringView summary;
};

constexpr std::array PlannedCommands{
    Command{"sql"_L1, "Run SurrealQL statements and print every result"_L1},
    Command{"makemigrations"_L1, "Write new migration files from the desired schema"_L1},
    Command{"migrate"_L1, "Apply pending migrations, each in one transaction"_L1},
    Command{"status"_L1, "Compare migration files, history and the live database"_L1},
    Command{"rollback"_L1, "Run backward operations down to a target migration"_L1},
    Command{"sqlmigrate"_L1, "Print the SurrealQL of a migration without running it"_L1},
    Command{"inspectdb"_L1, "Print the schema of a live database as SurrealQL"_L1},
    Command{"schemadiff"_L1, "Show the differences between two schemas"_L1},
};

QString description()
{
    QString text = u"SurrealQt command-line tool: SurrealDB schema migrations and queries.\n\n"_s
                   u"Commands (run 'surrealqt COMMAND --help' for each one's options):"_s;
    for (const Command &command : PlannedCommands)
        text += u"\n  %1 %2"_s.arg(command.name, -15).arg(command.summary);
    return text;
}

bool isPlanned(const QString &name)
{
    return std::any_of(PlannedCommands.begin(), PlannedCommands.end(), [&](const Command &c) {
        return c.name == name;
    });
}

int usageError(const QString &message)
{
    QTextStream err(stderr);
    err << "surrealqt: " << message << '\n' << "Run 'surrealqt --help' to list the commands.\n";
    return UsageError;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"surrealqt"_s);
    QCoreApplication::setOrganizationName(u"SurrealQt"_s);
    QCoreApplication::setApplicationVersion(SurrealQt::versionString());

    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"The command to run (see above)."_s, u"<command>"_s);
    parser.addPositionalArgument(u"arguments"_s,
                                 u"Arguments of the command."_s,
                                 u"[arguments...]"_s);
    // Everything after the command belongs to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(versionOption))
        parser.showVersion(); // exits with 0
    if (parser.isSet(helpOption))
        parser.showHelp(0);

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(u"no command given."_s);

    const QString &command = positional.first();
    if (command == "sql"_L1)
        return SurrealQt::Cli::runSqlCommand(QStringList{u"surrealqt sql"_s} + positional.mid(1));
    if (isPlanned(command)) {
        return usageError(u"the '%1' command is not implemented yet (SurrealQt %2)."_s
                              .arg(command, SurrealQt::versionString()));
    }
    return usageError(u"unknown command '%1'."_s.arg(command));
}

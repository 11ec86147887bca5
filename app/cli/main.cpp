// surrealqt: the SurrealQt command-line tool (SurrealQt::Core only, never the Ui library).

#include "SqlCommand.h"

#include <surrealqt/migrations/MigrationCommands.h>
#include <surrealqt/version.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Exit status for usage errors and commands that do not exist (yet).
constexpr int UsageError = 2;

QString description()
{
    QString text = u"SurrealQt command-line tool: SurrealDB schema migrations and queries.\n\n"_s
                   u"Commands (run 'surrealqt COMMAND --help' for each one's options):"_s;
    text += u"\n  %1 %2"_s.arg(u"sql"_s, -15)
                .arg(u"Run SurrealQL statements and print every result"_s);
    for (const auto &[name, summary] : SurrealQt::migrationCommands())
        text += u"\n  %1 %2"_s.arg(name, -15).arg(summary);
    return text;
}

bool isMigrationCommand(const QString &name)
{
    const auto commands = SurrealQt::migrationCommands();
    return std::any_of(commands.begin(), commands.end(), [&](const auto &c) {
        return c.first == name;
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
    if (isMigrationCommand(command))
        return SurrealQt::runMigrationCommand(positional);
    return usageError(u"unknown command '%1'."_s.arg(command));
}

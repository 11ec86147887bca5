// The main() of the tools surrealqt_add_manage_tool() builds (SurrealQtManageTool.cmake): the
// migration commands of SurrealQt, with the schema of the models compiled into this program
// (their SURREALQT_REGISTER_MODEL lines) as the desired schema.

#include <surrealqt/migrations/MigrationCommands.h>
#include <surrealqt/orm/Registry.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QTextStream>

#include <algorithm>

#ifndef SURREALQT_MANAGE_TOOL_NAME
#define SURREALQT_MANAGE_TOOL_NAME "manage"
#endif

namespace {

QString typeName(const SurrealQt::ModelSpec::Type type)
{
    switch (type) {
    case SurrealQt::ModelSpec::Type::Relation:
        return QStringLiteral("relation");
    case SurrealQt::ModelSpec::Type::User:
        return QStringLiteral("user");
    case SurrealQt::ModelSpec::Type::Normal:
        break;
    }
    return QStringLiteral("normal");
}

void printHelp(QTextStream &out)
{
    const QString name = QCoreApplication::applicationName();
    out << "Usage: " << name << " <command> [options]\n\n"
        << "The migration commands for this application's models.\n\n"
        << "Commands:\n";
    const auto commands = SurrealQt::migrationCommands();
    qsizetype width = QStringLiteral("schema").size();
    for (const auto &command : commands)
        width = std::max(width, command.first.size());
    for (const auto &[command, summary] : commands)
        out << "  " << command.leftJustified(width + 2) << summary << '\n';
    out << "  " << QStringLiteral("schema").leftJustified(width + 2)
        << "Print the models' DEFINE statements (the desired schema)\n";
    out << "\nModels:\n";
    auto models = SurrealQt::Registry::models();
    std::sort(models.begin(), models.end(), [](const auto &a, const auto &b) {
        return a.table() < b.table();
    });
    if (models.isEmpty())
        out << "  (none: no SURREALQT_REGISTER_MODEL in MODEL_SOURCES)\n";
    for (const auto &model : models) {
        out << "  " << model.table() << " (" << typeName(model.spec().type())
            << "): " << model.fieldNames().join(QStringLiteral(", ")) << '\n';
    }
    out << "\nmakemigrations and schemadiff use these models when --schema is absent.\n"
        << "Run '" << name << " <command> --help' for a command's options.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral(SURREALQT_MANAGE_TOOL_NAME));
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);

    if (command.isEmpty() || command == QStringLiteral("--help") || command == QStringLiteral("-h")
        || command == QStringLiteral("help")) {
        QTextStream out(command.isEmpty() ? stderr : stdout);
        printHelp(out);
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QStringLiteral("schema")) {
        if (arguments.size() > 1) {
            QTextStream(stderr) << QCoreApplication::applicationName()
                                << ": schema takes no arguments\n";
            return 2;
        }
        QTextStream(stdout) << SurrealQt::SchemaPrinter::print(SurrealQt::Registry::schema());
        return 0;
    }
    return SurrealQt::runMigrationCommand(arguments, &SurrealQt::Registry::schema);
}

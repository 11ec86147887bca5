// todo: a to-do list that follows a SurrealDB table live.
//
//   todo-manage migrate --endpoint ws://127.0.0.1:8000 --user root --pass root --ns demo --db todo
//   todo --endpoint ws://127.0.0.1:8000 --user root --pass root --ns demo --db todo

#include "TodoWindow.h"

#include <surrealqt/migrations/ConnectionArguments.h>

#include <QtCore/QCommandLineParser>
#include <QtWidgets/QApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("todo"));

    // The same connection options (and SURREAL_* variables) as todo-manage.
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A to-do list on SurrealDB."));
    parser.addHelpOption();
    SurrealQt::ConnectionArguments connection;
    connection.addTo(parser);
    parser.process(app);
    if (const auto error = connection.read(parser)) {
        std::fprintf(stderr, "todo: %s\n", qPrintable(*error));
        return 2;
    }

    TodoWindow window(connection);
    window.show();
    window.connectToServer();
    return QApplication::exec();
}

// A program outside the SurrealQt build that finds it with find_package(SurrealQt).

#include <surrealqt/client/DevServerProcess.h>
#include <surrealqt/version.h>

#include <QtCore/QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SurrealQt::DevServerProcess server; // links an exported QObject subclass
    std::printf("SurrealQt %s (compiled against %s), dev server state %d\n",
                qPrintable(SurrealQt::versionString()),
                SURREALQT_VERSION_STRING,
                static_cast<int>(server.state()));
    return SurrealQt::versionString() == QLatin1StringView(SURREALQT_VERSION_STRING) ? 0 : 1;
}

// surrealqt-studio: the SurrealQt Studio desktop application.

#include "MainWindow.h"
#include "connections/ExplorerView.h"
#include "connections/SandboxController.h"

#include <surrealqt/version.h>

#include <QtCore/QCommandLineParser>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTimer>
#include <QtCore/QTranslator>
#include <QtGui/QIcon>
#include <QtGui/QPixmap>
#include <QtWidgets/QApplication>

#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr auto ScreenshotDelay = 300ms;

void installTranslators(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(),
                           u"qtbase"_s,
                           u"_"_s,
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);

    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), u"surrealqt"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(appTranslator);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "surrealqt-studio: %s\n", qUtf8Printable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"SurrealQt"_s);
    QApplication::setOrganizationDomain(u"surrealqt.org"_s);
    QApplication::setApplicationName(u"surrealqt-studio"_s);
    QApplication::setApplicationVersion(SurrealQt::versionString());
    QApplication::setDesktopFileName(u"org.surrealqt.Studio"_s);
    installTranslators(app);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "SurrealQt Studio"));
    QApplication::setWindowIcon(QIcon(u":/icons/org.surrealqt.Studio.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "SurrealQt Studio: a desktop workbench for SurrealDB."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noSandboxOption(
        u"no-sandbox"_s,
        QApplication::translate("main", "Do not start the local in-memory sandbox server."));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QApplication::translate("main",
                                "Once the sandbox is ready, save a PNG screenshot of the main "
                                "window to <file> and quit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption quitAfterReadyOption(
        u"quit-after-ready"_s,
        QApplication::translate("main", "Quit as soon as the sandbox is ready (for smoke tests)."));
    parser.addOption(noSandboxOption);
    parser.addOption(screenshotOption);
    parser.addOption(quitAfterReadyOption);
    parser.process(app);

    const bool noSandbox = parser.isSet(noSandboxOption);
    const QString screenshotFile = parser.value(screenshotOption);
    const bool quitAfterReady = parser.isSet(quitAfterReadyOption);

    SurrealQt::MainWindow window(noSandbox ? SurrealQt::MainWindow::SandboxMode::Disabled
                                           : SurrealQt::MainWindow::SandboxMode::Start);
    window.show();

    const auto whenReady = [&] {
        if (!screenshotFile.isEmpty()) {
            QTimer::singleShot(ScreenshotDelay, &window, [&window, screenshotFile] {
                const QPixmap pixmap = window.grab();
                if (pixmap.isNull() || !pixmap.save(screenshotFile, "PNG")) {
                    printError(QApplication::translate("main", "could not save the screenshot to %1")
                                   .arg(screenshotFile));
                    QApplication::exit(1);
                    return;
                }
                QApplication::exit(0);
            });
        } else if (quitAfterReady) {
            QApplication::exit(0);
        }
    };

    if (!screenshotFile.isEmpty() || quitAfterReady) {
        SurrealQt::SandboxController *sandbox = window.sandbox();
        if (noSandbox) {
            QTimer::singleShot(0, &window, whenReady);
        } else {
            // Ready means the demo database is loaded and the explorer has counted its tables.
            QObject::connect(window.explorerView(),
                             &SurrealQt::ExplorerView::countsLoaded,
                             &window,
                             whenReady);
            QObject::connect(sandbox,
                             &SurrealQt::SandboxController::failed,
                             &window,
                             [](const QString &message) {
                                 printError(message);
                                 QApplication::exit(1);
                             });
        }
    }

    return QApplication::exec();
}

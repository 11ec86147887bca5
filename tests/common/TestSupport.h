#pragma once

// Helpers shared by the integration tests: where the fixture's dev server is, and waiting for a
// future while the event loop runs (never a blocking result() on the connection's thread).

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QUrl>

#include <chrono>
#include <optional>

namespace SurrealQt::Test {

// The HTTP address of the `devserver` fixture's server, or an empty URL (callers QFAIL).
inline QUrl serverUrl()
{
    QFile file(qEnvironmentVariable("SURREALQT_TEST_SERVER_FILE"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QUrl(QString::fromUtf8(file.readAll()).trimmed());
}

// Runs the event loop until the future finishes; nullopt on timeout or cancellation.
template<typename T>
std::optional<T> wait(QFuture<T> future,
                      std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    QElapsedTimer clock;
    clock.start();
    while (!future.isFinished() && clock.elapsed() < timeout.count())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

// Runs the event loop until the predicate holds or the time is up.
template<typename Predicate>
bool waitUntil(Predicate predicate, std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    QElapsedTimer clock;
    clock.start();
    while (!predicate() && clock.elapsed() < timeout.count())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return predicate();
}

} // namespace SurrealQt::Test

#pragma once

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace SurrealQt {

class DevServerProcess;

// The Studio's sandbox: a local, in-memory SurrealDB started at launch (the dev server, or
// $SURREAL_BIN), which the explorer shows as a connection. Owns the DevServerProcess.
class SandboxController : public QObject
{
    Q_OBJECT

public:
    enum class State { Disabled, Starting, Ready, Stopping, Stopped, Failed };
    Q_ENUM(State)

    explicit SandboxController(QObject *parent = nullptr);
    ~SandboxController() override;

    SandboxController(const SandboxController &) = delete;
    SandboxController &operator=(const SandboxController &) = delete;

    State state() const;
    DevServerProcess *server() const;
    // ws://127.0.0.1:PORT/rpc once ready.
    QUrl rpcUrl() const;
    QUrl httpUrl() const;
    QString storageDescription() const;
    QString user() const;
    QString errorString() const;
    // A one-line, translated description of the state, for the status bar.
    QString statusText() const;

    // The namespace and database the demo lives in.
    static QString demoNamespace();
    static QString demoDatabase();
    // Signed in as the root user and using the demo database; null until databaseReady().
    WebSocketConnection *connection() const;
    bool isDatabaseReady() const { return m_databaseReady; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void stateChanged(SurrealQt::SandboxController::State state);
    void logLine(const QString &line);
    void ready(const QUrl &rpcUrl);
    void failed(const QString &message);
    void stopped();
    // The sandbox's connection is signed in and the demo schema and data are loaded.
    void databaseReady(SurrealQt::WebSocketConnection *connection);

private:
    void setState(State state);
    void connectAndLoadDemo();
    void useDemo(WebSocketConnection *connection);
    void fail(const QString &message);
    // Fails the sandbox with `step` and the error unless the result is a success.
    template<typename T>
    bool succeeded(const Result<T> &result, const QString &step);

    DevServerProcess *m_server = nullptr;
    QString m_error;
    State m_state = State::Disabled;
    WebSocketConnection *m_connection = nullptr;
    bool m_databaseReady = false;
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/client/WebSocketConnection.h>

#include <QtCore/QObject>
#include <QtCore/QUrl>

namespace SurrealQt {

class DevServerProcess;

// A local SurrealDB the Studio starts itself (the dev server, or a `surreal` binary), signs in
// to, and fills with the demo when its database is empty: the built-in sandbox at launch, and
// each saved profile with a sandbox. Owns the DevServerProcess.
class SandboxController : public QObject
{
    Q_OBJECT

public:
    enum class State { Disabled, Starting, Ready, Stopping, Stopped, Failed };
    Q_ENUM(State)

    // What to start; the defaults are the built-in sandbox's.
    struct Options
    {
        QString storage = QStringLiteral("memory"); // or surrealkv://PATH
        quint16 port = 0;                           // 0: a free port
        QString surrealBinary;                      // empty: $SURREAL_BIN, else the dev server
        QString user = QStringLiteral("root");
        QString password = QStringLiteral("root");
        QString ns = QStringLiteral("demo");
        QString db = QStringLiteral("demo");
    };

    explicit SandboxController(QObject *parent = nullptr);
    SandboxController(const Options &options, QObject *parent);
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
    // The namespace and database this sandbox signs in to and loads the demo into.
    QString namespaceName() const { return m_options.ns; }
    QString databaseName() const { return m_options.db; }
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

    Options m_options;
    DevServerProcess *m_server = nullptr;
    QString m_error;
    State m_state = State::Disabled;
    WebSocketConnection *m_connection = nullptr;
    bool m_databaseReady = false;
};

} // namespace SurrealQt

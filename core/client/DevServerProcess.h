#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QObject>
#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <chrono>

class QNetworkAccessManager;
class QTimer;

namespace SurrealQt {

// Runs a local SurrealDB server as a child process: the dev server of tools/dev-server
// (node on the real engine of @surrealdb/node), or a real `surreal` binary when the
// environment variable SURREAL_BIN names one. Used by the Studio's sandbox and by tests.
//
// start() returns at once; ready() or failed() follows. Nothing here blocks the calling
// thread, except the destructor, which stops a still running server.
class SURREALQT_CORE_EXPORT DevServerProcess : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl url READ url NOTIFY ready)

public:
    enum class State { NotRunning, Starting, Ready, Stopping, Failed };
    Q_ENUM(State)

    explicit DevServerProcess(QObject *parent = nullptr);
    ~DevServerProcess() override;

    DevServerProcess(const DevServerProcess &) = delete;
    DevServerProcess &operator=(const DevServerProcess &) = delete;

    // "memory" (the default) or "surrealkv://PATH".
    QString storage() const;
    void setStorage(const QString &storage);

    // The TCP port to listen on; 0 (the default) picks a free one.
    quint16 port() const;
    void setPort(quint16 port);
    // A `surreal` binary to run instead of the dev server; empty (the default) means $SURREAL_BIN
    // when it is set, else the dev server.
    QString surrealBinary() const;
    void setSurrealBinary(const QString &binary);

    QString user() const;
    QString password() const;
    void setCredentials(const QString &user, const QString &password);

    std::chrono::milliseconds startTimeout() const;
    void setStartTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds stopTimeout() const;
    void setStopTimeout(std::chrono::milliseconds timeout);

    State state() const;
    bool isRunning() const;
    qint64 processId() const;

    // The HTTP address the server listens on, e.g. http://127.0.0.1:41237; empty before ready().
    QUrl url() const;
    // The WebSocket RPC endpoint, e.g. ws://127.0.0.1:41237/rpc; empty before ready().
    QUrl rpcUrl() const;

    // What start() runs (known once start() was called).
    QString program() const;
    QStringList arguments() const;

    // $SURREALQT_DEV_SERVER_DIR, else tools/dev-server of the source tree this library was
    // built from (if it still exists), else <prefix>/share/surrealqt/dev-server.
    static QString devServerDirectory();

public Q_SLOTS:
    void start();
    // Sends SIGTERM, and kills the server if it has not exited after stopTimeout().
    void stop();

Q_SIGNALS:
    void logLine(const QString &line);
    void ready(const QUrl &url);
    void failed(const QString &message);
    // The process has exited (after stop(), a failure, or on its own).
    void stopped();
    void stateChanged(SurrealQt::DevServerProcess::State state);

private:
    enum class Mode { DevServer, SurrealBinary };

    bool prepareDevServer();
    bool prepareSurrealBinary(const QString &binary);
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onErrorOccurred(QProcess::ProcessError error);
    void onStartTimeout();
    void pollHealth();
    void handleLine(const QByteArray &rawLine);
    void becomeReady(const QUrl &url);
    void fail(const QString &message);
    void failLater(const QString &message);
    void setState(State state);

    QProcess *m_process = nullptr;
    QTimer *m_startTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QTimer *m_healthTimer = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QByteArray m_buffer;
    QString m_storage;
    QString m_surrealBinary;
    quint16 m_port = 0;
    QString m_user;
    QString m_password;
    QString m_program;
    QStringList m_arguments;
    QUrl m_expectedUrl;
    QUrl m_url;
    Mode m_mode = Mode::DevServer;
    State m_state = State::NotRunning;
    bool m_healthRequestPending = false;
};

} // namespace SurrealQt

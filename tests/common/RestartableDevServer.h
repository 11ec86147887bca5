#pragma once

// A dev server on one fixed port with surrealkv storage in a temporary folder, for tests that
// crash it (SIGKILL) and start it again on the same address and data. The test target defines
// SURREALQT_DEV_SERVER_MAIN (the path of tools/dev-server/src/main.js).

#include "TestSupport.h"

#include <QtCore/QDebug>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>

#include <chrono>
#include <memory>

namespace SurrealQt::Test {

class RestartableDevServer
{
public:
    RestartableDevServer()
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_port = probe.serverPort();
    }
    RestartableDevServer(const RestartableDevServer &) = delete;
    RestartableDevServer &operator=(const RestartableDevServer &) = delete;
    ~RestartableDevServer() { stop(); }

    // A free port was found and the storage folder exists.
    bool isValid() const { return m_port != 0 && m_storage.isValid(); }
    QUrl endpoint() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }

    // Starts the server and waits until it listens; false (with its output logged) otherwise.
    bool start()
    {
        using namespace std::chrono_literals;
        m_server = std::make_unique<QProcess>();
        m_output.clear();
        m_server->setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(m_server.get(), &QProcess::readyRead, m_server.get(), [this] {
            m_output += m_server->readAll();
        });
        m_server->start(QStringLiteral("node"),
                        {QStringLiteral(SURREALQT_DEV_SERVER_MAIN),
                         QStringLiteral("start"),
                         QStringLiteral("--bind"),
                         QStringLiteral("127.0.0.1:%1").arg(m_port),
                         QStringLiteral("--user"),
                         QStringLiteral("root"),
                         QStringLiteral("--pass"),
                         QStringLiteral("root"),
                         QStringLiteral("surrealkv://")
                             + m_storage.filePath(QStringLiteral("data"))});
        const bool ready = waitUntil(
            [this] {
                return m_output.contains("Listening on http://")
                       || m_server->state() == QProcess::NotRunning;
            },
            30s);
        if (!ready || m_server->state() == QProcess::NotRunning) {
            qWarning().noquote() << "dev server did not start:" << QString::fromUtf8(m_output);
            return false;
        }
        return true;
    }

    // SIGKILL: no clean shutdown, like a crash.
    void crash()
    {
        if (!m_server)
            return;
        m_server->kill();
        m_server->waitForFinished(10000);
    }

    void stop()
    {
        if (m_server && m_server->state() != QProcess::NotRunning) {
            m_server->terminate();
            if (!m_server->waitForFinished(10000))
                m_server->kill();
        }
    }

private:
    QTemporaryDir m_storage;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_output;
};

} // namespace SurrealQt::Test

#include "connections/SandboxController.h"

#include <surrealqt/client/DevServerProcess.h>

#include <QtCore/QDir>

using namespace Qt::StringLiterals;

namespace SurrealQt {

SandboxController::SandboxController(QObject *parent)
    : QObject(parent)
    , m_server(new DevServerProcess(this))
{
    m_server->setStorage(u"memory"_s);

    connect(m_server, &DevServerProcess::logLine, this, &SandboxController::logLine);
    connect(m_server, &DevServerProcess::ready, this, [this] {
        setState(State::Ready);
        Q_EMIT ready(rpcUrl());
    });
    connect(m_server, &DevServerProcess::failed, this, [this](const QString &message) {
        m_error = message;
        setState(State::Failed);
        Q_EMIT failed(message);
    });
    connect(m_server, &DevServerProcess::stopped, this, [this] {
        if (m_state != State::Failed)
            setState(State::Stopped);
        Q_EMIT stopped();
    });
}

SandboxController::~SandboxController() = default;

SandboxController::State SandboxController::state() const
{
    return m_state;
}

DevServerProcess *SandboxController::server() const
{
    return m_server;
}

QUrl SandboxController::rpcUrl() const
{
    return m_server->rpcUrl();
}

QUrl SandboxController::httpUrl() const
{
    return m_server->url();
}

QString SandboxController::storageDescription() const
{
    const QString storage = m_server->storage();
    if (storage == "memory"_L1)
        return tr("In memory");
    return storage;
}

QString SandboxController::user() const
{
    return m_server->user();
}

QString SandboxController::errorString() const
{
    return m_error;
}

QString SandboxController::statusText() const
{
    switch (m_state) {
    case State::Disabled:
        return tr("Sandbox disabled");
    case State::Starting:
        return tr("Starting sandbox…");
    case State::Ready:
        return tr("Sandbox ready at %1").arg(rpcUrl().toDisplayString());
    case State::Stopping:
        return tr("Stopping sandbox…");
    case State::Stopped:
        return tr("Sandbox stopped");
    case State::Failed:
        return tr("Sandbox failed: %1").arg(m_error);
    }
    return {};
}

void SandboxController::start()
{
    if (m_state == State::Starting || m_state == State::Ready || m_state == State::Stopping)
        return;
    m_error.clear();
    setState(State::Starting);
    m_server->start();
    if (!m_server->program().isEmpty()) {
        QStringList shown = m_server->arguments();
        const qsizetype passIndex = shown.indexOf("--pass"_L1);
        if (passIndex >= 0 && passIndex + 1 < shown.size())
            shown[passIndex + 1] = u"****"_s;
        Q_EMIT logLine(tr("Starting the sandbox: %1 %2")
                           .arg(QDir::toNativeSeparators(m_server->program()), shown.join(u' ')));
    }
}

void SandboxController::stop()
{
    if (m_state != State::Starting && m_state != State::Ready && !m_server->isRunning())
        return;
    setState(State::Stopping);
    m_server->stop();
    if (!m_server->isRunning() && m_state == State::Stopping)
        setState(State::Stopped);
}

void SandboxController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace SurrealQt

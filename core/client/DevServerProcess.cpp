#include <surrealqt/client/DevServerProcess.h>

#include "surrealqtcore_config_p.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>
#include <QtNetwork/QTcpServer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace SurrealQt {

Q_LOGGING_CATEGORY(lcDevServer, "surrealqt.devserver", QtInfoMsg)

namespace {

constexpr auto DefaultStartTimeout = 20s;
constexpr auto DefaultStopTimeout = 5s;
constexpr auto HealthPollInterval = 250ms;

bool isDevServerDirectory(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo::exists(dir + "/src/main.js"_L1);
}

QString stripAnsiEscapes(QString line)
{
    static const QRegularExpression ansi(u"\x1B\\[[0-9;?]*[ -/]*[@-~]"_s);
    return line.remove(ansi);
}

// Real `surreal start` wants an explicit port: ask the OS for a free one.
quint16 pickFreePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

DevServerProcess::DevServerProcess(QObject *parent)
    : QObject(parent)
    , m_startTimer(new QTimer(this))
    , m_killTimer(new QTimer(this))
    , m_healthTimer(new QTimer(this))
    , m_storage(u"memory"_s)
    , m_user(u"root"_s)
    , m_password(u"root"_s)
{
    m_startTimer->setSingleShot(true);
    m_startTimer->setInterval(DefaultStartTimeout);
    connect(m_startTimer, &QTimer::timeout, this, &DevServerProcess::onStartTimeout);

    m_killTimer->setSingleShot(true);
    m_killTimer->setInterval(DefaultStopTimeout);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process) {
            qCWarning(lcDevServer) << "dev server ignored SIGTERM, killing it";
            m_process->kill();
        }
    });

    m_healthTimer->setInterval(HealthPollInterval);
    connect(m_healthTimer, &QTimer::timeout, this, &DevServerProcess::pollHealth);
}

DevServerProcess::~DevServerProcess()
{
    if (!m_process)
        return;
    // Dying: stop synchronously, without calling back into this half-destroyed object.
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(int(stopTimeout().count()))) {
            m_process->kill();
            m_process->waitForFinished(int(stopTimeout().count()));
        }
    }
}

QString DevServerProcess::storage() const
{
    return m_storage;
}

void DevServerProcess::setStorage(const QString &storage)
{
    m_storage = storage;
}

quint16 DevServerProcess::port() const
{
    return m_port;
}

void DevServerProcess::setPort(quint16 port)
{
    m_port = port;
}

QString DevServerProcess::surrealBinary() const
{
    return m_surrealBinary;
}

void DevServerProcess::setSurrealBinary(const QString &binary)
{
    m_surrealBinary = binary;
}

QString DevServerProcess::user() const
{
    return m_user;
}

QString DevServerProcess::password() const
{
    return m_password;
}

void DevServerProcess::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

std::chrono::milliseconds DevServerProcess::startTimeout() const
{
    return m_startTimer->intervalAsDuration();
}

void DevServerProcess::setStartTimeout(std::chrono::milliseconds timeout)
{
    m_startTimer->setInterval(timeout);
}

std::chrono::milliseconds DevServerProcess::stopTimeout() const
{
    return m_killTimer->intervalAsDuration();
}

void DevServerProcess::setStopTimeout(std::chrono::milliseconds timeout)
{
    m_killTimer->setInterval(timeout);
}

DevServerProcess::State DevServerProcess::state() const
{
    return m_state;
}

bool DevServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 DevServerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QUrl DevServerProcess::url() const
{
    return m_url;
}

QUrl DevServerProcess::rpcUrl() const
{
    if (m_url.isEmpty())
        return {};
    QUrl rpc = m_url;
    rpc.setScheme(m_url.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    rpc.setPath(u"/rpc"_s);
    return rpc;
}

QString DevServerProcess::program() const
{
    return m_program;
}

QStringList DevServerProcess::arguments() const
{
    return m_arguments;
}

QString DevServerProcess::devServerDirectory()
{
    const QString fromEnv = qEnvironmentVariable("SURREALQT_DEV_SERVER_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;

    const QString buildTree = QString::fromUtf8(SURREALQT_BUILD_DEV_SERVER_DIR);
    if (isDevServerDirectory(buildTree))
        return buildTree;

    if (QCoreApplication::instance()) {
        const QString relocated = QDir::cleanPath(
            QCoreApplication::applicationDirPath() + u'/'
            + QString::fromUtf8(SURREALQT_BINDIR_TO_PREFIX) + u'/'
            + QString::fromUtf8(SURREALQT_RELATIVE_DEV_SERVER_DIR));
        if (isDevServerDirectory(relocated))
            return relocated;
    }
    return QString::fromUtf8(SURREALQT_INSTALL_DEV_SERVER_DIR);
}

void DevServerProcess::start()
{
    if (m_state == State::Starting || m_state == State::Ready || m_state == State::Stopping) {
        qCWarning(lcDevServer) << "start() ignored: the dev server is already" << m_state;
        return;
    }
    if (m_process) {
        // A failed server that is still shutting down.
        qCWarning(lcDevServer) << "start() ignored: the previous server has not exited yet";
        return;
    }

    m_buffer.clear();
    m_url.clear();
    m_expectedUrl.clear();
    setState(State::Starting);

    const QString surrealBinary = m_surrealBinary.isEmpty() ? qEnvironmentVariable("SURREAL_BIN")
                                                            : m_surrealBinary;
    const bool prepared = surrealBinary.isEmpty() ? prepareDevServer()
                                                  : prepareSurrealBinary(surrealBinary);
    if (!prepared)
        return;

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NO_COLOR"_s, u"1"_s);
    m_process->setProcessEnvironment(env);
#ifdef Q_OS_LINUX
    // Do not leave an orphan server behind if this process dies without stopping it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DevServerProcess::onReadyRead);
    connect(m_process, &QProcess::finished, this, &DevServerProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DevServerProcess::onErrorOccurred);

    qCDebug(lcDevServer) << "starting" << m_program << m_arguments;
    m_startTimer->start();
    if (m_mode == Mode::SurrealBinary)
        m_healthTimer->start();
    m_process->start(m_program, m_arguments, QIODevice::ReadOnly);
}

bool DevServerProcess::prepareDevServer()
{
    m_mode = Mode::DevServer;
    const QString dir = devServerDirectory();
    if (!isDevServerDirectory(dir)) {
        failLater(tr("The dev server was not found in %1 (set SURREALQT_DEV_SERVER_DIR).")
                      .arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty()) {
        failLater(tr("Node.js (node) was not found in PATH; the dev server needs it."));
        return false;
    }
    m_program = node;
    m_arguments = {QDir(dir).filePath(u"src/main.js"_s),
                   u"start"_s,
                   u"--bind"_s,
                   u"127.0.0.1:%1"_s.arg(m_port),
                   u"--user"_s,
                   m_user,
                   u"--pass"_s,
                   m_password,
                   u"--log"_s,
                   u"info"_s,
                   m_storage};
    return true;
}

bool DevServerProcess::prepareSurrealBinary(const QString &binary)
{
    m_mode = Mode::SurrealBinary;
    const quint16 port = m_port != 0 ? m_port : pickFreePort();
    if (port == 0) {
        failLater(tr("Could not find a free TCP port for the SurrealDB server."));
        return false;
    }
    m_program = binary;
    m_arguments = {u"start"_s,
                   u"--bind"_s,
                   u"127.0.0.1:%1"_s.arg(port),
                   u"--user"_s,
                   m_user,
                   u"--pass"_s,
                   m_password,
                   m_storage};
    m_expectedUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    return true;
}

void DevServerProcess::stop()
{
    m_startTimer->stop();
    m_healthTimer->stop();
    if (!m_process) {
        if (m_state != State::Failed)
            setState(State::NotRunning);
        return;
    }
    if (m_state == State::Stopping)
        return;
    setState(State::Stopping);
    m_process->terminate();
    m_killTimer->start();
}

void DevServerProcess::onReadyRead()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        handleLine(line);
    }
}

void DevServerProcess::handleLine(const QByteArray &rawLine)
{
    QByteArray trimmed = rawLine;
    if (trimmed.endsWith('\r'))
        trimmed.chop(1);
    const QString line = stripAnsiEscapes(QString::fromUtf8(trimmed));
    Q_EMIT logLine(line);

    if (m_state != State::Starting)
        return;
    if (m_mode == Mode::DevServer) {
        static const QRegularExpression listening(uR"(^Listening on (http://\S+)$)"_s);
        const QRegularExpressionMatch match = listening.match(line);
        if (match.hasMatch()) {
            const QUrl url(match.captured(1));
            if (url.isValid() && url.port() > 0)
                becomeReady(url);
        }
    } else if (line.contains("Started web server on"_L1)) {
        becomeReady(m_expectedUrl);
    }
}

void DevServerProcess::pollHealth()
{
    if (m_state != State::Starting || m_healthRequestPending || m_expectedUrl.isEmpty())
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QUrl health = m_expectedUrl;
    health.setPath(u"/health"_s);
    m_healthRequestPending = true;
    QNetworkReply *reply = m_network->get(QNetworkRequest(health));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_healthRequestPending = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_state == State::Starting && reply->error() == QNetworkReply::NoError && status == 200)
            becomeReady(m_expectedUrl);
    });
}

void DevServerProcess::becomeReady(const QUrl &url)
{
    m_startTimer->stop();
    m_healthTimer->stop();
    m_url = url;
    setState(State::Ready);
    Q_EMIT ready(url);
}

void DevServerProcess::onStartTimeout()
{
    if (m_state != State::Starting)
        return;
    fail(tr("The dev server did not become ready within %1 seconds.")
             .arg(double(startTimeout().count()) / 1000.0));
    if (m_process) {
        m_process->terminate();
        m_killTimer->start();
    }
}

void DevServerProcess::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (!m_buffer.isEmpty()) {
        const QByteArray rest = std::exchange(m_buffer, {});
        handleLine(rest);
    }
    m_startTimer->stop();
    m_killTimer->stop();
    m_healthTimer->stop();
    m_process->deleteLater();
    m_process = nullptr;
    m_url.clear();

    const bool crashed = exitStatus == QProcess::CrashExit;
    switch (m_state) {
    case State::Starting:
        fail(crashed ? tr("The dev server crashed before it was ready.")
                     : tr("The dev server exited with code %1 before it was ready.").arg(exitCode));
        break;
    case State::Ready:
        fail(crashed ? tr("The dev server crashed.")
                     : tr("The dev server exited unexpectedly with code %1.").arg(exitCode));
        break;
    case State::Stopping:
        setState(State::NotRunning);
        break;
    case State::NotRunning:
    case State::Failed:
        break;
    }
    Q_EMIT stopped();
}

void DevServerProcess::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return;
    const QString message = tr("Could not run %1: %2").arg(m_program, m_process->errorString());
    m_startTimer->stop();
    m_healthTimer->stop();
    m_process->deleteLater();
    m_process = nullptr;
    fail(message);
    Q_EMIT stopped();
}

void DevServerProcess::fail(const QString &message)
{
    qCWarning(lcDevServer).noquote() << message;
    m_startTimer->stop();
    m_healthTimer->stop();
    setState(State::Failed);
    Q_EMIT failed(message);
}

void DevServerProcess::failLater(const QString &message)
{
    // Report asynchronously, so that start() never emits before its caller connected.
    QMetaObject::invokeMethod(
        this,
        [this, message] {
            if (m_state == State::Starting && !m_process)
                fail(message);
        },
        Qt::QueuedConnection);
}

void DevServerProcess::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace SurrealQt

#include "profiles/ConnectionDialog.h"

#include <surrealqt/client/WebSocketConnection.h>

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {
using Auth = ConnectionProfile::Auth;
constexpr int MaxPort = 65535;
} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_ns(new QLineEdit(this))
    , m_db(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_secretLabel(new QLabel(this))
    , m_access(new QLineEdit(this))
    , m_variables(new QPlainTextEdit(this))
    , m_sandbox(new QComboBox(this))
    , m_binary(new QLineEdit(this))
    , m_storage(new QComboBox(this))
    , m_storagePath(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Connection"));
    auto *layout = new QVBoxLayout(this);

    auto *server = new QGroupBox(tr("Server"), this);
    auto *serverForm = new QFormLayout(server);
    serverForm->addRow(tr("Name"), m_name);
    m_url->setPlaceholderText(u"ws://127.0.0.1:8000/rpc"_s);
    serverForm->addRow(tr("URL"), m_url);
    serverForm->addRow(tr("Namespace"), m_ns);
    serverForm->addRow(tr("Database"), m_db);
    layout->addWidget(server);

    auto *auth = new QGroupBox(tr("Authentication"), this);
    auto *authForm = new QFormLayout(auth);
    for (const Auth mode :
         {Auth::Root, Auth::Namespace, Auth::Database, Auth::Record, Auth::Token, Auth::Anonymous})
        m_auth->addItem(ConnectionProfile::authName(mode), int(mode));
    authForm->addRow(tr("Sign in as"), m_auth);
    authForm->addRow(tr("User"), m_user);
    authForm->addRow(tr("Access"), m_access);
    m_secret->setEchoMode(QLineEdit::Password);
    authForm->addRow(m_secretLabel, m_secret);
    m_variables->setPlaceholderText(uR"({ "email": "…", "pass": "…" })"_s);
    m_variables->setMaximumHeight(70);
    authForm->addRow(tr("Variables"), m_variables);
    layout->addWidget(auth);

    auto *sandbox = new QGroupBox(tr("Local sandbox"), this);
    auto *sandboxForm = new QFormLayout(sandbox);
    m_sandbox->addItem(tr("None: connect to a running server"),
                       int(ConnectionProfile::SandboxServer::None));
    m_sandbox->addItem(tr("Start the dev server"), int(ConnectionProfile::SandboxServer::DevServer));
    m_sandbox->addItem(tr("Start a surreal binary"),
                       int(ConnectionProfile::SandboxServer::SurrealBinary));
    sandboxForm->addRow(tr("Server"), m_sandbox);
    m_binary->setPlaceholderText(qEnvironmentVariable("SURREAL_BIN", u"surreal"_s));
    sandboxForm->addRow(tr("surreal binary"), m_binary);
    m_storage->addItem(tr("In memory"), int(ConnectionProfile::Storage::Memory));
    m_storage->addItem(tr("SurrealKV folder"), int(ConnectionProfile::Storage::SurrealKv));
    sandboxForm->addRow(tr("Storage"), m_storage);
    sandboxForm->addRow(tr("Folder"), m_storagePath);
    m_port->setRange(0, MaxPort);
    m_port->setSpecialValueText(tr("any free port"));
    sandboxForm->addRow(tr("Port"), m_port);
    layout->addWidget(sandbox);

    m_test->setObjectName(u"testConnectionButton"_s);
    m_result->setObjectName(u"testResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateAuthFields);
    connect(m_sandbox,
            &QComboBox::currentIndexChanged,
            this,
            &ConnectionDialog::updateSandboxFields);
    connect(m_storage,
            &QComboBox::currentIndexChanged,
            this,
            &ConnectionDialog::updateSandboxFields);
    updateAuthFields();
    updateSandboxFields();
}

void ConnectionDialog::updateSandboxFields()
{
    using Server = ConnectionProfile::SandboxServer;
    const auto server = Server(m_sandbox->currentData().toInt());
    const bool local = server != Server::None;
    m_binary->setEnabled(server == Server::SurrealBinary);
    m_storage->setEnabled(local);
    m_storagePath->setEnabled(local
                              && ConnectionProfile::Storage(m_storage->currentData().toInt())
                                     == ConnectionProfile::Storage::SurrealKv);
    m_port->setEnabled(local);
}

void ConnectionDialog::updateAuthFields()
{
    const auto mode = Auth(m_auth->currentData().toInt());
    const bool userMode = mode == Auth::Root || mode == Auth::Namespace || mode == Auth::Database;
    m_user->setEnabled(userMode);
    m_access->setEnabled(mode == Auth::Record);
    m_variables->setEnabled(mode == Auth::Record);
    m_secret->setEnabled(userMode || mode == Auth::Token);
    m_secretLabel->setText(mode == Auth::Token ? tr("Token") : tr("Password"));
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_id = profile.id;
    m_name->setText(profile.name);
    m_url->setText(profile.url.toString());
    m_ns->setText(profile.ns);
    m_db->setText(profile.db);
    m_auth->setCurrentIndex(m_auth->findData(int(profile.auth)));
    m_user->setText(profile.user);
    m_access->setText(profile.access);
    if (profile.auth == Auth::Record) {
        m_variables->setPlainText(profile.secret);
        m_secret->clear();
    } else {
        m_secret->setText(profile.secret);
        m_variables->clear();
    }
    m_sandbox->setCurrentIndex(m_sandbox->findData(int(profile.sandbox)));
    m_binary->setText(profile.surrealBinary);
    m_storage->setCurrentIndex(m_storage->findData(int(profile.storage)));
    m_storagePath->setText(profile.storagePath);
    m_port->setValue(profile.port);
    updateAuthFields();
    updateSandboxFields();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile;
    profile.id = m_id;
    profile.name = m_name->text().trimmed();
    profile.url = QUrl(m_url->text().trimmed());
    profile.ns = m_ns->text().trimmed();
    profile.db = m_db->text().trimmed();
    profile.auth = Auth(m_auth->currentData().toInt());
    profile.user = m_user->text();
    profile.access = m_access->text().trimmed();
    if (profile.auth == Auth::Record) {
        profile.secret = m_variables->toPlainText();
    } else if (profile.auth != Auth::Anonymous) {
        profile.secret = m_secret->text();
    }
    profile.sandbox = ConnectionProfile::SandboxServer(m_sandbox->currentData().toInt());
    profile.surrealBinary = m_binary->text().trimmed();
    profile.storage = ConnectionProfile::Storage(m_storage->currentData().toInt());
    profile.storagePath = m_storagePath->text().trimmed();
    profile.port = m_port->value();
    return profile;
}

QString ConnectionDialog::testResult() const
{
    return m_result->text();
}

void ConnectionDialog::finishTest(bool ok, const QString &message)
{
    if (m_testConnection) {
        m_testConnection->deleteLater();
        m_testConnection = nullptr;
    }
    m_test->setEnabled(true);
    m_result->setStyleSheet(ok ? u"color: #1b5e20;"_s : u"color: #b00020;"_s);
    m_result->setText(message);
    Q_EMIT tested(ok);
}

void ConnectionDialog::testConnection()
{
    const ConnectionProfile tried = profile();
    if (!tried.url.isValid() || tried.url.host().isEmpty()) {
        finishTest(false, tr("Enter a server URL, e.g. ws://127.0.0.1:8000/rpc"));
        return;
    }
    QString problem;
    const Credentials credentials = tried.credentials(&problem);
    if (!problem.isEmpty()) {
        finishTest(false, problem);
        return;
    }
    ConnectionOptions options;
    options.endpoint = tried.url;
    options.reconnect.enabled = false;
    options.callTimeout = std::chrono::seconds(10);
    m_testConnection = new WebSocketConnection(options, this);
    WebSocketConnection *connection = m_testConnection;
    m_test->setEnabled(false);
    m_result->setStyleSheet({});
    m_result->setText(tr("Connecting…"));
    const auto failed = [this](const RpcError &error) { finishTest(false, error.message()); };
    const auto useDatabase = [this, connection, tried, failed] {
        if (tried.ns.isEmpty() && tried.db.isEmpty()) {
            finishTest(true, tr("Connected."));
            return;
        }
        connection->use(tried.ns, tried.db)
            .then(this, [this, tried, failed](const Result<QCborValue> &used) {
                if (!used) {
                    failed(used.error());
                } else {
                    finishTest(true, tr("Connected to %1 / %2.").arg(tried.ns, tried.db));
                }
            });
    };
    connection->open()
        .then(this,
              [this, connection, tried, credentials, failed, useDatabase](
                  const Result<bool> &opened) {
                  if (!opened) {
                      failed(opened.error());
                      return;
                  }
                  if (tried.auth == Auth::Anonymous) {
                      useDatabase();
                      return;
                  }
                  if (tried.auth == Auth::Token) {
                      connection->authenticate(tried.secret)
                          .then(this, [failed, useDatabase](const Result<QCborValue> &result) {
                              if (!result) {
                                  failed(result.error());
                              } else {
                                  useDatabase();
                              }
                          });
                      return;
                  }
                  connection->signin(credentials)
                      .then(this, [failed, useDatabase](const Result<QString> &result) {
                          if (!result) {
                              failed(result.error());
                          } else {
                              useDatabase();
                          }
                      });
              });
}

} // namespace SurrealQt

#pragma once

#include "profiles/ConnectionProfile.h"

#include <QtWidgets/QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace SurrealQt {

class WebSocketConnection;

// Edits a connection profile: URL, namespace, database, how to sign in (root, namespace or
// database user, record access with its variables, token, anonymous), and an optional local
// sandbox (the dev server or a real `surreal` binary, memory or SurrealKV, a port). "Test
// connection" connects, signs in and uses the namespace and database, without saving.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    // The last test's outcome, as shown under the button.
    QString testResult() const;

public Q_SLOTS:
    void testConnection();

Q_SIGNALS:
    void tested(bool ok);

private:
    void updateAuthFields();
    void updateSandboxFields();
    void finishTest(bool ok, const QString &message);

    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_ns = nullptr;
    QLineEdit *m_db = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_access = nullptr;
    QPlainTextEdit *m_variables = nullptr;
    QComboBox *m_sandbox = nullptr;
    QLineEdit *m_binary = nullptr;
    QComboBox *m_storage = nullptr;
    QLineEdit *m_storagePath = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
    QString m_id;
    WebSocketConnection *m_testConnection = nullptr;
};

} // namespace SurrealQt

#pragma once

#include <surrealqt/client/WebSocketConnection.h>
#include <surrealqt/migrations/ConnectionArguments.h>
#include <surrealqt/orm/LiveQueryModel.h>

#include <QtWidgets/QMainWindow>

class QLineEdit;
class QTableView;

// The to-do list: a table that follows the `todo` table live, a line to add a to-do (words
// starting with # become tags), and buttons to mark the selected one done or delete it.
class TodoWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit TodoWindow(SurrealQt::ConnectionArguments connection, QWidget *parent = nullptr);

    // Connects, signs in, uses the namespace and database, then starts the live model.
    void connectToServer();

private:
    void signIn();
    void useDatabase();
    void startLiveModel();
    void addTodo();
    void toggleSelected();
    void deleteSelected();
    int selectedRow() const;
    void showError(const QString &message);

    SurrealQt::ConnectionArguments m_connection;
    SurrealQt::WebSocketConnection *m_db = nullptr;
    SurrealQt::LiveQueryModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_input = nullptr;
};

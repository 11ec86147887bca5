#include "TodoWindow.h"

#include "models.h"

#include <surrealqt/orm/Objects.h>

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

using namespace SurrealQt;
using namespace Qt::Literals::StringLiterals;

TodoWindow::TodoWindow(ConnectionArguments connection, QWidget *parent)
    : QMainWindow(parent)
    , m_connection(std::move(connection))
    , m_db(new WebSocketConnection(m_connection.options(), this))
    // Every to-do, kept in sync by a live query: each change becomes rowsInserted, dataChanged
    // or rowsRemoved for that row only.
    , m_model(new LiveQueryModel(m_db, objects<Todo>(m_db).orderBy({u"title"_s}), this))
    , m_view(new QTableView)
    , m_input(new QLineEdit)
{
    setWindowTitle(tr("To-do"));
    m_input->setPlaceholderText(tr("What needs doing? (#tag to tag it)"));
    auto *add = new QPushButton(tr("Add"));
    auto *done = new QPushButton(tr("Done / not done"));
    auto *remove = new QPushButton(tr("Delete"));

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input);
    inputRow->addWidget(add);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(done);
    buttons->addWidget(remove);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(inputRow);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    setCentralWidget(central);
    resize(640, 420);

    connect(add, &QPushButton::clicked, this, &TodoWindow::addTodo);
    connect(m_input, &QLineEdit::returnPressed, this, &TodoWindow::addTodo);
    connect(done, &QPushButton::clicked, this, &TodoWindow::toggleSelected);
    connect(remove, &QPushButton::clicked, this, &TodoWindow::deleteSelected);
    connect(m_model, &LiveQueryModel::errorOccurred, this, [this](const RpcError &error) {
        showError(error.message());
    });
    connect(m_model, &LiveQueryModel::readyChanged, this, [this](bool ready) {
        if (ready)
            statusBar()->showMessage(tr("%n to-do(s)", nullptr, m_model->rowCount()));
    });
}

void TodoWindow::connectToServer()
{
    statusBar()->showMessage(tr("Connecting to %1…").arg(m_db->options().endpoint.toString()));
    m_db->open().then(this, [this](const Result<bool> &opened) {
        if (!opened)
            return showError(opened.error().message());
        signIn();
    });
}

void TodoWindow::signIn()
{
    if (m_connection.credentials().level() == Credentials::Level::Anonymous)
        return useDatabase();
    m_db->signin(m_connection.credentials()).then(this, [this](const Result<QString> &token) {
        if (!token)
            return showError(tr("Cannot sign in: %1").arg(token.error().message()));
        useDatabase();
    });
}

void TodoWindow::useDatabase()
{
    m_db->use(m_connection.ns(), m_connection.db())
        .then(this, [this](const Result<QCborValue> &used) {
            if (!used)
                return showError(used.error().message());
            m_model->start(); // one SELECT, then the LIVE SELECT
        });
}

void TodoWindow::addTodo()
{
    // "Buy milk #shop" → the to-do "Buy milk" linked to the tag "shop" (created if new).
    QStringList words;
    QStringList tagNames;
    for (const QString &word : m_input->text().split(u' ', Qt::SkipEmptyParts)) {
        if (word.startsWith(u'#') && word.size() > 1) {
            tagNames.append(word.mid(1));
        } else {
            words.append(word);
        }
    }
    Todo todo;
    todo.title = words.join(u' ');
    if (todo.title.isEmpty())
        return;
    m_input->clear();

    QList<QFuture<Result<std::pair<Tag, bool>>>> tags;
    for (const QString &name : tagNames)
        tags.append(objects<Tag>(m_db).getOrCreate({{u"name"_s, name}}));
    QtFuture::whenAll(tags.begin(), tags.end())
        .then(this, [this, todo](const QList<QFuture<Result<std::pair<Tag, bool>>>> &made) mutable {
            for (const auto &tag : made) {
                const auto result = tag.result();
                if (!result)
                    return showError(result.error().message());
                todo.tags.append(result.value().first.id);
            }
            // The live model shows the new row when the server confirms it.
            objects<Todo>(m_db).save(todo).then(this, [this](const Result<Todo> &saved) {
                if (!saved)
                    showError(saved.error().message());
            });
        });
}

void TodoWindow::toggleSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    Todo todo = m_model->object<Todo>(row);
    todo.done = !todo.done;
    // save() of a loaded object sends only what changed: UPDATE … MERGE {done: …}.
    objects<Todo>(m_db).save(todo).then(this, [this](const Result<Todo> &saved) {
        if (!saved)
            showError(saved.error().message());
    });
}

void TodoWindow::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    objects<Todo>(m_db)
        .remove(m_model->object<Todo>(row))
        .then(this, [this](const Result<bool> &removed) {
            if (!removed)
                showError(removed.error().message());
        });
}

int TodoWindow::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void TodoWindow::showError(const QString &message)
{
    statusBar()->showMessage(tr("Error: %1").arg(message));
}

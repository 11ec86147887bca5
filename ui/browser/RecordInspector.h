#pragma once

#include <QtCore/QCborValue>
#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QLabel;
class QTreeView;

namespace SurrealQt {

class Connection;
class ResultTreeModel;

// One record as a tree, with its graph edges: the relations that leave it (`$id->?`) and those
// that arrive at it (`$id<-?`), each edge shown as its record (id, in, out and its fields).
class RecordInspector : public QWidget
{
    Q_OBJECT

public:
    explicit RecordInspector(Connection *connection, QWidget *parent = nullptr);

    // Shows the record and loads its relations; an undefined value clears the inspector.
    void setRecord(const QCborValue &record);
    QCborValue record() const { return m_record; }
    ResultTreeModel *recordModel() const { return m_recordModel; }
    ResultTreeModel *outgoingModel() const { return m_outgoingModel; }
    ResultTreeModel *incomingModel() const { return m_incomingModel; }

Q_SIGNALS:
    void relationsLoaded();

private:
    QPointer<Connection> m_connection;
    QCborValue m_record;
    quint64 m_request = 0;
    ResultTreeModel *m_recordModel = nullptr;
    ResultTreeModel *m_outgoingModel = nullptr;
    ResultTreeModel *m_incomingModel = nullptr;
    QTreeView *m_outgoingTree = nullptr;
    QTreeView *m_incomingTree = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_outgoingLabel = nullptr;
    QLabel *m_incomingLabel = nullptr;
};

} // namespace SurrealQt

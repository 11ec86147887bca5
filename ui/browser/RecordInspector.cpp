#include "browser/RecordInspector.h"

#include "console/ResultTreeModel.h"
#include "console/ValueText.h"

#include <surrealqt/client/Connection.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

RecordInspector::RecordInspector(Connection *connection, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_recordModel(new ResultTreeModel(this))
    , m_outgoingModel(new ResultTreeModel(this))
    , m_incomingModel(new ResultTreeModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);
    const auto section = [&](ResultTreeModel *model, const QString &title, QLabel **label) {
        auto *box = new QWidget(splitter);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(4, 4, 4, 0);
        *label = new QLabel(title, box);
        boxLayout->addWidget(*label);
        auto *tree = new QTreeView(box);
        tree->setModel(model);
        tree->setUniformRowHeights(true);
        tree->setAlternatingRowColors(true);
        // The value gets the room; the key and the type take what they need.
        tree->header()->setStretchLastSection(false);
        tree->header()->setSectionResizeMode(ResultTreeModel::KeyColumn,
                                             QHeaderView::ResizeToContents);
        tree->header()->setSectionResizeMode(ResultTreeModel::ValueColumn, QHeaderView::Stretch);
        tree->header()->setSectionResizeMode(ResultTreeModel::TypeColumn,
                                             QHeaderView::ResizeToContents);
        boxLayout->addWidget(tree);
        splitter->addWidget(box);
        return tree;
    };
    QTreeView *recordTree = section(m_recordModel, tr("Record"), &m_title);
    recordTree->setObjectName(u"recordTree"_s);
    m_outgoingTree = section(m_outgoingModel, tr("Outgoing relations"), &m_outgoingLabel);
    m_outgoingTree->setObjectName(u"outgoingTree"_s);
    m_incomingTree = section(m_incomingModel, tr("Incoming relations"), &m_incomingLabel);
    m_incomingTree->setObjectName(u"incomingTree"_s);
    // Equal thirds: a record is a few lines; its relations are often longer.
    splitter->setSizes({1, 1, 1});
}

void RecordInspector::setRecord(const QCborValue &record)
{
    m_record = record;
    const quint64 request = ++m_request;
    m_recordModel->setValue(record);
    m_outgoingModel->setValue(QCborArray());
    m_incomingModel->setValue(QCborArray());
    const QCborValue id = record.toMap().value("id"_L1);
    m_title->setText(id.isUndefined()
                         ? tr("Record")
                         : tr("Record %1").arg(ValueText::format(id, ValueText::Style::Surql, 80)));
    m_outgoingLabel->setText(tr("Outgoing relations"));
    m_incomingLabel->setText(tr("Incoming relations"));
    if (id.isUndefined() || !m_connection)
        return;
    m_connection->query(u"SELECT * FROM $id->?; SELECT * FROM $id<-?;"_s, QCborMap{{u"id"_s, id}})
        .then(this, [this, request](const Result<QueryResponse> &result) {
            if (request != m_request)
                return; // another record was chosen meanwhile
            if (!result || !result->isOk()) {
                const QString why = result ? result->firstError().message()
                                           : result.error().message();
                m_outgoingLabel->setText(tr("Relations could not be read: %1").arg(why));
                return;
            }
            const QCborArray outgoing = result->value(0).toArray();
            const QCborArray incoming = result->value(1).toArray();
            m_outgoingModel->setValue(outgoing);
            m_incomingModel->setValue(incoming);
            // Each edge opened one level: its id, in, out and fields at a glance.
            m_outgoingTree->expandToDepth(0);
            m_incomingTree->expandToDepth(0);
            m_outgoingLabel->setText(tr("Outgoing relations (%1)").arg(outgoing.size()));
            m_incomingLabel->setText(tr("Incoming relations (%1)").arg(incoming.size()));
            Q_EMIT relationsLoaded();
        });
}

} // namespace SurrealQt

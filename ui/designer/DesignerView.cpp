#include "designer/DesignerView.h"

#include "common/StatusText.h"
#include "designer/SchemaScene.h"
#include "designer/TableItem.h"

#include <surrealqt/client/Connection.h>
#include <surrealqt/migrations/MigrationHistory.h>
#include <surrealqt/schema/SchemaIntrospector.h>
#include <surrealqt/schema/SchemaParser.h>

#include <QtCore/QBuffer>
#include <QtCore/QSaveFile>
#include <QtGui/QImage>
#include <QtGui/QUndoStack>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGraphicsView>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

constexpr qreal kZoomStep = 1.25;
constexpr qreal kExportScale = 2.0;

} // namespace

DesignerView::DesignerView(QWidget *parent)
    : QWidget(parent)
    , m_scene(new SchemaScene(this))
    , m_view(new QGraphicsView(m_scene, this))
    , m_status(new QLabel(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setDragMode(QGraphicsView::RubberBandDrag);
    m_status->setObjectName(u"designerStatus"_s);

    auto *reload = new QPushButton(tr("Reload"), this);
    auto *layoutButton = new QPushButton(tr("Automatic layout"), this);
    auto *undo = new QPushButton(tr("Undo"), this);
    auto *redo = new QPushButton(tr("Redo"), this);
    auto *zoomIn = new QPushButton(tr("Zoom in"), this);
    auto *zoomOut = new QPushButton(tr("Zoom out"), this);
    auto *exportButton = new QPushButton(tr("Export…"), this);
    connect(reload, &QPushButton::clicked, this, &DesignerView::reload);
    connect(layoutButton, &QPushButton::clicked, m_scene, &SchemaScene::autoLayout);
    connect(undo, &QPushButton::clicked, m_scene->undoStack(), &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_scene->undoStack(), &QUndoStack::redo);
    connect(m_scene->undoStack(), &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(m_scene->undoStack(), &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(zoomIn, &QPushButton::clicked, this, [this] { m_view->scale(kZoomStep, kZoomStep); });
    connect(zoomOut, &QPushButton::clicked, this, [this] {
        m_view->scale(1 / kZoomStep, 1 / kZoomStep);
    });
    connect(exportButton, &QPushButton::clicked, this, &DesignerView::chooseExportFile);

    auto *bar = new QHBoxLayout;
    for (QPushButton *button : {reload, layoutButton, undo, redo, zoomIn, zoomOut, exportButton})
        bar->addWidget(button);
    bar->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

QString DesignerView::statusText() const
{
    return m_status->text();
}

void DesignerView::showStatus(const QString &text, bool error)
{
    showStatusText(m_status, text, error);
}

void DesignerView::loadFromConnection(Connection *connection)
{
    m_connection = connection;
    m_text.clear();
    if (!connection) {
        showStatus(tr("Not connected."), true);
        Q_EMIT loaded(false);
        return;
    }
    showStatus(tr("Reading the schema…"));
    SchemaIntrospector::introspect(connection).then(this, [this](const Result<Schema> &schema) {
        if (!schema) {
            showStatus(tr("Cannot read the schema: %1").arg(schema.error().message()), true);
            Q_EMIT loaded(false);
            return;
        }
        m_scene->setSchema(MigrationHistory::withoutHistory(schema.value()));
        showStatus(tr("%n table(s).", nullptr, int(m_scene->tables().size())));
        Q_EMIT loaded(true);
    });
}

bool DesignerView::loadFromText(const QString &surql)
{
    SchemaParseError error;
    const std::optional<Schema> schema = SchemaParser::parse(surql, &error);
    if (!schema) {
        showStatus(tr("Cannot read the schema: %1").arg(error.message()), true);
        Q_EMIT loaded(false);
        return false;
    }
    m_connection = nullptr;
    m_text = surql;
    m_scene->setSchema(*schema);
    showStatus(tr("%n table(s).", nullptr, int(m_scene->tables().size())));
    Q_EMIT loaded(true);
    return true;
}

void DesignerView::reload()
{
    if (m_connection) {
        loadFromConnection(m_connection);
    } else if (!m_text.isEmpty()) {
        loadFromText(m_text);
    }
}

bool DesignerView::exportTo(const QString &path)
{
    QByteArray bytes;
    if (path.endsWith(u".svg"_s, Qt::CaseInsensitive)) {
        bytes = m_scene->toSvg();
    } else {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        m_scene->toImage(kExportScale).save(&buffer, "PNG");
    }
    QSaveFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
        || !file.commit()) {
        showStatus(tr("Cannot write %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    showStatus(tr("Exported %1.").arg(path));
    return true;
}

void DesignerView::chooseExportFile()
{
    auto *dialog = new QFileDialog(this,
                                   tr("Export the diagram"),
                                   {},
                                   tr("PNG images (*.png);;SVG drawings (*.svg)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"png"_s);
    connect(dialog, &QFileDialog::fileSelected, this, &DesignerView::exportTo);
    dialog->open();
}

} // namespace SurrealQt

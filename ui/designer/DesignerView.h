#pragma once

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

class QGraphicsView;
class QLabel;

namespace SurrealQt {

class Connection;
class SchemaScene;

// The schema diagram of a database (read from the live connection) or of a `.surql` file:
// tables with their fields and types, record links and relations as arrows. Tables can be
// dragged (undo and redo), laid out automatically, zoomed, and the diagram exported as PNG or
// SVG.
class DesignerView : public QWidget
{
    Q_OBJECT

public:
    explicit DesignerView(QWidget *parent = nullptr);

    SchemaScene *scene() const { return m_scene; }
    QGraphicsView *view() const { return m_view; }
    QString statusText() const;

public Q_SLOTS:
    // Reads the schema of the connection's database (INFO FOR DB / TABLE) and shows it.
    void loadFromConnection(Connection *connection);
    // Shows the schema that DEFINE statements describe; a parse error is shown and changes
    // nothing.
    bool loadFromText(const QString &surql);
    // Reads the same source again.
    void reload();
    // Writes the diagram as an SVG when the path ends in .svg, else as a PNG; false (and the
    // reason in the status) when it cannot.
    bool exportTo(const QString &path);

Q_SIGNALS:
    void loaded(bool ok);

private:
    void showStatus(const QString &text, bool error = false);
    void chooseExportFile();

    SchemaScene *m_scene;
    QGraphicsView *m_view;
    QLabel *m_status;
    QPointer<Connection> m_connection;
    QString m_text; // the DEFINE text shown, when it came from text
};

} // namespace SurrealQt

// The schema diagram: tables with their fields and types, record links (through options and
// arrays too) and relation sides as arrows, links that follow a moved table, undo and redo of
// moves and of the automatic layout, no overlaps after it, a PNG export that shows something,
// and a schema that does not parse changing nothing shown.

#include "designer/DesignerView.h"
#include "designer/LinkItem.h"
#include "designer/SchemaScene.h"
#include "designer/TableItem.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtGui/QUndoStack>
#include <QtTest/QTest>
#include <QtWidgets/QGraphicsView>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

const QString Library = uR"(
DEFINE TABLE author SCHEMAFULL;
DEFINE FIELD name ON author TYPE string;
DEFINE FIELD mentor ON author TYPE option<record<author>>;
DEFINE TABLE book SCHEMAFULL;
DEFINE FIELD title ON book TYPE string;
DEFINE FIELD authors ON book TYPE array<record<author>>;
DEFINE FIELD `odd ⟩ name` ON book TYPE int;
DEFINE TABLE reader SCHEMALESS;
DEFINE TABLE wrote TYPE RELATION IN author OUT book;
DEFINE FIELD at ON wrote TYPE datetime;
)"_s;

bool overlap(const QList<TableItem *> &tables)
{
    for (qsizetype i = 0; i < tables.size(); ++i) {
        for (qsizetype j = i + 1; j < tables.size(); ++j) {
            if (tables.at(i)->sceneBoundingRect().intersects(tables.at(j)->sceneBoundingRect()))
                return true;
        }
    }
    return false;
}

QStringList linkNames(const SchemaScene &scene)
{
    QStringList names;
    for (const LinkItem *link : scene.links()) {
        names.append(u"%1 -%2-> %3 (%4)"_s.arg(link->from()->name(),
                                               link->label(),
                                               link->to()->name(),
                                               link->kind() == LinkItem::Kind::Relation
                                                   ? u"relation"_s
                                                   : u"link"_s));
    }
    names.sort();
    return names;
}

} // namespace

class tst_Designer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tablesFieldsAndLinks()
    {
        DesignerView designer;
        QVERIFY(designer.loadFromText(Library));
        SchemaScene *scene = designer.scene();
        QCOMPARE(scene->tables().size(), 4);
        QVERIFY(designer.statusText().contains(u"4 table(s)"_s));
        QCOMPARE(scene->table(u"book"_s)->fieldLines(),
                 (QStringList{u"authors: array<record<author>>"_s,
                              u"odd ⟩ name: int"_s,
                              u"title: string"_s}));
        QVERIFY(scene->table(u"wrote"_s)->isRelation());
        QCOMPARE(linkNames(*scene),
                 (QStringList{u"author -in-> wrote (relation)"_s,
                              u"author -mentor-> author (link)"_s,
                              u"book -authors-> author (link)"_s,
                              u"wrote -out-> book (relation)"_s}));
        QVERIFY(!overlap(scene->tables()));
    }

    void movesFollowAndUndo()
    {
        DesignerView designer;
        QVERIFY(designer.loadFromText(Library));
        SchemaScene *scene = designer.scene();
        QVERIFY(!scene->undoStack()->canUndo()); // the first layout is not an edit
        TableItem *book = scene->table(u"book"_s);
        LinkItem *authors = nullptr;
        for (LinkItem *link : scene->links()) {
            if (link->label() == u"authors"_s)
                authors = link;
        }
        QVERIFY(authors);
        const QPointF start = book->pos();
        const QRectF pathBefore = authors->path().boundingRect();

        // A drag with the mouse: the link follows, and the move can be undone and redone.
        designer.resize(900, 600);
        designer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&designer));
        QGraphicsView *view = designer.view();
        const QPoint grab = view->mapFromScene(book->sceneBoundingRect().topLeft()
                                               + QPointF(20, 10));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
        QMouseEvent move(QEvent::MouseMove,
                         grab + QPoint(150, 120),
                         view->viewport()->mapToGlobal(grab + QPoint(150, 120)),
                         Qt::NoButton,
                         Qt::LeftButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grab + QPoint(150, 120));
        QVERIFY2(book->pos() != start, "the drag did not move the table");
        QVERIFY(authors->path().boundingRect() != pathBefore);
        QCOMPARE(scene->undoStack()->count(), 1);
        const QPointF moved = book->pos();
        scene->undoStack()->undo();
        QCOMPARE(book->pos(), start);
        QCOMPARE(authors->path().boundingRect(), pathBefore);
        scene->undoStack()->redo();
        QCOMPARE(book->pos(), moved);

        // The automatic layout is one undoable step, and leaves no overlaps.
        book->setPos(scene->table(u"author"_s)->pos());
        QVERIFY(overlap(scene->tables()));
        scene->autoLayout();
        QVERIFY(!overlap(scene->tables()));
        scene->undoStack()->undo();
        QVERIFY(overlap(scene->tables()));
    }

    void reloadKeepsPlacesAndBadTextChangesNothing()
    {
        DesignerView designer;
        QVERIFY(designer.loadFromText(Library));
        SchemaScene *scene = designer.scene();
        scene->table(u"reader"_s)->setPos(500, 500);
        QVERIFY(designer.loadFromText(Library + u"DEFINE FIELD email ON reader TYPE string;"_s));
        QCOMPARE(scene->table(u"reader"_s)->pos(), QPointF(500, 500));
        QCOMPARE(scene->table(u"reader"_s)->fieldLines(), QStringList{u"email: string"_s});

        QVERIFY(!designer.loadFromText(u"DEFINE TABLE broken SCHEMAFULL; DEFINE FIELD ON;"_s));
        QVERIFY2(designer.statusText().startsWith(u"Cannot read the schema"_s),
                 qPrintable(designer.statusText()));
        QCOMPARE(scene->tables().size(), 4);
        // Nothing to read from: said, and the diagram stays.
        designer.loadFromConnection(nullptr);
        QCOMPARE(designer.statusText(), u"Not connected."_s);
        QCOMPARE(scene->tables().size(), 4);
    }

    void exportsAPicture()
    {
        DesignerView designer;
        QVERIFY(designer.loadFromText(Library));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"diagram.png"_s);
        QVERIFY(designer.exportTo(path));
        const QImage image(path);
        QVERIFY(image.width() > 300 && image.height() > 150);
        bool varied = false;
        for (int y = 0; y < image.height() && !varied; y += 4) {
            for (int x = 0; x < image.width() && !varied; x += 4)
                varied = image.pixel(x, y) != image.pixel(0, 0);
        }
        QVERIFY(varied);
        if (const QString shots = qEnvironmentVariable("SURREALQT_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            designer.resize(1100, 650);
            designer.show();
            QTest::qWait(200);
            QVERIFY(designer.grab().save(QDir(shots).filePath(u"studio-diagram.png"_s)));
        }
        QVERIFY(!designer.exportTo(dir.filePath(u"missing/dir/diagram.png"_s)));
        QVERIFY(designer.statusText().startsWith(u"Cannot write"_s));

        // SVG: a vector drawing with the tables' names in it as text.
        const QString svgPath = dir.filePath(u"diagram.svg"_s);
        QVERIFY(designer.exportTo(svgPath));
        QFile svg(svgPath);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray drawing = svg.readAll();
        QVERIFY(drawing.startsWith("<?xml") && drawing.contains("<svg"));
        QVERIFY(drawing.contains(">book<") && drawing.contains(">wrote  (author → book)<"));
    }
};

QTEST_MAIN(tst_Designer)
#include "tst_designer.moc"

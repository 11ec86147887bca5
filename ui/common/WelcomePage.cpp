#include "common/WelcomePage.h"

#include <QtWidgets/QTextBrowser>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    auto *browser = new QTextBrowser(this);
    browser->setObjectName(u"welcomeBrowser"_s);
    browser->setOpenLinks(false);
    browser->setFrameShape(QFrame::NoFrame);

    const QString html
        = u"<table cellpadding='6'><tr><td valign='middle'>"
          "<img src=':/icons/org.surrealqt.Studio.svg' width='72' height='72'></td>"
          "<td valign='middle'><h1>%1</h1><p>%2</p></td></tr></table>"
          "<p>%3</p>"
          "<h3>%4</h3><ul><li>%5</li><li>%6</li><li>%7</li><li>%8</li><li>%9</li></ul>"
          "<p>%10</p><h3>%11</h3><p>%12</p><p><code>surrealqt-studio --no-sandbox</code></p>"_s.arg(
              tr("Welcome to SurrealQt Studio"),
              tr("A desktop workbench for SurrealDB, built with Qt 6."),
              tr("SurrealQt Studio lets you explore SurrealDB databases, browse and edit "
                 "records, and write and run SurrealQL. It is built on SurrealQt Core, the "
                 "same library that any Qt application can use."),
              tr("What you will find here"),
              tr("<b>Explorer</b>: the sandbox and your saved connections (right-click one "
                 "to connect, edit or delete it), then namespaces, databases and tables "
                 "with their record counts."),
              tr("<b>Table browser</b>: scroll through millions of records, filter and "
                 "sort on the server, edit one field at a time, and inspect a record with "
                 "its relations."),
              tr("<b>Query console</b>: SurrealQL with highlighting and completion, bound "
                 "variables, history, and results as a table, a tree or text."),
              tr("<b>Migrations</b>: File → Open migrations folder… previews each "
                 "migration (its SurrealQL, and the schema before and after it), then "
                 "applies or rolls it back, as <code>surrealqt migrate</code> does."),
              tr("<b>Live dashboards</b>: File → New live dashboard; each panel follows one "
                 "table through LIVE SELECT: its records, every notification, counters per "
                 "action and the rate per second. Panels are kept for the next time."),
              tr("<b>Schema diagram</b>: File → Schema diagram draws the tables with their "
                 "fields, record links and relations; drag, undo, lay out, export as PNG or SVG. "
                 "Editing the schema on the diagram is not here yet."),
              tr("The sandbox"),
              tr("At startup the Studio runs a local, in-memory SurrealDB (the sandbox) so "
                 "you can try everything without touching a real database. Its address "
                 "appears in the Explorer and in the status bar, and its output in the Log "
                 "panel. To do without it, start the Studio with:"));
    browser->setHtml(html);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(browser);
}

} // namespace SurrealQt

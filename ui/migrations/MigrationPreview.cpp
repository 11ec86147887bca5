#include "migrations/MigrationPreview.h"

#include "console/ConsoleEditor.h"

#include <surrealqt/migrations/MigrationScript.h>
#include <surrealqt/migrations/MigrationSet.h>
#include <surrealqt/migrations/MigrationState.h>
#include <surrealqt/schema/SchemaPrinter.h>

#include <QtCore/QSet>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

enum OperationColumn { TypeColumn, TableColumn, NameColumn, NoteColumn };

// The lines only one side of the schema comparison has.
const QColor kRemovedColor(0xff, 0xdd, 0xdd);
const QColor kAddedColor(0xdd, 0xf4, 0xdd);

// An editor under a caption, for the two sides of the schema comparison.
QWidget *captioned(const QString &caption, ConsoleEditor *editor, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(caption, box));
    layout->addWidget(editor);
    return box;
}

// The schema after the first `count` migrations, as DEFINE statements.
QString schemaText(const MigrationSet &set, qsizetype count)
{
    QString error;
    const auto schema = MigrationState::replay(set.migrations(), count, &error);
    if (!schema)
        return u"-- "_s + MigrationPreview::tr("cannot rebuild the schema: %1").arg(error);
    const QString text = SchemaPrinter::print(*schema);
    return text.isEmpty() ? u"-- "_s + MigrationPreview::tr("(empty schema)") : text;
}

} // namespace

MigrationPreview::MigrationPreview(QWidget *parent)
    : QTabWidget(parent)
    , m_operations(new QTreeWidget(this))
    , m_script(new ConsoleEditor(this))
    , m_before(new ConsoleEditor(this))
    , m_after(new ConsoleEditor(this))
{
    m_operations->setObjectName(u"migrationOperations"_s);
    m_operations->setRootIsDecorated(false);
    m_operations->setHeaderLabels({tr("Operation"), tr("Table"), tr("Name"), tr("Note")});
    m_operations->header()->setStretchLastSection(true);
    addTab(m_operations, tr("Operations"));

    m_script->setObjectName(u"migrationScript"_s);
    addTab(m_script, tr("SurrealQL"));

    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(captioned(tr("Before"), m_before, sides));
    sides->addWidget(captioned(tr("After"), m_after, sides));
    addTab(sides, tr("Schema"));

    for (ConsoleEditor *editor : {m_script, m_before, m_after})
        editor->setReadOnly(true);
    m_removedMarker = m_before->markerDefine(QsciScintilla::Background);
    m_before->setMarkerBackgroundColor(kRemovedColor, m_removedMarker);
    m_addedMarker = m_after->markerDefine(QsciScintilla::Background);
    m_after->setMarkerBackgroundColor(kAddedColor, m_addedMarker);
}

void MigrationPreview::setReadOnlyText(ConsoleEditor *editor, const QString &text)
{
    editor->setReadOnly(false);
    editor->setText(text);
    editor->setReadOnly(true);
}

void MigrationPreview::showMigration(const MigrationSet &set, qsizetype index)
{
    m_operations->clear();
    if (index < 0 || index >= set.migrations().size()) {
        for (ConsoleEditor *editor : {m_script, m_before, m_after})
            setReadOnlyText(editor, {});
        return;
    }
    const Migration &migration = set.migrations().at(index);
    for (const SchemaOperation &operation : migration.operations) {
        auto *item = new QTreeWidgetItem(m_operations);
        item->setText(TypeColumn, SchemaOperation::typeName(operation.type));
        item->setText(TableColumn, operation.table);
        item->setText(NameColumn, operation.name);
        if (operation.destructive) {
            item->setText(NoteColumn, tr("destructive: %1").arg(operation.reason));
            item->setForeground(NoteColumn, QColor(0xb0, 0x00, 0x20));
        }
    }
    for (int column = TypeColumn; column < NoteColumn; ++column)
        m_operations->resizeColumnToContents(column);

    using Direction = MigrationScript::Direction;
    setReadOnlyText(m_script,
                    u"-- "_s + tr("Apply %1: one transaction").arg(migration.name) + u'\n'
                        + MigrationScript::transaction(migration, Direction::Forward).trimmed()
                        + u"\n\n-- "_s + tr("Roll back %1: one transaction").arg(migration.name)
                        + u'\n'
                        + MigrationScript::transaction(migration, Direction::Backward).trimmed()
                        + u'\n');
    const QString before = schemaText(set, index);
    const QString after = schemaText(set, index + 1);
    setReadOnlyText(m_before, before);
    setReadOnlyText(m_after, after);
    markLinesMissingFrom(m_before, after, m_removedMarker);
    markLinesMissingFrom(m_after, before, m_addedMarker);
}

void MigrationPreview::markLinesMissingFrom(ConsoleEditor *editor, const QString &other, int marker)
{
    editor->markerDeleteAll(marker);
    const QStringList otherLines = other.split(u'\n');
    const QSet<QString> present(otherLines.begin(), otherLines.end());
    for (int line = 0; line < editor->lines(); ++line) {
        const QString text = editor->text(line).trimmed();
        if (!text.isEmpty() && !present.contains(text))
            editor->markerAdd(line, marker);
    }
}

} // namespace SurrealQt

#pragma once

#include <QtWidgets/QTabWidget>

class QTreeWidget;

namespace SurrealQt {

class ConsoleEditor;
class MigrationSet;

// What one migration does, shown before anything runs: its operations (destructive ones
// flagged with the reason), the exact transactions that applying and rolling it back send, and
// the schema before and after it side by side, rebuilt from the files without a server.
class MigrationPreview : public QTabWidget
{
    Q_OBJECT

public:
    explicit MigrationPreview(QWidget *parent = nullptr);

    // Shows migration `index` of `set`; an index out of range clears the preview.
    void showMigration(const MigrationSet &set, qsizetype index);

    QTreeWidget *operations() const { return m_operations; }
    ConsoleEditor *script() const { return m_script; }
    ConsoleEditor *schemaBefore() const { return m_before; }
    ConsoleEditor *schemaAfter() const { return m_after; }

private:
    static void setReadOnlyText(ConsoleEditor *editor, const QString &text);
    // Puts `marker` on the lines of `editor` that `other` does not have.
    static void markLinesMissingFrom(ConsoleEditor *editor, const QString &other, int marker);

    QTreeWidget *m_operations = nullptr;
    ConsoleEditor *m_script = nullptr;
    ConsoleEditor *m_before = nullptr;
    ConsoleEditor *m_after = nullptr;
    int m_removedMarker = -1; // background of the lines only the schema before has
    int m_addedMarker = -1;   // and of those only the schema after has
};

} // namespace SurrealQt

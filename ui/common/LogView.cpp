#include "common/LogView.h"

#include <QtGui/QFontDatabase>

namespace SurrealQt {

namespace {
constexpr int MaximumLogLines = 10000;
}

LogView::LogView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(MaximumLogLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("No log output yet."));
}

qsizetype LogView::lineCount() const
{
    return m_lineCount;
}

void LogView::appendLine(const QString &line)
{
    ++m_lineCount;
    appendPlainText(line);
}

} // namespace SurrealQt

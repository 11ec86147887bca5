#pragma once

#include <QtWidgets/QPlainTextEdit>

namespace SurrealQt {

// A read-only, bounded log: one line per appendLine(), oldest lines dropped past the limit.
class LogView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);

    // Number of lines appended since creation (not bounded by the block limit).
    qsizetype lineCount() const;

public Q_SLOTS:
    void appendLine(const QString &line);

private:
    qsizetype m_lineCount = 0;
};

} // namespace SurrealQt

#pragma once

#include <QtCore/QCborMap>
#include <QtWidgets/QWidget>

class QTableWidget;

namespace SurrealQt {

// The console's variables: rows of a name and a JSON value, sent with every run as the query's
// bound parameters ($name in the query), never spliced into its text.
class VariablesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VariablesPanel(QWidget *parent = nullptr);

    // Adds a row (the name without $; the value as JSON text, e.g. "\"text\"", 42, {"a": 1}).
    void addVariable(const QString &name = {}, const QString &json = {});
    void clear();
    int count() const;
    // The names of the rows that have one, without $.
    QStringList names() const;

    // The rows as a vars map; false with a translated reason in *error when a name or a value
    // is not valid (empty rows are skipped).
    bool variables(QCborMap *vars, QString *error) const;

    // Reads one JSON value of any kind ("text", 42, null, [..], {..}).
    static bool parseJson(const QString &text, QCborValue *value);

Q_SIGNALS:
    void changed();

private:
    void removeSelected();

    QTableWidget *m_table = nullptr;
};

} // namespace SurrealQt

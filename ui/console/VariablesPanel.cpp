#include "console/VariablesPanel.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>

#include <algorithm>
#include <functional>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace SurrealQt {

VariablesPanel::VariablesPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    m_table->setObjectName(u"variablesTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value (JSON)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setToolTip(tr("Sent as bound parameters: use them as $name in the query"));

    auto *add = new QToolButton(this);
    add->setText(tr("Add"));
    add->setToolTip(tr("Add a variable"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove the selected variables"));
    connect(add, &QToolButton::clicked, this, [this] {
        addVariable();
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
    });
    connect(remove, &QToolButton::clicked, this, &VariablesPanel::removeSelected);
    connect(m_table, &QTableWidget::itemChanged, this, &VariablesPanel::changed);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
}

void VariablesPanel::addVariable(const QString &name, const QString &json)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(json));
    Q_EMIT changed();
}

void VariablesPanel::clear()
{
    m_table->setRowCount(0);
    Q_EMIT changed();
}

int VariablesPanel::count() const
{
    return m_table->rowCount();
}

void VariablesPanel::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (int row : rows)
        m_table->removeRow(row);
    Q_EMIT changed();
}

QStringList VariablesPanel::names() const
{
    QStringList names;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (name.startsWith(u'$'))
            name.remove(0, 1);
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

bool VariablesPanel::parseJson(const QString &text, QCborValue *value)
{
    // QJsonDocument reads only arrays and objects at the top: wrap the value in an array.
    QJsonParseError error;
    const QJsonDocument wrapped = QJsonDocument::fromJson(QString(u'[' + text + u']').toUtf8(),
                                                          &error);
    if (error.error != QJsonParseError::NoError || wrapped.array().size() != 1)
        return false;
    *value = QCborValue::fromJsonValue(wrapped.array().at(0));
    return true;
}

bool VariablesPanel::variables(QCborMap *vars, QString *error) const
{
    static const QRegularExpression namePattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    QCborMap out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QString name = m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        const QString json = m_table->item(row, 1) ? m_table->item(row, 1)->text().trimmed()
                                                   : QString();
        if (name.startsWith(u'$'))
            name.remove(0, 1);
        if (name.isEmpty() && json.isEmpty())
            continue;
        if (!namePattern.match(name).hasMatch()) {
            *error = tr("Variable %1: a name is letters, digits and underscores").arg(row + 1);
            return false;
        }
        QCborValue value;
        if (!parseJson(json, &value)) {
            *error = tr("Variable $%1: the value is not valid JSON (write strings in double "
                        "quotes)")
                         .arg(name);
            return false;
        }
        out.insert(name, value);
    }
    *vars = out;
    return true;
}

} // namespace SurrealQt

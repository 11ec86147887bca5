#include "ResultPrinter.h"

#include <surrealqt/values/Values.h>

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

namespace SurrealQt::Cli {

namespace {

QString cellText(const QCborValue &value)
{
    QString text = value.isString() ? value.toString() : Values::toSurql(value);
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return text;
}

bool isRowList(const QCborValue &value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return false;
    const QCborArray rows = value.toArray();
    return std::all_of(rows.begin(), rows.end(), [](const QCborValue &row) { return row.isMap(); });
}

void printTable(QTextStream &out, const QCborArray &rows)
{
    QStringList columns;
    for (const QCborValue &row : rows) {
        const QCborMap map = row.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString key = it.key().toString();
            if (!columns.contains(key))
                columns.append(key);
        }
    }
    // `id` first, as every SurrealDB tool shows it.
    if (columns.removeOne(QStringLiteral("id")))
        columns.prepend(QStringLiteral("id"));
    QList<QStringList> cells;
    QList<qsizetype> widths;
    for (const QString &column : columns)
        widths.append(column.size());
    for (const QCborValue &row : rows) {
        QStringList line;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QCborValue cell = row.toMap().value(columns[c]);
            line.append(cell.isUndefined() ? QString() : cellText(cell));
            widths[c] = std::max(widths[c], line.last().size());
        }
        cells.append(line);
    }
    const auto printLine = [&](const QStringList &line) {
        for (qsizetype c = 0; c < line.size(); ++c)
            out << (c ? " | " : "") << line[c].leftJustified(widths[c]);
        out << '\n';
    };
    printLine(columns);
    QStringList rule;
    for (qsizetype width : widths)
        rule.append(QString(width, QLatin1Char('-')));
    out << rule.join(QLatin1String("-+-")) << '\n';
    for (const QStringList &line : cells)
        printLine(line);
    out << "(" << rows.size() << (rows.size() == 1 ? " row)\n" : " rows)\n");
}

} // namespace

void printResponse(QTextStream &out, const QueryResponse &response, OutputFormat format)
{
    if (format == OutputFormat::Json) {
        QJsonArray statements;
        for (const StatementResult &statement : response.statements()) {
            QJsonObject object{{QStringLiteral("status"),
                                statement.isOk() ? QStringLiteral("OK") : QStringLiteral("ERR")},
                               {QStringLiteral("time"), statement.timeText()}};
            if (statement.isOk()) {
                object.insert(QStringLiteral("result"), Values::toJson(statement.result()));
            } else {
                object.insert(QStringLiteral("error"), statement.error().message());
            }
            statements.append(object);
        }
        out << QJsonDocument(statements).toJson(QJsonDocument::Indented);
        return;
    }
    for (qsizetype i = 0; i < response.size(); ++i) {
        const StatementResult &statement = response.at(i);
        out << "-- statement " << (i + 1) << ": " << (statement.isOk() ? "OK" : "ERR") << " ("
            << statement.timeText() << ")\n";
        if (!statement.isOk()) {
            out << "-- error: " << statement.error().message() << '\n';
        } else if (format == OutputFormat::Table && isRowList(statement.result())) {
            printTable(out, statement.result().toArray());
        } else {
            out << Values::toSurql(statement.result()) << '\n';
        }
    }
}

} // namespace SurrealQt::Cli

#include "console/ResultExporter.h"

#include "console/ResultTableModel.h"
#include "console/ValueText.h"

#include <QtCore/QCborArray>
#include <QtCore/QCborMap>
#include <QtCore/QCoreApplication>
#include <QtCore/QPromise>
#include <QtCore/QSaveFile>
#include <QtCore/QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace SurrealQt {

namespace {

QString csvCell(const QCborValue &value)
{
    if (value.isUndefined() || ValueText::isNoneOrNull(value))
        return value.isNull() ? u"NULL"_s : QString();
    return ResultExporter::csvField(ValueText::format(value, ValueText::Style::Display));
}

bool writeCsv(const QCborValue &value, QIODevice *device)
{
    const QCborArray rows = value.isArray() ? value.toArray() : QCborArray{value};
    const QStringList columns = ResultTableModel::columnsFor(rows, -1);
    QStringList header;
    for (const QString &column : columns)
        header.append(ResultExporter::csvField(column.isEmpty() ? u"value"_s : column));
    if (device->write(header.join(u',').toUtf8() + "\r\n") < 0)
        return false;
    QString line;
    for (const QCborValue &row : rows) {
        line.clear();
        for (qsizetype column = 0; column < columns.size(); ++column) {
            if (column > 0)
                line += u',';
            const QString &key = columns.at(column);
            if (key.isEmpty()) {
                line += row.isMap() ? QString() : csvCell(row);
            } else if (row.isMap()) {
                line += csvCell(row.toMap().value(key));
            }
        }
        line += u"\r\n"_s;
        if (device->write(line.toUtf8()) < 0)
            return false;
    }
    return true;
}

bool writeJson(const QCborValue &value, QIODevice *device)
{
    if (!value.isArray()) {
        return device->write(ValueText::formatPretty(value, ValueText::Style::Json).toUtf8() + '\n')
               >= 0;
    }
    // One element at a time, so that the text of a large result is never held at once.
    const QCborArray rows = value.toArray();
    if (device->write(rows.isEmpty() ? "[" : "[\n") < 0)
        return false;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        QString element = ValueText::formatPretty(rows.at(i), ValueText::Style::Json);
        element.replace(u'\n', u"\n  "_s);
        element.prepend(u"  "_s);
        if (i + 1 < rows.size())
            element += u',';
        element += u'\n';
        if (device->write(element.toUtf8()) < 0)
            return false;
    }
    return device->write("]\n") >= 0;
}

} // namespace

QString ResultExporter::csvField(const QString &text)
{
    static const QString special = u",\"\r\n"_s;
    bool quote = text.startsWith(u' ') || text.endsWith(u' ');
    for (QChar c : text)
        quote = quote || special.contains(c);
    if (!quote)
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}

bool ResultExporter::write(const QCborValue &value, Format format, QIODevice *device)
{
    return format == Format::Csv ? writeCsv(value, device) : writeJson(value, device);
}

QFuture<QString> ResultExporter::exportToFile(const QCborValue &value,
                                              Format format,
                                              const QString &path)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, value, format, path] {
        QSaveFile file(path);
        QString error;
        if (!file.open(QIODevice::WriteOnly) || !write(value, format, &file) || !file.commit())
            error = file.errorString();
        if (!error.isEmpty()) {
            error = QCoreApplication::translate("SurrealQt::ResultExporter", "Cannot write %1: %2")
                        .arg(path, error);
        }
        promise->addResult(error);
        promise->finish();
    });
    return future;
}

} // namespace SurrealQt

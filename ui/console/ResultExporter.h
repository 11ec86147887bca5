#pragma once

#include <QtCore/QCborValue>
#include <QtCore/QFuture>
#include <QtCore/QString>

class QIODevice;

namespace SurrealQt {

// Writes a statement's result to CSV (the grid's columns, every row) or JSON (SurrealDB's JSON
// form, indented). exportToFile() runs on a worker thread; the QCborValue is shared, not copied.
class ResultExporter
{
public:
    enum class Format { Csv, Json };

    // Resolves with an empty string on success, else with the reason it failed.
    static QFuture<QString> exportToFile(const QCborValue &value,
                                         Format format,
                                         const QString &path);
    // The same, synchronously, to any device.
    static bool write(const QCborValue &value, Format format, QIODevice *device);
    static QString csvField(const QString &text);
};

} // namespace SurrealQt

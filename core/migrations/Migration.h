#pragma once

#include "SchemaOperation.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// One migration file, `migrations/NNNN_name.json`:
//
//   {
//       "dependencies": ["0001_initial"],
//       "format": 1,
//       "name": "0002_add_age",
//       "operations": [
//           { "backward": "REMOVE FIELD age ON person", "destructive": false,
//             "forward": "DEFINE FIELD age ON person TYPE int PERMISSIONS FULL",
//             "name": "age", "table": "person", "type": "AddField", … }
//       ]
//   }
//
// Keys are sorted and indented, so files are stable to diff in git.
struct SURREALQT_CORE_EXPORT Migration
{
    static constexpr int FormatVersion = 1;

    QString name; // "0002_add_age": the file name without .json
    QStringList dependencies;
    QList<SchemaOperation> operations;
    QString fileName;   // where it was read from (empty for a migration not yet written)
    QByteArray content; // the file's bytes as read (or as written)

    // The number in front of the name (2 for "0002_add_age"), or -1.
    int number() const;
    // The SHA-256 of the file's bytes, in hex: what the history table records.
    QString checksum() const;

    QByteArray toJson() const;
    // Parses a file's bytes; on error returns nullopt and says why in `error` (without the file
    // name: readFile adds it).
    static std::optional<Migration> fromJson(const QByteArray &json, QString *error = nullptr);
    // Reads and checks one file; the error names the file.
    static std::optional<Migration> readFile(const QString &path, QString *error = nullptr);
    // Writes `directory/<name>.json` (atomically, never over an existing file); sets fileName and
    // content.
    bool writeTo(const QString &directory, QString *error = nullptr);

    // "0003" + "_" + a name made of [a-z0-9_] ("Add person age!" → "add_person_age").
    static QString fileStem(int number, const QString &name);
};

} // namespace SurrealQt

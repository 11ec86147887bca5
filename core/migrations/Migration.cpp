#include "Migration.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject operationToJson(const SchemaOperation &op)
{
    QJsonObject o;
    o.insert(u"type"_s, SchemaOperation::typeName(op.type));
    if (!op.table.isEmpty())
        o.insert(u"table"_s, op.table);
    o.insert(u"name"_s, op.name);
    if (!op.fieldPath.isEmpty())
        o.insert(u"field"_s, QJsonArray::fromStringList(op.fieldPath));
    o.insert(u"forward"_s, op.forward);
    o.insert(u"backward"_s, op.backward);
    o.insert(u"destructive"_s, op.destructive);
    if (!op.reason.isEmpty())
        o.insert(u"reason"_s, op.reason);
    if (!op.kind.isEmpty())
        o.insert(u"kind"_s, op.kind);
    if (!op.convert.isEmpty())
        o.insert(u"convert"_s, op.convert);
    return o;
}

std::optional<QString> readString(
    const QJsonObject &o, const QString &key, bool required, QString *error, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return QString();
    if (!v.isString()) {
        *error = where + u": \""_s + key + u"\" must be a string"_s;
        return std::nullopt;
    }
    return v.toString();
}

std::optional<SchemaOperation> operationFromJson(const QJsonValue &value, int index, QString *error)
{
    const QString where = u"operation %1"_s.arg(index + 1);
    if (!value.isObject()) {
        *error = where + u" is not an object"_s;
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    SchemaOperation op;
    const auto type = readString(o, u"type"_s, true, error, where);
    if (!type)
        return std::nullopt;
    const auto parsed = SchemaOperation::typeFromName(*type);
    if (!parsed) {
        *error = where + u": unknown type \""_s + *type + u'"';
        return std::nullopt;
    }
    op.type = *parsed;
    const auto table = readString(o, u"table"_s, false, error, where);
    const auto name = readString(o, u"name"_s, false, error, where);
    const auto forward = readString(o, u"forward"_s, true, error, where);
    const auto backward = readString(o, u"backward"_s, true, error, where);
    const auto reason = readString(o, u"reason"_s, false, error, where);
    const auto kind = readString(o, u"kind"_s, false, error, where);
    const auto convert = readString(o, u"convert"_s, false, error, where);
    if (!table || !name || !forward || !backward || !reason || !kind || !convert)
        return std::nullopt;
    op.table = *table;
    op.name = *name;
    op.forward = *forward;
    op.backward = *backward;
    op.reason = *reason;
    op.kind = *kind;
    op.convert = *convert;
    const QJsonValue destructive = o.value(u"destructive"_s);
    if (!destructive.isBool() && !destructive.isUndefined()) {
        *error = where + u": \"destructive\" must be true or false"_s;
        return std::nullopt;
    }
    op.destructive = destructive.toBool(false);
    const QJsonValue field = o.value(u"field"_s);
    if (!field.isUndefined()) {
        if (!field.isArray()) {
            *error = where + u": \"field\" must be an array of path parts"_s;
            return std::nullopt;
        }
        for (const QJsonValue &part : field.toArray()) {
            if (!part.isString()) {
                *error = where + u": \"field\" must be an array of strings"_s;
                return std::nullopt;
            }
            op.fieldPath.append(part.toString());
        }
    }
    return op;
}

} // namespace

int Migration::number() const
{
    static const QRegularExpression prefix(u"^(\\d+)_"_s);
    const QRegularExpressionMatch match = prefix.match(name);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QString Migration::checksum() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

QByteArray Migration::toJson() const
{
    QJsonObject root;
    root.insert(u"format"_s, FormatVersion);
    root.insert(u"name"_s, name);
    root.insert(u"dependencies"_s, QJsonArray::fromStringList(dependencies));
    QJsonArray ops;
    for (const SchemaOperation &op : operations)
        ops.append(operationToJson(op));
    root.insert(u"operations"_s, ops);
    // QJsonObject keeps keys sorted: the output is the same for the same migration.
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Migration> Migration::fromJson(const QByteArray &json, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset as a line and column, for a file a person edited.
        const QByteArray before = json.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        why = u"not valid JSON at line %1, column %2: %3"_s.arg(line).arg(column).arg(
            parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        why = u"not a migration (the top level must be a JSON object)"_s;
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QJsonValue format = root.value(u"format"_s);
    if (!format.isDouble()) {
        why = u"not a migration (no \"format\" version)"_s;
        return std::nullopt;
    }
    if (format.toDouble() != FormatVersion) {
        why = u"unknown format version %1 (this SurrealQt reads version %2)"_s
                  .arg(format.toVariant().toString())
                  .arg(FormatVersion);
        return std::nullopt;
    }
    Migration migration;
    const auto name = readString(root, u"name"_s, true, &why, u"the migration"_s);
    if (!name)
        return std::nullopt;
    migration.name = *name;
    const QJsonValue dependencies = root.value(u"dependencies"_s);
    if (!dependencies.isArray() && !dependencies.isUndefined()) {
        why = u"\"dependencies\" must be an array of migration names"_s;
        return std::nullopt;
    }
    for (const QJsonValue &dependency : dependencies.toArray()) {
        if (!dependency.isString()) {
            why = u"\"dependencies\" must be an array of migration names"_s;
            return std::nullopt;
        }
        migration.dependencies.append(dependency.toString());
    }
    const QJsonValue operations = root.value(u"operations"_s);
    if (!operations.isArray()) {
        why = u"\"operations\" must be an array"_s;
        return std::nullopt;
    }
    int index = 0;
    for (const QJsonValue &value : operations.toArray()) {
        std::optional<SchemaOperation> op = operationFromJson(value, index++, &why);
        if (!op)
            return std::nullopt;
        migration.operations.append(*op);
    }
    migration.content = json;
    return migration;
}

std::optional<Migration> Migration::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = path + u": cannot read: "_s + file.errorString();
        return std::nullopt;
    }
    QString why;
    std::optional<Migration> migration = fromJson(file.readAll(), &why);
    const QString stem = QFileInfo(path).completeBaseName();
    if (migration && migration->name != stem)
        why = u"its \"name\" is \"%1\", not the file's name"_s.arg(migration->name);
    if (!why.isEmpty()) {
        if (error)
            *error = path + u": "_s + why;
        return std::nullopt;
    }
    migration->fileName = path;
    return migration;
}

bool Migration::writeTo(const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = directory + u": cannot create the folder"_s;
        return false;
    }
    const QString path = QDir(directory).filePath(name + u".json"_s);
    if (QFileInfo::exists(path)) {
        if (error)
            *error = path + u": already exists"_s;
        return false;
    }
    const QByteArray json = toJson();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = path + u": cannot write: "_s + file.errorString();
        return false;
    }
    fileName = path;
    content = json;
    return true;
}

QString Migration::fileStem(int number, const QString &name)
{
    QString clean;
    for (const QChar c : name.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            clean.append(c);
        else if (!clean.endsWith(u'_'))
            clean.append(u'_');
    }
    while (clean.endsWith(u'_'))
        clean.chop(1);
    while (clean.startsWith(u'_'))
        clean.remove(0, 1);
    if (clean.isEmpty())
        clean = u"migration"_s;
    return u"%1_%2"_s.arg(number, 4, 10, QLatin1Char('0')).arg(clean);
}

} // namespace SurrealQt

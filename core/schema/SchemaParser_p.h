#pragma once

// Private: the recursive-descent reader behind SchemaParser. After the first error every read
// sees the end of input, so the parse unwinds without further checks and never loops.

#include "FieldKind.h"
#include "Schema.h"
#include "SchemaParseError.h"
#include "SchemaParser.h"
#include "SurqlLexer_p.h"

#include <QtCore/QSet>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

class SchemaReader
{
public:
    SchemaReader(QStringView source, Schema &schema, SchemaParser::Origin origin);

    bool run();
    const SchemaParseError &error() const { return m_error; }

private:
    enum class DefineMode { Default, Overwrite, IfNotExists };

    // Cursor
    const SurqlToken &peek(qsizetype ahead = 0) const;
    void advance();
    bool failed() const { return m_error.isError(); }
    bool atKeyword(QStringView keyword, qsizetype ahead = 0) const;
    bool acceptKeyword(QStringView keyword);
    bool acceptPunct(QStringView symbol);
    bool expectKeyword(QStringView keyword);
    bool expectPunct(QStringView symbol);
    bool fail(const QString &expected);
    bool failAt(qsizetype index, const QString &expected, const QString &found = {});

    // Pieces
    std::optional<QString> readName(const QString &what);
    std::optional<QStringList> readPath();
    std::optional<QString> readString(const QString &what);
    std::optional<QString> readDuration(bool allowNone);
    std::optional<qint64> readInteger(const QString &what);
    std::optional<QString> readNumberText(const QString &what);
    std::optional<FieldKind> readKind();
    std::optional<QString> readExpression(const QStringList &stops, bool stopAtComma = false);
    std::optional<QString> readComment();
    std::optional<Permissions> readPermissions(bool forTable, const QStringList &stops);
    std::optional<Permission> readPermission(const QStringList &stops);
    bool isStop(qsizetype index, const QStringList &stops) const;
    DefineMode readDefineMode();
    TableDef &tableFor(const QString &name);
    bool admit(bool exists, DefineMode mode, qsizetype nameToken, const QString &what);

    // Statements
    void readStatement();
    void readDefine();
    void readTable(DefineMode mode);
    void readTableType(TableDef &table);
    void readField(DefineMode mode);
    void readIndex(DefineMode mode);
    void readHnsw(IndexDef &index);
    void readEvent(DefineMode mode);
    void readAccess(DefineMode mode);
    void readJwt(AccessDef::Jwt &jwt);
    void readAccessDurations(AccessDef &access);
    void readAnalyzer(DefineMode mode);
    void readFunction(DefineMode mode);
    void readParam(DefineMode mode);
    void readUser(DefineMode mode);

    QStringView m_source;
    QList<SurqlToken> m_tokens;
    qsizetype m_pos = 0;
    Schema &m_schema;
    SchemaParser::Origin m_origin;
    SchemaParseError m_error;
    QSet<QString> m_implicitTables; // created by a DEFINE FIELD/INDEX/EVENT, not DEFINE TABLE
};

} // namespace SurrealQt

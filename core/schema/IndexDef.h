#pragma once

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace SurrealQt {

// DEFINE INDEX: a plain, UNIQUE, COUNT, FULLTEXT or HNSW index of a table.
struct IndexDef
{
    enum class Type { Plain, Unique, Count, FullText, Hnsw };

    struct FullText
    {
        QString analyzer;
        float k1 = 1.2f; // BM25(k1,b)
        float b = 0.75f;
        bool highlights = false;

        friend bool operator==(const FullText &, const FullText &) = default;
    };

    // HNSW parameters; the parser fills the server's defaults for those not written.
    struct Hnsw
    {
        int dimension = 0;
        QString distance = QStringLiteral("EUCLIDEAN"); // or "MINKOWSKI 3"
        QString vectorType = QStringLiteral("F32");
        int efc = 150;
        int m = 12;
        int m0 = 24;
        QString lm; // canonical number text, "0.40242960438184466f"
        bool extendCandidates = false;
        bool keepPrunedConnections = false;
        bool hashedVector = false;

        friend bool operator==(const Hnsw &, const Hnsw &) = default;
    };

    QString name;
    QList<QStringList> fields; // each a field path, as FieldDef::path
    Type type = Type::Plain;
    QString countCondition; // COUNT WHERE condition, empty for none
    FullText fullText;
    Hnsw hnsw;
    std::optional<QString> comment;

    friend bool operator==(const IndexDef &, const IndexDef &) = default;
};

} // namespace SurrealQt

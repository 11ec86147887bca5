// SchemaReader: DEFINE INDEX and DEFINE EVENT.

#include "SchemaParser_p.h"
#include "SurqlSyntax.h"

#include <cmath>

namespace SurrealQt {

using namespace Qt::Literals::StringLiterals;

void SchemaReader::readIndex(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"an index name"_s);
    if (!name || !expectKeyword(u"ON"))
        return;
    acceptKeyword(u"TABLE");
    auto table = readName(u"a table name"_s);
    if (!table)
        return;
    IndexDef index;
    index.name = *name;
    static const QStringList stops{u"COMMENT"_s, u"CONCURRENTLY"_s};
    while (!failed()) {
        if (acceptKeyword(u"FIELDS") || acceptKeyword(u"COLUMNS")) {
            index.fields.clear();
            do {
                if (auto path = readPath())
                    index.fields.append(*path);
            } while (acceptPunct(u","));
        } else if (acceptKeyword(u"UNIQUE")) {
            index.type = IndexDef::Type::Unique;
        } else if (acceptKeyword(u"COUNT")) {
            index.type = IndexDef::Type::Count;
            if (acceptKeyword(u"WHERE"))
                index.countCondition = readExpression(stops).value_or(QString());
        } else if (acceptKeyword(u"FULLTEXT") || acceptKeyword(u"SEARCH")) {
            index.type = IndexDef::Type::FullText;
            if (!expectKeyword(u"ANALYZER"))
                return;
            index.fullText.analyzer = readName(u"an analyzer name"_s).value_or(QString());
            while (!failed()) {
                if (acceptKeyword(u"BM25")) {
                    if (acceptPunct(u"(")) {
                        auto k1 = readNumberText(u"the BM25 k1 parameter"_s);
                        expectPunct(u",");
                        auto b = readNumberText(u"the BM25 b parameter"_s);
                        expectPunct(u")");
                        if (failed())
                            return;
                        index.fullText.k1 = k1->remove(u'f').toFloat();
                        index.fullText.b = b->remove(u'f').toFloat();
                    }
                } else if (acceptKeyword(u"HIGHLIGHTS")) {
                    index.fullText.highlights = true;
                } else {
                    break;
                }
            }
        } else if (acceptKeyword(u"HNSW")) {
            index.type = IndexDef::Type::Hnsw;
            readHnsw(index);
        } else if (acceptKeyword(u"COMMENT")) {
            index.comment = readComment();
        } else if (acceptKeyword(u"CONCURRENTLY")) {
            // A build-time option; the server does not keep it.
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"FIELDS, UNIQUE, COUNT, FULLTEXT, HNSW, COMMENT or ';'"_s);
        return;
    }
    const TableDef *known = m_schema.table(*table);
    if (!admit(known && known->index(index.name), mode, nameToken, u"an index"_s))
        return;
    TableDef &owner = tableFor(*table);
    if (IndexDef *existing = owner.index(index.name)) {
        *existing = index;
    } else {
        owner.indexes.append(index);
    }
}

void SchemaReader::readHnsw(IndexDef &index)
{
    IndexDef::Hnsw &h = index.hnsw;
    bool m0Given = false;
    bool lmGiven = false;
    bool dimensionGiven = false;
    while (!failed()) {
        if (acceptKeyword(u"DIMENSION")) {
            h.dimension = int(readInteger(u"a dimension"_s).value_or(0));
            dimensionGiven = true;
        } else if (acceptKeyword(u"DIST") || acceptKeyword(u"DISTANCE")) {
            static const QStringList plain{u"CHEBYSHEV"_s,
                                           u"COSINE"_s,
                                           u"EUCLIDEAN"_s,
                                           u"HAMMING"_s,
                                           u"JACCARD"_s,
                                           u"MANHATTAN"_s,
                                           u"PEARSON"_s};
            const QString word = peek().is(SurqlToken::Type::Identifier) ? peek().text.toUpper()
                                                                         : QString();
            if (plain.contains(word)) {
                advance();
                h.distance = word;
            } else if (acceptKeyword(u"MINKOWSKI")) {
                h.distance = u"MINKOWSKI "_s
                             + readNumberText(u"the Minkowski order"_s).value_or(QString());
            } else {
                fail(u"a distance (CHEBYSHEV, COSINE, EUCLIDEAN, HAMMING, JACCARD, MANHATTAN, "
                     "MINKOWSKI n, PEARSON)"_s);
            }
        } else if (acceptKeyword(u"TYPE")) {
            static const QStringList types{u"F64"_s, u"F32"_s, u"I64"_s, u"I32"_s, u"I16"_s, u"I8"_s};
            const QString word = peek().is(SurqlToken::Type::Identifier) ? peek().text.toUpper()
                                                                         : QString();
            if (types.contains(word)) {
                advance();
                h.vectorType = word;
            } else {
                fail(u"a vector type (F64, F32, I64, I32, I16, I8)"_s);
            }
        } else if (acceptKeyword(u"EFC")) {
            h.efc = int(readInteger(u"a number after EFC"_s).value_or(0));
        } else if (acceptKeyword(u"M0")) {
            h.m0 = int(readInteger(u"a number after M0"_s).value_or(0));
            m0Given = true;
        } else if (acceptKeyword(u"M")) {
            h.m = int(readInteger(u"a number after M"_s).value_or(0));
        } else if (acceptKeyword(u"LM")) {
            h.lm = readNumberText(u"a number after LM"_s).value_or(QString());
            lmGiven = true;
        } else if (acceptKeyword(u"EXTEND_CANDIDATES")) {
            h.extendCandidates = true;
        } else if (acceptKeyword(u"KEEP_PRUNED_CONNECTIONS")) {
            h.keepPrunedConnections = true;
        } else if (acceptKeyword(u"HASHED_VECTOR")) {
            h.hashedVector = true;
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!dimensionGiven) {
        fail(u"DIMENSION"_s);
        return;
    }
    // The server's defaults: M0 = 2 M, LM = 1 / ln(M).
    if (!m0Given)
        h.m0 = 2 * h.m;
    if (!lmGiven)
        h.lm = SurqlSyntax::formatDouble(1.0 / std::log(double(h.m))) + u'f';
}

void SchemaReader::readEvent(DefineMode mode)
{
    const qsizetype nameToken = m_pos;
    auto name = readName(u"an event name"_s);
    if (!name || !expectKeyword(u"ON"))
        return;
    acceptKeyword(u"TABLE");
    auto table = readName(u"a table name"_s);
    if (!table)
        return;
    EventDef event;
    event.name = *name;
    static const QStringList stops{u"WHEN"_s, u"THEN"_s, u"COMMENT"_s, u"ASYNC"_s};
    bool hasThen = false;
    while (!failed()) {
        if (acceptKeyword(u"ASYNC")) {
            event.async = true;
            while (!failed()) {
                if (acceptKeyword(u"RETRY")) {
                    event.retry = int(readInteger(u"a number after RETRY"_s).value_or(0));
                } else if (acceptKeyword(u"MAXDEPTH")) {
                    event.maxDepth = int(readInteger(u"a number after MAXDEPTH"_s).value_or(0));
                } else {
                    break;
                }
            }
        } else if (acceptKeyword(u"WHEN")) {
            event.when = readExpression(stops).value_or(QString());
        } else if (acceptKeyword(u"THEN")) {
            hasThen = true;
            event.then.clear();
            do {
                if (auto action = readExpression(stops, true))
                    event.then.append(*action);
            } while (!failed() && acceptPunct(u","));
        } else if (acceptKeyword(u"COMMENT")) {
            event.comment = readComment();
        } else {
            break;
        }
    }
    if (failed())
        return;
    if (!peek().isPunct(u";") && !peek().is(SurqlToken::Type::End)) {
        fail(u"ASYNC, WHEN, THEN, COMMENT or ';'"_s);
        return;
    }
    if (!hasThen) {
        fail(u"THEN"_s);
        return;
    }
    const TableDef *known = m_schema.table(*table);
    if (!admit(known && known->event(event.name), mode, nameToken, u"an event"_s))
        return;
    TableDef &owner = tableFor(*table);
    if (EventDef *existing = owner.event(event.name)) {
        *existing = event;
    } else {
        owner.events.append(event);
    }
}

} // namespace SurrealQt

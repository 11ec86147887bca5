#pragma once

#include <QtCore/QCborMap>
#include <QtCore/QCborValue>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QMap>

#include <optional>

namespace SurrealQt {

// A sparse cache of a table's rows by page, after DB4S's RowCache: only the pages that were
// looked at are held, and the least recently used are dropped past a budget. It also keeps each
// page's first and last sort key, small and never dropped, which is what keyset paging needs to
// reach a page without OFFSET.
class RowCache
{
public:
    explicit RowCache(int pageSize, int maxPages);

    int pageSize() const { return m_pageSize; }
    qint64 pageOf(qint64 row) const { return row / m_pageSize; }

    // The row, or nullptr when its page is not held. Marks the page as recently used.
    const QCborMap *row(qint64 row);
    bool hasPage(qint64 page) const { return m_pages.contains(page); }
    // Stores a page (rows in display order) and its boundary keys; evicts the oldest pages.
    void insertPage(qint64 page,
                    QList<QCborMap> rows,
                    const QCborValue &firstKey,
                    const QCborValue &lastKey);
    // Replaces one held row (after an edit); false when its page is not held.
    bool replaceRow(qint64 row, const QCborMap &record);

    // The sort key of a page's first or last row, when known.
    std::optional<QCborValue> firstKey(qint64 page) const;
    std::optional<QCborValue> lastKey(qint64 page) const;
    // Learns the key of one row (walking the keys toward a far page).
    void noteKey(qint64 row, const QCborValue &key);
    // The nearest page below `page` whose last key is known (-1 when none).
    qint64 knownLastBelow(qint64 page) const;
    // The nearest page above `page` whose first key is known (-1 when none).
    qint64 knownFirstAbove(qint64 page) const;

    qsizetype heldPages() const { return m_pages.size(); }
    void clear();

private:
    struct Page
    {
        QList<QCborMap> rows;
        quint64 used = 0;
    };

    int m_pageSize;
    int m_maxPages;
    quint64 m_clock = 0;
    QHash<qint64, Page> m_pages;
    QMap<qint64, QCborValue> m_firstKeys;
    QMap<qint64, QCborValue> m_lastKeys;
};

} // namespace SurrealQt

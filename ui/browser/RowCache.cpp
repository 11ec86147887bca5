#include "browser/RowCache.h"

#include <algorithm>

namespace SurrealQt {

RowCache::RowCache(int pageSize, int maxPages)
    : m_pageSize(pageSize)
    , m_maxPages(maxPages)
{}

const QCborMap *RowCache::row(qint64 row)
{
    const auto it = m_pages.find(pageOf(row));
    if (it == m_pages.end())
        return nullptr;
    const qint64 index = row - (it.key() * m_pageSize);
    if (index >= it->rows.size())
        return nullptr;
    it->used = ++m_clock;
    return &it->rows.at(index);
}

void RowCache::insertPage(qint64 page,
                          QList<QCborMap> rows,
                          const QCborValue &firstKey,
                          const QCborValue &lastKey)
{
    if (!rows.isEmpty()) {
        m_firstKeys.insert(page, firstKey);
        m_lastKeys.insert(page, lastKey);
    }
    m_pages.insert(page, Page{std::move(rows), ++m_clock});
    while (m_pages.size() > m_maxPages) {
        const auto oldest = std::min_element(m_pages.cbegin(),
                                             m_pages.cend(),
                                             [](const Page &a, const Page &b) {
                                                 return a.used < b.used;
                                             });
        m_pages.erase(oldest);
    }
}

bool RowCache::replaceRow(qint64 row, const QCborMap &record)
{
    const auto it = m_pages.find(pageOf(row));
    const qint64 index = row - (pageOf(row) * m_pageSize);
    if (it == m_pages.end() || index >= it->rows.size())
        return false;
    it->rows[index] = record;
    return true;
}

std::optional<QCborValue> RowCache::firstKey(qint64 page) const
{
    const auto it = m_firstKeys.constFind(page);
    return it == m_firstKeys.cend() ? std::nullopt : std::optional<QCborValue>(*it);
}

std::optional<QCborValue> RowCache::lastKey(qint64 page) const
{
    const auto it = m_lastKeys.constFind(page);
    return it == m_lastKeys.cend() ? std::nullopt : std::optional<QCborValue>(*it);
}

void RowCache::noteKey(qint64 row, const QCborValue &key)
{
    if (row % m_pageSize == 0)
        m_firstKeys.insert(pageOf(row), key);
    if ((row + 1) % m_pageSize == 0)
        m_lastKeys.insert(pageOf(row), key);
}

qint64 RowCache::knownLastBelow(qint64 page) const
{
    auto it = m_lastKeys.lowerBound(page); // first key >= page
    if (it == m_lastKeys.cbegin())
        return -1;
    return std::prev(it).key();
}

qint64 RowCache::knownFirstAbove(qint64 page) const
{
    const auto it = m_firstKeys.upperBound(page);
    return it == m_firstKeys.cend() ? -1 : it.key();
}

void RowCache::clear()
{
    m_pages.clear();
    m_firstKeys.clear();
    m_lastKeys.clear();
}

} // namespace SurrealQt

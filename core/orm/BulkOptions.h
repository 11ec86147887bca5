#pragma once

#include <QtCore/QtGlobal>

namespace SurrealQt {

// How QuerySet::bulkCreate() writes: `chunkSize` records per INSERT statement; with `atomic`,
// every chunk's INSERT goes in one request inside BEGIN/COMMIT (all or nothing), otherwise one
// request per chunk, in order, stopping at the first failure.
struct BulkOptions
{
    qsizetype chunkSize = 1000;
    bool atomic = false;
};

} // namespace SurrealQt

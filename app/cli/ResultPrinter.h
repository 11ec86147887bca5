#pragma once

#include <surrealqt/rpc/QueryResult.h>

#include <QtCore/QTextStream>

namespace SurrealQt::Cli {

enum class OutputFormat { Json, Surql, Table };

// Prints a query's statements: JSON (one array of {status, time, result|error}), SurrealQL
// (one `-- statement N: OK (time)` header and the value per statement) or text tables (rows of
// objects as columns; any other value as SurrealQL).
void printResponse(QTextStream &out, const QueryResponse &response, OutputFormat format);

} // namespace SurrealQt::Cli

#pragma once

#include "Result.h"

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QList>
#include <QtCore/QString>

#include <chrono>

namespace SurrealQt {

// One statement's outcome in a `query` reply: {status, time, result, type?, kind?, details?}.
class SURREALQT_CORE_EXPORT StatementResult
{
public:
    static StatementResult fromWire(const QCborValue &statement);

    bool isOk() const { return !m_error.isError(); }
    // The server's own timing text, e.g. "1.2ms", and the same as a duration.
    const QString &timeText() const { return m_timeText; }
    std::chrono::nanoseconds time() const { return m_time; }
    // The statement's value; undefined when it failed.
    const QCborValue &result() const { return m_result; }
    // Why it failed; RpcError::Kind::None when it did not.
    const RpcError &error() const { return m_error; }
    // "live" or "kill" for those statements (3.x), else empty.
    const QString &type() const { return m_type; }

private:
    QString m_timeText;
    std::chrono::nanoseconds m_time{0};
    QCborValue m_result;
    RpcError m_error;
    QString m_type;
};

// The reply to `query`: every statement's result, in order.
class SURREALQT_CORE_EXPORT QueryResponse
{
public:
    static Result<QueryResponse> fromWire(const QCborValue &result);

    const QList<StatementResult> &statements() const { return m_statements; }
    qsizetype size() const { return m_statements.size(); }
    const StatementResult &at(qsizetype index) const { return m_statements.at(index); }
    // The first failed statement's error, or an error of kind None.
    RpcError firstError() const;
    bool isOk() const { return !firstError().isError(); }
    // Convenience: the value of statement `index` (undefined when out of range or failed).
    QCborValue value(qsizetype index = 0) const;

    // Parses SurrealDB's duration text ("1.5ms", "120µs", "2s", "1m3s") into nanoseconds.
    static std::chrono::nanoseconds parseTime(QStringView text);

private:
    QList<StatementResult> m_statements;
};

} // namespace SurrealQt

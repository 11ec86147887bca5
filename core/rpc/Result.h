#pragma once

#include "RpcError.h"

#include <optional>
#include <utility>

namespace SurrealQt {

// A value or the RpcError that prevented it: what every asynchronous call resolves to, so a
// QFuture never carries an exception and callers test `if (result)` instead of catching.
template<typename T>
class Result
{
public:
    Result()
        : m_error(RpcError::Kind::Internal, QStringLiteral("empty result"))
    {}
    Result(T value) // NOLINT(google-explicit-constructor): a value is a successful result
        : m_value(std::move(value))
    {}
    Result(RpcError error) // NOLINT(google-explicit-constructor): an error is a failed result
        : m_error(std::move(error))
    {}

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const T *operator->() const { return &*m_value; }

    const RpcError &error() const { return m_error; }

    // Applies f to the value, keeping an error as it is.
    template<typename F>
    auto map(F &&f) const -> Result<decltype(f(std::declval<const T &>()))>
    {
        if (!m_value)
            return m_error;
        return f(*m_value);
    }

private:
    std::optional<T> m_value;
    RpcError m_error;
};

} // namespace SurrealQt

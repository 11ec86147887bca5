#pragma once

#include <surrealqt/surrealqt_core_export.h>

#include <QtCore/QCborValue>
#include <QtCore/QDebug>
#include <QtCore/QMetaType>
#include <QtCore/QString>

#include <optional>

namespace SurrealQt {

// A SurrealDB decimal, kept as its exact text ("3.14", "-0.001", "1e-5"): no precision is lost
// to a double on the way through. Equality compares the text, so "1.0" != "1.00".
// On the wire: tag 10 text.
class SURREALQT_CORE_EXPORT Decimal
{
public:
    Decimal() = default; // "0"

    // [+-]digits[.digits][e[+-]digits] (".5" and "5." are accepted too).
    static std::optional<Decimal> fromString(QStringView text, QString *error = nullptr);
    // The shortest text that reads back as the same double.
    static Decimal fromDouble(double value);
    static Decimal fromInteger(qint64 value);
    static std::optional<Decimal> fromCbor(const QCborValue &value, QString *error = nullptr);
    static bool isValid(QStringView text);
    // The same check over bytes (a CBOR text string: a non-ASCII byte is never valid).
    static bool isValid(QLatin1StringView text);

    const QString &toString() const { return m_text; }
    double toDouble() const;
    // 3.14dec
    QString toSurql() const;
    // Tag 10 text.
    QCborValue toCbor() const;

    friend bool operator==(const Decimal &, const Decimal &) = default;

private:
    explicit Decimal(QString text);

    QString m_text = QStringLiteral("0");
};

SURREALQT_CORE_EXPORT size_t qHash(const Decimal &value, size_t seed = 0);
SURREALQT_CORE_EXPORT QDebug operator<<(QDebug debug, const Decimal &value);

} // namespace SurrealQt

Q_DECLARE_METATYPE(SurrealQt::Decimal)

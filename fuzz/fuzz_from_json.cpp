// Values::fromJson on whatever QJsonDocument::fromJson accepts. The first input byte picks the
// kind hint (ValueKind), the rest is the JSON text; the hint is applied to the document and to
// its first element (so that scalars meet every hint). A value that comes out must survive
// value → JSON → value with its own kind as the hint, which Values.h promises for scalars.

#include "FuzzSupport.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

namespace {

void check(const QJsonValue &json, ValueKind hint)
{
    QString error;
    const std::optional<QCborValue> value = Values::fromJson(json, hint, &error);
    if (!value)
        return;
    SurrealQtFuzz::touch(*value);
    const ValueKind kind = Values::kindOf(*value);
    // Containers read their elements as Any, so only scalars keep their kinds through JSON.
    if (kind == ValueKind::Array || kind == ValueKind::Object || kind == ValueKind::Set
        || kind == ValueKind::Unknown)
        return;
    const QJsonValue printed = Values::toJson(*value);
    if (kind == ValueKind::Float && printed.isNull())
        return; // a non-finite float has no JSON form
    QString again;
    const std::optional<QCborValue> back = Values::fromJson(printed, kind, &again);
    const QString details = u"kind "_s + valueKindName(kind) + u", value "_s
                            + Values::toSurql(*value) + u", JSON "_s
                            + QString::fromUtf8(
                                QJsonDocument(QJsonArray{printed}).toJson(QJsonDocument::Compact));
    if (!back)
        SurrealQtFuzz::fail("fromJson(toJson(v), kindOf(v)) succeeds", details + u"\n"_s + again);
    if (Values::encodeCbor(*back) != Values::encodeCbor(*value))
        SurrealQtFuzz::fail("fromJson(toJson(v), kindOf(v)) == v",
                            details + u"\nback: "_s + Values::toSurql(*back));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    constexpr int kinds = int(ValueKind::Unknown) + 1;
    const auto hint = ValueKind(data[0] % kinds);
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(SurrealQtFuzz::bytesOf(data + 1, size - 1), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return 0;
    const QJsonValue json = document.isArray() ? QJsonValue(document.array())
                                               : QJsonValue(document.object());
    check(json, hint);
    if (document.isArray() && !document.array().isEmpty())
        check(document.array().at(0), hint);
    else if (document.isObject() && !document.object().isEmpty())
        check(document.object().begin().value(), hint);
    return 0;
}

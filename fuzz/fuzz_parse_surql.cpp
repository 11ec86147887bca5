// Values::parseSurql on arbitrary UTF-8. Whatever parses must print with toSurql() as text that
// parses back to the same value ("reads what toSurql() prints", Values.h).

#include "FuzzSupport.h"

using namespace Qt::StringLiterals;
using namespace SurrealQt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(SurrealQtFuzz::bytesOf(data, size));
    QString error;
    const std::optional<QCborValue> parsed = Values::parseSurql(text, &error);
    if (!parsed) {
        if (error.isEmpty())
            SurrealQtFuzz::fail("a parse error has a message", text);
        return 0;
    }
    SurrealQtFuzz::touch(*parsed);
    const QString printed = Values::toSurql(*parsed);
    QString again;
    const std::optional<QCborValue> reparsed = Values::parseSurql(printed, &again);
    if (!reparsed)
        SurrealQtFuzz::fail("parseSurql(toSurql(v)) parses",
                            u"input:   "_s + text + u"\nprinted: "_s + printed + u"\nerror:   "_s
                                + again);
    if (Values::encodeCbor(*reparsed) != Values::encodeCbor(*parsed))
        SurrealQtFuzz::fail("parseSurql(toSurql(v)) == v",
                            u"input:   "_s + text + u"\nprinted: "_s + printed + u"\nreprinted: "_s
                                + Values::toSurql(*reparsed));
    return 0;
}

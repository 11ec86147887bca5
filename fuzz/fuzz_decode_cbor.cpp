// Values::decodeCbor on arbitrary bytes. Whatever decodes must encode again and decode to the
// same value (the invariant tst_values_cbor's corruptedBytesNeverCrash checks on random flips).
// And the fast path (QCborValue::fromCbor behind a byte scan) must agree with the strict reader:
// inside an indefinite-length array, which the fast path never takes, the same bytes go through
// the strict reader.

#include "FuzzSupport.h"

using namespace Qt::StringLiterals;
using namespace SurrealQt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = SurrealQtFuzz::bytesOf(data, size);
    QString error;
    const std::optional<QCborValue> decoded = Values::decodeCbor(input, &error);
    if (decoded) {
        QString strictError;
        const std::optional<QCborValue> strict = Values::decodeCbor('\x9f' + input + '\xff',
                                                                    &strictError);
        const bool tooDeep = !strict && strictError.contains(u"nesting"_s); // one level more
        if (!tooDeep
            && (!strict || strict->toArray().size() != 1 || strict->toArray().at(0) != *decoded))
            SurrealQtFuzz::fail("the fast path and the strict reader agree",
                                QString::fromLatin1(input.toHex(' ')));
    }
    if (!decoded) {
        if (!error.startsWith(u"CBOR error at offset "_s))
            SurrealQtFuzz::fail("a decoding error names its offset", error);
        return 0;
    }
    SurrealQtFuzz::touch(*decoded);
    const QByteArray encoded = Values::encodeCbor(*decoded);
    QString again;
    const std::optional<QCborValue> redecoded = Values::decodeCbor(encoded, &again);
    if (!redecoded)
        SurrealQtFuzz::fail("encodeCbor(decodeCbor(x)) decodes",
                            QString::fromLatin1(input.toHex(' ')) + u'\n' + again);
    if (Values::encodeCbor(*redecoded) != encoded)
        SurrealQtFuzz::fail("decode(encode(v)) == v",
                            QString::fromLatin1(input.toHex(' ')) + u'\n'
                                + QString::fromLatin1(encoded.toHex(' ')));
    return 0;
}

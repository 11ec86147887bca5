// Values::decodeCbor on arbitrary bytes. Whatever decodes must encode again and decode to the
// same value (the invariant tst_values_cbor's corruptedBytesNeverCrash checks on random flips).

#include "FuzzSupport.h"

using namespace Qt::StringLiterals;
using namespace SurrealQt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = SurrealQtFuzz::bytesOf(data, size);
    QString error;
    const std::optional<QCborValue> decoded = Values::decodeCbor(input, &error);
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

// RpcMessage::fromBytes on arbitrary bytes: every WebSocket frame the client receives goes through
// it. It must classify anything (a malformed frame is a Malformed message, never a crash).

#include "FuzzSupport.h"

#include <surrealqt/rpc/Envelope.h>

using namespace Qt::StringLiterals;
using namespace SurrealQt;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const RpcMessage message = RpcMessage::fromBytes(SurrealQtFuzz::bytesOf(data, size));
    switch (message.type) {
    case RpcMessage::Type::Response:
    case RpcMessage::Type::Notification:
        SurrealQtFuzz::touch(message.result);
        break;
    case RpcMessage::Type::Error:
    case RpcMessage::Type::Malformed:
        (void) message.error.message();
        break;
    }
    if (message.type == RpcMessage::Type::Malformed && !message.error.isError())
        SurrealQtFuzz::fail("a malformed message carries an error", QString());
    return 0;
}

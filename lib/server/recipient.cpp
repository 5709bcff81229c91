#include "recipient.h"

#include "codec.h"

namespace Glosa {

void Recipient::sendError(const QString &code, const QString &message, const QString &broadcastId,
                          const QString &requestId)
{
    send(Codec::encode(ErrorMessage{broadcastId, requestId, code, message}));
}

void Recipient::sendError(const ProtocolError &error, const QString &broadcastId,
                          const QString &requestId)
{
    sendError(error.code, error.message, broadcastId, requestId);
}

} // namespace Glosa

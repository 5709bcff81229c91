#pragma once

#include "messages.h"

#include <optional>

namespace Glosa {

// How a chat changes: under a server event (complete, authoritative) and under one of the user's
// own operations applied optimistically before the server has answered.
class ChatReducer
{
public:
    // Applies an event of the page to `chat`, the chat it names (none when new or unknown).
    static std::optional<Chat> applyEvent(std::optional<Chat> chat, const ServerMessage &event);

    // Applies an operation of `user` at `now` as the server is expected to.
    static std::optional<Chat> applyOperation(std::optional<Chat> chat, const ClientMessage &op,
                                              const Author &user, qint64 now);

    // The chat an event or operation concerns.
    static QString chatIdOf(const ServerMessage &event);
    static QString chatIdOf(const ClientMessage &op);
    static QString broadcastIdOf(const ServerMessage &event);
    static QString broadcastIdOf(const ClientMessage &op);

    // True for the events of docs/protocol.md that carry a seq.
    static bool isPageEvent(const ServerMessage &message);
    static qint64 seqOf(const ServerMessage &event);
};

} // namespace Glosa

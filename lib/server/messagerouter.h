#pragma once

#include "messages.h"

namespace Glosa {

class ClientConnection;

// Where a client connection hands what it has read and checked: its hello, then every message
// after it. The hub is the one the server has.
class MessageRouter
{
public:
    virtual void join(ClientConnection *connection, const Hello &hello) = 0;
    virtual void handle(ClientConnection *connection, const ClientMessage &message) = 0;
    // A put-content of the connection's was refused before it could be handled: its upload
    // ends.
    virtual void refusedContent(ClientConnection *connection) = 0;

protected:
    ~MessageRouter() = default;
};

} // namespace Glosa

#pragma once

#include <tuple>

#include <QString>

namespace Glosa {

// Why a frame or an operation cannot be accepted: an error code of docs/protocol.md and a readable
// message.
struct ProtocolError
{
    QString code;
    QString message;

    bool isNull() const { return code.isEmpty(); }
    friend bool operator==(const ProtocolError &a, const ProtocolError &b)
    {
        return std::tie(a.code, a.message) == std::tie(b.code, b.message);
    }
    friend bool operator!=(const ProtocolError &a, const ProtocolError &b) { return !(a == b); }
};

} // namespace Glosa

#pragma once

#include <QByteArray>

#include <optional>

namespace Glosa {

// RFC 7692 permessage-deflate as the server speaks it. Every message is compressed on its own
// (server_no_context_takeover, client_no_context_takeover), so no connection keeps a compression
// state: the streams belong to the thread, and an event broadcast to many connections is
// compressed once for all of them.
class PerMessageDeflate
{
public:
    // Messages shorter than this go out uncompressed (RSV1 clear), which the extension allows.
    static constexpr qsizetype MinCompressBytes = 128;

    // Picks the first acceptable offer of a Sec-WebSocket-Extensions request header (offers of
    // other extensions, unknown or repeated parameters and window sizes below 9 are declined)
    // and returns the header value of the response, or nothing when no offer is acceptable.
    // `serverWindowBits` receives the window the server's compressed messages must keep to.
    static std::optional<QByteArray> negotiate(const QByteArray &offers, int *serverWindowBits);

    // One message compressed, without the trailing 00 00 FF FF that the extension drops, or
    // nothing when zlib fails (the message then goes out plain). Sending the same QByteArray
    // again (the next recipient of a broadcast) reuses the result.
    static QByteArray compress(const QByteArray &message, int windowBits = 15);

    // The message of a compressed payload; nothing when the data is corrupt or would inflate to
    // more than `maxBytes` (then `tooLarge` is set).
    static std::optional<QByteArray> decompress(const QByteArray &payload, qsizetype maxBytes,
                                                bool *tooLarge);
};

} // namespace Glosa

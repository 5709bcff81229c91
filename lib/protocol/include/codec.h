#pragma once

#include "messages.h"
#include "protocolerror.h"

#include <QJsonObject>

namespace Glosa {

// JSON encoding and decoding of every frame of docs/protocol.md. Encoding is compact; decoding
// checks types, required fields and the limits, and reports the first fault with its error code.
class Codec
{
public:
    static QByteArray encode(const ClientMessage &message);
    static QByteArray encode(const ServerMessage &message);
    // One chat or comment as it appears inside events and snapshots.
    static QByteArray encode(const Chat &chat);
    static QByteArray encode(const Comment &comment);

    // Wraps already encoded frames, in order, into one batch frame without re-encoding them.
    static QByteArray encodeBatch(const QList<QByteArray> &frames);
    // A snapshot written piece by piece: snapshotHead(), its chats encoded one by one and
    // separated by commas, then snapshotTail(); together, byte for byte encode(Snapshot).
    static QByteArray snapshotHead();
    static QByteArray snapshotTail(const QString &epoch, qint64 seq);

    // Decodes a frame sent by a client, which must be RFC 8259 JSON (see JsonSyntax). On failure
    // `error` is set. Where the frame is a JSON object
    // that names them, `correlation` receives its type, broadcastId and requestId, so that an error
    // about the frame can carry them.
    struct Correlation
    {
        QString type;
        QString broadcastId;
        QString requestId;
    };
    static std::optional<ClientMessage> decodeClient(const QByteArray &frame, ProtocolError *error,
                                                     Correlation *correlation = nullptr);

    // Decodes a frame sent by the server; a batch yields the messages it carries, in order.
    static std::optional<QList<ServerMessage>> decodeServer(const QByteArray &frame,
                                                            ProtocolError *error);

    // The `type` of a frame that parses as a JSON object, or an empty string.
    static QString typeOf(const QJsonObject &frame);

    static std::optional<Chat> decodeChat(const QJsonObject &chat, ProtocolError *error);
    static std::optional<Comment> decodeComment(const QJsonObject &comment, ProtocolError *error);
};

} // namespace Glosa

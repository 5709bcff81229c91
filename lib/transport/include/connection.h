#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Glosa {

// One client's WebSocket connection as the server uses it: UTF-8 text frames in and out, pings,
// and the close handshake. WebSocketConnection speaks RFC 6455 on a plain socket of its own;
// QtWebSocketConnection carries a QWebSocket (the wss listener).
class Connection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Sends one text frame. The bytes are shared, not copied: a broadcast encodes its event once
    // and every recipient writes the same bytes.
    virtual void sendText(const QByteArray &utf8) = 0;
    // Sends one text message in parts: the first call starts it, the one with `last` ends it.
    // No other text message may be sent in between; pings, pongs and a close may.
    virtual void sendTextPart(const QByteArray &utf8, bool last) = 0;
    // Bytes accepted by sendText() that the kernel has not taken yet.
    virtual qint64 bytesToWrite() const = 0;
    virtual void ping() = 0;
    // Messages over `bytes` (at most 1 MiB, the limit a connection starts with) are refused as
    // soon as their length is known, before they are buffered: close 1009, after
    // messageTooLarge() where the transport can tell (a QWebSocket closes on its own).
    virtual void setMessageLimit(qint64 bytes) = 0;
    // Starts the close handshake: sends a close frame and waits for the peer's, or for the end
    // of the TCP connection.
    virtual void close(int code, const QString &reason) = 0;
    // Drops the connection at once.
    virtual void abort() = 0;
    // Frames may still be sent: no close frame has been sent and the transport is up.
    virtual bool isOpen() const = 0;

Q_SIGNALS:
    void textReceived(const QByteArray &utf8);
    void binaryReceived();
    // A ping came; the connection answers it itself. (QWebSocket answers pings without a word,
    // so QtWebSocketConnection never emits this.)
    void pinged();
    void pong();
    // bytesToWrite() fell to 0: everything sent so far is with the kernel.
    void drained();
    // A message over the limit of setMessageLimit() is on its way; it is discarded, and the
    // connection is closed with 1009 unless the receiver closes it first.
    void messageTooLarge();
    // Emitted once, when the transport is gone.
    void disconnected();
};

} // namespace Glosa

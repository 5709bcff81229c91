#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Glosa {

// One client's WebSocket connection as a Session sees it: UTF-8 text frames in and out, pings,
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
    // Bytes accepted by sendText() that the kernel has not taken yet.
    virtual qint64 bytesToWrite() const = 0;
    virtual void ping() = 0;
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
    void pong();
    // Emitted once, when the transport is gone.
    void disconnected();
};

} // namespace Glosa

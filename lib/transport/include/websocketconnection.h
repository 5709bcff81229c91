#pragma once

#include "connection.h"
#include "protocollimits.h"

#include <QExplicitlySharedDataPointer>
#include <QList>
#include <QSharedData>

class QSocketNotifier;
struct iovec;

namespace Glosa {

// The server side of RFC 6455 on a plain, non-blocking socket descriptor whose upgrade request
// was accepted (see WebSocketHandshake). Lean by design, since a server holds many of these:
// reads go through one scratch buffer per thread and only an incomplete frame's bytes stay with
// the connection; frames are written at once with the payload's bytes shared, and only what the
// kernel does not take is queued until the socket is writable again: a reference to a frame
// (head and payload) that every connection queueing the same payload shares, not a copy. No
// timer is held while the connection is open.
//
// Client frames must be masked; reserved bits, unknown opcodes and fragmented or long control
// frames close with 1002, a message over the limit (1 MiB, or less, see setMessageLimit()) with
// 1009 as soon as its length is known, a text message that is not UTF-8 with 1007. With
// permessage-deflate, a message whose first frame has RSV1 set is inflated (past the limit:
// 1009; data that does not inflate: 1007), and text messages of at least
// PerMessageDeflate::MinCompressBytes go out compressed when that makes them smaller. Fragmented
// messages are reassembled; a message sent in parts goes out as fragments. A ping is answered with
// a pong carrying its payload; while output waits for the socket, pings are coalesced into one pong
// with the latest payload. A close frame is echoed and the TCP connection closed once the echo is
// written.
class WebSocketConnection : public Connection
{
    Q_OBJECT
public:
    // Takes `fd`. `output` is written first (the handshake's answer), `input` is what arrived
    // after the request head: the first frames, read once the event loop runs.
    // `deflateWindowBits` is the window of permessage-deflate as the handshake agreed it, or 0
    // when the extension is not in use.
    WebSocketConnection(int fd, const QByteArray &output, const QByteArray &input,
                        int deflateWindowBits = 0, QObject *parent = nullptr);
    ~WebSocketConnection() override;

    // The largest message limit, and the one a connection starts with.
    static constexpr qint64 MaxMessageBytes = Limits::PublishFrameBytes;
    // After a close frame, the peer has this long to end the connection.
    static constexpr int CloseTimeoutMs = 5000;

    static bool isValidUtf8(const char *data, qsizetype size);

    void sendText(const QByteArray &utf8) override;
    void sendTextPart(const QByteArray &utf8, bool last) override;
    qint64 bytesToWrite() const override { return m_outBytes; }
    void ping() override;
    void setMessageLimit(qint64 bytes) override;
    void close(int code, const QString &reason) override;
    void abort() override;
    bool isOpen() const override { return m_state == State::Open; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // A frame waiting for the kernel: its head and its payload, shared by every connection
    // that queued the same frame (the recipients of a broadcast).
    struct Frame : QSharedData
    {
        QByteArray payload;
        char head[10];
        quint8 headSize = 0;
        qsizetype size() const { return headSize + payload.size(); }
    };
    using FramePointer = QExplicitlySharedDataPointer<const Frame>;

    enum class State : quint8 {
        Open,
        Closing, // our close frame is sent (or queued); waiting for the peer's
        Failing, // a protocol error: our close frame, then the TCP end; input is discarded
        Closed,
    };

    void onReadable();
    void onWritable();
    void received(const char *data, qsizetype size);
    qsizetype process(const char *data, qsizetype size);
    void message(quint8 opcode, QByteArray payload, bool compressed);
    void refuseLargeMessage();
    void answerPing(const char *payload, qsizetype size, const uchar *mask);
    void sendPong();
    void closeReceived(const char *payload, qsizetype size);
    void sendFrame(quint8 opcode, const QByteArray &payload, bool compressed = false,
                   bool final = true);
    void sendClose(int code, const QByteArray &reason);
    void write(const char *head, qsizetype headSize, const QByteArray &payload);
    static FramePointer queued(const char *head, qsizetype headSize, const QByteArray &payload);
    void flush();
    void queueEmptied();
    void fail(int code, const char *reason);
    void startClosing();
    void terminate(bool emitNow);
    ssize_t sendVector(const ::iovec *iov, int count);

    int m_fd;
    State m_state = State::Open;
    quint8 m_messageOpcode = 0; // of a fragmented message in progress
    bool m_messageCompressed = false;
    bool m_sendingParts = false; // a message sent with sendTextPart() is not complete yet
    quint8 m_deflateWindowBits;
    bool m_closeReceived = false;
    bool m_pongPending = false; // m_pong waits for the queue to drain
    bool m_writeShut = false;
    int m_closeTimer = 0;
    qint64 m_messageLimit = MaxMessageBytes;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr; // created when output first has to wait
    QByteArray m_partial;                       // an incomplete frame
    QByteArray m_message;                       // the fragments of a message so far
    QByteArray m_pong;                          // the payload of the latest ping
    QList<FramePointer> m_out;                  // what the kernel has not taken yet
    qsizetype m_outOffset = 0;                  // into m_out.first(), its head and payload
    qint64 m_outBytes = 0;
};

} // namespace Glosa

#include "websocketconnection.h"

#include "errorcode.h"
#include "permessagedeflate.h"
#include "transportlogging.h"

#include <QSocketNotifier>
#include <QTimerEvent>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace Glosa {

namespace {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

constexpr qsizetype ScratchBytes = 64 * 1024;
constexpr int MaxIovecs = 64;
constexpr qsizetype MaxCloseReasonBytes = 123;

// The read buffer of the thread. A read that comes in while it is in use (a nested event loop)
// gets a buffer of its own.
struct Scratch
{
    std::unique_ptr<char[]> data;
    bool busy = false;
};
thread_local Scratch scratch;

void unmask(char *to, const char *from, qsizetype size, const uchar *maskBytes)
{
    quint32 mask32;
    std::memcpy(&mask32, maskBytes, 4);
    const quint64 mask64 = (quint64(mask32) << 32) | mask32;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, from + i, 8);
        word ^= mask64;
        std::memcpy(to + i, &word, 8);
    }
    for (; i < size; ++i)
        to[i] = char(from[i] ^ maskBytes[i % 4]);
}

QByteArray unmasked(const char *payload, qsizetype size, const uchar *mask)
{
    QByteArray bytes(size, Qt::Uninitialized);
    unmask(bytes.data(), payload, size, mask);
    return bytes;
}

bool isValidCloseCode(int code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
}

} // namespace

WebSocketConnection::WebSocketConnection(int fd, const QByteArray &output, const QByteArray &input,
                                         int deflateWindowBits, QObject *parent)
    : Connection(parent)
    , m_fd(fd)
    , m_deflateWindowBits(quint8(deflateWindowBits))
    , m_partial(input)
{
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_readNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WebSocketConnection::onReadable);
    if (!output.isEmpty())
        write(nullptr, 0, output);
    // The first frames are read once the owner has connected to the signals.
    if (!m_partial.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { received(nullptr, 0); }, Qt::QueuedConnection);
    }
}

WebSocketConnection::~WebSocketConnection()
{
    // The notifiers go before the descriptor: another connection may get its number next.
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

bool WebSocketConnection::isValidUtf8(const char *data, qsizetype size)
{
    const auto *s = reinterpret_cast<const uchar *>(data);
    const uchar *const end = s + size;
    while (s < end) {
        // ASCII, eight bytes at a time.
        while (end - s >= 8) {
            quint64 word;
            std::memcpy(&word, s, 8);
            if (word & 0x8080808080808080ULL)
                break;
            s += 8;
        }
        if (s == end)
            break;
        const uchar c = *s;
        if (c < 0x80) {
            ++s;
            continue;
        }
        int more;
        quint32 point;
        quint32 least;
        if ((c & 0xE0) == 0xC0) {
            more = 1;
            point = c & 0x1F;
            least = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            more = 2;
            point = c & 0x0F;
            least = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            more = 3;
            point = c & 0x07;
            least = 0x10000;
        } else {
            return false;
        }
        if (end - s <= more)
            return false;
        for (int i = 1; i <= more; ++i) {
            if ((s[i] & 0xC0) != 0x80)
                return false;
            point = (point << 6) | (s[i] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past Unicode are not UTF-8.
        if (point < least || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF))
            return false;
        s += more + 1;
    }
    return true;
}

void WebSocketConnection::onReadable()
{
    std::unique_ptr<char[]> own;
    char *buffer;
    const bool shared = !scratch.busy;
    if (shared) {
        if (!scratch.data)
            scratch.data = std::make_unique<char[]>(ScratchBytes);
        buffer = scratch.data.get();
        scratch.busy = true;
    } else {
        own = std::make_unique<char[]>(ScratchBytes);
        buffer = own.get();
    }
    // A few reads at most, so that one busy peer does not hold up the others.
    for (int round = 0; round < 4 && m_state != State::Closed; ++round) {
        const ssize_t n = ::read(m_fd, buffer, ScratchBytes);
        if (n > 0) {
            received(buffer, n);
            if (n < ScratchBytes)
                break;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        // The end of the TCP connection, or an error on it.
        terminate(true);
        break;
    }
    if (shared)
        scratch.busy = false;
}

void WebSocketConnection::received(const char *data, qsizetype size)
{
    if (m_state == State::Failing || m_state == State::Closed)
        return; // discarded until the peer ends the connection
    if (m_partial.isEmpty()) {
        const qsizetype used = process(data, size);
        if (used < size && (m_state == State::Open || m_state == State::Closing))
            m_partial = QByteArray(data + used, size - used);
        return;
    }
    // The buffer is moved out while frames are handled, so that nothing a handler does can
    // pull it from under the parser.
    QByteArray buffer = std::exchange(m_partial, {});
    buffer.append(data, size);
    const qsizetype used = process(buffer.constData(), buffer.size());
    if (used == buffer.size() || !(m_state == State::Open || m_state == State::Closing))
        return;
    if (used == 0)
        m_partial = std::move(buffer);
    else
        m_partial = buffer.mid(used);
}

// Handles every complete frame at the start of `data`; returns the bytes used.
qsizetype WebSocketConnection::process(const char *data, qsizetype size)
{
    qsizetype pos = 0;
    while (m_state == State::Open || m_state == State::Closing) {
        const auto *p = reinterpret_cast<const uchar *>(data + pos);
        const qsizetype available = size - pos;
        if (available < 2)
            break;
        const bool fin = p[0] & 0x80;
        const quint8 opcode = p[0] & 0x0F;
        const bool control = opcode & 0x08;
        // RSV1 marks the first frame of a compressed message, when permessage-deflate is on.
        const bool compressed = p[0] & 0x40;
        if ((p[0] & 0x30) ||
            (compressed && (!m_deflateWindowBits || control || opcode == Continuation))) {
            fail(CloseCode::ProtocolError, "reserved bits set without an extension");
            break;
        }
        if (!(p[1] & 0x80)) {
            fail(CloseCode::ProtocolError, "client frames must be masked");
            break;
        }
        if (control ? opcode > Pong : opcode > Binary) {
            fail(CloseCode::ProtocolError, "unknown opcode");
            break;
        }
        quint64 length = p[1] & 0x7F;
        if (control && (!fin || length > 125)) {
            fail(CloseCode::ProtocolError, "control frames must be whole and at most 125 bytes");
            break;
        }
        qsizetype header = 6;
        if (length == 126) {
            if (available < 4)
                break;
            length = qFromBigEndian<quint16>(p + 2);
            header = 8;
        } else if (length == 127) {
            if (available < 10)
                break;
            length = qFromBigEndian<quint64>(p + 2);
            header = 14;
        }
        if (!control) {
            if (opcode == Continuation && m_messageOpcode == 0) {
                fail(CloseCode::ProtocolError, "a continuation frame with no message to continue");
                break;
            }
            if (opcode != Continuation && m_messageOpcode != 0) {
                fail(CloseCode::ProtocolError, "a new message before the last one ended");
                break;
            }
            const quint64 before = opcode == Continuation ? quint64(m_message.size()) : 0;
            if (length > quint64(m_messageLimit) || before + length > quint64(m_messageLimit)) {
                refuseLargeMessage();
                break;
            }
        }
        if (quint64(available) < quint64(header) + length)
            break; // the rest of the frame is still on its way
        const uchar *mask = p + header - 4;
        const char *payload = data + pos + header;
        const auto payloadSize = qsizetype(length);
        pos += header + payloadSize;

        switch (opcode) {
        case Ping:
            Q_EMIT pinged(); // counted by the owner, who may close the connection for it
            if (m_state == State::Open)
                answerPing(payload, payloadSize, mask);
            break;
        case Pong:
            Q_EMIT pong();
            break;
        case Close: {
            const QByteArray body = unmasked(payload, payloadSize, mask);
            closeReceived(body.constData(), body.size());
            break;
        }
        case Continuation: {
            const qsizetype start = m_message.size();
            m_message.resize(start + payloadSize);
            unmask(m_message.data() + start, payload, payloadSize, mask);
            if (fin) {
                const quint8 type = std::exchange(m_messageOpcode, quint8(0));
                message(type, std::exchange(m_message, {}),
                        std::exchange(m_messageCompressed, false));
            }
            break;
        }
        default: // Text, Binary
            if (fin) {
                message(opcode, unmasked(payload, payloadSize, mask), compressed);
            } else {
                m_messageOpcode = opcode;
                m_messageCompressed = compressed;
                m_message = unmasked(payload, payloadSize, mask);
            }
            break;
        }
    }
    return pos;
}

void WebSocketConnection::message(quint8 opcode, QByteArray payload, bool compressed)
{
    if (m_state != State::Open)
        return; // after our close frame, messages are read and dropped
    if (compressed) {
        bool tooLarge = false;
        std::optional<QByteArray> inflated =
            PerMessageDeflate::decompress(payload, m_messageLimit, &tooLarge);
        if (!inflated) {
            if (tooLarge)
                refuseLargeMessage();
            else
                fail(CloseCode::InvalidPayload, "a compressed message that does not inflate");
            return;
        }
        payload = std::move(*inflated);
    }
    if (opcode == Binary) {
        Q_EMIT binaryReceived();
        return;
    }
    if (!isValidUtf8(payload.constData(), payload.size())) {
        fail(CloseCode::InvalidPayload, "a text message that is not UTF-8");
        return;
    }
    Q_EMIT textReceived(payload);
}

void WebSocketConnection::setMessageLimit(qint64 bytes)
{
    m_messageLimit = qMin(bytes, MaxMessageBytes);
}

// The owner hears of it first, and may close the connection its own way; the rest of the input is
// discarded either way, so that not one byte of the message is kept.
void WebSocketConnection::refuseLargeMessage()
{
    Q_EMIT messageTooLarge();
    fail(CloseCode::TooMuchData, "message over the size limit");
}

// One pong answers every ping that came while output was waiting, with the latest ping's payload
// (RFC 6455, 5.5.3): a peer that pings without reading holds one pong, not one per ping.
void WebSocketConnection::answerPing(const char *payload, qsizetype size, const uchar *mask)
{
    m_pong.resize(size); // reuses the buffer unless the last pong is still queued
    unmask(m_pong.data(), payload, size, mask);
    m_pongPending = true;
    if (m_out.isEmpty())
        sendPong();
}

void WebSocketConnection::sendPong()
{
    m_pongPending = false;
    sendFrame(Pong, m_pong);
}

void WebSocketConnection::closeReceived(const char *payload, qsizetype size)
{
    int code = 0;
    if (size == 1) {
        fail(CloseCode::ProtocolError, "a close frame of one byte");
        return;
    }
    if (size >= 2) {
        code = qFromBigEndian<quint16>(payload);
        if (!isValidCloseCode(code)) {
            fail(CloseCode::ProtocolError, "a close frame with an invalid code");
            return;
        }
        if (!isValidUtf8(payload + 2, size - 2)) {
            fail(CloseCode::InvalidPayload, "a close reason that is not UTF-8");
            return;
        }
    }
    m_closeReceived = true;
    if (m_state == State::Open) {
        // The echo carries the peer's code; a close frame without one is echoed empty.
        if (code)
            sendClose(code, {});
        else
            sendFrame(Close, {});
        startClosing();
    }
    if (m_out.isEmpty() && m_state != State::Closed)
        terminate(true);
}

void WebSocketConnection::sendText(const QByteArray &utf8)
{
    if (m_state != State::Open)
        return;
    if (m_deflateWindowBits && utf8.size() >= PerMessageDeflate::MinCompressBytes) {
        const QByteArray compressed = PerMessageDeflate::compress(utf8, m_deflateWindowBits);
        if (!compressed.isEmpty() && compressed.size() < utf8.size()) {
            sendFrame(Text, compressed, true);
            return;
        }
    }
    sendFrame(Text, utf8);
}

// The parts of a message travel as its fragments, uncompressed: each is written as it comes,
// and a message's fragments are all compressed or none.
void WebSocketConnection::sendTextPart(const QByteArray &utf8, bool last)
{
    if (m_state != State::Open)
        return;
    sendFrame(m_sendingParts ? Continuation : Text, utf8, false, last);
    m_sendingParts = !last;
}

void WebSocketConnection::ping()
{
    if (m_state == State::Open)
        sendFrame(Ping, {});
}

void WebSocketConnection::close(int code, const QString &reason)
{
    if (m_state != State::Open)
        return;
    QByteArray bytes = reason.toUtf8();
    if (bytes.size() > MaxCloseReasonBytes) {
        qsizetype cut = MaxCloseReasonBytes;
        while (cut > 0 && (uchar(bytes.at(cut)) & 0xC0) == 0x80)
            --cut; // not inside a character
        bytes.truncate(cut);
    }
    sendClose(code, bytes);
    startClosing();
}

void WebSocketConnection::abort()
{
    if (m_state == State::Closed)
        return;
    // Reset, rather than flush what the kernel still holds for a peer that does not read.
    const linger reset{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    terminate(false);
}

void WebSocketConnection::sendClose(int code, const QByteArray &reason)
{
    QByteArray body(2, Qt::Uninitialized);
    qToBigEndian<quint16>(quint16(code), body.data());
    body += reason;
    sendFrame(Close, body);
}

void WebSocketConnection::sendFrame(quint8 opcode, const QByteArray &payload, bool compressed,
                                    bool final)
{
    char head[10];
    qsizetype headSize = 2;
    head[0] = char((final ? 0x80 : 0) | (compressed ? 0x40 : 0) | opcode);
    const qsizetype size = payload.size();
    if (size < 126) {
        head[1] = char(size);
    } else if (size <= 0xFFFF) {
        head[1] = char(126);
        qToBigEndian<quint16>(quint16(size), head + 2);
        headSize = 4;
    } else {
        head[1] = char(127);
        qToBigEndian<quint64>(quint64(size), head + 2);
        headSize = 10;
    }
    write(head, headSize, payload);
}

ssize_t WebSocketConnection::sendVector(const iovec *iov, int count)
{
    msghdr msg{};
    msg.msg_iov = const_cast<iovec *>(iov);
    msg.msg_iovlen = decltype(msg.msg_iovlen)(count);
    for (;;) {
        // writev, without a SIGPIPE for a peer that is gone.
        const ssize_t n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL);
        if (n >= 0 || errno != EINTR)
            return n;
    }
}

// The frame of `head` and `payload` to queue. A broadcast queues the same payload behind every
// recipient that is backed up, one after the other, so the last frame made catches it: holding
// it keeps its payload alive, so the same address, size and head mean the same bytes.
WebSocketConnection::FramePointer WebSocketConnection::queued(const char *head, qsizetype headSize,
                                                              const QByteArray &payload)
{
    thread_local FramePointer last;
    if (last && last->payload.constData() == payload.constData() &&
        last->payload.size() == payload.size() && last->headSize == headSize &&
        (headSize == 0 || std::memcmp(last->head, head, size_t(headSize)) == 0))
        return last;
    auto *frame = new Frame;
    frame->payload = payload;
    frame->headSize = quint8(headSize);
    if (headSize)
        std::memcpy(frame->head, head, size_t(headSize));
    last = FramePointer(frame);
    return last;
}

// Writes `head` (may be empty) and `payload` at once where the queue is empty; queues what the
// kernel does not take.
void WebSocketConnection::write(const char *head, qsizetype headSize, const QByteArray &payload)
{
    if (m_state == State::Closed)
        return;
    const qsizetype total = headSize + payload.size();
    if (!m_out.isEmpty()) {
        m_out.append(queued(head, headSize, payload));
        m_outBytes += total;
        return;
    }
    iovec iov[2];
    int count = 0;
    if (headSize)
        iov[count++] = {const_cast<char *>(head), size_t(headSize)};
    if (!payload.isEmpty())
        iov[count++] = {const_cast<char *>(payload.constData()), size_t(payload.size())};
    ssize_t n = sendVector(iov, count);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            terminate(false);
            return;
        }
        n = 0;
    }
    if (n == total)
        return;
    m_out.append(queued(head, headSize, payload));
    m_outOffset = n;
    m_outBytes = total - n;
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this,
                &WebSocketConnection::onWritable);
    } else {
        m_writeNotifier->setEnabled(true);
    }
}

void WebSocketConnection::onWritable()
{
    flush();
}

void WebSocketConnection::flush()
{
    while (!m_out.isEmpty()) {
        iovec iov[MaxIovecs];
        int count = 0;
        qsizetype skip = m_outOffset;
        for (const FramePointer &frame : std::as_const(m_out)) {
            if (count > MaxIovecs - 2)
                break;
            if (skip < frame->headSize)
                iov[count++] = {const_cast<char *>(frame->head + skip),
                                size_t(frame->headSize - skip)};
            const qsizetype from = qMax<qsizetype>(0, skip - frame->headSize);
            if (from < frame->payload.size())
                iov[count++] = {const_cast<char *>(frame->payload.constData() + from),
                                size_t(frame->payload.size() - from)};
            skip = 0;
        }
        ssize_t n = sendVector(iov, count);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            terminate(true);
            return;
        }
        m_outBytes -= n;
        while (n > 0) {
            const qsizetype left = m_out.first()->size() - m_outOffset;
            if (n < left) {
                m_outOffset += n;
                break;
            }
            n -= left;
            m_out.removeFirst();
            m_outOffset = 0;
        }
        if (m_out.isEmpty() && m_pongPending && m_state == State::Open)
            sendPong();
    }
    queueEmptied();
}

void WebSocketConnection::queueEmptied()
{
    m_out = {};
    m_outOffset = 0;
    m_outBytes = 0;
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (m_state == State::Closing && m_closeReceived) {
        terminate(true);
    } else if (m_state == State::Failing && !m_writeShut) {
        // Our close frame is out: the peer reads it, then the end of the stream.
        m_writeShut = true;
        ::shutdown(m_fd, SHUT_WR);
    } else if (m_state == State::Open) {
        Q_EMIT drained();
    }
}

void WebSocketConnection::fail(int code, const char *reason)
{
    qCDebug(lcTransport) << "closing a WebSocket connection with" << code << reason;
    if (m_state == State::Open)
        sendClose(code, QByteArray(reason));
    if (m_state == State::Closed)
        return;
    m_state = State::Failing;
    m_message = {};
    m_messageOpcode = 0;
    startClosing();
    if (m_out.isEmpty() && !m_writeShut) {
        m_writeShut = true;
        ::shutdown(m_fd, SHUT_WR);
    }
}

void WebSocketConnection::startClosing()
{
    if (m_state == State::Open)
        m_state = State::Closing;
    if (!m_closeTimer)
        m_closeTimer = startTimer(CloseTimeoutMs);
}

void WebSocketConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_closeTimer)
        return Connection::timerEvent(event);
    // The peer did not end the connection in time.
    const linger reset{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
    terminate(true);
}

void WebSocketConnection::terminate(bool emitNow)
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_closeTimer) {
        killTimer(m_closeTimer);
        m_closeTimer = 0;
    }
    m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    m_out = {};
    m_outOffset = 0;
    m_outBytes = 0;
    m_partial = {};
    m_message = {};
    m_pong = {};
    m_pongPending = false;
    if (emitNow)
        Q_EMIT disconnected();
    else
        QMetaObject::invokeMethod(this, &Connection::disconnected, Qt::QueuedConnection);
}

} // namespace Glosa

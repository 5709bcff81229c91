#include "websockethandshake.h"

#include "permessagedeflate.h"
#include "websocketconnection.h"

#include <QCryptographicHash>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Glosa {

namespace {

// After a refusal, the peer has this long to read it and end the connection.
constexpr int LingerMs = 2000;

QByteArray httpError(int status, QByteArrayView reason, QByteArrayView serverName,
                     QByteArrayView body, QByteArrayView extraHeaders = {})
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Server: " + serverName + "\r\n";
    response += extraHeaders;
    response += "Content-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) +
                "\r\nConnection: close\r\n\r\n" + body;
    return response;
}

// Whether a comma-separated list of tokens holds `token`, whatever the case.
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = (comma < 0 ? list : list.first(comma)).trimmed();
        if (item.compare(token, Qt::CaseInsensitive) == 0)
            return true;
        if (comma < 0)
            break;
        list = list.sliced(comma + 1);
    }
    return false;
}

// A control character other than HTAB: NUL, a CR or LF that does not end the line, DEL. RFC 9110
// (5.5) has such field values refused, as parsers disagree on where they end.
bool hasControl(QByteArrayView line)
{
    for (const char c : line) {
        const auto u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7F)
            return true;
    }
    return false;
}

} // namespace

WebSocketHandshake::WebSocketHandshake(int fd, QByteArrayView path, QByteArrayView serverName,
                                       QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_path(path)
    , m_serverName(serverName)
    , m_notifier(new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this))
    , m_timer(startTimer(TimeoutMs))
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    connect(m_notifier, &QSocketNotifier::activated, this, &WebSocketHandshake::onReadable);
}

WebSocketHandshake::~WebSocketHandshake()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray WebSocketHandshake::acceptKey(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

WebSocketHandshake::Answer WebSocketHandshake::answer(QByteArrayView head, QByteArrayView path,
                                                      QByteArrayView serverName)
{
    const auto badRequest = [&](QByteArrayView why) {
        return Answer{
            400, httpError(400, "Bad Request", serverName, QByteArray(why.toByteArray() + '\n'))};
    };
    qsizetype end = head.indexOf("\r\n");
    const QByteArrayView requestLine = end < 0 ? head : head.first(end);
    QByteArrayView rest = end < 0 ? QByteArrayView() : head.sliced(end + 2);

    if (hasControl(requestLine))
        return badRequest("a control character in the request line");
    // GET /v1/ws?query HTTP/1.1
    const qsizetype space1 = requestLine.indexOf(' ');
    const qsizetype space2 = space1 < 0 ? -1 : requestLine.indexOf(' ', space1 + 1);
    if (space1 <= 0 || space2 < 0 || requestLine.indexOf(' ', space2 + 1) >= 0)
        return badRequest("malformed request line");
    const QByteArrayView method = requestLine.first(space1);
    QByteArrayView target = requestLine.sliced(space1 + 1, space2 - space1 - 1);
    const QByteArrayView version = requestLine.sliced(space2 + 1);
    if (const qsizetype query = target.indexOf('?'); query >= 0)
        target = target.first(query);
    if (target != path) {
        return {404, httpError(404, "Not Found", serverName,
                               QByteArray("WebSocket path: " + path.toByteArray() + '\n'))};
    }
    if (method != "GET")
        return badRequest("a WebSocket upgrade is a GET request");
    if (version != "HTTP/1.1")
        return badRequest("a WebSocket upgrade needs HTTP/1.1");

    QByteArray upgrade;
    QByteArray connection;
    QByteArrayView key;
    int keys = 0;
    QByteArrayView wsVersion;
    QByteArray extensions;
    while (!rest.isEmpty()) {
        end = rest.indexOf("\r\n");
        const QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 2);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return badRequest("malformed header line");
        if (hasControl(line))
            return badRequest("a control character in a header line");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Upgrade", Qt::CaseInsensitive) == 0) {
            upgrade += ',' + value;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection += ',' + value;
        } else if (name.compare("Sec-WebSocket-Key", Qt::CaseInsensitive) == 0) {
            key = value;
            ++keys;
        } else if (name.compare("Sec-WebSocket-Version", Qt::CaseInsensitive) == 0) {
            wsVersion = value;
        } else if (name.compare("Sec-WebSocket-Extensions", Qt::CaseInsensitive) == 0) {
            if (!extensions.isEmpty())
                extensions += ',';
            extensions += value;
        }
    }
    if (!hasToken(upgrade, "websocket"))
        return badRequest("missing Upgrade: websocket");
    if (!hasToken(connection, "upgrade"))
        return badRequest("missing Connection: Upgrade");
    if (keys != 1)
        return badRequest("missing Sec-WebSocket-Key");
    const auto decoded =
        QByteArray::fromBase64Encoding(key.toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16 || key.size() != 24)
        return badRequest("Sec-WebSocket-Key is not the base64 of 16 bytes");
    if (wsVersion != "13") {
        return {426,
                httpError(426, "Upgrade Required", serverName, "WebSocket version 13 is required\n",
                          "Sec-WebSocket-Version: 13\r\n")};
    }
    Answer upgraded{101,
                    "HTTP/1.1 101 Switching Protocols\r\n"
                    "Upgrade: websocket\r\n"
                    "Connection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: " +
                        acceptKey(key) + "\r\nServer: " + serverName + "\r\n",
                    0};
    if (const std::optional<QByteArray> deflate =
            PerMessageDeflate::negotiate(extensions, &upgraded.deflateWindowBits))
        upgraded.response += "Sec-WebSocket-Extensions: " + *deflate + "\r\n";
    upgraded.response += "\r\n";
    return upgraded;
}

void WebSocketHandshake::onReadable()
{
    char buffer[4096];
    // A few reads at most, so that a peer that streams does not hold up the others.
    for (int round = 0; round < 4; ++round) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0) {
            if (m_refused)
                continue; // read and dropped until the peer ends the connection
            const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
            m_head.append(buffer, n);
            const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
            if (end >= 0 && end + 4 <= MaxHeadBytes) {
                respond(end);
                return;
            }
            if (m_head.size() >= MaxHeadBytes)
                refuse(httpError(431, "Request Header Fields Too Large", m_serverName,
                                 "the request head is over 16 KiB\n"));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        finish(); // the peer is gone
        return;
    }
}

void WebSocketHandshake::respond(qsizetype headSize)
{
    Answer a = answer(QByteArrayView(m_head).first(headSize), m_path, m_serverName);
    if (a.status != 101) {
        refuse(a.response);
        return;
    }
    killTimer(m_timer);
    m_timer = 0;
    // Disabled, not deleted: this runs in the notifier's own signal.
    m_notifier->setEnabled(false);
    auto *connection = new WebSocketConnection(std::exchange(m_fd, -1), a.response,
                                               m_head.sliced(headSize + 4), a.deflateWindowBits);
    m_head = {};
    Q_EMIT upgraded(connection);
    deleteLater();
}

void WebSocketHandshake::refuse(const QByteArray &response)
{
    m_refused = true;
    m_head = {};
    [[maybe_unused]] const ssize_t n =
        ::send(m_fd, response.constData(), size_t(response.size()), MSG_NOSIGNAL);
    // The answer, then the end of the stream; what the peer still sends is read and dropped, so
    // that the answer is not lost to a reset.
    ::shutdown(m_fd, SHUT_WR);
    killTimer(m_timer);
    m_timer = startTimer(LingerMs);
}

void WebSocketHandshake::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer)
        return QObject::timerEvent(event);
    finish();
}

void WebSocketHandshake::finish()
{
    if (m_timer) {
        killTimer(m_timer);
        m_timer = 0;
    }
    if (m_notifier)
        m_notifier->setEnabled(false);
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    deleteLater();
}

} // namespace Glosa

#include "worker.h"

#include "jsonscan.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::string_view_literals;

namespace {

constexpr std::int64_t HandshakeTimeoutNs = 15'000'000'000;
constexpr std::int64_t HousekeepingNs = 100'000'000;
constexpr std::size_t RxBytes = 256 * 1024;
constexpr std::size_t MaxCaptured = 16;
// A compressed message that inflates past this fails the connection.
constexpr std::size_t MaxInflatedBytes = 64 * 1024 * 1024;

// What the generator offers: every message compressed on its own, both ways, so that one inflate
// stream per thread, reset for every message, reads any connection's messages.
constexpr std::string_view DeflateOffer =
    "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

// A typical new chat, as the desktop app sends it: a quoted passage of about one line, 32
// characters of context on each side, and a comment of a sentence or two.
constexpr std::string_view Prefix = "ses it at once; and the history "; // 32
constexpr std::string_view Exact = "of every page is kept for replay";  // 32
constexpr std::string_view Suffix = ", so a client that comes back la"; // 32
constexpr std::string_view Text =
    "Is this still true after the server restarts? A link to the design notes would help.";
constexpr int AnchorStart = 1200;
static_assert(Prefix.size() <= 32 && Suffix.size() <= 32);

const char Hex[] = "0123456789abcdef";

void putHex(std::string &out, std::uint64_t value, int digits)
{
    for (int i = digits - 1; i >= 0; --i)
        out += Hex[(value >> (4 * i)) & 0xf];
}

bool readHex(std::string_view s, std::uint64_t *value)
{
    std::uint64_t v = 0;
    for (const char c : s) {
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= std::uint64_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= std::uint64_t(c - 'a' + 10);
        else
            return false;
    }
    *value = v;
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// Calls f on each part of s between separators, trimmed.
template<typename F>
void forEachPart(std::string_view s, char separator, F &&f)
{
    while (true) {
        const std::size_t at = s.find(separator);
        f(trim(s.substr(0, at)));
        if (at == std::string_view::npos)
            return;
        s.remove_prefix(at + 1);
    }
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::uint64_t splitmix(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace

std::int64_t nowNs()
{
    static const auto origin = std::chrono::steady_clock::now();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                origin)
        .count();
}

void Stats::merge(const Stats &o)
{
    delivery.merge(o.delivery);
    crossNodeDelivery.merge(o.crossNodeDelivery);
    echo.merge(o.echo);
    connect.merge(o.connect);
    if (deliveryBySender.size() < o.deliveryBySender.size())
        deliveryBySender.resize(o.deliveryBySender.size());
    for (std::size_t i = 0; i < o.deliveryBySender.size(); ++i)
        deliveryBySender[i].merge(o.deliveryBySender[i]);
    deliveries += o.deliveries;
    echoes += o.echoes;
    expectedDeliveries += o.expectedDeliveries;
    opsInWindow += o.opsInWindow;
    opsSent += o.opsSent;
    opBytes += o.opBytes;
    frames += o.frames;
    batches += o.batches;
    events += o.events;
    payloadBytes += o.payloadBytes;
    wirePayloadBytes += o.wirePayloadBytes;
    compressedFrames += o.compressedFrames;
    wireBytes += o.wireBytes;
    presence += o.presence;
    errors += o.errors;
    pings += o.pings;
    gaps += o.gaps;
    lateOps += o.lateOps;
    maxLagNs = std::max(maxLagNs, o.maxLagNs);
    for (const auto &[k, v] : o.errorCodes)
        errorCodes[k] += v;
    for (const auto &[k, v] : o.closeCodes)
        closeCodes[k] += v;
    for (const auto &[k, v] : o.failures)
        failures[k] += v;
}

struct Worker::Conn
{
    enum class State { Connecting, Upgrading, AwaitingWelcome, Open, Closed };

    int fd = -1;
    int index = 0;
    int page = 0;
    State state = State::Connecting;
    bool connecting = true; // counted in m_connecting
    bool wantWrite = false;
    bool fragmented = false;
    bool fragCompressed = false; // the first frame of the message in `frag` had RSV1
    bool deflate = false;        // permessage-deflate negotiated
    bool seqKnown = false;
    bool recovered = false;
    bool capture = false;
    bool slow = false;
    bool publisher = true;
    bool reading = true; // EPOLLIN is asked for
    std::string in;
    std::string out;
    std::size_t outPos = 0;
    std::string frag;
    std::uint64_t fragFrameBytes = 0;
    std::string extensions;
    std::string key;
    std::string pageName;
    std::string epoch;
    std::string lastChat;
    std::string firstComment; // of lastChat
    std::string resumeEpoch;
    std::int64_t resumeSeq = -1;
    std::int64_t seq = 0;
    std::int64_t gaps = 0;
    std::int64_t startNs = 0;
    std::int64_t helloNs = 0;
    std::int64_t welcomeNs = 0;
    std::int64_t waitSeq = 0;
    std::int64_t waitReachedNs = 0;
    std::uint64_t eventsSinceHello = 0;
    std::uint64_t framesSinceHello = 0;
    std::uint64_t bytesSinceHello = 0;
    std::uint32_t opCount = 0;
    std::int64_t remaining = 0; // closed loop: operations still to send, -1: no limit
    std::vector<Captured> captured;
    std::deque<std::pair<std::uint32_t, std::int64_t>> unanswered; // opCount, sent
};

Worker::Worker(int id, Shared *shared)
    : m_id(id)
    , m_shared(shared)
    , m_random(0x5eed0000ull + std::uint64_t(id) * 7919 + std::uint64_t(nowNs()))
    , m_rx(RxBytes)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
    m_inflateReady = inflateInit2(&m_inflate, -15) == Z_OK;
    m_thread = std::thread([this] { loop(); });
}

Worker::~Worker()
{
    post([this] {
        closeAll();
        m_quit = true;
    });
    m_thread.join();
    for (Conn *c : m_graveyard)
        delete c;
    close(m_wake);
    close(m_epoll);
    if (m_inflateReady)
        inflateEnd(&m_inflate);
}

void Worker::post(std::function<void()> f)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_commands.push_back(std::move(f));
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(m_wake, &one, sizeof one);
}

void Worker::runCommands()
{
    std::uint64_t count;
    [[maybe_unused]] const ssize_t n = read(m_wake, &count, sizeof count);
    std::deque<std::function<void()>> commands;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        commands.swap(m_commands);
    }
    for (auto &command : commands)
        command();
}

void Worker::loop()
{
    std::vector<epoll_event> events(1024);
    while (!m_quit) {
        for (Conn *c : m_graveyard)
            delete c;
        m_graveyard.clear();
        const std::int64_t before = nowNs();
        const int wait = timeoutMs(before);
        timespec timeout{};
        timespec *timeoutPtr = nullptr;
        if (wait >= 0) {
            // Microsecond pacing: the next operation may be due in less than a millisecond.
            std::int64_t ns = std::int64_t(wait) * 1'000'000;
            if (m_plan == Plan::Rate) {
                const std::int64_t due =
                    m_planStart + std::int64_t(double(m_planSent) * 1e9 / m_rate) - before;
                ns = std::clamp<std::int64_t>(due, 0, ns);
            }
            timeout.tv_sec = ns / 1'000'000'000;
            timeout.tv_nsec = ns % 1'000'000'000;
            timeoutPtr = &timeout;
        }
        const int n = epoll_pwait2(m_epoll, events.data(), int(events.size()), timeoutPtr, nullptr);
        for (int i = 0; i < n; ++i) {
            auto *c = static_cast<Conn *>(events[std::size_t(i)].data.ptr);
            const std::uint32_t what = events[std::size_t(i)].events;
            if (!c) {
                runCommands();
                continue;
            }
            if (c->fd < 0)
                continue;
            if (c->state == Conn::State::Connecting) {
                if (what & (EPOLLOUT | EPOLLERR | EPOLLHUP))
                    onWritable(*c);
                continue;
            }
            if (what & EPOLLIN)
                onReadable(*c);
            if (c->fd >= 0 && (what & EPOLLOUT))
                onWritable(*c);
            if (c->fd >= 0 && !(what & EPOLLIN) && (what & (EPOLLERR | EPOLLHUP)))
                fail(*c, "connection reset");
        }
        const std::int64_t now = nowNs();
        pumpSending(now);
        pumpConnecting();
        if (now - m_lastHousekeeping >= HousekeepingNs)
            housekeeping(now);
        publishProgress();
    }
}

int Worker::timeoutMs(std::int64_t now) const
{
    std::int64_t next = m_lastHousekeeping + HousekeepingNs;
    if (m_plan == Plan::Rate)
        next = std::min(next, m_planStart + std::int64_t(double(m_planSent) * 1e9 / m_rate));
    if (next <= now)
        return 0;
    return int((next - now + 999'999) / 1'000'000);
}

void Worker::housekeeping(std::int64_t now)
{
    m_lastHousekeeping = now;
    if (!m_connecting)
        return;
    for (Conn *c : m_conns) {
        if (c->connecting && c->fd >= 0 && now - c->startNs > HandshakeTimeoutNs)
            fail(*c, c->state == Conn::State::AwaitingWelcome ? "no welcome within 15 s"
                                                              : "no handshake within 15 s");
    }
}

void Worker::publishProgress()
{
    progress.open.store(m_open, std::memory_order_relaxed);
    progress.failed.store(m_failed, std::memory_order_relaxed);
    progress.closed.store(m_closed, std::memory_order_relaxed);
    progress.opsSent.store(m_stats.opsSent, std::memory_order_relaxed);
    progress.deliveries.store(m_allDeliveries, std::memory_order_relaxed);
    progress.echoes.store(m_allEchoes, std::memory_order_relaxed);
    progress.inWindowDeliveries.store(m_stats.deliveries, std::memory_order_relaxed);
    progress.inWindowExpected.store(m_stats.expectedDeliveries, std::memory_order_relaxed);
    progress.inWindowEchoes.store(m_stats.echoes, std::memory_order_relaxed);
    progress.inWindowOps.store(m_stats.opsInWindow, std::memory_order_relaxed);
    progress.pings.store(m_stats.pings, std::memory_order_relaxed);
}

void Worker::addConnections(std::vector<ConnSpec> specs, int maxConnecting)
{
    m_maxConnecting = std::max(1, maxConnecting);
    for (ConnSpec &s : specs)
        m_pending.push_back(std::move(s));
    pumpConnecting();
}

void Worker::pumpConnecting()
{
    while (!m_pending.empty() && m_connecting < m_maxConnecting) {
        startConnect(m_pending.front());
        m_pending.pop_front();
    }
}

void Worker::startConnect(const ConnSpec &spec)
{
    auto *c = new Conn;
    c->index = spec.index;
    c->page = spec.page;
    c->pageName = spec.pageName;
    c->capture = spec.capture;
    c->slow = spec.slow;
    c->publisher = spec.publisher;
    c->waitSeq = spec.waitSeq;
    if (spec.resume) {
        c->resumeEpoch = spec.resumeEpoch;
        c->resumeSeq = spec.resumeSeq;
    }
    c->startNs = nowNs();
    m_conns.push_back(c);
    m_byIndex[c->index] = c;
    ++m_connecting;

    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        fail(*c, std::string("socket(): ") + std::strerror(errno));
        return;
    }
    const int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const sockaddr_in &address = nodeOf(c->index).address;
    if (::connect(c->fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0 &&
        errno != EINPROGRESS) {
        fail(*c, std::string("connect(): ") + std::strerror(errno));
        return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.ptr = c;
    c->wantWrite = true;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c->fd, &ev);
}

void Worker::setWantWrite(Conn &c, bool want)
{
    if (c.wantWrite == want || c.fd < 0)
        return;
    c.wantWrite = want;
    epoll_event ev{};
    ev.events = (c.reading ? EPOLLIN : 0u) | (want ? EPOLLOUT : 0u);
    ev.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

// The kernel's buffers fill, then the server's queue for the connection grows.
void Worker::stopReading(Conn &c)
{
    c.reading = false;
    epoll_event ev{};
    ev.events = c.wantWrite ? EPOLLOUT : 0u;
    ev.data.ptr = &c;
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

void Worker::onWritable(Conn &c)
{
    if (c.state == Conn::State::Connecting) {
        int error = 0;
        socklen_t len = sizeof error;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &len);
        if (error) {
            fail(c, std::string("connect(): ") + std::strerror(error));
            return;
        }
        c.state = Conn::State::Upgrading;
        unsigned char nonce[16];
        for (int i = 0; i < 16; i += 8) {
            const std::uint64_t r = splitmix(m_random);
            std::memcpy(nonce + i, &r, 8);
        }
        c.key = QByteArray(reinterpret_cast<const char *>(nonce), 16).toBase64().toStdString();
        std::string request = "GET " + m_shared->path +
                              " HTTP/1.1\r\nHost: " + nodeOf(c.index).hostHeader +
                              "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: " +
                              c.key + "\r\nSec-WebSocket-Version: 13\r\n";
        if (m_shared->deflate) {
            request += "Sec-WebSocket-Extensions: ";
            request += DeflateOffer;
            request += "\r\n";
        }
        request += "\r\n";
        setWantWrite(c, false);
        writeOrQueue(c, request.data(), request.size());
        return;
    }
    while (c.outPos < c.out.size()) {
        const ssize_t n =
            send(c.fd, c.out.data() + c.outPos, c.out.size() - c.outPos, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            fail(c, std::string("send(): ") + std::strerror(errno));
            return;
        }
        c.outPos += std::size_t(n);
    }
    c.out.clear();
    c.outPos = 0;
    setWantWrite(c, false);
}

void Worker::writeOrQueue(Conn &c, const char *data, std::size_t size)
{
    if (c.fd < 0)
        return;
    std::size_t done = 0;
    if (c.out.size() == c.outPos) {
        const ssize_t n = send(c.fd, data, size, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(c, std::string("send(): ") + std::strerror(errno));
            return;
        }
        done = n > 0 ? std::size_t(n) : 0;
        if (done == size)
            return;
        c.out.clear();
        c.outPos = 0;
    }
    c.out.append(data + done, size - done);
    setWantWrite(c, true);
}

void Worker::sendFrame(Conn &c, int opcode, std::string_view payload)
{
    char head[14];
    std::size_t n = 0;
    head[n++] = char(0x80 | opcode);
    const std::uint64_t size = payload.size();
    if (size < 126) {
        head[n++] = char(0x80 | size);
    } else if (size < 65536) {
        head[n++] = char(0x80 | 126);
        head[n++] = char(size >> 8);
        head[n++] = char(size);
    } else {
        head[n++] = char(0x80 | 127);
        for (int i = 7; i >= 0; --i)
            head[n++] = char(size >> (8 * i));
    }
    const auto mask = std::uint32_t(splitmix(m_random));
    std::memcpy(head + n, &mask, 4);
    n += 4;
    m_tx.assign(head, n);
    m_tx.append(payload);
    auto *p = reinterpret_cast<unsigned char *>(m_tx.data() + n);
    const auto *m = reinterpret_cast<const unsigned char *>(head + n - 4);
    for (std::size_t i = 0; i < size; ++i)
        p[i] ^= m[i & 3];
    writeOrQueue(c, m_tx.data(), m_tx.size());
}

void Worker::onReadable(Conn &c)
{
    const ssize_t n = recv(c.fd, m_rx.data(), m_rx.size(), 0);
    if (n == 0) {
        if (c.state != Conn::State::Open) {
            fail(c, "closed before welcome");
        } else {
            ++m_stats.closeCodes["eof"];
            closeConn(c);
        }
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(c, std::string("recv(): ") + std::strerror(errno));
        return;
    }
    const auto size = std::size_t(n);
    if (c.state == Conn::State::Upgrading) {
        c.in.append(m_rx.data(), size);
        onHandshake(c);
        return;
    }
    if (c.in.empty()) {
        const std::size_t used = parseFrames(c, m_rx.data(), size);
        if (c.fd >= 0 && used < size)
            c.in.assign(m_rx.data() + used, size - used);
    } else {
        c.in.append(m_rx.data(), size);
        const std::size_t used = parseFrames(c, c.in.data(), c.in.size());
        if (c.fd >= 0)
            c.in.erase(0, used);
    }
    if (c.fd < 0)
        std::string().swap(c.in);
}

void Worker::onHandshake(Conn &c)
{
    const std::size_t end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.in.size() > 16384)
            fail(c, "handshake response too large");
        return;
    }
    const std::string head = lower(std::string_view(c.in).substr(0, end));
    if (head.compare(0, 12, "http/1.1 101") != 0) {
        fail(c, "handshake refused: " + c.in.substr(0, c.in.find("\r\n")));
        return;
    }
    const QByteArray expected =
        QCryptographicHash::hash(QByteArray::fromStdString(c.key + "258EAFA5-E914-47DA-95CA-"
                                                                   "C5AB0DC85B11"),
                                 QCryptographicHash::Sha1)
            .toBase64();
    std::string trimmed;
    if (const std::size_t at = head.find("sec-websocket-accept:"); at != std::string::npos)
        trimmed = c.in.substr(at + 21, std::min(head.find("\r\n", at), head.size()) - at - 21);
    trimmed.erase(0, trimmed.find_first_not_of(' '));
    trimmed.erase(trimmed.find_last_not_of(" \r") + 1);
    if (trimmed != expected.toStdString()) {
        fail(c, "handshake: wrong Sec-WebSocket-Accept");
        return;
    }
    if (!acceptExtensions(c, head))
        return;
    std::string rest = c.in.substr(end + 4);
    c.in.clear();
    c.state = Conn::State::AwaitingWelcome;

    std::string hello = R"({"type":"hello","v":1,"tenant":")" + m_shared->tenant + R"(","page":")" +
                        c.pageName + R"(","name":")" + m_shared->userName + '"';
    if (c.resumeSeq >= 0)
        hello += R"(,"resume":{"epoch":")" + c.resumeEpoch + R"(","seq":)" +
                 std::to_string(c.resumeSeq) + '}';
    hello += '}';
    c.helloNs = nowNs();
    sendFrame(c, 1, hello);
    if (c.fd >= 0 && !rest.empty()) {
        const std::size_t used = parseFrames(c, rest.data(), rest.size());
        if (c.fd >= 0)
            c.in.assign(rest, used, std::string::npos);
    }
}

// Checks the server's Sec-WebSocket-Extensions (in `head`, lowercased) against the offer: nothing,
// or permessage-deflate with server_no_context_takeover. Fails the connection otherwise.
bool Worker::acceptExtensions(Conn &c, const std::string &head)
{
    std::string value;
    forEachPart(head, '\n', [&](std::string_view line) {
        constexpr std::string_view Name = "sec-websocket-extensions:";
        if (line.substr(0, Name.size()) == Name) {
            if (!value.empty())
                value += ", ";
            value += trim(line.substr(Name.size()));
        }
    });
    c.extensions = value;
    if (value.empty())
        return true; // declined: plain frames both ways
    if (!m_shared->deflate) {
        fail(c, "handshake: the server named extensions that were not offered: " + value);
        return false;
    }
    int accepted = 0;
    bool noContextTakeover = false;
    std::string problem;
    forEachPart(value, ',', [&](std::string_view extension) {
        bool first = true;
        forEachPart(extension, ';', [&](std::string_view param) {
            if (first) {
                first = false;
                if (param != "permessage-deflate"sv)
                    problem = "an extension that was not offered: " + std::string(param);
                ++accepted;
                return;
            }
            const std::string_view name = trim(param.substr(0, param.find('=')));
            if (name == "server_no_context_takeover"sv)
                noContextTakeover = true;
            else if (name != "client_no_context_takeover"sv && name != "server_max_window_bits"sv &&
                     name != "client_max_window_bits"sv)
                problem = "an unknown permessage-deflate parameter: " + std::string(param);
        });
    });
    if (problem.empty() && accepted != 1)
        problem = "more than one extension: " + value;
    if (problem.empty() && !noContextTakeover)
        problem = "permessage-deflate without server_no_context_takeover (\"" + value +
                  "\"); the generator inflates every message on its own and cannot follow a "
                  "compression context kept from one message to the next";
    if (!problem.empty()) {
        fail(c, "handshake: the server accepted " + problem);
        return false;
    }
    if (!m_inflateReady) {
        fail(c, "zlib: inflateInit2 failed");
        return false;
    }
    c.deflate = true;
    return true;
}

std::size_t Worker::parseFrames(Conn &c, const char *data, std::size_t size)
{
    std::size_t pos = 0;
    while (size - pos >= 2) {
        const auto *p = reinterpret_cast<const unsigned char *>(data + pos);
        const std::size_t left = size - pos;
        const bool fin = p[0] & 0x80;
        const bool rsv1 = p[0] & 0x40;
        const int opcode = p[0] & 0x0f;
        if (p[1] & 0x80) {
            fail(c, "masked frame from the server");
            return pos;
        }
        if (p[0] & 0x30) {
            fail(c, "RSV2 or RSV3 set by the server");
            return pos;
        }
        if (rsv1 && !c.deflate) {
            fail(c, "RSV1 set without permessage-deflate");
            return pos;
        }
        if (rsv1 && (opcode == 0x0 || opcode >= 0x8)) {
            fail(c, opcode == 0x0 ? "RSV1 set on a continuation frame"
                                  : "RSV1 set on a control frame");
            return pos;
        }
        std::uint64_t length = p[1] & 0x7f;
        std::size_t head = 2;
        if (length == 126) {
            if (left < 4)
                break;
            length = (std::uint64_t(p[2]) << 8) | p[3];
            head = 4;
        } else if (length == 127) {
            if (left < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            head = 10;
        }
        if (left < head + length)
            break;
        const std::string_view payload(data + pos + head, std::size_t(length));
        pos += head + std::size_t(length);
        m_stats.wireBytes += head + length;
        c.bytesSinceHello += length;
        switch (opcode) {
        case 0x0:
            c.frag.append(payload);
            c.fragFrameBytes += head + length;
            if (fin) {
                c.fragmented = false;
                onMessage(c, c.frag, c.fragCompressed, c.fragFrameBytes);
                c.frag.clear();
            }
            break;
        case 0x1:
        case 0x2:
            if (fin) {
                onMessage(c, payload, rsv1, head + length);
            } else {
                c.fragmented = true;
                c.fragCompressed = rsv1;
                c.fragFrameBytes = head + length;
                c.frag.assign(payload);
            }
            break;
        case 0x8: {
            const std::string code =
                payload.size() >= 2 ? std::to_string((static_cast<unsigned char>(payload[0]) << 8) |
                                                     static_cast<unsigned char>(payload[1]))
                                    : std::string("none");
            ++m_stats.closeCodes[code];
            sendFrame(c, 0x8, payload.substr(0, 2));
            if (c.state != Conn::State::Open)
                fail(c, "closed before welcome, code " + code);
            else
                closeConn(c);
            return pos;
        }
        case 0x9:
            ++m_stats.pings;
            sendFrame(c, 0xA, payload);
            break;
        default:
            break;
        }
        if (c.fd < 0)
            return pos;
    }
    return pos;
}

void Worker::onMessage(Conn &c, std::string_view payload, bool compressed, std::uint64_t frameBytes)
{
    std::string_view message = payload;
    if (compressed && !inflateMessage(payload, &message)) {
        fail(c, m_inflate.msg ? std::string("inflate: ") + m_inflate.msg
                              : std::string("inflate: a corrupt or oversized compressed message"));
        return;
    }
    ++m_stats.frames;
    m_stats.payloadBytes += message.size();
    m_stats.wirePayloadBytes += payload.size();
    if (compressed)
        ++m_stats.compressedFrames;
    ++c.framesSinceHello;
    if (c.capture && c.captured.size() < MaxCaptured)
        c.captured.push_back({std::string(message), payload.size(), frameBytes, compressed});
    onObject(c, message, true);
}

// Inflates one message compressed on its own (RFC 7692 7.2.2: the payload with 00 00 FF FF
// appended, raw deflate) into m_inflated.
bool Worker::inflateMessage(std::string_view payload, std::string_view *message)
{
    static const char Tail[4] = {'\x00', '\x00', '\xff', '\xff'};
    if (inflateReset(&m_inflate) != Z_OK)
        return false;
    if (m_inflated.size() < 4096)
        m_inflated.resize(4096);
    std::size_t used = 0;
    for (const std::string_view part : {payload, std::string_view(Tail, 4)}) {
        m_inflate.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.data()));
        m_inflate.avail_in = uInt(part.size());
        while (true) {
            if (used == m_inflated.size()) {
                if (used >= MaxInflatedBytes)
                    return false;
                m_inflated.resize(used * 2);
            }
            m_inflate.next_out = reinterpret_cast<Bytef *>(m_inflated.data() + used);
            m_inflate.avail_out = uInt(m_inflated.size() - used);
            const int r = inflate(&m_inflate, Z_SYNC_FLUSH);
            used = m_inflated.size() - m_inflate.avail_out;
            if (r == Z_STREAM_END) {
                *message = std::string_view(m_inflated.data(), used);
                return true; // a final block: whatever follows (the tail) is not needed
            }
            if (r != Z_OK && r != Z_BUF_ERROR)
                return false;
            if (m_inflate.avail_in == 0 && m_inflate.avail_out > 0)
                break; // this part is consumed and nothing is pending
            if (r == Z_BUF_ERROR && m_inflate.avail_out > 0)
                return false; // no progress with input and room left: corrupt
        }
    }
    *message = std::string_view(m_inflated.data(), used);
    return true;
}

void Worker::onObject(Conn &c, std::string_view object, bool top)
{
    std::string_view type, broadcastId, events, epoch, code;
    std::int64_t seq = -1;
    bool recovered = false;
    JsonScan::forEachMember(object, [&](std::string_view key, std::string_view value) {
        if (key == "type"sv)
            type = JsonScan::unquote(value);
        else if (key == "broadcastId"sv)
            broadcastId = JsonScan::unquote(value);
        else if (key == "seq"sv)
            seq = JsonScan::toInt(value);
        else if (key == "events"sv)
            events = value;
        else if (key == "epoch"sv)
            epoch = JsonScan::unquote(value);
        else if (key == "recovered"sv)
            recovered = value == "true"sv;
        else if (key == "code"sv)
            code = JsonScan::unquote(value);
    });
    if (type == "batch"sv && top) {
        ++m_stats.batches;
        JsonScan::forEachElement(events,
                                 [&](std::string_view event) { onObject(c, event, false); });
        return;
    }
    ++m_stats.events;
    ++c.eventsSinceHello;
    if (type == "new-text-chat"sv || type == "updated-text-chat"sv ||
        type == "deleted-text-chat"sv) {
        if (c.seqKnown && seq != c.seq + 1) {
            ++m_stats.gaps;
            ++c.gaps;
        }
        c.seq = seq;
        c.seqKnown = true;
        if (c.waitSeq > 0 && seq >= c.waitSeq && !c.waitReachedNs)
            c.waitReachedNs = nowNs();
        onBroadcastId(c, broadcastId, false);
    } else if (type == "presence"sv) {
        ++m_stats.presence;
    } else if (type == "welcome"sv) {
        const std::int64_t now = nowNs();
        c.state = Conn::State::Open;
        c.welcomeNs = now;
        c.epoch = epoch;
        c.seq = seq;
        c.seqKnown = seq >= 0;
        c.recovered = recovered;
        if (c.waitSeq > 0 && seq >= 0 && seq <= c.resumeSeq)
            c.waitReachedNs = now; // nothing to replay
        if (c.connecting) {
            c.connecting = false;
            --m_connecting;
        }
        ++m_open;
        m_stats.connect.record(now - c.startNs);
        if (c.slow)
            stopReading(c);
    } else if (type == "snapshot"sv) {
        c.seq = seq;
        c.seqKnown = true;
        if (c.waitSeq > 0 && seq >= c.waitSeq && !c.waitReachedNs)
            c.waitReachedNs = nowNs();
    } else if (type == "error"sv) {
        ++m_stats.errors;
        ++m_stats.errorCodes[std::string(code)];
        onBroadcastId(c, broadcastId, true);
    }
}

void Worker::onBroadcastId(Conn &c, std::string_view id, bool error)
{
    // tag(8)-conn(4)-conn(4)-count(4)-sent(12)
    if (id.size() != 36 || id.substr(0, 8) != m_shared->tagHex)
        return;
    std::uint64_t high, low, sent;
    if (!readHex(id.substr(9, 4), &high) || !readHex(id.substr(14, 4), &low) ||
        !readHex(id.substr(24, 12), &sent))
        return;
    std::uint64_t count;
    const int sender = int((high << 16) | low);
    if (sender == c.index && readHex(id.substr(19, 4), &count)) {
        for (auto it = c.unanswered.begin(); it != c.unanswered.end(); ++it) {
            if ((it->first & 0xffff) == count && it->second == std::int64_t(sent)) {
                c.unanswered.erase(it);
                break;
            }
        }
    }
    const auto sentNs = std::int64_t(sent);
    const std::int64_t now = nowNs();
    const bool inWindow = sentNs >= m_shared->windowStart.load(std::memory_order_relaxed) &&
                          sentNs < m_shared->windowEnd.load(std::memory_order_relaxed);
    if (sender == c.index) {
        if (!error) {
            ++m_allEchoes;
            if (inWindow) {
                ++m_stats.echoes;
                m_stats.echo.record(now - sentNs);
            }
        }
        if (m_plan == Plan::ClosedLoop && now < m_planEnd && c.remaining != 0)
            sendOp(c, c.opCount % 2 == 0, 0);
        return;
    }
    if (error)
        return;
    ++m_allDeliveries;
    if (inWindow) {
        ++m_stats.deliveries;
        m_stats.delivery.record(now - sentNs);
        if (m_shared->nodes.size() > 1 && nodeIndexOf(sender) != nodeIndexOf(c.index))
            m_stats.crossNodeDelivery.record(now - sentNs);
        const std::vector<int> &timed = m_shared->timedSenders;
        for (std::size_t i = 0; i < timed.size(); ++i) {
            if (timed[i] != sender)
                continue;
            if (m_stats.deliveryBySender.size() < timed.size())
                m_stats.deliveryBySender.resize(timed.size());
            m_stats.deliveryBySender[i].record(now - sentNs);
        }
    }
}

std::string Worker::newUuid(unsigned kind)
{
    std::string id;
    id.reserve(36);
    putHex(id, m_shared->tag ^ 0xffffffffu, 8);
    id += '-';
    putHex(id, std::uint64_t(m_id), 4);
    id += '-';
    putHex(id, kind, 4);
    id += '-';
    putHex(id, 0x8000, 4);
    id += '-';
    putHex(id, ++m_idCounter, 12);
    return id;
}

std::string Worker::broadcastId(int index, std::uint32_t opCount, std::int64_t sentNs) const
{
    // tag(8)-conn(4)-conn(4)-count(4)-sent(12)
    std::string id;
    id.reserve(36);
    id = m_shared->tagHex;
    id += '-';
    putHex(id, std::uint64_t(index) >> 16, 4);
    id += '-';
    putHex(id, std::uint64_t(index) & 0xffff, 4);
    id += '-';
    putHex(id, opCount & 0xffff, 4);
    id += '-';
    putHex(id, std::uint64_t(sentNs), 12);
    return id;
}

std::vector<std::string> Worker::unanswered(std::int64_t fromNs, std::int64_t toNs,
                                            std::size_t limit, std::size_t *count) const
{
    std::vector<std::string> ids;
    *count = 0;
    for (const Conn *c : m_conns) {
        for (const auto &[opCount, sent] : c->unanswered) {
            if (sent < fromNs || sent >= toNs)
                continue;
            ++*count;
            if (ids.size() < limit)
                ids.push_back(broadcastId(c->index, opCount, sent));
        }
    }
    return ids;
}

bool Worker::sendOp(int index, bool create)
{
    const auto it = m_byIndex.find(index);
    return it != m_byIndex.end() && sendOp(*it->second, create, 0);
}

bool Worker::sendOp(Conn &c, bool create, std::int64_t scheduledNs)
{
    if (c.state != Conn::State::Open || c.fd < 0)
        return false;
    if (c.lastChat.empty())
        create = true;
    const std::int64_t now = nowNs();
    const std::string id = broadcastId(c.index, c.opCount, now);
    c.unanswered.emplace_back(c.opCount, now);
    if (c.unanswered.size() > 4096)
        c.unanswered.pop_front();

    std::string &p = m_payload;
    p.clear();
    if (m_shared->edits && !c.lastChat.empty()) {
        p += R"({"type":"updated-text-chat","broadcastId":")";
        p += id;
        p += R"(","chatId":")";
        p += c.lastChat;
        p += R"(","change":{"op":"edit-comment","commentId":")";
        p += c.firstComment;
        p += R"(","text":")";
        p += Text;
        p += R"("}})";
    } else if (create) {
        c.lastChat = newUuid(1);
        c.firstComment = newUuid(2);
        p += R"({"type":"new-text-chat","broadcastId":")";
        p += id;
        p += R"(","chat":{"id":")";
        p += c.lastChat;
        p += R"(","anchor":{"start":)";
        p += std::to_string(AnchorStart);
        p += R"(,"end":)";
        p += std::to_string(AnchorStart + int(Exact.size()));
        p += R"(,"exact":")";
        p += Exact;
        p += R"(","prefix":")";
        p += Prefix;
        p += R"(","suffix":")";
        p += Suffix;
        p += R"("},"comment":{"id":")";
        p += c.firstComment;
        p += R"(","text":")";
        p += Text;
        p += R"("}}})";
    } else {
        p += R"({"type":"updated-text-chat","broadcastId":")";
        p += id;
        p += R"(","chatId":")";
        p += c.lastChat;
        p += R"(","change":{"op":"add-comment","comment":{"id":")";
        p += newUuid(2);
        p += R"(","text":")";
        p += Text;
        p += R"("}}})";
    }
    sendFrame(c, 1, p);
    ++c.opCount;
    if (c.remaining > 0)
        --c.remaining;
    ++m_stats.opsSent;
    m_stats.opBytes += p.size();
    if (now >= m_shared->windowStart.load(std::memory_order_relaxed) &&
        now < m_shared->windowEnd.load(std::memory_order_relaxed)) {
        ++m_stats.opsInWindow;
        const std::vector<int> &viewers = m_shared->viewersOfPage;
        if (c.page >= 0 && std::size_t(c.page) < viewers.size())
            m_stats.expectedDeliveries += std::uint64_t(std::max(0, viewers[c.page] - 1));
    }
    if (scheduledNs > 0) {
        const std::int64_t lag = now - scheduledNs;
        m_stats.maxLagNs = std::max(m_stats.maxLagNs, lag);
        if (lag > 1'000'000)
            ++m_stats.lateOps;
    }
    return true;
}

void Worker::startRate(double opsPerSecond, std::int64_t startNs, std::int64_t endNs, int index)
{
    m_onlyWriter = index;
    m_plan = opsPerSecond > 0 ? Plan::Rate : Plan::None;
    m_rate = opsPerSecond;
    m_planStart = startNs;
    m_planEnd = endNs;
    m_planSent = 0;
}

void Worker::startClosedLoop(int window, std::int64_t opsPerConnection, std::int64_t endNs,
                             int index)
{
    m_plan = Plan::ClosedLoop;
    m_window = window;
    m_opsPerConnection = opsPerConnection;
    m_planEnd = endNs;
    for (Conn *c : m_conns) {
        if (c->state != Conn::State::Open || (index >= 0 && c->index != index))
            continue;
        c->remaining = opsPerConnection > 0 ? opsPerConnection : -1;
        for (int i = 0; i < window && c->remaining != 0; ++i)
            sendOp(*c, c->opCount % 2 == 0, 0);
    }
}

void Worker::stopSending()
{
    m_plan = Plan::None;
}

void Worker::pumpSending(std::int64_t now)
{
    if (m_plan != Plan::Rate)
        return;
    while (true) {
        const std::int64_t due = m_planStart + std::int64_t(double(m_planSent) * 1e9 / m_rate);
        if (due > now)
            return;
        if (due >= m_planEnd) {
            m_plan = Plan::None;
            return;
        }
        Conn *writer = nullptr;
        if (m_onlyWriter >= 0) {
            const auto it = m_byIndex.find(m_onlyWriter);
            if (it != m_byIndex.end() && it->second->state == Conn::State::Open &&
                it->second->fd >= 0)
                writer = it->second;
        }
        for (std::size_t tries = 0; !writer && m_onlyWriter < 0 && tries < m_conns.size();
             ++tries) {
            Conn *c = m_conns[m_nextWriter++ % m_conns.size()];
            if (c->publisher && c->state == Conn::State::Open && c->fd >= 0)
                writer = c;
        }
        if (!writer) {
            m_plan = Plan::None;
            return;
        }
        sendOp(*writer, writer->opCount % 2 == 0, due);
        ++m_planSent;
    }
}

Stats Worker::takeStats()
{
    Stats taken = std::move(m_stats);
    m_stats = Stats();
    publishProgress();
    return taken;
}

ConnInfo Worker::info(int index) const
{
    ConnInfo i;
    const auto it = m_byIndex.find(index);
    if (it == m_byIndex.end())
        return i;
    const Conn &c = *it->second;
    i.found = true;
    i.open = c.state == Conn::State::Open;
    i.closed = c.state == Conn::State::Closed;
    i.deflate = c.deflate;
    i.extensions = c.extensions;
    i.epoch = c.epoch;
    i.seq = c.seq;
    i.recovered = c.recovered;
    i.helloNs = c.helloNs;
    i.welcomeNs = c.welcomeNs;
    i.waitReachedNs = c.waitReachedNs;
    i.eventsSinceHello = c.eventsSinceHello;
    i.framesSinceHello = c.framesSinceHello;
    i.bytesSinceHello = c.bytesSinceHello;
    i.gaps = c.gaps;
    i.captured = c.captured;
    return i;
}

std::size_t Worker::openPublishers() const
{
    return std::size_t(std::count_if(m_conns.begin(), m_conns.end(), [](const Conn *c) {
        return c->publisher && c->state == Conn::State::Open;
    }));
}

void Worker::countOpenByPage(std::vector<int> *counts) const
{
    for (const Conn *c : m_conns) {
        if (c->state == Conn::State::Open && c->page >= 0 && std::size_t(c->page) < counts->size())
            ++(*counts)[std::size_t(c->page)];
    }
}

void Worker::fail(Conn &c, const std::string &reason)
{
    ++m_stats.failures[reason];
    if (c.connecting) {
        c.connecting = false;
        --m_connecting;
        ++m_failed;
    } else {
        ++m_closed;
    }
    if (c.fd >= 0) {
        close(c.fd);
        c.fd = -1;
    }
    if (c.state == Conn::State::Open)
        --m_open;
    c.state = Conn::State::Closed;
}

void Worker::closeConn(Conn &c)
{
    if (c.fd >= 0) {
        close(c.fd);
        c.fd = -1;
    }
    if (c.connecting) {
        c.connecting = false;
        --m_connecting;
        ++m_failed;
    } else if (c.state == Conn::State::Open) {
        --m_open;
        ++m_closed;
    }
    c.state = Conn::State::Closed;
    std::string().swap(c.out);
    c.outPos = 0;
}

void Worker::closeConnection(int index)
{
    const auto it = m_byIndex.find(index);
    if (it != m_byIndex.end())
        closeConn(*it->second);
}

void Worker::closeAll()
{
    m_pending.clear();
    m_plan = Plan::None;
    for (Conn *c : m_conns) {
        if (c->fd >= 0)
            close(c->fd);
        c->fd = -1;
        c->state = Conn::State::Closed;
    }
    // Deleted on the next turn of the loop: events of this turn may still point at them.
    m_graveyard.insert(m_graveyard.end(), m_conns.begin(), m_conns.end());
    m_conns.clear();
    m_byIndex.clear();
    m_connecting = 0;
    m_open = 0;
    publishProgress();
}

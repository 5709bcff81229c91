#pragma once

#include "histogram.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <netinet/in.h>
#include <zlib.h>

// Nanoseconds on the monotonic clock since this process started: every timestamp of the load
// generator, the ones carried inside broadcastIds included.
std::int64_t nowNs();

// What every worker shares. The runner sets it between phases; workers only read it, apart from
// the measurement window, which is atomic.
struct Shared
{
    // The server, or the nodes of a cluster: connection i goes to the node its index hashes
    // to, so that the connections of a page spread over the nodes whatever the scenario.
    struct Node
    {
        sockaddr_in address{};
        std::string hostHeader; // "127.0.0.1:PORT"
    };
    std::vector<Node> nodes;
    std::string path; // "/v1/ws"
    std::string tenant;
    std::string userName;
    std::uint32_t tag = 0;
    // Offer permessage-deflate (RFC 7692) in the handshake; messages stay uncompressed both ways
    // when the server declines.
    bool deflate = false;
    // After its first chat, a connection's operations edit that chat's comment, so that the
    // page's state stays the size it was however many operations it gets.
    bool edits = false;
    std::string tagHex; // tag in 8 hex digits: the start of every broadcastId of this run
    // Operations sent inside [windowStart, windowEnd) are measured.
    std::atomic<std::int64_t> windowStart{INT64_MAX};
    std::atomic<std::int64_t> windowEnd{INT64_MIN};
    // Open connections per page (index), for the deliveries an operation should cause.
    std::vector<int> viewersOfPage;
    // Connections whose operations' deliveries are also timed apart (Stats::deliveryBySender).
    std::vector<int> timedSenders;
};

// A connection to open.
struct ConnSpec
{
    int index = 0; // global, unique in the run
    int page = 0;
    std::string pageName;
    bool resume = false;
    std::string resumeEpoch;
    std::int64_t resumeSeq = 0;
    std::int64_t waitSeq = 0; // note when an event with this seq (or later) arrives
    bool capture = false;     // keep the frames received
    bool slow = false;        // reads nothing once welcomed: a consumer that never keeps up
    bool publisher = true;    // sends the operations of an open loop (Worker::startRate)
};

// A message received, kept for the runner (ConnSpec::capture).
struct Captured
{
    std::string text;               // the payload, inflated when it came compressed
    std::uint64_t payloadBytes = 0; // payload bytes on the wire (compressed when compressed)
    std::uint64_t frameBytes = 0;   // the frame(s) on the wire, headers included
    bool compressed = false;        // RSV1: the server deflated it
};

// What a connection went through, for the runner.
struct ConnInfo
{
    bool found = false;
    bool open = false;
    bool closed = false;
    bool deflate = false;   // the server accepted permessage-deflate
    std::string extensions; // the server's Sec-WebSocket-Extensions (lowercased), or empty
    std::string epoch;
    std::int64_t seq = 0;
    bool recovered = false;
    std::int64_t helloNs = 0;
    std::int64_t welcomeNs = 0;
    std::int64_t waitReachedNs = 0;
    std::uint64_t eventsSinceHello = 0;
    std::uint64_t framesSinceHello = 0;
    std::uint64_t bytesSinceHello = 0;
    std::int64_t gaps = 0;
    std::vector<Captured> captured;
};

// Figures one worker gathered; merged by the runner.
struct Stats
{
    Histogram delivery; // send -> receipt at every other viewer, operations sent in the window
    // The same, of the viewers on another node than the sender's (with several nodes).
    Histogram crossNodeDelivery;
    Histogram echo;    // send -> receipt of the echo by the sender
    Histogram connect; // TCP connect -> welcome
    // The deliveries of Shared::timedSenders' operations, one histogram per sender in that order.
    std::vector<Histogram> deliveryBySender;
    std::uint64_t deliveries = 0;
    std::uint64_t echoes = 0;
    std::uint64_t expectedDeliveries = 0;
    std::uint64_t opsInWindow = 0;
    std::uint64_t opsSent = 0;
    std::uint64_t opBytes = 0;
    std::uint64_t frames = 0;
    std::uint64_t batches = 0;
    std::uint64_t events = 0;
    std::uint64_t payloadBytes = 0; // messages as the application reads them: inflated JSON
    // The same messages' payloads as they crossed the socket: compressed where the server
    // compressed them, so equal to payloadBytes without permessage-deflate.
    std::uint64_t wirePayloadBytes = 0;
    std::uint64_t compressedFrames = 0; // messages that came compressed (RSV1)
    std::uint64_t wireBytes = 0;        // every frame's bytes on the wire, headers included
    std::uint64_t presence = 0;
    std::uint64_t errors = 0;
    std::uint64_t pings = 0;
    std::uint64_t gaps = 0;
    std::uint64_t lateOps = 0; // sent more than 1 ms after their scheduled time
    std::int64_t maxLagNs = 0;
    std::map<std::string, std::uint64_t> errorCodes;
    std::map<std::string, std::uint64_t> closeCodes;
    std::map<std::string, std::uint64_t> failures;

    void merge(const Stats &other);
};

// Counters the runner reads while a phase runs, for progress.
struct Progress
{
    std::atomic<std::uint64_t> open{0};
    std::atomic<std::uint64_t> failed{0};
    std::atomic<std::uint64_t> closed{0};
    std::atomic<std::uint64_t> opsSent{0};
    std::atomic<std::uint64_t> deliveries{0};
    std::atomic<std::uint64_t> echoes{0};
    std::atomic<std::uint64_t> inWindowDeliveries{0};
    std::atomic<std::uint64_t> inWindowExpected{0};
    std::atomic<std::uint64_t> inWindowEchoes{0};
    std::atomic<std::uint64_t> inWindowOps{0};
    std::atomic<std::uint64_t> pings{0};
};

// One thread with its own epoll loop and the WebSocket connections it owns: a minimal RFC 6455
// client (handshake, masked text frames out, frames in, ping/pong, close; permessage-deflate in,
// without context takeover, when Shared::deflate is set), the Glosa protocol subset the scenarios
// need, and the timing of every event received.
class Worker
{
public:
    Worker(int id, Shared *shared);
    ~Worker();
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    // Runs f on the worker's thread.
    void post(std::function<void()> f);
    // Runs f on the worker's thread and waits for its result; progress is up to date when it
    // returns.
    template<typename F>
    auto call(F &&f) -> decltype(f())
    {
        using R = decltype(f());
        std::packaged_task<R()> task([this, &f]() -> R {
            if constexpr (std::is_void_v<R>) {
                f();
                publishProgress();
            } else {
                R r = f();
                publishProgress();
                return r;
            }
        });
        auto result = task.get_future();
        post([&task] { task(); });
        return result.get();
    }

    // The rest runs on the worker's thread, through post() or call().
    void addConnections(std::vector<ConnSpec> specs, int maxConnecting);
    // Open loop: operations at this rate from the open publishers in turn (only connection
    // `index` when it is not -1), until endNs.
    void startRate(double opsPerSecond, std::int64_t startNs, std::int64_t endNs, int index = -1);
    // Closed loop: every open connection (only connection `index` when it is not -1) keeps
    // `window` operations in flight (an echo or an error ends one), until endNs or until it has
    // sent opsPerConnection (0: no limit).
    void startClosedLoop(int window, std::int64_t opsPerConnection, std::int64_t endNs,
                         int index = -1);
    void stopSending();
    Stats takeStats();
    ConnInfo info(int index) const;
    void closeConnection(int index);
    void closeAll();
    // One operation from a connection: a new chat (create) or a comment on its last chat.
    bool sendOp(int index, bool create);
    // Open connections that are publishers (ConnSpec::publisher).
    std::size_t openPublishers() const;
    // broadcastIds of operations sent in [fromNs, toNs) that neither an echo nor an error has
    // answered yet (at most `limit`), and how many there are.
    std::vector<std::string> unanswered(std::int64_t fromNs, std::int64_t toNs, std::size_t limit,
                                        std::size_t *count) const;
    // Open connections per page, added into `counts` (indexed by page).
    void countOpenByPage(std::vector<int> *counts) const;

    Progress progress;

private:
    std::size_t nodeIndexOf(int index) const
    {
        return std::size_t(std::uint32_t(index) * 2654435761u) % m_shared->nodes.size();
    }
    const Shared::Node &nodeOf(int index) const { return m_shared->nodes[nodeIndexOf(index)]; }
    struct Conn;
    enum class Plan { None, Rate, ClosedLoop };

    void loop();
    void runCommands();
    void startConnect(const ConnSpec &spec);
    void onWritable(Conn &c);
    void onReadable(Conn &c);
    void onHandshake(Conn &c);
    bool acceptExtensions(Conn &c, const std::string &head);
    std::size_t parseFrames(Conn &c, const char *data, std::size_t size);
    // A whole message as it came off the wire (payload of its frames, compressed or not, and
    // the bytes of those frames).
    void onMessage(Conn &c, std::string_view payload, bool compressed, std::uint64_t frameBytes);
    bool inflateMessage(std::string_view payload, std::string_view *message);
    void onObject(Conn &c, std::string_view object, bool top);
    void onBroadcastId(Conn &c, std::string_view broadcastId, bool error);
    void sendFrame(Conn &c, int opcode, std::string_view payload);
    void writeOrQueue(Conn &c, const char *data, std::size_t size);
    void fail(Conn &c, const std::string &reason);
    void closeConn(Conn &c);
    bool sendOp(Conn &c, bool create, std::int64_t scheduledNs);
    void pumpSending(std::int64_t now);
    void pumpConnecting();
    void housekeeping(std::int64_t now);
    void publishProgress();
    int timeoutMs(std::int64_t now) const;
    void setWantWrite(Conn &c, bool want);
    void stopReading(Conn &c);
    std::string newUuid(unsigned kind);
    std::string broadcastId(int index, std::uint32_t opCount, std::int64_t sentNs) const;

    int m_id;
    Shared *m_shared;
    int m_epoll = -1;
    int m_wake = -1;
    std::thread m_thread;
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_commands;
    bool m_quit = false;

    std::vector<Conn *> m_conns;
    std::vector<Conn *> m_graveyard;
    std::unordered_map<int, Conn *> m_byIndex;
    std::deque<ConnSpec> m_pending;
    int m_maxConnecting = 64;
    int m_connecting = 0;
    std::uint64_t m_open = 0;
    std::uint64_t m_failed = 0;
    std::uint64_t m_closed = 0;
    std::uint64_t m_allDeliveries = 0;
    std::uint64_t m_allEchoes = 0;

    Plan m_plan = Plan::None;
    double m_rate = 0;
    std::int64_t m_planStart = 0;
    std::int64_t m_planEnd = 0;
    std::uint64_t m_planSent = 0;
    std::size_t m_nextWriter = 0;
    int m_onlyWriter = -1; // the index of the only connection that sends, or -1
    int m_window = 0;
    std::int64_t m_opsPerConnection = 0;

    Stats m_stats;
    std::int64_t m_lastHousekeeping = 0;
    std::uint64_t m_idCounter = 0;
    std::uint64_t m_random;
    std::string m_tx;
    std::string m_payload;
    std::vector<char> m_rx;
    // permessage-deflate: one raw inflate stream for the thread, reset for every message (the
    // server compresses each message on its own), and the buffer it inflates into.
    z_stream m_inflate{};
    bool m_inflateReady = false;
    std::string m_inflated;
};

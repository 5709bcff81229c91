#include "loadrunner.h"

#include "procstat.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include <arpa/inet.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Second = 1'000'000'000;

double ms(std::int64_t ns)
{
    return double(ns) / 1e6;
}

std::int64_t nsOf(double seconds)
{
    return std::int64_t(seconds * 1e9);
}

QJsonObject mapJson(const std::map<std::string, std::uint64_t> &m)
{
    QJsonObject o;
    for (const auto &[k, v] : m)
        o.insert(QString::fromStdString(k), double(v));
    return o;
}

QJsonObject latencyJson(const Histogram &h)
{
    return {{"count"_L1, double(h.count())},       {"p50Ms"_L1, ms(h.percentile(50))},
            {"p90Ms"_L1, ms(h.percentile(90))},    {"p99Ms"_L1, ms(h.percentile(99))},
            {"p999Ms"_L1, ms(h.percentile(99.9))}, {"maxMs"_L1, ms(h.max())},
            {"meanMs"_L1, h.mean() / 1e6}};
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

// Adds the figures every scenario reports (frames, bytes, errors, seq gaps) to its result.
void addStats(QJsonObject *result, const Stats &s)
{
    const QJsonObject figures{
        {"frames"_L1, double(s.frames)},
        {"batches"_L1, double(s.batches)},
        {"events"_L1, double(s.events)},
        {"payloadBytes"_L1, double(s.payloadBytes)},
        {"wirePayloadBytes"_L1, double(s.wirePayloadBytes)},
        {"compressedFrames"_L1, double(s.compressedFrames)},
        {"wireBytes"_L1, double(s.wireBytes)},
        {"bytesPerFrame"_L1, s.frames ? round3(double(s.payloadBytes) / double(s.frames)) : 0},
        {"bytesPerEvent"_L1, s.events ? round3(double(s.payloadBytes) / double(s.events)) : 0},
        {"wireBytesPerFrame"_L1,
         s.frames ? round3(double(s.wirePayloadBytes) / double(s.frames)) : 0},
        {"wireBytesPerEvent"_L1,
         s.events ? round3(double(s.wirePayloadBytes) / double(s.events)) : 0},
        {"eventsPerFrame"_L1, s.frames ? round3(double(s.events) / double(s.frames)) : 0},
        {"presenceFrames"_L1, double(s.presence)},
        {"errors"_L1, double(s.errors)},
        {"errorCodes"_L1, mapJson(s.errorCodes)},
        {"closeCodes"_L1, mapJson(s.closeCodes)},
        {"failures"_L1, mapJson(s.failures)},
        {"seqGaps"_L1, double(s.gaps)},
        {"pingsAnswered"_L1, double(s.pings)},
        {"opsSent"_L1, double(s.opsSent)},
        {"bytesPerOp"_L1, s.opsSent ? round3(double(s.opBytes) / double(s.opsSent)) : 0}};
    for (auto it = figures.begin(); it != figures.end(); ++it)
        result->insert(it.key(), it.value());
}

// The share of the deliveries the window's operations should have caused that did not arrive.
double missingFraction(const Stats &s)
{
    return s.expectedDeliveries
               ? double(s.expectedDeliveries - std::min(s.expectedDeliveries, s.deliveries)) /
                     double(s.expectedDeliveries)
               : 0;
}

} // namespace

LoadRunner::LoadRunner(Options options)
    : m_options(std::move(options))
{
    m_tty = isatty(2);
}

LoadRunner::~LoadRunner()
{
    endProgress();
    m_workers.clear();
}

bool LoadRunner::init(QString *error)
{
    if (m_options.urls.isEmpty()) {
        *error = u"--url is required"_s;
        return false;
    }
    for (const QString &text : std::as_const(m_options.urls)) {
        const QUrl url(text);
        if (!url.isValid() || url.scheme() != "ws"_L1 || url.port() <= 0) {
            *error = u"--url must be ws://127.0.0.1:PORT/PATH, not \"%1\""_s.arg(text);
            return false;
        }
        QHostAddress host(url.host() == "localhost"_L1 ? u"127.0.0.1"_s : url.host());
        if (!host.isLoopback() || host.protocol() != QAbstractSocket::IPv4Protocol) {
            *error = u"the load generator only talks to 127.0.0.0/8, not %1"_s.arg(url.host());
            return false;
        }
        Shared::Node node;
        node.address.sin_family = AF_INET;
        node.address.sin_port = htons(quint16(url.port()));
        node.address.sin_addr.s_addr = htonl(host.toIPv4Address());
        node.hostHeader =
            QString(host.toString() + u':' + QString::number(url.port())).toStdString();
        m_shared.nodes.push_back(std::move(node));
        m_shared.path = url.path().isEmpty() ? std::string("/") : url.path().toStdString();
    }
    m_shared.tenant = m_options.tenant.toStdString();
    m_shared.userName = m_options.userName.toStdString();
    m_shared.deflate = m_options.deflate;
    m_shared.tag = QRandomGenerator::system()->generate();
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", m_shared.tag);
    m_shared.tagHex = hex;

    // As many sockets as this process may have.
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    for (int i = 0; i < std::max(1, m_options.threads); ++i)
        m_workers.push_back(std::make_unique<Worker>(i, &m_shared));
    return true;
}

QJsonObject LoadRunner::run()
{
    QJsonObject result;
    const QString s = m_options.scenario;
    const Sample before = sample();
    if (s == "fanout"_L1 || s == "pages"_L1)
        result = runSteps(s);
    else if (s == "idle"_L1)
        result = idle();
    else if (s == "durable"_L1)
        result = durable();
    else if (s == "resume"_L1)
        result = resume();
    else if (s == "size"_L1)
        result = size();
    else if (s == "slow"_L1)
        result = slow();
    else if (s == "crowd"_L1)
        result = crowd();
    else if (s == "pair"_L1)
        result = pair();
    endProgress();
    const Sample after = sample();
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    result.insert("scenario"_L1, s);
    result.insert("server"_L1, m_options.server);
    result.insert("generator"_L1,
                  QJsonObject{{"threads"_L1, int(m_workers.size())},
                              {"cpuSeconds"_L1, round3(after.selfCpu - before.selfCpu)},
                              {"wallSeconds"_L1, round3(double(after.ns - before.ns) / 1e9)},
                              {"rssKiB"_L1, double(ProcStat::selfRssKiB())},
                              {"openFilesLimit"_L1, double(limit.rlim_cur)}});
    if (m_options.pid > 0) {
        const ProcStat p = ProcStat::read(m_options.pid, true);
        result.insert("serverProcess"_L1,
                      QJsonObject{{"pid"_L1, m_options.pid},
                                  {"rssKiB"_L1, double(p.rssKiB)},
                                  {"peakRssKiB"_L1, double(p.hwmKiB)},
                                  {"threads"_L1, double(p.threads)},
                                  {"cpuSecondsDuringScenario"_L1,
                                   round3(after.serverCpu - before.serverCpu)}});
    }
    // Close everything before the server is stopped, so that it sees ordinary disconnects.
    for (auto &w : m_workers)
        w->call([&w] { w->closeAll(); });
    return result;
}

// --- helpers --------------------------------------------------------------------------------

LoadRunner::Sample LoadRunner::sample() const
{
    Sample s;
    s.ns = nowNs();
    s.selfCpu = ProcStat::selfCpuSeconds();
    if (m_options.pid > 0) {
        const ProcStat p = ProcStat::read(m_options.pid);
        s.serverCpu = p.cpuSeconds;
        s.rssKiB = p.rssKiB;
    }
    for (const int pid : m_options.otherPids)
        s.serverCpu += ProcStat::read(pid).cpuSeconds;
    double idle = 0;
    ProcStat::machineCpuSeconds(&s.machineBusy, &idle);
    return s;
}

LoadRunner::Cpu LoadRunner::cpuBetween(const Sample &a, const Sample &b)
{
    Cpu c;
    const double wall = double(b.ns - a.ns) / 1e9;
    if (wall <= 0)
        return c;
    const double server = b.serverCpu - a.serverCpu;
    const double self = b.selfCpu - a.selfCpu;
    c.server = round3(server / wall * 100);
    c.generator = round3(self / wall * 100);
    c.other = round3(std::max(0.0, (b.machineBusy - a.machineBusy - server - self) / wall * 100));
    return c;
}

std::uint64_t LoadRunner::sum(std::atomic<std::uint64_t> Progress::*counter) const
{
    std::uint64_t total = 0;
    for (const auto &w : m_workers)
        total += (w->progress.*counter).load(std::memory_order_relaxed);
    return total;
}

void LoadRunner::progress(const QString &line, bool force)
{
    const std::int64_t now = nowNs();
    const std::int64_t every = m_tty ? Second / 2 : 5 * Second;
    if (!force && now - m_lastProgress < every)
        return;
    m_lastProgress = now;
    const QByteArray text =
        (u"[%1 %2] "_s.arg(m_options.server, m_options.scenario) + line).toUtf8();
    if (m_tty) {
        std::fprintf(stderr, "\r%s\x1b[K", text.constData());
        m_progressOpen = true;
    } else {
        std::fprintf(stderr, "%s\n", text.constData());
    }
    std::fflush(stderr);
}

void LoadRunner::endProgress()
{
    if (m_progressOpen) {
        std::fputc('\n', stderr);
        m_progressOpen = false;
    }
}

void LoadRunner::sleepUntil(std::int64_t ns, const std::function<QString()> &status)
{
    while (true) {
        const std::int64_t now = nowNs();
        if (now >= ns)
            return;
        std::this_thread::sleep_for(
            std::chrono::nanoseconds(std::min<std::int64_t>(ns - now, 100'000'000)));
        if (status)
            progress(status());
    }
}

int LoadRunner::connectAll(std::vector<ConnSpec> specs, const QString &label, double timeoutSeconds)
{
    const std::uint64_t open0 = sum(&Progress::open);
    const std::uint64_t failed0 = sum(&Progress::failed);
    const std::size_t count = specs.size();
    std::vector<std::vector<ConnSpec>> perWorker(m_workers.size());
    for (ConnSpec &s : specs)
        perWorker[std::size_t(s.index) % m_workers.size()].push_back(std::move(s));
    const int each = std::max(1, m_options.connectConcurrency / int(m_workers.size()));
    const std::int64_t start = nowNs();
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        Worker *w = m_workers[i].get();
        w->post([w, list = std::move(perWorker[i]), each]() mutable {
            w->addConnections(std::move(list), each);
        });
    }
    const std::int64_t deadline = start + nsOf(timeoutSeconds);
    while (nowNs() < deadline) {
        const std::uint64_t open = sum(&Progress::open) - open0;
        const std::uint64_t failed = sum(&Progress::failed) - failed0;
        progress(u"%1: %2 of %3 connected, %4 failed, %5 s"_s.arg(label)
                     .arg(open)
                     .arg(count)
                     .arg(failed)
                     .arg(double(nowNs() - start) / 1e9, 0, 'f', 1));
        if (open + failed >= count)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    updateViewers();
    return int(sum(&Progress::open) - open0);
}

void LoadRunner::updateViewers()
{
    std::vector<int> counts(std::size_t(std::max(1, m_options.pages)), 0);
    for (auto &w : m_workers)
        w->call([&w, &counts] { w->countOpenByPage(&counts); });
    m_shared.viewersOfPage = counts;
}

Stats LoadRunner::collect()
{
    Stats total;
    for (auto &w : m_workers)
        total.merge(w->call([&w] { return w->takeStats(); }));
    return total;
}

ConnInfo LoadRunner::info(int index)
{
    Worker &w = workerOf(index);
    return w.call([&w, index] { return w.info(index); });
}

// --- fan-out and many small pages: rising rates -----------------------------------------------

QJsonObject LoadRunner::runSteps(const QString &label)
{
    const int total = m_options.pages * m_options.viewers;
    std::vector<ConnSpec> specs;
    // Connection i joins page i % pages as its (i / pages)th viewer. The workers take their
    // publishers in that order, so that consecutive operations go to different pages and each
    // page's publishers take turns.
    for (int i = 0; i < total; ++i) {
        ConnSpec s;
        s.index = m_nextIndex++;
        s.page = i % m_options.pages;
        s.pageName = QString(m_options.pagePrefix + u'/' + label + u'/' + QString::number(s.page))
                         .toStdString();
        s.publisher = m_options.publishers == 0 || i / m_options.pages < m_options.publishers;
        specs.push_back(std::move(s));
    }
    const std::int64_t t0 = nowNs();
    const int open = connectAll(std::move(specs), u"connecting"_s, 120);
    const double connectSeconds = double(nowNs() - t0) / 1e9;
    endProgress();
    std::fprintf(stderr, "[%s %s] %d of %d connections open in %.1f s\n",
                 qUtf8Printable(m_options.server), qUtf8Printable(label), open, total,
                 connectSeconds);
    // Let the presence frames of the arrivals settle.
    sleepUntil(nowNs() + Second, {});
    const Stats connectStats = collect();

    QJsonArray steps;
    QString stopReason = u"all rates done"_s;
    double best = 0;
    double bestP99 = 0;
    for (const double rate : std::as_const(m_options.rates)) {
        const QJsonObject step = rateStep(rate, m_options.viewers - 1, label);
        steps.append(step);
        const double p99 = step.value("delivery"_L1).toObject().value("p99Ms"_L1).toDouble();
        const double achieved = step.value("deliveriesPerSecond"_L1).toDouble();
        const double missing = step.value("missingFraction"_L1).toDouble();
        if (p99 <= m_options.stopP99Ms && missing <= 0.001 && achieved > best) {
            best = achieved;
            bestP99 = p99;
        }
        if (p99 > m_options.stopP99Ms) {
            stopReason = u"p99 %1 ms passed %2 ms at %3 deliveries/s offered"_s.arg(p99, 0, 'f', 1)
                             .arg(m_options.stopP99Ms)
                             .arg(rate);
            break;
        }
        if (missing > 0.01) {
            stopReason = u"%1 % of deliveries missing at %2 deliveries/s offered"_s
                             .arg(missing * 100, 0, 'f', 2)
                             .arg(rate);
            break;
        }
        if (achieved < 0.9 * rate) {
            stopReason = u"delivered %1/s of %2/s offered"_s.arg(achieved, 0, 'f', 0).arg(rate);
            break;
        }
    }
    return {
        {"params"_L1,
         QJsonObject{{"pages"_L1, m_options.pages},
                     {"viewers"_L1, m_options.viewers},
                     {"publishersPerPage"_L1,
                      m_options.publishers == 0 ? m_options.viewers : m_options.publishers},
                     {"fanOut"_L1, m_options.viewers - 1},
                     {"warmupSeconds"_L1, m_options.warmupSeconds},
                     {"stepSeconds"_L1, m_options.stepSeconds},
                     {"stopP99Ms"_L1, m_options.stopP99Ms}}},
        {"connections"_L1, QJsonObject{{"target"_L1, total},
                                       {"open"_L1, open},
                                       {"seconds"_L1, round3(connectSeconds)},
                                       {"connect"_L1, latencyJson(connectStats.connect)},
                                       {"failures"_L1, mapJson(connectStats.failures)}}},
        {"steps"_L1, steps},
        {"stopReason"_L1, stopReason},
        {"summary"_L1, QJsonObject{{"maxDeliveriesPerSecondUnderTarget"_L1, round3(best)},
                                   {"p99AtMaxMs"_L1, bestP99},
                                   {"firstStepP99Ms"_L1, steps.isEmpty() ? 0.0
                                                                         : steps.first()
                                                                               .toObject()
                                                                               .value("delivery"_L1)
                                                                               .toObject()
                                                                               .value("p99Ms"_L1)
                                                                               .toDouble()},
                                   {"firstStepOffered"_L1, m_options.rates.value(0)}}}};
}

QJsonObject LoadRunner::rateStep(double deliveriesPerSecond, int fanOut, const QString &label)
{
    const double opsPerSecond = deliveriesPerSecond / std::max(1, fanOut);
    collect(); // start from zero
    std::vector<std::size_t> open;
    std::size_t totalOpen = 0;
    for (auto &w : m_workers) {
        open.push_back(w->call([&w] { return w->openPublishers(); }));
        totalOpen += open.back();
    }
    const Window span = openWindow(20'000'000, m_options.stepSeconds);
    const std::int64_t start = span.start, windowStart = span.measureFrom,
                       windowEnd = span.measureTo;
    for (std::size_t i = 0; i < m_workers.size(); ++i) {
        Worker *w = m_workers[i].get();
        const double share = totalOpen ? double(open[i]) / double(totalOpen) : 0;
        w->post([w, rate = opsPerSecond * share, start, windowEnd] {
            w->startRate(rate, start, windowEnd);
        });
    }
    std::uint64_t lastDelivered = sum(&Progress::deliveries);
    std::int64_t lastNs = nowNs();
    double recentRate = 0;
    const auto status = [&] {
        const std::uint64_t d = sum(&Progress::deliveries);
        const std::int64_t now = nowNs();
        if (now - lastNs >= Second / 2) {
            recentRate = double(d - lastDelivered) * 1e9 / double(now - lastNs);
            lastDelivered = d;
            lastNs = now;
        }
        return u"%1 deliveries/s offered: %2 ops sent, %3 delivered, now %4/s"_s
            .arg(deliveriesPerSecond)
            .arg(sum(&Progress::opsSent))
            .arg(d)
            .arg(recentRate, 0, 'f', 0);
    };
    sleepUntil(windowStart, status);
    const Sample a = sample();
    sleepUntil(windowEnd, status);
    const Sample b = sample();
    // Drain: wait for the deliveries of the operations sent in the window.
    const std::int64_t drainEnd = nowNs() + nsOf(m_options.drainSeconds);
    while (nowNs() < drainEnd) {
        const std::uint64_t expected = sum(&Progress::inWindowExpected);
        const std::uint64_t got = sum(&Progress::inWindowDeliveries);
        const std::uint64_t echoes = sum(&Progress::inWindowEchoes);
        const std::uint64_t ops = sum(&Progress::inWindowOps);
        if (got >= expected && echoes >= ops)
            break;
        progress(
            u"%1 deliveries/s offered: draining, %2 of %3 deliveries in"_s.arg(deliveriesPerSecond)
                .arg(got)
                .arg(expected));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto &w : m_workers)
        w->call([&w] { w->stopSending(); });
    const Stats s = collect();
    closeWindow();
    // Operations of the window that nothing answered: neither stored nor rejected, as far as the
    // sender can tell.
    QJsonArray unansweredIds;
    std::size_t unansweredCount = 0;
    for (auto &w : m_workers) {
        std::size_t n = 0;
        const std::vector<std::string> ids = w->call([&w, windowStart, windowEnd, &n] {
            return w->unanswered(windowStart, windowEnd, 10, &n);
        });
        unansweredCount += n;
        for (const std::string &id : ids)
            unansweredIds.append(QString::fromStdString(id));
    }

    const double measured = m_options.stepSeconds;
    const Cpu cpu = cpuBetween(a, b);
    const double serverCpu = m_options.pid > 0 ? cpu.server : -1;
    // The server's CPU time over the window, and the deliveries per second of that time.
    const double serverCpuSeconds = m_options.pid > 0 ? b.serverCpu - a.serverCpu : -1;
    const double perCpuSecond =
        serverCpu > 0 ? double(s.deliveries) / measured / (serverCpu / 100) : 0;
    const double selfCpu = cpu.generator;
    const double missing = missingFraction(s);
    QJsonObject step{
        {"offeredDeliveriesPerSecond"_L1, deliveriesPerSecond},
        {"offeredOpsPerSecond"_L1, round3(opsPerSecond)},
        {"opsPerSecond"_L1, round3(double(s.opsInWindow) / measured)},
        {"deliveriesPerSecond"_L1, round3(double(s.deliveries) / measured)},
        {"expectedDeliveries"_L1, double(s.expectedDeliveries)},
        {"deliveries"_L1, double(s.deliveries)},
        {"missingFraction"_L1, missing},
        {"delivery"_L1, latencyJson(s.delivery)},
        {"crossNodeDelivery"_L1, latencyJson(s.crossNodeDelivery)},
        {"echo"_L1, latencyJson(s.echo)},
        {"serverCpuPercent"_L1, round3(serverCpu)},
        {"serverCpuSeconds"_L1, round3(serverCpuSeconds)},
        {"deliveriesPerServerCpuSecond"_L1, round3(perCpuSecond)},
        {"generatorCpuPercent"_L1, round3(selfCpu)},
        {"generatorSaturated"_L1, selfCpu > 90.0 * double(m_workers.size())},
        {"otherCpuPercent"_L1, cpu.other},
        {"serverRssKiB"_L1, double(b.rssKiB)},
        {"maxSendLagMs"_L1, ms(s.maxLagNs)},
        {"lateOps"_L1, double(s.lateOps)},
        {"unansweredOps"_L1, double(unansweredCount)},
        {"unansweredIds"_L1, unansweredIds},
    };
    addStats(&step, s);
    endProgress();
    // With permessage-deflate, the bytes that crossed the socket beside the JSON.
    const QByteArray compressed =
        s.compressedFrames
            ? u" (compressed: %1 B/frame, %2 B/event)"_s
                  .arg(double(s.wirePayloadBytes) / double(s.frames), 0, 'f', 1)
                  .arg(s.events ? double(s.wirePayloadBytes) / double(s.events) : 0.0, 0, 'f', 1)
                  .toUtf8()
            : QByteArray();
    std::fprintf(stderr,
                 "[%s %s] %8.0f/s offered: %9.0f deliveries/s  p50 %7.3f ms  p99 %8.3f ms  max "
                 "%8.3f ms  missing %.4f%%  %6.1f B/frame  %6.1f B/event%s  CPU: server %5.1f%% "
                 "(%.0f deliveries per CPU-second), generator %5.1f%%, other %5.1f%%\n",
                 qUtf8Printable(m_options.server), qUtf8Printable(label), deliveriesPerSecond,
                 double(s.deliveries) / measured, ms(s.delivery.percentile(50)),
                 ms(s.delivery.percentile(99)), ms(s.delivery.max()), missing * 100,
                 s.frames ? double(s.payloadBytes) / double(s.frames) : 0.0,
                 s.events ? double(s.payloadBytes) / double(s.events) : 0.0, compressed.constData(),
                 serverCpu, perCpuSecond, selfCpu, cpu.other);
    if (s.crossNodeDelivery.count() > 0)
        std::fprintf(stderr, "[%s %s] across nodes: p50 %7.3f ms  p99 %8.3f ms\n",
                     qUtf8Printable(m_options.server), qUtf8Printable(label),
                     ms(s.crossNodeDelivery.percentile(50)),
                     ms(s.crossNodeDelivery.percentile(99)));
    return step;
}

// --- idle connections -------------------------------------------------------------------------

QJsonObject LoadRunner::idle()
{
    const Sample baseline = sample();
    QJsonArray levels;
    int current = 0;
    const int perPage = std::max(1, m_options.viewers);
    // Pages of `viewers` connections each; enough pages for the largest level.
    int most = 0;
    for (int n : std::as_const(m_options.connections))
        most = std::max(most, n);
    m_options.pages = std::max(1, (most + perPage - 1) / perPage);
    for (const int target : std::as_const(m_options.connections)) {
        std::vector<ConnSpec> specs;
        for (int i = current; i < target; ++i) {
            ConnSpec s;
            s.index = m_nextIndex++;
            s.page = i / perPage;
            s.pageName =
                QString(m_options.pagePrefix + u"/idle/"_s + QString::number(s.page)).toStdString();
            specs.push_back(std::move(s));
        }
        const std::int64_t t0 = nowNs();
        connectAll(std::move(specs), u"%1 connections"_s.arg(target),
                   60 + double(target - current) / 200.0);
        const double connectSeconds = double(nowNs() - t0) / 1e9;
        current = target;
        const std::uint64_t open = sum(&Progress::open);
        endProgress();
        std::fprintf(stderr, "[%s idle] %llu of %d connections open (%.1f s)\n",
                     qUtf8Printable(m_options.server), static_cast<unsigned long long>(open),
                     target, connectSeconds);
        sleepUntil(nowNs() + nsOf(m_options.settleSeconds), {});
        const Stats connectStats = collect();
        const Sample a = sample();
        const std::uint64_t pings0 = sum(&Progress::pings);
        const std::int64_t end = a.ns + nsOf(m_options.idleSeconds);
        sleepUntil(end, [&] {
            return u"%1 connections idle, %2 s left"_s.arg(open).arg(double(end - nowNs()) / 1e9, 0,
                                                                     'f', 0);
        });
        const Sample b = sample();
        const std::uint64_t pings = sum(&Progress::pings) - pings0;
        const ProcStat p = ProcStat::read(m_options.pid, true);
        const Stats idleStats = collect();
        const std::uint64_t stillOpen = sum(&Progress::open);
        const double window = double(b.ns - a.ns) / 1e9;
        const double perConnection = open ? double(b.rssKiB - baseline.rssKiB) / double(open) : 0;
        levels.append(QJsonObject{
            {"target"_L1, target},
            {"open"_L1, double(open)},
            {"stillOpenAfterIdle"_L1, double(stillOpen)},
            {"connectSeconds"_L1, round3(connectSeconds)},
            {"connectionsPerSecond"_L1, round3(double(target) / connectSeconds)},
            {"connect"_L1, latencyJson(connectStats.connect)},
            {"failures"_L1, mapJson(connectStats.failures)},
            {"closeCodesWhileIdle"_L1, mapJson(idleStats.closeCodes)},
            {"serverRssKiB"_L1, double(b.rssKiB)},
            {"serverBaselineRssKiB"_L1, double(baseline.rssKiB)},
            {"rssPerConnectionKiB"_L1, round3(perConnection)},
            {"serverOpenFiles"_L1, double(p.openFds)},
            {"serverThreads"_L1, double(p.threads)},
            {"idleSeconds"_L1, round3(window)},
            {"serverIdleCpuPercent"_L1,
             m_options.pid > 0 ? round3((b.serverCpu - a.serverCpu) / window * 100) : -1.0},
            {"serverIdleCpuSeconds"_L1, round3(b.serverCpu - a.serverCpu)},
            {"generatorIdleCpuPercent"_L1, round3((b.selfCpu - a.selfCpu) / window * 100)},
            {"otherCpuPercent"_L1, cpuBetween(a, b).other},
            {"pingsAnsweredWhileIdle"_L1, double(pings)},
        });
        std::fprintf(stderr,
                     "[%s idle] %llu open: server RSS %lld KiB (%.2f KiB per connection), idle "
                     "CPU %.2f%% over %.0f s, %llu pings answered\n",
                     qUtf8Printable(m_options.server), static_cast<unsigned long long>(open),
                     static_cast<long long>(b.rssKiB), perConnection,
                     (b.serverCpu - a.serverCpu) / window * 100, window,
                     static_cast<unsigned long long>(pings));
    }
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    return {{"params"_L1, QJsonObject{{"viewersPerPage"_L1, perPage},
                                      {"idleSeconds"_L1, m_options.idleSeconds}}},
            {"levels"_L1, levels},
            {"generatorOpenFilesLimit"_L1, double(limit.rlim_cur)}};
}

// --- durable write path ---------------------------------------------------------------------

LoadRunner::Window LoadRunner::openWindow(std::int64_t leadNs, double seconds)
{
    Window w;
    w.start = nowNs() + leadNs;
    w.measureFrom = w.start + nsOf(m_options.warmupSeconds);
    w.measureTo = w.measureFrom + nsOf(seconds);
    m_shared.windowStart.store(w.measureFrom);
    m_shared.windowEnd.store(w.measureTo);
    return w;
}

void LoadRunner::closeWindow()
{
    m_shared.windowStart.store(INT64_MAX);
    m_shared.windowEnd.store(INT64_MIN);
}

QJsonObject LoadRunner::durable()
{
    std::vector<ConnSpec> specs;
    for (int i = 0; i < m_options.pages; ++i) {
        ConnSpec s;
        s.index = m_nextIndex++;
        s.page = i;
        s.pageName =
            QString(m_options.pagePrefix + u"/durable/"_s + QString::number(i)).toStdString();
        specs.push_back(std::move(s));
    }
    const int open = connectAll(std::move(specs), u"connecting"_s, 60);
    endProgress();
    collect();
    const Window span = openWindow(10'000'000, m_options.seconds);
    const std::int64_t start = span.start, windowStart = span.measureFrom,
                       windowEnd = span.measureTo;
    sleepUntil(start, {});
    for (auto &w : m_workers) {
        Worker *p = w.get();
        p->post([p, window = m_options.window, windowEnd] {
            p->startClosedLoop(window, 0, windowEnd);
        });
    }
    const auto status = [&] {
        return u"%1 connections x %2 in flight: %3 acknowledged"_s.arg(open)
            .arg(m_options.window)
            .arg(sum(&Progress::echoes));
    };
    sleepUntil(windowStart, status);
    const Sample a = sample();
    const std::uint64_t echoes0 = sum(&Progress::echoes);
    sleepUntil(windowEnd, status);
    const Sample b = sample();
    const std::uint64_t echoes1 = sum(&Progress::echoes);
    const std::int64_t drainEnd = nowNs() + nsOf(m_options.drainSeconds);
    while (nowNs() < drainEnd && sum(&Progress::inWindowEchoes) < sum(&Progress::inWindowOps))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (auto &w : m_workers)
        w->call([&w] { w->stopSending(); });
    const Stats s = collect();
    closeWindow();
    const double window = double(b.ns - a.ns) / 1e9;
    const double acked = double(echoes1 - echoes0) / window;
    QJsonObject result{
        {"params"_L1, QJsonObject{{"connections"_L1, m_options.pages},
                                  {"pages"_L1, m_options.pages},
                                  {"inFlightPerConnection"_L1, m_options.window},
                                  {"seconds"_L1, m_options.seconds}}},
        {"open"_L1, open},
        {"opsPerSecond"_L1, round3(acked)},
        {"opsSentInWindow"_L1, double(s.opsInWindow)},
        {"acknowledgedOfWindow"_L1, double(s.echoes)},
        {"ack"_L1, latencyJson(s.echo)},
        {"serverCpuPercent"_L1,
         m_options.pid > 0 ? round3((b.serverCpu - a.serverCpu) / window * 100) : -1.0},
        {"generatorCpuPercent"_L1, round3((b.selfCpu - a.selfCpu) / window * 100)},
        {"otherCpuPercent"_L1, cpuBetween(a, b).other},
    };
    addStats(&result, s);
    std::fprintf(stderr,
                 "[%s durable] %.0f acknowledged (stored) operations/s, ack p50 %.2f ms, p99 "
                 "%.2f ms\n",
                 qUtf8Printable(m_options.server), acked, ms(s.echo.percentile(50)),
                 ms(s.echo.percentile(99)));
    return result;
}

// --- resume of missed events ------------------------------------------------------------------

QJsonObject LoadRunner::resume()
{
    // Both on the first worker, which keeps the bookkeeping simple.
    const int writer = 0;
    const int reader = int(m_workers.size());
    m_nextIndex = reader + 1;
    m_options.pages = 1;
    const std::string page = QString(m_options.pagePrefix + u"/resume"_s).toStdString();
    std::vector<ConnSpec> specs(2);
    specs[0].index = writer;
    specs[1].index = reader;
    specs[0].pageName = specs[1].pageName = page;
    connectAll(std::move(specs), u"connecting"_s, 30);
    const ConnInfo before = info(reader);
    if (!before.open)
        return {{"error"_L1, u"the reader could not connect"_s}};
    workerOf(reader).call([this, reader] { workerOf(reader).closeConnection(reader); });

    // The reader misses `events` events.
    const std::int64_t fillStart = nowNs();
    const std::uint64_t echoes0 = sum(&Progress::echoes);
    Worker &w = workerOf(writer);
    const auto count = std::uint64_t(m_options.events);
    w.post([&w, count] { w.startClosedLoop(64, std::int64_t(count), nowNs() + 300 * Second); });
    const std::int64_t fillDeadline = fillStart + 300 * Second;
    while (nowNs() < fillDeadline && sum(&Progress::echoes) - echoes0 < count) {
        progress(u"writing %1 events the reader misses: %2 stored"_s.arg(count).arg(
            sum(&Progress::echoes) - echoes0));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    w.call([&w] { w.stopSending(); });
    const double fillSeconds = double(nowNs() - fillStart) / 1e9;
    const ConnInfo head = info(writer);
    endProgress();
    std::fprintf(stderr,
                 "[%s resume] %llu events written in %.2f s (one connection, 64 in flight)\n",
                 qUtf8Printable(m_options.server),
                 static_cast<unsigned long long>(sum(&Progress::echoes) - echoes0), fillSeconds);

    QJsonArray runs;
    std::vector<double> times;
    for (int r = 0; r < m_options.repeat; ++r) {
        ConnSpec s;
        s.index = m_nextIndex++;
        s.pageName = page;
        s.resume = true;
        s.resumeEpoch = before.epoch;
        s.resumeSeq = before.seq;
        s.waitSeq = head.seq;
        connectAll({s}, u"resuming"_s, 30);
        const std::int64_t deadline = nowNs() + 60 * Second;
        ConnInfo got = info(s.index);
        while (got.open && !got.waitReachedNs && nowNs() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            got = info(s.index);
        }
        workerOf(s.index).call([this, i = s.index] { workerOf(i).closeConnection(i); });
        const double total = got.waitReachedNs ? ms(got.waitReachedNs - got.helloNs) : -1;
        times.push_back(total);
        runs.append(QJsonObject{{"helloToLastEventMs"_L1, round3(total)},
                                {"helloToWelcomeMs"_L1, round3(ms(got.welcomeNs - got.helloNs))},
                                {"recovered"_L1, got.recovered},
                                {"eventsReceived"_L1, double(got.eventsSinceHello)},
                                {"framesReceived"_L1, double(got.framesSinceHello)},
                                {"bytesReceived"_L1, double(got.bytesSinceHello)},
                                {"seqGaps"_L1, double(got.gaps)}});
        std::fprintf(stderr,
                     "[%s resume] run %d: %.2f ms from hello to event %lld (recovered %s, %llu "
                     "events in %llu frames)\n",
                     qUtf8Printable(m_options.server), r + 1, total,
                     static_cast<long long>(head.seq), got.recovered ? "true" : "false",
                     static_cast<unsigned long long>(got.eventsSinceHello),
                     static_cast<unsigned long long>(got.framesSinceHello));
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.empty() ? -1 : sorted[sorted.size() / 2];
    return {{"params"_L1,
             QJsonObject{{"events"_L1, m_options.events}, {"repeat"_L1, m_options.repeat}}},
            {"missed"_L1, double(head.seq - before.seq)},
            {"fillSeconds"_L1, round3(fillSeconds)},
            {"fillOpsPerSecond"_L1, round3(double(head.seq - before.seq) / fillSeconds)},
            {"runs"_L1, runs},
            {"medianMs"_L1, round3(median)},
            {"minMs"_L1, sorted.empty() ? -1.0 : round3(sorted.front())},
            {"maxMs"_L1, sorted.empty() ? -1.0 : round3(sorted.back())}};
}

// --- size of a typical event ----------------------------------------------------------------

QJsonObject LoadRunner::size()
{
    m_options.pages = 1;
    const std::string page = QString(m_options.pagePrefix + u"/size"_s).toStdString();
    const int a = 0;
    const int b = 1;
    m_nextIndex = 2;
    std::vector<ConnSpec> specs(2);
    specs[0].index = a;
    specs[1].index = b;
    specs[0].pageName = specs[1].pageName = page;
    specs[1].capture = true;
    connectAll(std::move(specs), u"connecting"_s, 30);
    endProgress();
    const ConnInfo reader = info(b);
    if (!reader.open || !info(a).open) {
        const Stats failed = collect();
        std::string reasons;
        for (const auto &[reason, count] : failed.failures)
            reasons += (reasons.empty() ? "" : "; ") + reason;
        std::fprintf(stderr, "[%s size] the connections did not open: %s\n",
                     qUtf8Printable(m_options.server), reasons.c_str());
        return {{"error"_L1, u"the connections did not open"_s},
                {"failures"_L1, mapJson(failed.failures)},
                {"deflateOffered"_L1, m_options.deflate}};
    }
    sleepUntil(nowNs() + Second / 5, {});
    collect();

    const auto sendAndCapture = [&](bool create) -> std::pair<Captured, std::uint64_t> {
        const std::size_t before = info(b).captured.size();
        Worker &w = workerOf(a);
        w.call([&w, a, create] { return w.sendOp(a, create); });
        const Stats sent = collect();
        const std::int64_t deadline = nowNs() + 5 * Second;
        while (nowNs() < deadline) {
            const ConnInfo i = info(b);
            for (std::size_t k = before; k < i.captured.size(); ++k) {
                if (i.captured[k].text.find(create ? "\"new-text-chat\""
                                                   : "\"updated-text-chat\"") != std::string::npos)
                    return {i.captured[k], sent.opBytes};
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return {Captured(), sent.opBytes};
    };
    const auto [createEvent, createOp] = sendAndCapture(true);
    // Past the batch window, so that the next frame travels alone too.
    sleepUntil(nowNs() + Second / 5, {});
    const auto [commentEvent, commentOp] = sendAndCapture(false);
    const auto describe = [](const Captured &e) {
        return e.compressed ? u"%1 bytes of JSON, %2 compressed (frame %3)"_s.arg(e.text.size())
                                  .arg(e.payloadBytes)
                                  .arg(e.frameBytes)
                            : u"%1 bytes (frame %2)"_s.arg(e.text.size()).arg(e.frameBytes);
    };
    std::fprintf(stderr,
                 "[%s size] create event %s, operation %llu; comment event %s; "
                 "permessage-deflate %s\n",
                 qUtf8Printable(m_options.server), qUtf8Printable(describe(createEvent)),
                 static_cast<unsigned long long>(createOp), qUtf8Printable(describe(commentEvent)),
                 !m_options.deflate ? "not offered"
                 : reader.deflate   ? "negotiated"
                                    : "declined by the server");
    // Bytes: the JSON payload as the application reads it (inflated), then the payload and the
    // frame (header included) as they crossed the socket, compressed when the server compressed.
    return {{"deflateOffered"_L1, m_options.deflate},
            {"deflateNegotiated"_L1, reader.deflate},
            {"extensions"_L1, QString::fromStdString(reader.extensions)},
            {"createEventBytes"_L1, double(createEvent.text.size())},
            {"createEventWirePayloadBytes"_L1, double(createEvent.payloadBytes)},
            {"createEventWireBytes"_L1, double(createEvent.frameBytes)},
            {"createEventCompressed"_L1, createEvent.compressed},
            {"createOpBytes"_L1, double(createOp)},
            {"commentEventBytes"_L1, double(commentEvent.text.size())},
            {"commentEventWirePayloadBytes"_L1, double(commentEvent.payloadBytes)},
            {"commentEventWireBytes"_L1, double(commentEvent.frameBytes)},
            {"commentEventCompressed"_L1, commentEvent.compressed},
            {"commentOpBytes"_L1, double(commentOp)},
            {"createEvent"_L1, QString::fromStdString(createEvent.text)},
            {"commentEvent"_L1, QString::fromStdString(commentEvent.text)}};
}

// --- slow consumers on a busy page ------------------------------------------------------------

QJsonObject LoadRunner::slow()
{
    m_options.pages = 1;
    m_shared.edits = true; // the page stays the same size: what grows is the slow connections'
    const std::string page = QString(m_options.pagePrefix + u"/slow"_s).toStdString();
    const int writer = 0;
    const int reader = 1;
    m_nextIndex = 2;
    std::vector<ConnSpec> specs(2);
    specs[0].index = writer;
    specs[1].index = reader;
    specs[0].pageName = specs[1].pageName = page;
    connectAll(std::move(specs), u"connecting"_s, 30);
    if (!info(writer).open || !info(reader).open)
        return {{"error"_L1, u"the writer and the reader could not connect"_s}};
    sleepUntil(nowNs() + Second / 2, {});
    const Sample baseline = sample();

    std::vector<ConnSpec> slowSpecs;
    for (int i = 0; i < m_options.slow; ++i) {
        ConnSpec s;
        s.index = m_nextIndex++;
        s.pageName = page;
        s.slow = true;
        slowSpecs.push_back(std::move(s));
    }
    const int slowOpen = connectAll(std::move(slowSpecs), u"slow connections"_s, 60);
    endProgress();
    collect();

    // The writer alone, at a steady rate; the reader's deliveries are timed.
    const Window span = openWindow(20'000'000, m_options.seconds);
    const std::int64_t start = span.start, windowStart = span.measureFrom,
                       windowEnd = span.measureTo;
    Worker &w = workerOf(writer);
    w.post([&w, rate = m_options.opsPerSecond, start, windowEnd, writer] {
        w.startRate(rate, start, windowEnd, writer);
    });
    std::int64_t peakRssKiB = baseline.rssKiB;
    const auto status = [&] {
        peakRssKiB = std::max(peakRssKiB, sample().rssKiB);
        return u"%1 slow connections, %2 ops/s: %3 sent, server RSS +%4 MiB"_s.arg(slowOpen)
            .arg(m_options.opsPerSecond)
            .arg(sum(&Progress::opsSent))
            .arg(double(peakRssKiB - baseline.rssKiB) / 1024, 0, 'f', 1);
    };
    sleepUntil(windowStart, status);
    const Sample a = sample();
    sleepUntil(windowEnd, status);
    const Sample b = sample();
    sleepUntil(nowNs() + Second / 2, status); // the last deliveries
    w.call([&w] { w.stopSending(); });
    const ProcStat atEnd = ProcStat::read(m_options.pid);
    peakRssKiB = std::max({peakRssKiB, b.rssKiB, atEnd.hwmKiB});
    const Stats s = collect();
    closeWindow();

    // The slow connections go; the server should give their memory back.
    for (int i = 2; i < m_nextIndex; ++i)
        workerOf(i).call([this, i] { workerOf(i).closeConnection(i); });
    sleepUntil(nowNs() + 3 * Second, {});
    const Sample after = sample();
    const auto mib = [&](std::int64_t kib) { return round3(double(kib - baseline.rssKiB) / 1024); };
    const Cpu cpu = cpuBetween(a, b);
    std::fprintf(stderr,
                 "[%s slow] %d slow connections beside a writer at %.0f ops/s: server RSS "
                 "baseline %.1f MiB, peak +%.1f MiB, +%.1f MiB 3 s after they closed; the "
                 "reader's deliveries p50 %.2f ms, p99 %.2f ms, max %.2f ms (%llu); %llu slow "
                 "connections dropped by the server\n",
                 qUtf8Printable(m_options.server), slowOpen, m_options.opsPerSecond,
                 double(baseline.rssKiB) / 1024, mib(peakRssKiB), mib(after.rssKiB),
                 ms(s.delivery.percentile(50)), ms(s.delivery.percentile(99)), ms(s.delivery.max()),
                 static_cast<unsigned long long>(s.delivery.count()),
                 static_cast<unsigned long long>(
                     s.failures.count("connection reset") ? s.failures.at("connection reset") : 0));
    QJsonObject result{
        {"params"_L1, QJsonObject{{"slow"_L1, m_options.slow},
                                  {"opsPerSecond"_L1, m_options.opsPerSecond},
                                  {"seconds"_L1, m_options.seconds}}},
        {"slowOpen"_L1, slowOpen},
        {"serverBaselineRssKiB"_L1, double(baseline.rssKiB)},
        {"serverPeakRssAboveBaselineMiB"_L1, mib(peakRssKiB)},
        {"serverRssAboveBaselineAtEndMiB"_L1, mib(b.rssKiB)},
        {"serverRssAboveBaselineAfterCloseMiB"_L1, mib(after.rssKiB)},
        {"readerDelivery"_L1, latencyJson(s.delivery)},
        {"echo"_L1, latencyJson(s.echo)},
        {"serverCpuPercent"_L1, cpu.server},
        {"generatorCpuPercent"_L1, cpu.generator},
        {"otherCpuPercent"_L1, cpu.other},
    };
    addStats(&result, s);
    return result;
}

// --- a crowd joining one page -----------------------------------------------------------------

QJsonObject LoadRunner::crowd()
{
    m_options.pages = 2;
    // A probe on another page keeps one operation in flight while the crowd joins: its echoes
    // time how long the server keeps everyone else waiting.
    ConnSpec probe;
    probe.index = m_nextIndex++;
    probe.page = 1;
    probe.pageName = QString(m_options.pagePrefix + u"/crowd/probe"_s).toStdString();
    connectAll({probe}, u"probe"_s, 30);
    if (!info(probe.index).open)
        return {{"error"_L1, u"the probe could not connect"_s}};
    collect();
    const std::int64_t start = nowNs();
    m_shared.windowStart.store(start);
    m_shared.windowEnd.store(INT64_MAX);
    Worker &pw = workerOf(probe.index);
    pw.post([&pw, i = probe.index] { pw.startClosedLoop(1, 0, INT64_MAX, i); });
    sleepUntil(start + Second / 2, {}); // the probe alone, for comparison

    std::vector<ConnSpec> specs;
    for (int i = 0; i < m_options.viewers; ++i) {
        ConnSpec s;
        s.index = m_nextIndex++;
        s.page = 0;
        s.pageName = QString(m_options.pagePrefix + u"/crowd/page"_s).toStdString();
        specs.push_back(std::move(s));
    }
    const Sample a = sample();
    const std::int64_t joinStart = nowNs();
    const int open = connectAll(std::move(specs), u"joining"_s, 120);
    const double joinSeconds = double(nowNs() - joinStart) / 1e9;
    // The last presence frames.
    sleepUntil(nowNs() + Second, {});
    const Sample b = sample();
    m_shared.windowEnd.store(nowNs());
    pw.call([&pw] { pw.stopSending(); });
    sleepUntil(nowNs() + Second / 5, {});
    endProgress();
    const Stats s = collect();
    closeWindow();
    const double presencePerViewer = open ? double(s.presence) / double(open) : 0;
    const Cpu cpu = cpuBetween(a, b);
    std::fprintf(stderr,
                 "[%s crowd] %d of %d viewers joined one page in %.2f s (welcome p50 %.1f ms, "
                 "p99 %.1f ms); %.1f presence frames per viewer; a probe on another page was "
                 "served in p50 %.2f ms, p99 %.2f ms, max %.2f ms (%llu operations)\n",
                 qUtf8Printable(m_options.server), open, m_options.viewers, joinSeconds,
                 ms(s.connect.percentile(50)), ms(s.connect.percentile(99)), presencePerViewer,
                 ms(s.echo.percentile(50)), ms(s.echo.percentile(99)), ms(s.echo.max()),
                 static_cast<unsigned long long>(s.echo.count()));
    QJsonObject result{
        {"params"_L1, QJsonObject{{"viewers"_L1, m_options.viewers},
                                  {"connectConcurrency"_L1, m_options.connectConcurrency}}},
        {"open"_L1, open},
        {"joinSeconds"_L1, round3(joinSeconds)},
        {"welcome"_L1, latencyJson(s.connect)},
        {"presenceFramesPerViewer"_L1, round3(presencePerViewer)},
        {"probe"_L1, latencyJson(s.echo)},
        {"serverCpuPercent"_L1, cpu.server},
        {"generatorCpuPercent"_L1, cpu.generator},
        {"otherCpuPercent"_L1, cpu.other},
    };
    addStats(&result, s);
    return result;
}

// --- two operations on one page, a few milliseconds apart -------------------------------------

QJsonObject LoadRunner::pair()
{
    // Long past any batch window (Glosa's is 20 ms by default), so that every pair finds the
    // page's viewers idle.
    constexpr std::int64_t PauseNs = 200'000'000;
    m_options.pages = 1;
    const std::string page = QString(m_options.pagePrefix + u"/pair"_s).toStdString();
    const int first = 0;
    const int second = 1;
    const int total = std::max(3, m_options.viewers);
    m_nextIndex = total;
    std::vector<ConnSpec> specs;
    for (int i = 0; i < total; ++i) {
        ConnSpec s;
        s.index = i;
        s.pageName = page;
        specs.push_back(std::move(s));
    }
    m_shared.timedSenders = {first, second};
    const int open = connectAll(std::move(specs), u"connecting"_s, 60);
    endProgress();
    if (!info(first).open || !info(second).open)
        return {{"error"_L1, u"the two writers could not connect"_s}};
    sleepUntil(nowNs() + Second, {}); // the presence frames of the arrivals
    collect();

    const std::int64_t gapNs = nsOf(m_options.gapMs / 1000);
    m_shared.windowStart.store(nowNs());
    m_shared.windowEnd.store(INT64_MAX);
    const Sample a = sample();
    double gapSum = 0;
    for (int r = 0; r < m_options.repeat; ++r) {
        const bool create = r % 2 == 0;
        Worker &w1 = workerOf(first);
        Worker &w2 = workerOf(second);
        const std::int64_t t1 = nowNs();
        w1.call([&w1, first, create] { return w1.sendOp(first, create); });
        sleepUntil(t1 + gapNs, {});
        const std::int64_t t2 = nowNs();
        w2.call([&w2, second, create] { return w2.sendOp(second, create); });
        gapSum += double(t2 - t1);
        sleepUntil(t1 + PauseNs, [&] {
            return u"pair %1 of %2, %3 ms apart"_s.arg(r + 1)
                .arg(m_options.repeat)
                .arg(m_options.gapMs);
        });
    }
    const Sample b = sample();
    const std::int64_t drainEnd = nowNs() + nsOf(m_options.drainSeconds);
    while (nowNs() < drainEnd &&
           sum(&Progress::inWindowDeliveries) < sum(&Progress::inWindowExpected))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    endProgress();
    const Stats s = collect();
    closeWindow();
    const Histogram none;
    const Histogram &h1 = s.deliveryBySender.size() > 0 ? s.deliveryBySender[0] : none;
    const Histogram &h2 = s.deliveryBySender.size() > 1 ? s.deliveryBySender[1] : none;
    const double missing = missingFraction(s);
    const double gapMs = m_options.repeat ? gapSum / m_options.repeat / 1e6 : 0;
    const Cpu cpu = cpuBetween(a, b);
    std::fprintf(stderr,
                 "[%s pair] %d viewers, %d pairs %.2f ms apart: the first operation delivered "
                 "in p50 %.2f ms, p99 %.2f ms; the second in p50 %.2f ms, p99 %.2f ms; missing "
                 "%.4f%%\n",
                 qUtf8Printable(m_options.server), open, m_options.repeat, gapMs,
                 ms(h1.percentile(50)), ms(h1.percentile(99)), ms(h2.percentile(50)),
                 ms(h2.percentile(99)), missing * 100);
    QJsonObject result{
        {"params"_L1, QJsonObject{{"viewers"_L1, total},
                                  {"pairs"_L1, m_options.repeat},
                                  {"gapMs"_L1, m_options.gapMs},
                                  {"pauseMs"_L1, ms(PauseNs)}}},
        {"open"_L1, open},
        {"gapMs"_L1, round3(gapMs)},
        {"first"_L1, latencyJson(h1)},
        {"second"_L1, latencyJson(h2)},
        {"echo"_L1, latencyJson(s.echo)},
        {"expectedDeliveries"_L1, double(s.expectedDeliveries)},
        {"deliveries"_L1, double(s.deliveries)},
        {"missingFraction"_L1, missing},
        {"serverCpuPercent"_L1, cpu.server},
        {"generatorCpuPercent"_L1, cpu.generator},
        {"otherCpuPercent"_L1, cpu.other},
    };
    addStats(&result, s);
    return result;
}

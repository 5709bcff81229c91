// glosa-load: the load generator of tests/benchmarks/load. It runs one scenario against one
// running server (Glosa, the ws relay or the uWebSockets.js relay) on 127.0.0.1 and writes the
// figures as JSON; run-all runs every scenario against the three servers and builds the report.

#include "loadrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

void onAlarm(int)
{
    static const char message[] = "\nglosa-load: --max-seconds reached, giving up\n";
    [[maybe_unused]] const ssize_t n = write(2, message, sizeof message - 1);
    _exit(3);
}

template<typename T>
QList<T> numbers(const QString &text, bool *ok)
{
    QList<T> list;
    *ok = true;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool good = false;
        const double v = part.trimmed().toDouble(&good);
        if (!good || v <= 0)
            *ok = false;
        list.append(T(v));
    }
    return list;
}

} // namespace

int main(int argc, char *argv[])
{
    nowNs(); // the clock starts here
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"glosa-load"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load generator for glosa-server and the relays: runs one scenario against a server "
        "on 127.0.0.1 and writes its figures as JSON.\n"
        "Scenarios: fanout, pages (rising rates until p99 passes --stop-p99-ms), idle "
        "(--connections levels), durable (closed loop), resume (--events missed), size, slow "
        "(--slow connections that stop reading beside a writer and a reader), crowd (--viewers "
        "join one page while a probe on another is timed), pair (--repeat pairs of operations "
        "on one page, --gap-ms apart, each operation's deliveries timed apart)."_s);
    parser.addHelpOption();
    const auto option = [&](const QString &name, const QString &help, const QString &value = {},
                            const QString &fallback = {}) {
        QCommandLineOption o(name, help, value, fallback);
        parser.addOption(o);
        return o;
    };
    const auto url = option(u"url"_s,
                            u"The server, ws://127.0.0.1:PORT/v1/ws; once per node of a cluster, "
                            "whose connections then spread over the nodes."_s,
                            u"URL"_s);
    const auto pid = option(u"pid"_s,
                            u"The server's process id, for RSS and CPU; once per node of a "
                            "cluster (RSS is the first's, CPU the sum)."_s,
                            u"PID"_s);
    const auto server = option(u"server-name"_s, u"Name in the output."_s, u"NAME"_s, u"server"_s);
    const auto scenario =
        option(u"scenario"_s, u"fanout, pages, idle, durable, resume, size, slow, crowd, pair."_s,
               u"NAME"_s);
    const auto threads =
        option(u"threads"_s, u"Client threads, each with its own epoll loop."_s, u"N"_s, u"1"_s);
    const auto concurrency =
        option(u"connect-concurrency"_s, u"Handshakes in flight at once."_s, u"N"_s, u"256"_s);
    const auto tenant = option(u"tenant"_s, u"Tenant in hello."_s, u"ID"_s, u"bench"_s);
    const auto pages = option(u"pages"_s, u"Pages (fanout, pages, durable)."_s, u"N"_s, u"10"_s);
    const auto viewers = option(
        u"viewers"_s, u"Connections per page (fanout, pages, idle, pair)."_s, u"N"_s, u"100"_s);
    const auto publishers =
        option(u"publishers"_s,
               u"Connections of each page that send, the first made; 0: all (fanout, pages)."_s,
               u"N"_s, u"0"_s);
    const auto rates = option(u"rates"_s, u"Rising deliveries per second, comma-separated."_s,
                              u"LIST"_s, u"5000,10000,20000,40000"_s);
    const auto warmup =
        option(u"warmup"_s, u"Seconds before each step is measured."_s, u"S"_s, u"1"_s);
    const auto step = option(u"step"_s, u"Seconds measured per step."_s, u"S"_s, u"4"_s);
    const auto drain =
        option(u"drain"_s, u"Seconds to wait for late deliveries."_s, u"S"_s, u"5"_s);
    const auto stop =
        option(u"stop-p99-ms"_s, u"Stop rising when p99 passes this."_s, u"MS"_s, u"50"_s);
    const auto connections =
        option(u"connections"_s, u"Idle levels, comma-separated."_s, u"LIST"_s, u"10000,20000"_s);
    const auto idleSeconds =
        option(u"idle-seconds"_s, u"Seconds each idle level is watched."_s, u"S"_s, u"35"_s);
    const auto window =
        option(u"window"_s, u"Operations in flight per connection (durable)."_s, u"N"_s, u"10"_s);
    const auto seconds =
        option(u"seconds"_s, u"Seconds measured (durable, slow)."_s, u"S"_s, u"5"_s);
    const auto slow =
        option(u"slow"_s, u"Connections that stop reading (slow)."_s, u"N"_s, u"300"_s);
    const auto opsPerSecond = option(
        u"ops-per-second"_s, u"The writer's operations per second (slow)."_s, u"N"_s, u"500"_s);
    const auto events =
        option(u"events"_s, u"Events the resuming client missed."_s, u"N"_s, u"10000"_s);
    const auto repeat =
        option(u"repeat"_s, u"Resumes (resume) or pairs (pair) measured."_s, u"N"_s, u"5"_s);
    const auto gap =
        option(u"gap-ms"_s, u"Milliseconds between the operations of a pair."_s, u"MS"_s, u"5"_s);
    const auto out = option(u"out"_s, u"Write the JSON here (default: stdout)."_s, u"FILE"_s);
    const QCommandLineOption deflate(
        u"deflate"_s, u"Offer permessage-deflate (RFC 7692) without context takeover; compressed "
                      "messages from the server are inflated, and both sizes are reported."_s);
    parser.addOption(deflate);
    const auto maxSeconds =
        option(u"max-seconds"_s, u"Give up after this long."_s, u"S"_s, u"900"_s);
    parser.process(app);

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "glosa-load: %s\n", qUtf8Printable(message));
        return 2;
    };
    LoadRunner::Options o;
    o.urls = parser.values(url);
    const QStringList pids = parser.values(pid);
    o.pid = pids.value(0).toInt();
    for (qsizetype i = 1; i < pids.size(); ++i)
        o.otherPids.append(pids.at(i).toInt());
    o.server = parser.value(server);
    o.scenario = parser.value(scenario);
    o.threads = parser.value(threads).toInt();
    o.connectConcurrency = parser.value(concurrency).toInt();
    o.tenant = parser.value(tenant);
    o.pages = parser.value(pages).toInt();
    o.viewers = parser.value(viewers).toInt();
    o.publishers = parser.value(publishers).toInt();
    bool ok = true;
    o.rates = numbers<double>(parser.value(rates), &ok);
    if (!ok)
        return fail(u"--rates takes positive numbers"_s);
    o.connections = numbers<int>(parser.value(connections), &ok);
    if (!ok)
        return fail(u"--connections takes positive numbers"_s);
    o.warmupSeconds = parser.value(warmup).toDouble();
    o.stepSeconds = parser.value(step).toDouble();
    o.drainSeconds = parser.value(drain).toDouble();
    o.stopP99Ms = parser.value(stop).toDouble();
    o.idleSeconds = parser.value(idleSeconds).toDouble();
    o.window = parser.value(window).toInt();
    o.seconds = parser.value(seconds).toDouble();
    o.events = parser.value(events).toInt();
    o.repeat = parser.value(repeat).toInt();
    o.gapMs = parser.value(gap).toDouble();
    o.slow = parser.value(slow).toInt();
    o.opsPerSecond = parser.value(opsPerSecond).toDouble();
    o.deflate = parser.isSet(deflate);
    const QStringList known{u"fanout"_s, u"pages"_s, u"idle"_s,  u"durable"_s, u"resume"_s,
                            u"size"_s,   u"slow"_s,  u"crowd"_s, u"pair"_s};
    if (!known.contains(o.scenario))
        return fail(u"--scenario must be one of %1"_s.arg(known.join(u", "_s)));
    if (o.threads < 1 || o.threads > 64 || o.pages < 1 || o.viewers < 1 || o.window < 1 ||
        o.events < 1 || o.repeat < 1 || o.stepSeconds <= 0 || o.connectConcurrency < 1 ||
        o.slow < 0 || o.opsPerSecond <= 0 || o.publishers < 0 || o.gapMs < 0)
        return fail(u"--threads, --pages, --viewers, --window, --events, --repeat, --step, "
                    "--connect-concurrency and --ops-per-second must be positive, --publishers "
                    "and --gap-ms not negative"_s);

    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGALRM, onAlarm);
    alarm(unsigned(qMax(1, parser.value(maxSeconds).toInt())));

    LoadRunner runner(o);
    QString error;
    if (!runner.init(&error))
        return fail(error);
    const QJsonObject result = runner.run();
    const QByteArray json = QJsonDocument(result).toJson(QJsonDocument::Indented);
    if (parser.isSet(out)) {
        QFile file(parser.value(out));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
            return fail(u"cannot write %1: %2"_s.arg(parser.value(out), file.errorString()));
    } else {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    }
    return 0;
}

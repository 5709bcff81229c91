#pragma once

#include "worker.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

// Runs one scenario against one running server and returns its figures as JSON. The scenarios
// and their parameters are described in README.md beside this file.
class LoadRunner
{
public:
    struct Options
    {
        // The server, or the nodes of a cluster (connections go to them in turn).
        QStringList urls;
        int pid = 0; // the server's, for /proc figures; 0: none
        // The other nodes' processes: their CPU counts as the server's.
        QList<int> otherPids;
        QString server = QStringLiteral("server");
        QString scenario;
        int threads = 1;
        int connectConcurrency = 256;
        QString tenant = QStringLiteral("bench");
        QString userName = QStringLiteral("Ana Lima");
        QString pagePrefix = QStringLiteral("bench");
        bool deflate = false; // offer permessage-deflate
        // fanout, pages, durable
        int pages = 10;
        int viewers = 100;
        // fanout, pages: how many of each page's connections send, the first made; 0: all
        int publishers = 0;
        QList<double> rates; // deliveries per second, rising
        double warmupSeconds = 1;
        double stepSeconds = 4;
        double drainSeconds = 5;
        double stopP99Ms = 50;
        // idle
        QList<int> connections;
        double idleSeconds = 35;
        double settleSeconds = 2;
        // durable
        int window = 10;
        double seconds = 5;
        // resume
        int events = 10000;
        int repeat = 5; // resumes; pair: pairs
        // pair: the time between the two operations of a pair
        double gapMs = 5;
        // slow: connections that stop reading, beside a writer at opsPerSecond and a reader
        int slow = 300;
        double opsPerSecond = 500;
    };

    explicit LoadRunner(Options options);
    ~LoadRunner();

    bool init(QString *error);
    QJsonObject run();

private:
    struct Sample
    {
        std::int64_t ns = 0;
        double serverCpu = 0;
        double selfCpu = 0;
        std::int64_t rssKiB = 0;
        double machineBusy = 0;
    };
    // CPU (in % of one core) between two samples: the server's, the generator's, and the rest of
    // the machine's (other processes, the kernel's softirq work not charged to either).
    struct Cpu
    {
        double server = -1;
        double generator = 0;
        double other = 0;
    };
    static Cpu cpuBetween(const Sample &a, const Sample &b);

    QJsonObject runSteps(const QString &label);
    QJsonObject idle();
    QJsonObject durable();
    QJsonObject resume();
    QJsonObject size();
    QJsonObject slow();
    QJsonObject crowd();
    QJsonObject pair();
    QJsonObject rateStep(double deliveriesPerSecond, int fanOut, const QString &label);

    int connectAll(std::vector<ConnSpec> specs, const QString &label, double timeoutSeconds);
    void updateViewers();
    Stats collect();
    // Sending starts `leadNs` from now; deliveries are measured after the warm-up, for `seconds`.
    struct Window
    {
        std::int64_t start = 0;
        std::int64_t measureFrom = 0;
        std::int64_t measureTo = 0;
    };
    Window openWindow(std::int64_t leadNs, double seconds);
    // Deliveries are no longer measured.
    void closeWindow();
    std::uint64_t sum(std::atomic<std::uint64_t> Progress::*counter) const;
    ConnInfo info(int index);
    Worker &workerOf(int index) { return *m_workers[std::size_t(index) % m_workers.size()]; }
    Sample sample() const;
    void sleepUntil(std::int64_t ns, const std::function<QString()> &status);
    void progress(const QString &line, bool force = false);
    void endProgress();

    Options m_options;
    Shared m_shared;
    std::vector<std::unique_ptr<Worker>> m_workers;
    int m_nextIndex = 0;
    std::int64_t m_lastProgress = 0;
    bool m_tty = false;
    bool m_progressOpen = false;
};

#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>
#include <map>

namespace Glosa {

// An event dispatcher on Linux epoll for the server's threads. Qt's own dispatchers poll every
// socket on every wake-up, which costs in proportion to the connections held; epoll costs in
// proportion to the sockets that are ready. Timers are kept in a map ordered by deadline.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        bool added = false;
    };
    struct Timer
    {
        qint64 interval = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 deadline = 0; // ms on the monotonic clock
    };

    void updateWatch(int fd);
    int dispatchTimers();
    static qint64 now();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUps{false};
    std::atomic<bool> m_interrupted{false};
    QHash<int, Watch> m_watches;
    QHash<int, Timer> m_timers;
    std::multimap<qint64, int> m_deadlines; // deadline -> timer id
};

} // namespace Glosa

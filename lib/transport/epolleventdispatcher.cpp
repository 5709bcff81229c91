#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Glosa {

namespace {

constexpr int MaxEvents = 256;

void eraseDeadline(std::multimap<qint64, int> &deadlines, qint64 deadline, int id)
{
    for (auto [it, end] = deadlines.equal_range(deadline); it != end; ++it) {
        if (it->second == id) {
            deadlines.erase(it);
            return;
        }
    }
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd descriptors");
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

qint64 EpollEventDispatcher::now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

void EpollEventDispatcher::updateWatch(int fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    epoll_event event{};
    event.data.fd = fd;
    if (it->read)
        event.events |= EPOLLIN;
    if (it->write)
        event.events |= EPOLLOUT;
    if (it->exception)
        event.events |= EPOLLPRI;
    if (event.events == 0) {
        if (it->added)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.erase(it);
        return;
    }
    if (epoll_ctl(m_epoll, it->added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0)
        qWarning("EpollEventDispatcher: cannot watch descriptor %d (errno %d)", fd, errno);
    it->added = true;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Watch &watch = m_watches[int(notifier->socket())];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watch.read = notifier;
        break;
    case QSocketNotifier::Write:
        watch.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watch.exception = notifier;
        break;
    }
    updateWatch(int(notifier->socket()));
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    for (QSocketNotifier **slot : {&it->read, &it->write, &it->exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateWatch(fd);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    const Timer timer{interval, timerType, object, now() + interval};
    m_timers.insert(timerId, timer);
    m_deadlines.emplace(timer.deadline, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    eraseDeadline(m_deadlines, it->deadline, timerId);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            eraseDeadline(m_deadlines, it->deadline, it.key());
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (auto it = m_timers.constBegin(); it != m_timers.constEnd(); ++it) {
        if (it->object == object)
            list.append({it.key(), int(it->interval), it->type});
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    return it == m_timers.constEnd() ? -1 : int(qMax<qint64>(0, it->deadline - now()));
}

void EpollEventDispatcher::wakeUp()
{
    if (m_wakeUps.exchange(true))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

int EpollEventDispatcher::dispatchTimers()
{
    const qint64 t = now();
    QList<int> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= t; ++it)
        due.append(it->second);
    for (int id : std::as_const(due)) {
        const auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // unregistered by an earlier timer of this round
        eraseDeadline(m_deadlines, it->deadline, id);
        // The next deadline follows the interval; a timer that fell behind skips what it
        // missed. A zero timer is due again on the next pass.
        it->deadline += it->interval;
        if (it->deadline <= t)
            it->deadline = t + it->interval;
        m_deadlines.emplace(it->deadline, id);
        QTimerEvent event(id);
        QCoreApplication::sendEvent(it->object, &event);
    }
    return int(due.size());
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    int timeout = 0;
    const bool mayWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted;
    if (mayWait) {
        if (m_deadlines.empty())
            timeout = -1;
        else
            timeout = int(
                qBound<qint64>(0, m_deadlines.begin()->first - now(), qint64(24) * 3600 * 1000));
        Q_EMIT aboutToBlock();
    }

    epoll_event events[MaxEvents];
    int ready = epoll_wait(m_epoll, events, MaxEvents, timeout);
    if (ready < 0 && errno != EINTR)
        qWarning("EpollEventDispatcher: epoll_wait failed (errno %d)", errno);
    if (mayWait)
        Q_EMIT awake();

    int handled = 0;
    for (int i = 0; i < ready; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            // Cleared after reading: a wake-up that races with the read is either taken by it
            // (its event is then handled at the end of this pass) or writes anew once cleared.
            quint64 value = 0;
            [[maybe_unused]] const ssize_t n = ::read(m_wakeFd, &value, sizeof value);
            m_wakeUps = false;
            ++handled;
            continue;
        }
        if (flags & QEventLoop::ExcludeSocketNotifiers)
            continue;
        const quint32 what = events[i].events;
        const bool failed = what & (EPOLLERR | EPOLLHUP);
        // Each notifier is looked up afresh: an earlier handler may have removed it.
        const auto activate = [&](QSocketNotifier *Watch::*slot) {
            const auto it = m_watches.constFind(fd);
            if (it == m_watches.constEnd())
                return;
            QSocketNotifier *notifier = (*it).*slot;
            if (notifier && notifier->isEnabled()) {
                QEvent event(QEvent::SockAct);
                QCoreApplication::sendEvent(notifier, &event);
                ++handled;
            }
        };
        if (what & (EPOLLIN | EPOLLRDHUP) || failed)
            activate(&Watch::read);
        if (what & EPOLLOUT || failed)
            activate(&Watch::write);
        if (what & EPOLLPRI)
            activate(&Watch::exception);
    }
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled += dispatchTimers();
    QCoreApplication::sendPostedEvents();
    return handled > 0;
}

} // namespace Glosa

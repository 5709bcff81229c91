#include "listener.h"

#include "transportlogging.h"

#include <QFile>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>

namespace Glosa {

namespace {

// Connections taken per wake-up, so that a burst does not hold up the rest of the loop.
constexpr int AcceptsPerWake = 64;

} // namespace

int Listener::backlog()
{
    // The kernel caps a listen backlog at net.core.somaxconn, which an operator may have raised.
    QFile file(QStringLiteral("/proc/sys/net/core/somaxconn"));
    bool ok = false;
    const int max = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt(&ok) : 0;
    return ok && max > 0 ? max : SOMAXCONN;
}

Listener::Listener(std::function<void(int)> accepted, QObject *parent)
    : QObject(parent)
    , m_accepted(std::move(accepted))
{}

Listener::~Listener()
{
    close();
}

bool Listener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_server.listen(address, port)) {
        *error = m_server.errorString();
        return false;
    }
    m_server.pauseAccepting();
    // QTcpServer listens with a backlog of 50, which a storm of connections overflows: the
    // kernel then drops SYNs, and clients wait for TCP's retransmissions. Listening again on the
    // same socket raises it.
    if (::listen(int(m_server.socketDescriptor()), backlog()) != 0)
        qCWarning(lcTransport) << "cannot raise the listen backlog:" << std::strerror(errno);
    m_notifier = new QSocketNotifier(m_server.socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::onReadable);
    return true;
}

void Listener::close()
{
    m_retry.stop();
    delete m_notifier;
    m_notifier = nullptr;
    m_server.close();
}

void Listener::onReadable()
{
    const int listening = int(m_server.socketDescriptor());
    for (int i = 0; i < AcceptsPerWake && m_notifier; ++i) {
        const int fd = ::accept4(listening, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            if (std::exchange(m_starved, false))
                qCInfo(lcTransport) << "accepting connections again";
            m_accepted(fd);
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED:
            continue;
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return;
        case EMFILE:
        case ENFILE:
        case ENOBUFS:
        case ENOMEM:
            // Said once per shortage, not at every retry.
            if (!std::exchange(m_starved, true)) {
                qCWarning(lcTransport).nospace()
                    << "cannot accept a connection: " << std::strerror(errno)
                    << "; trying again every " << RetryMs << " ms";
            }
            m_notifier->setEnabled(false);
            m_retry.start(RetryMs, this);
            return;
        default:
            qCWarning(lcTransport) << "cannot accept a connection:" << std::strerror(errno);
            return;
        }
    }
}

void Listener::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_retry.timerId())
        return QObject::timerEvent(event);
    m_retry.stop();
    if (m_notifier)
        m_notifier->setEnabled(true);
}

} // namespace Glosa

#include "iothread.h"

#include "hub.h"

#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"
#endif

namespace Glosa {

IoThread::IoThread(std::function<Hub *()> makeHub, QObject *parent)
    : QThread(parent)
    , m_makeHub(std::move(makeHub))
{
#ifdef Q_OS_LINUX
    setEventDispatcher(new EpollEventDispatcher);
#endif
}

IoThread::~IoThread()
{
    quit();
    wait();
}

Hub *IoThread::startHub()
{
    QMutexLocker lock(&m_mutex);
    start();
    while (!m_hub)
        m_made.wait(&m_mutex);
    return m_hub;
}

void IoThread::run()
{
    Hub *hub = m_makeHub();
    {
        QMutexLocker lock(&m_mutex);
        m_hub = hub;
        m_made.wakeAll();
    }
    exec();
    delete hub;
}

} // namespace Glosa

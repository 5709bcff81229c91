#include "memoryreclaimer.h"

#include "serverlogging.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Glosa {

MemoryReclaimer::MemoryReclaimer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DelayMs);
    connect(&m_timer, &QTimer::timeout, this, &MemoryReclaimer::reclaim);
}

void MemoryReclaimer::connectionsClosed()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void MemoryReclaimer::reclaim()
{
#ifdef __GLIBC__
    const size_t freeBytes = mallinfo2().fordblks;
    if (freeBytes >= size_t(MinFreeBytes) && malloc_trim(0))
        qCDebug(lcServer) << "gave back memory of" << freeBytes / 1024 << "KiB free in the heap";
#endif
}

} // namespace Glosa

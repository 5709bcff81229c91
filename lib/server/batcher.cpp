#include "batcher.h"

#include "clientconnection.h"

#include <limits>

namespace Glosa {

Batcher::Batcher(int windowMs, QObject *parent)
    : QObject(parent)
    , m_windowMs(windowMs)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Batcher::flushDue);
}

qint64 Batcher::now()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

void Batcher::schedule(ClientConnection *connection)
{
    m_waiting.insert(connection);
    const qint64 wait = qMax<qint64>(0, connection->batchDue() - now());
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(int(wait));
}

void Batcher::cancel(ClientConnection *connection)
{
    m_waiting.remove(connection);
}

void Batcher::flushDue()
{
    const qint64 t = now();
    qint64 next = std::numeric_limits<qint64>::max();
    const QSet<ClientConnection *> waiting = m_waiting;
    for (ClientConnection *connection : waiting) {
        if (connection->batchDue() <= t) {
            m_waiting.remove(connection);
            connection->flushBatch();
        } else {
            next = qMin(next, connection->batchDue());
        }
    }
    if (!m_waiting.isEmpty())
        m_timer.start(int(qMax<qint64>(0, next - t)));
}

} // namespace Glosa

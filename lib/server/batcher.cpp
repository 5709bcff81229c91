#include "batcher.h"

#include "codec.h"
#include "framequeue.h"

#include <QElapsedTimer>

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

void Batcher::schedulePass(FrameQueue *queue)
{
    if (m_inPass.contains(queue))
        return;
    m_inPass.insert(queue, m_pass.size());
    m_pass.append(queue);
    postPass();
}

void Batcher::schedule(FrameQueue *queue)
{
    m_waiting.insert(queue);
    const qint64 wait = qMax<qint64>(0, queue->batchDue() - now());
    if (!m_timer.isActive() || m_timer.remainingTime() > wait)
        m_timer.start(int(wait));
}

void Batcher::cancel(FrameQueue *queue)
{
    m_waiting.remove(queue);
    if (const auto it = m_inPass.constFind(queue); it != m_inPass.constEnd()) {
        m_pass[*it] = nullptr;
        m_inPass.erase(it);
    }
}

QueuedFrame Batcher::queued(const QByteArray &frame)
{
    // Holding the last entry keeps its bytes alive: the same address and size are the same bytes.
    if (m_lastQueued && m_lastQueued->bytes().constData() == frame.constData() &&
        m_lastQueued->size() == frame.size())
        return *m_lastQueued;
    auto *d = new QueuedFrame::Data;
    d->bytes = frame;
    m_lastQueued = QueuedFrame(d);
    postPass();
    return *m_lastQueued;
}

QByteArray Batcher::batch(const QList<QueuedFrame> &frames)
{
    const bool same =
        frames.size() == m_lastBatchFrames.size() &&
        std::equal(frames.cbegin(), frames.cend(), m_lastBatchFrames.cbegin(),
                   [](const QueuedFrame &a, const QueuedFrame &b) { return a.isSameAs(b); });
    if (same)
        return m_lastBatch;
    QList<QByteArray> bytes;
    bytes.reserve(frames.size());
    for (const QueuedFrame &frame : frames)
        bytes.append(frame.bytes());
    m_lastBatchFrames = frames;
    m_lastBatch = Codec::encodeBatch(bytes);
    postPass();
    return m_lastBatch;
}

void Batcher::postPass()
{
    if (m_passPosted)
        return;
    m_passPosted = true;
    QMetaObject::invokeMethod(this, &Batcher::endPass, Qt::QueuedConnection);
}

// Runs as a posted event: after every socket, timer and event of the pass that queued frames
// has been handled.
void Batcher::endPass()
{
    // Connections that ask meanwhile are taken in the same loop.
    for (qsizetype i = 0; i < m_pass.size(); ++i) {
        FrameQueue *queue = std::exchange(m_pass[i], nullptr);
        if (!queue)
            continue;
        m_inPass.remove(queue);
        queue->writeQueued();
    }
    m_pass.clear();
    m_lastQueued.reset();
    m_lastBatchFrames = {};
    m_lastBatch = {};
    m_passPosted = false;
}

void Batcher::flushDue()
{
    const qint64 t = now();
    qint64 next = std::numeric_limits<qint64>::max();
    const QSet<FrameQueue *> waiting = m_waiting;
    for (FrameQueue *queue : waiting) {
        if (queue->batchDue() <= t) {
            m_waiting.remove(queue);
            queue->writeQueued();
        } else {
            next = qMin(next, queue->batchDue());
        }
    }
    if (!m_waiting.isEmpty())
        m_timer.start(int(qMax<qint64>(0, next - t)));
}

} // namespace Glosa

#include "batcher.h"

#include "clientconnection.h"
#include "codec.h"

#include <cmath>
#include <limits>

namespace Glosa {

namespace {

constexpr double RateTimeConstantMs = 1000;

} // namespace

double FrameRate::countAt(qint64 nowMs) const
{
    if (nowMs <= m_at || m_count == 0)
        return m_count;
    return m_count * std::exp(double(m_at - nowMs) / RateTimeConstantMs);
}

void FrameRate::add(qint64 nowMs)
{
    m_count = countAt(nowMs) + 1;
    m_at = qMax(m_at, nowMs);
}

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

void Batcher::schedulePass(ClientConnection *connection)
{
    if (m_inPass.contains(connection))
        return;
    m_inPass.insert(connection, m_pass.size());
    m_pass.append(connection);
    postPass();
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
    if (const auto it = m_inPass.constFind(connection); it != m_inPass.constEnd()) {
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
        ClientConnection *connection = std::exchange(m_pass[i], nullptr);
        if (!connection)
            continue;
        m_inPass.remove(connection);
        connection->writeQueued();
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
    const QSet<ClientConnection *> waiting = m_waiting;
    for (ClientConnection *connection : waiting) {
        if (connection->batchDue() <= t) {
            m_waiting.remove(connection);
            connection->writeQueued();
        } else {
            next = qMin(next, connection->batchDue());
        }
    }
    if (!m_waiting.isEmpty())
        m_timer.start(int(qMax<qint64>(0, next - t)));
}

} // namespace Glosa

#pragma once

#include "queuedframe.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace Glosa {

class FrameQueue;

// Coalesces frames for the connections of one thread, with one timer and one posted event.
//
// A connection queues what it is given and asks to be flushed: at the end of the current pass of
// the event loop (schedulePass()), so that frames that become ready together leave in one write
// and cost no latency, or, for a busy connection written to less than a window ago, once the
// window has passed (schedule(), at FrameQueue::batchDue()). The frames of a pass are shared:
// a frame given to many connections is queued once (queued()), and the same frames made into a
// batch for many connections are encoded once (batch()).
class Batcher : public QObject
{
    Q_OBJECT
public:
    explicit Batcher(int windowMs, QObject *parent = nullptr);

    // 0: batching is off, and a frame leaves alone and at once (unless a catch-up holds it).
    int windowMs() const { return m_windowMs; }
    static qint64 now();

    // queue->writeQueued() at the end of this pass of the event loop.
    void schedulePass(FrameQueue *queue);
    // queue->writeQueued() once queue->batchDue() has come.
    void schedule(FrameQueue *queue);
    void cancel(FrameQueue *queue);

    // The queue entry for `frame`: a frame queued for several connections in a row, as a broadcast
    // does, is the same entry for all of them.
    QueuedFrame queued(const QByteArray &frame);
    // `frames` as one batch frame. The same frames made into a batch again within the pass (the
    // viewers of a page given one commit's events) are the same bytes, encoded once.
    QByteArray batch(const QList<QueuedFrame> &frames);

private:
    void postPass();
    void endPass();
    void flushDue();

    int m_windowMs;
    QTimer m_timer;
    QSet<FrameQueue *> m_waiting;            // for their window
    QList<FrameQueue *> m_pass;              // for the end of the pass, in the order they asked
    QHash<FrameQueue *, qsizetype> m_inPass; // their places in m_pass
    bool m_passPosted = false;               // endPass() is to run at the end of this pass
    // Kept until the end of the pass: what queued() made last, what batch() encoded last.
    std::optional<QueuedFrame> m_lastQueued;
    QList<QueuedFrame> m_lastBatchFrames;
    QByteArray m_lastBatch;
};

} // namespace Glosa

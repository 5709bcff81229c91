#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QExplicitlySharedDataPointer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSharedData>
#include <QTimer>

#include <optional>

namespace Glosa {

class ClientConnection;

// A frame waiting in a connection's queue: a reference (8 bytes) to bytes that every connection
// queueing the same frame shares, as the recipients of a broadcast do (see Batcher::queued()).
class QueuedFrame
{
public:
    QueuedFrame() = default;
    const QByteArray &bytes() const { return m_d->bytes; }
    qsizetype size() const { return m_d->bytes.size(); }
    bool isSameAs(const QueuedFrame &other) const { return m_d == other.m_d; }

private:
    friend class Batcher;
    struct Data : QSharedData
    {
        QByteArray bytes;
    };
    explicit QueuedFrame(const Data *d)
        : m_d(d)
    {}
    QExplicitlySharedDataPointer<const Data> m_d;
};

// How many frames a connection has been given lately: each adds one to a count that decays
// with a time constant of a second, so that a connection given frames at a steady rate of r per
// second counts about r, and one given a burst of n counts about n a moment after it, half of
// that 0.7 s later.
class FrameRate
{
public:
    // Frames at a steady rate above this many per second make a connection busy.
    static constexpr double BusyPerSecond = 100;

    void add(qint64 nowMs);
    bool isBusy(qint64 nowMs) const { return countAt(nowMs) > BusyPerSecond; }
    double countAt(qint64 nowMs) const;

private:
    double m_count = 0;
    qint64 m_at = 0; // ms on Batcher::now(), when m_count was last updated
};

// Coalesces frames for the connections of one thread, with one timer and one posted event.
//
// A connection queues what it is given and asks to be flushed: at the end of the current pass of
// the event loop (schedulePass()), so that frames that become ready together leave in one write
// and cost no latency, or, for a busy connection written to less than a window ago, once the
// window has passed (schedule(), at ClientConnection::batchDue()). The frames of a pass are shared:
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

    // connection->writeQueued() at the end of this pass of the event loop.
    void schedulePass(ClientConnection *connection);
    // connection->writeQueued() once connection->batchDue() has come.
    void schedule(ClientConnection *connection);
    void cancel(ClientConnection *connection);

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
    QSet<ClientConnection *> m_waiting; // for their window
    QList<ClientConnection *> m_pass;   // for the end of the pass, in the order they asked
    QHash<ClientConnection *, qsizetype> m_inPass; // their places in m_pass
    bool m_passPosted = false;                     // endPass() is to run at the end of this pass
    // Kept until the end of the pass: what queued() made last, what batch() encoded last.
    std::optional<QueuedFrame> m_lastQueued;
    QList<QueuedFrame> m_lastBatchFrames;
    QByteArray m_lastBatch;
};

} // namespace Glosa

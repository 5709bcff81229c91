#pragma once

#include "page.h"
#include "store.h"
#include "storethread.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace Glosa {

class PageRegistry;
class Recipient;

// The writes of the operations that pages took, on their way to the store, and what waits for
// them. The writes applied in one pass of the event loop go to the store thread together (it
// commits what was queued while its last commit ran in one transaction); once the store reports
// a write stored, its event goes to everyone on its page, encoded once for all. A page that lost
// a write goes back to what the store holds, read on the store's read thread, and the writes
// applied after it fail.
//
// A join or sync for a page with writes not yet stored waits until they are, and the page's
// later messages wait behind it, so that every welcome, replay and snapshot is the stored state,
// with nothing missing and nothing that could still be lost.
//
// Where several server nodes share the store, a page here may be behind it. Told so, a page
// catches up: the events stored after its head are applied to it and sent to its viewers. A
// write that the store left out because another node wrote to its page first is not an error:
// once the page's writes are all reported, the page is read again as the store holds it, its
// viewers get the events they missed, and the operations of the writes left out are taken again,
// in their order, ahead of the page's waiting messages.
class CommitPipeline : public QObject
{
    Q_OBJECT
public:
    CommitPipeline(StoreThread *reads, StoreThread *writer, PageRegistry *pages,
                   QObject *parent = nullptr);

    // Queues the write of an operation that `page` applied for `sender`; it goes to the store
    // thread in the loop's next pass, with the others queued by then. `retry` takes the operation
    // again, should the store leave the write out as stale.
    void add(Page *page, Recipient *sender, Store::Write write, std::function<void()> retry);
    // Hands the writes queued since the last call to the store thread.
    void flush();
    // Whether every write queued has been reported on.
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight == 0; }

    // Whether a message of `from` on `page` must wait: a barrier (a join, a sync) while the page
    // has writes not yet stored, any message while earlier ones of the page wait. If so, `go`
    // is queued, to run when release() finds nothing left before it.
    bool defer(Page *page, Recipient *from, bool barrier, std::function<void()> go);
    // Runs the waiting messages of `page` in order, up to a barrier while writes are unstored;
    // none while the page is held.
    void release(Page *page);
    // Holds every message of `page` back from now on, as a barrier does, until unhold(): while
    // the store is asked something that its next messages depend on.
    void hold(Page *page) { ++m_held[page]; }
    void unhold(Page *page);
    // Whether messages of `page` wait, or may come to.
    bool hasDeferred(Page *page) const
    {
        return m_deferred.contains(page) || m_held.contains(page);
    }
    // Forgets every waiting message.
    void clearDeferred() { m_deferred.clear(); }

    // The store holds events of `page` after its head, or may: once the page's writes are all
    // reported, those events are applied to it and sent to its viewers, its messages waiting
    // meanwhile.
    void catchUp(Page *page);
    // The page is going away: it no longer needs to catch up.
    void forget(Page *page) { m_behind.remove(page); }

Q_SIGNALS:
    // The store reported on writes of these pages, or a page held is let go: their waiting
    // messages may go now, and a page nobody is on may be unloaded.
    void settled(const QSet<Glosa::Page *> &pages);

private:
    struct PendingWrite
    {
        Page *page;
        QPointer<Recipient> sender;
        Store::Write write;
        quint64 generation; // the page's, when applied
        std::function<void()> retry;
    };
    // A message held back until the writes before it on its page are stored.
    struct Deferred
    {
        QPointer<Recipient> from;
        bool barrier;
        std::function<void()> go;
    };

    // Sends the events stored, fails the others and resets their pages.
    void takeReport(QList<PendingWrite> writes, const StoreThread::Report &report);
    // A page lost writes: once its writes are all reported it goes back to what the store
    // holds, or if the store cannot be read, is closed to everyone on it; its messages wait.
    void reset(Page *page, const QString &error);
    // The store left writes of `page` out: the page's writes applied since are to be taken again
    // once it has caught up, and the page's messages wait.
    void retryLater(Page *page);
    // Starts the catch-ups that can start: of the pages behind, and of those with writes to
    // retry, once their writes are all reported.
    void startCatchUps(const QSet<Page *> &pages);
    // Reads what the store holds after the page's head, applies it and sends it.
    void follow(Page *page);
    // Reads the page as the store holds it, sends its viewers the events they have not had, and
    // takes the writes to retry again; then lets the page go, which its caller held. Where the
    // store cannot be read, the page is closed to everyone on it.
    void reload(Page *page);
    // Sends an event of `page`, stored, to its viewers.
    static void deliver(Page *page, qint64 seq, const QByteArray &event);
    static void fail(const PendingWrite &write);

    StoreThread *m_reads;
    StoreThread *m_writer;
    PageRegistry *m_pages;
    QTimer m_commitTimer;
    QList<PendingWrite> m_pending; // applied, not handed to the store yet
    qsizetype m_inFlight = 0;      // handed to the store, not reported yet
    QHash<Page *, QList<Deferred>> m_deferred;
    QHash<Page *, int> m_held;
    // A page that lost writes, to be read again once its writes are all reported, and the
    // writes to take again then (where the store left them out as stale; others fail).
    struct Recovery
    {
        bool retry = false;
        QList<PendingWrite> retries;
    };
    QHash<Page *, Recovery> m_recovering;
    QSet<Page *> m_behind;     // to catch up once its writes are reported
    QSet<Page *> m_catchingUp; // a catch-up or reload read in flight
};

} // namespace Glosa

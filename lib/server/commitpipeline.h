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
class CommitPipeline : public QObject
{
    Q_OBJECT
public:
    CommitPipeline(StoreThread *reads, StoreThread *writer, PageRegistry *pages,
                   QObject *parent = nullptr);

    // Queues the write of an operation that `page` applied for `sender`; it goes to the store
    // thread in the loop's next pass, with the others queued by then.
    void add(Page *page, Recipient *sender, Store::Write write);
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
    // A page lost writes: it goes back to what the store holds, or if the store cannot be read,
    // is closed to everyone on it.
    void reset(Page *page, const QString &error);
    static void fail(const PendingWrite &write);

    StoreThread *m_reads;
    StoreThread *m_writer;
    PageRegistry *m_pages;
    QTimer m_commitTimer;
    QList<PendingWrite> m_pending; // applied, not handed to the store yet
    qsizetype m_inFlight = 0;      // handed to the store, not reported yet
    QHash<Page *, QList<Deferred>> m_deferred;
    QHash<Page *, int> m_held;
};

} // namespace Glosa

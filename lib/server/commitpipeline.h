#pragma once

#include "store.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <deque>
#include <functional>

namespace Glosa {

class Page;
class PageRegistry;
class Recipient;
class StoreThread;

// The writes of the operations that pages took, on their way to the store, and what waits for
// them. The writes applied in one pass of the event loop go to the store thread together (it
// commits what was queued while its last commit ran in one transaction); once the store reports
// a write stored, its event goes to everyone on its page, encoded once for all. A page that lost
// a write goes back to what the store holds, and the writes applied after it fail.
//
// A join or sync for a page with writes not yet stored waits until they are, and the page's
// later messages wait behind it, so that every welcome, replay and snapshot is the stored state,
// with nothing missing and nothing that could still be lost.
class CommitPipeline : public QObject
{
    Q_OBJECT
public:
    CommitPipeline(Store *reader, StoreThread *writer, PageRegistry *pages,
                   QObject *parent = nullptr);

    // Queues the write of an operation that `page` applied for `sender`; it goes to the store
    // thread in the loop's next pass, with the others queued by then.
    void add(Page *page, Recipient *sender, Store::Write write);
    // Hands the writes queued since the last call to the store thread.
    void flush();
    // Takes the store thread's report on the oldest writes handed to it (StoreThread::reported()):
    // sends the events stored, fails the others and resets their pages. Returns the pages of
    // the writes reported, whose waiting messages may go now.
    QSet<Page *> takeReport(const QList<bool> &stored, const QString &error);
    // Whether every write queued has been reported on.
    bool isIdle() const { return m_pending.isEmpty() && m_inFlight.empty(); }

    // Whether a message of `from` on `page` must wait: a barrier (a join, a sync) while the page
    // has writes not yet stored, any message while earlier ones of the page wait. If so, `go`
    // is queued, to run when release() finds nothing left before it.
    bool defer(Page *page, Recipient *from, bool barrier, std::function<void()> go);
    // Runs the waiting messages of `page` in order, up to a barrier while writes are unstored.
    void release(Page *page);
    bool hasDeferred(Page *page) const { return m_deferred.contains(page); }
    // Forgets every waiting message.
    void clearDeferred() { m_deferred.clear(); }

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

    // A page lost writes: it goes back to what the store holds, or if the store cannot be read,
    // is closed to everyone on it.
    void reset(Page *page, const QString &error);
    static void fail(const PendingWrite &write);

    Store *m_reader;
    StoreThread *m_writer;
    PageRegistry *m_pages;
    QTimer m_commitTimer;
    QList<PendingWrite> m_pending;       // applied, not handed to the store yet
    std::deque<PendingWrite> m_inFlight; // handed to the store, in order, not reported yet
    QHash<Page *, QList<Deferred>> m_deferred;
};

} // namespace Glosa

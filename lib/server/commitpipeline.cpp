#include "commitpipeline.h"

#include "errorcode.h"
#include "page.h"
#include "pageregistry.h"
#include "recipient.h"
#include "serverlogging.h"
#include "storethread.h"

#include <QWebSocketProtocol>

using namespace Qt::StringLiterals;

namespace Glosa {

CommitPipeline::CommitPipeline(StoreThread *reads, StoreThread *writer, PageRegistry *pages,
                               QObject *parent)
    : QObject(parent)
    , m_reads(reads)
    , m_writer(writer)
    , m_pages(pages)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(0);
    connect(&m_commitTimer, &QTimer::timeout, this, &CommitPipeline::flush);
}

namespace {

// Events read from the store at a time while a page catches up.
constexpr int ReadEvents = 1000;

// The events of page `pageId` after `since`, up to `until` (all of them: -1).
QList<QByteArray> readEvents(Store &store, qint64 pageId, qint64 since, qint64 until = -1)
{
    QList<QByteArray> events;
    for (;;) {
        const qint64 wanted = until < 0 ? ReadEvents : qMin<qint64>(ReadEvents, until - since);
        if (wanted <= 0)
            return events;
        const QList<QByteArray> read = store.eventsAfter(pageId, since, int(wanted));
        events += read;
        since += read.size();
        if (read.size() < wanted)
            return events;
    }
}

} // namespace

void CommitPipeline::add(Page *page, Recipient *sender, Store::Write write,
                         std::function<void()> retry)
{
    page->addUnstored(1);
    m_pending.append({page, sender, std::move(write), page->generation(), std::move(retry)});
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void CommitPipeline::flush()
{
    m_commitTimer.stop();
    if (m_pending.isEmpty())
        return;
    QList<Store::Write> writes;
    writes.reserve(m_pending.size());
    for (const PendingWrite &p : std::as_const(m_pending))
        writes.append(p.write);
    m_inFlight += m_pending.size();
    m_writer->enqueue(std::move(writes), this,
                      [this, pending = std::exchange(m_pending, {})](StoreThread::Report report) {
                          takeReport(pending, report);
                      });
}

void CommitPipeline::fail(const PendingWrite &write)
{
    if (write.sender)
        write.sender->sendError(ErrorCode::Internal, u"the change could not be stored"_s,
                                write.write.broadcastId);
}

void CommitPipeline::deliver(Page *page, qint64 seq, const QByteArray &event)
{
    const QList<Recipient *> viewers = page->recipients();
    for (Recipient *r : viewers)
        r->send(event);
    page->setDelivered(seq);
}

void CommitPipeline::takeReport(QList<PendingWrite> writes, const StoreThread::Report &report)
{
    Q_ASSERT(writes.size() == report.stored.size());
    m_inFlight -= writes.size();
    QSet<Page *> pages;
    QSet<Page *> lost;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        PendingWrite &p = writes[i];
        Page *page = p.page;
        pages.insert(page);
        page->addUnstored(-1);
        const bool current = p.generation == page->generation();
        if (current)
            page->reported(p.write.broadcastId);
        if (report.stored.at(i)) {
            deliver(page, p.write.seq, p.write.event);
        } else if (current && report.stale.contains(page->id())) {
            retryLater(page);
            m_recovering[page].retries.append(std::move(p));
        } else if (!current && m_recovering.value(page).retry) {
            m_recovering[page].retries.append(std::move(p));
        } else {
            fail(p);
            if (current)
                lost.insert(page);
        }
    }
    for (Page *page : std::as_const(lost))
        reset(page, report.error);
    startCatchUps(pages);
    Q_EMIT settled(pages);
}

void CommitPipeline::retryLater(Page *page)
{
    if (m_recovering.contains(page))
        return;
    qCDebug(lcServer) << page->tenant() << page->name() << "was changed on another node first";
    page->loseUnstored();
    Recovery &recovery = m_recovering[page];
    recovery.retry = true;
    for (qsizetype i = 0; i < m_pending.size();) {
        if (m_pending.at(i).page == page) {
            page->addUnstored(-1);
            recovery.retries.append(m_pending.takeAt(i));
        } else {
            ++i;
        }
    }
    hold(page);
}

void CommitPipeline::catchUp(Page *page)
{
    m_behind.insert(page);
    startCatchUps({page});
}

void CommitPipeline::startCatchUps(const QSet<Page *> &pages)
{
    for (Page *page : pages) {
        if (page->unstored() > 0 || m_catchingUp.contains(page))
            continue;
        // A reload brings the page to the store's head as well.
        const bool behind = m_behind.remove(page);
        if (m_recovering.contains(page))
            reload(page);
        else if (behind)
            follow(page);
    }
}

void CommitPipeline::follow(Page *page)
{
    m_catchingUp.insert(page);
    hold(page);
    m_reads->request<QList<QByteArray>>(
        [pageId = page->id(), head = page->head()](Store &store) {
            return readEvents(store, pageId, head);
        },
        this,
        [this, page](QList<QByteArray> events) {
            m_catchingUp.remove(page);
            for (const QByteArray &event : std::as_const(events)) {
                if (!page->follow(event)) {
                    qCWarning(lcServer) << "cannot follow the events of" << page->name() << "after"
                                        << page->head() << "; reading it again";
                    // The reload lets the page go.
                    m_recovering[page];
                    reload(page);
                    return;
                }
                deliver(page, page->head(), event);
            }
            // Told of more meanwhile: it goes on before the page is let go.
            startCatchUps({page});
            unhold(page);
        });
}

void CommitPipeline::reload(Page *page)
{
    struct Reloaded
    {
        std::optional<Store::PageState> state;
        QList<QByteArray> events; // after what the viewers had
        QString error;
    };
    m_catchingUp.insert(page);
    m_reads->request<Reloaded>(
        [tenant = page->tenant(), name = page->name(), pageId = page->id(),
         delivered = page->delivered()](Store &store) {
            Reloaded reloaded;
            reloaded.state = store.findPage(tenant, name, &reloaded.error);
            if (reloaded.state)
                reloaded.events = readEvents(store, pageId, delivered, reloaded.state->record.head);
            return reloaded;
        },
        this,
        [this, page](Reloaded reloaded) {
            m_catchingUp.remove(page);
            QList<PendingWrite> retries = m_recovering.take(page).retries;
            if (!reloaded.state) {
                // Its state is past what is stored: nobody may go on from it. Its viewers come
                // back to the page as the store holds it, once the store can be read.
                qCCritical(lcServer) << "cannot reload" << page->name() << reloaded.error;
                for (const PendingWrite &p : std::as_const(retries))
                    fail(p);
                m_pages->drop(page);
                const QString reason = u"the page could not be reloaded"_s;
                const QList<Recipient *> viewers = page->recipients();
                for (Recipient *r : viewers)
                    r->closeWith(QWebSocketProtocol::CloseCodeBadOperation, reason);
                for (const Deferred &d : m_deferred.value(page)) {
                    if (d.from)
                        d.from->closeWith(QWebSocketProtocol::CloseCodeBadOperation, reason);
                }
                m_writer->resume(page->id());
                unhold(page);
                return;
            }
            const qint64 head = reloaded.state->record.head;
            page->reset(std::move(*reloaded.state));
            qint64 seq = head - reloaded.events.size();
            for (const QByteArray &event : std::as_const(reloaded.events))
                deliver(page, ++seq, event);
            m_writer->resume(page->id());
            // Taken again in the order they were first taken, ahead of what waits.
            std::sort(retries.begin(), retries.end(),
                      [](const PendingWrite &a, const PendingWrite &b) {
                          return a.write.seq < b.write.seq;
                      });
            QList<Deferred> again;
            for (PendingWrite &p : retries)
                again.append({p.sender, false, std::move(p.retry)});
            if (!again.isEmpty())
                m_deferred[page] = again + m_deferred.value(page);
            startCatchUps({page});
            unhold(page);
        });
}

// The writes applied after the lost ones followed their seqs: those not handed to the store yet
// fail here, those queued there fail without being tried, until the store is told to resume the
// page. Until the page is what the store holds its messages wait.
void CommitPipeline::reset(Page *page, const QString &error)
{
    qCCritical(lcServer) << "changes to" << page->tenant() << page->name()
                         << "could not be stored:" << error;
    page->loseUnstored();
    for (qsizetype i = 0; i < m_pending.size();) {
        if (m_pending.at(i).page == page) {
            fail(m_pending.at(i));
            page->addUnstored(-1);
            m_pending.removeAt(i);
        } else {
            ++i;
        }
    }
    m_recovering[page];
    hold(page);
}

void CommitPipeline::unhold(Page *page)
{
    const auto it = m_held.find(page);
    Q_ASSERT(it != m_held.end());
    if (--*it == 0)
        m_held.erase(it);
    Q_EMIT settled({page});
}

bool CommitPipeline::defer(Page *page, Recipient *from, bool barrier, std::function<void()> go)
{
    auto it = m_deferred.find(page);
    if (it == m_deferred.end()) {
        if (!m_held.contains(page) && (!barrier || page->unstored() == 0))
            return false;
        it = m_deferred.insert(page, {});
    }
    it->append({from, barrier, std::move(go)});
    return true;
}

void CommitPipeline::release(Page *page)
{
    const auto it = m_deferred.find(page);
    if (it == m_deferred.end() || m_held.contains(page))
        return;
    // Out of the queue while they run: a message that goes now is not deferred again.
    const QList<Deferred> queue = std::move(*it);
    m_deferred.erase(it);
    // A message may hold the page (a retry being looked up): the rest wait for it again.
    qsizetype i = 0;
    for (; i < queue.size() && !m_held.contains(page); ++i) {
        const Deferred &d = queue.at(i);
        if (d.barrier && page->unstored() > 0)
            break;
        d.go();
    }
    if (i < queue.size())
        m_deferred.insert(page, queue.mid(i));
}

} // namespace Glosa

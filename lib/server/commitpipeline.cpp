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

void CommitPipeline::add(Page *page, Recipient *sender, Store::Write write)
{
    page->addUnstored(1);
    m_pending.append({page, sender, std::move(write), page->generation()});
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

void CommitPipeline::takeReport(QList<PendingWrite> writes, const StoreThread::Report &report)
{
    Q_ASSERT(writes.size() == report.stored.size());
    m_inFlight -= writes.size();
    QSet<Page *> pages;
    QSet<Page *> lost;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const PendingWrite &p = writes.at(i);
        Page *page = p.page;
        pages.insert(page);
        page->addUnstored(-1);
        const bool current = p.generation == page->generation();
        if (current)
            page->reported(p.write.broadcastId);
        if (report.stored.at(i)) {
            const QList<Recipient *> viewers = page->recipients();
            for (Recipient *r : viewers)
                r->send(p.write.event);
        } else {
            fail(p);
            if (current)
                lost.insert(page);
        }
    }
    for (Page *page : std::as_const(lost))
        reset(page, report.error);
    Q_EMIT settled(pages);
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
    hold(page);
    struct Loaded
    {
        std::optional<Store::PageState> state;
        QString error;
    };
    m_reads->request<Loaded>(
        [tenant = page->tenant(), name = page->name()](Store &store) {
            Loaded loaded;
            loaded.state = store.findPage(tenant, name, &loaded.error);
            if (!loaded.state && loaded.error.isEmpty())
                loaded.error = u"the page is no longer stored"_s;
            return loaded;
        },
        this,
        [this, page](Loaded loaded) {
            if (loaded.state) {
                page->reset(std::move(*loaded.state));
            } else {
                // Its state is past what is stored: nobody may go on from it. Its viewers come
                // back to the page as the store holds it, once the store can be read.
                qCCritical(lcServer) << "cannot reload" << page->name() << loaded.error;
                m_pages->drop(page);
                const QList<Recipient *> viewers = page->recipients();
                for (Recipient *r : viewers)
                    r->closeWith(QWebSocketProtocol::CloseCodeBadOperation,
                                 u"the page could not be reloaded"_s);
                for (const Deferred &d : m_deferred.value(page)) {
                    if (d.from)
                        d.from->closeWith(QWebSocketProtocol::CloseCodeBadOperation,
                                          u"the page could not be reloaded"_s);
                }
            }
            m_writer->resume(page->id());
            unhold(page);
        });
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

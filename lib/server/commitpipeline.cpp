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

CommitPipeline::CommitPipeline(Store *reader, StoreThread *writer, PageRegistry *pages,
                               QObject *parent)
    : QObject(parent)
    , m_reader(reader)
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
    for (PendingWrite &p : m_pending) {
        writes.append(p.write);
        m_inFlight.push_back(std::move(p));
    }
    m_pending.clear();
    m_writer->enqueue(std::move(writes));
}

void CommitPipeline::fail(const PendingWrite &write)
{
    if (write.sender)
        write.sender->sendError(ErrorCode::Internal, u"the change could not be stored"_s,
                                write.write.broadcastId);
}

QSet<Page *> CommitPipeline::takeReport(const QList<bool> &stored, const QString &error)
{
    QSet<Page *> pages;
    QSet<Page *> lost;
    for (const bool ok : stored) {
        Q_ASSERT(!m_inFlight.empty());
        const PendingWrite p = std::move(m_inFlight.front());
        m_inFlight.pop_front();
        Page *page = p.page;
        pages.insert(page);
        page->addUnstored(-1);
        const bool current = p.generation == page->generation();
        if (current)
            page->reported(p.write.broadcastId);
        if (ok) {
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
        reset(page, error);
    return pages;
}

// The writes applied after the lost ones followed their seqs: those not handed to the store yet
// fail here, those queued there fail without being tried, until the store is told to resume the
// page.
void CommitPipeline::reset(Page *page, const QString &error)
{
    qCCritical(lcServer) << "changes to" << page->tenant() << page->name()
                         << "could not be stored:" << error;
    for (qsizetype i = 0; i < m_pending.size();) {
        if (m_pending.at(i).page == page) {
            fail(m_pending.at(i));
            page->addUnstored(-1);
            m_pending.removeAt(i);
        } else {
            ++i;
        }
    }
    QString loadError;
    if (std::optional<Store::PageState> state =
            m_reader->loadPage(page->tenant(), page->name(), &loadError)) {
        page->reset(std::move(*state));
    } else {
        // Its state is past what is stored: nobody may go on from it. Its viewers come back to
        // the page as the store holds it, once the store can be read.
        qCCritical(lcServer) << "cannot reload" << page->name() << loadError;
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
}

bool CommitPipeline::defer(Page *page, Recipient *from, bool barrier, std::function<void()> go)
{
    auto it = m_deferred.find(page);
    if (it == m_deferred.end()) {
        if (!barrier || page->unstored() == 0)
            return false;
        it = m_deferred.insert(page, {});
    }
    it->append({from, barrier, std::move(go)});
    return true;
}

void CommitPipeline::release(Page *page)
{
    const auto it = m_deferred.find(page);
    if (it == m_deferred.end())
        return;
    // Out of the queue while they run: a message that goes now is not deferred again.
    const QList<Deferred> queue = std::move(*it);
    m_deferred.erase(it);
    qsizetype i = 0;
    for (; i < queue.size(); ++i) {
        const Deferred &d = queue.at(i);
        if (d.barrier && page->unstored() > 0)
            break;
        d.go();
    }
    if (i < queue.size())
        m_deferred.insert(page, queue.mid(i));
}

} // namespace Glosa

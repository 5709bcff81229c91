#include "storethread.h"

#include "storagelogging.h"

#include <QMutexLocker>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Glosa {

StoreThread::StoreThread(std::unique_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{}

StoreThread::~StoreThread()
{
    stop();
}

bool StoreThread::start(QString *error)
{
    Q_ASSERT(!m_thread);
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"glosa-store"_s);
    m_thread->start();
    QMutexLocker lock(&m_mutex);
    while (m_openState == 0)
        m_opened.wait(&m_mutex);
    if (m_openState > 0)
        return true;
    *error = m_openError;
    lock.unlock();
    stop();
    return false;
}

void StoreThread::enqueue(QList<Store::Write> writes, QObject *context,
                          std::function<void(Report)> done)
{
    Item item;
    item.writes = std::move(writes);
    item.report = answerOn(context, std::move(done));
    post(std::move(item));
}

void StoreThread::resume(qint64 pageId)
{
    Item item;
    item.resumePage = pageId;
    post(std::move(item));
}

void StoreThread::post(Item item)
{
    QMutexLocker lock(&m_mutex);
    if (m_stopping)
        return;
    m_backlog += item.writes.size();
    m_queue.append(std::move(item));
    m_wake.wakeOne();
}

qsizetype StoreThread::backlog() const
{
    QMutexLocker lock(&m_mutex);
    return m_backlog;
}

void StoreThread::stop()
{
    if (!m_thread)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void StoreThread::run()
{
    {
        QString error;
        const bool ok = m_store->open(&error);
        QMutexLocker lock(&m_mutex);
        m_openState = ok ? 1 : -1;
        m_openError = error;
        m_opened.wakeAll();
        if (!ok)
            return;
    }
    QList<Item> items;
    QList<Store::Write> writes;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.isEmpty())
                break;
            items.swap(m_queue);
        }
        // Everything queued while the last commit ran goes into this one, but for the pages
        // whose last commit failed: those writes are not tried. A resume() lets the page's
        // writes queued after it through.
        writes.clear();
        QList<Report> reports(items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            Item &item = items[i];
            if (item.resumePage > 0)
                m_failedPages.remove(item.resumePage);
            for (Store::Write &w : item.writes) {
                const bool tried = !m_failedPages.contains(w.pageId);
                reports[i].stored.append(tried);
                if (tried)
                    writes.append(std::move(w));
            }
        }
        QString error;
        QSet<qint64> stale;
        const bool failed = !writes.isEmpty() && !m_store->commit(writes, &stale, &error);
        if (failed) {
            qCCritical(lcStore) << "commit of" << writes.size() << "writes failed:" << error;
            for (const Store::Write &w : std::as_const(writes))
                m_failedPages.insert(w.pageId);
        }
        m_failedPages.unite(stale);
        qsizetype reported = 0;
        for (qsizetype i = 0; i < items.size(); ++i) {
            Item &item = items[i];
            if (!item.report)
                continue;
            Report &report = reports[i];
            reported += report.stored.size();
            if (failed) {
                report.stored.fill(false);
                report.error = error;
            } else {
                for (qsizetype w = 0; w < item.writes.size(); ++w) {
                    if (stale.contains(item.writes.at(w).pageId) && report.stored.at(w)) {
                        report.stored[w] = false;
                        report.stale.insert(item.writes.at(w).pageId);
                    }
                }
                if (!report.stale.isEmpty())
                    report.error = u"another server node changed the page first"_s;
                else if (report.stored.contains(false))
                    report.error = u"an earlier change to the page could not be stored"_s;
            }
            item.report(std::move(report));
        }
        {
            QMutexLocker lock(&m_mutex);
            m_backlog -= reported;
        }
        // The jobs come after the writes queued with them, which they may read.
        for (Item &item : items) {
            if (item.job)
                item.job(*m_store);
        }
        items.clear();
    }
    m_store->close();
}

} // namespace Glosa

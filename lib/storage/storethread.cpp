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

void StoreThread::enqueue(QList<Store::Write> writes)
{
    if (writes.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    Q_ASSERT(!m_stopping);
    for (Store::Write &w : writes)
        m_queue.append({std::move(w), 0, {}});
    m_backlog += writes.size();
    m_wake.wakeOne();
}

void StoreThread::resume(qint64 pageId)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append({{}, pageId, {}});
    m_wake.wakeOne();
}

void StoreThread::call(const std::function<void(Store &)> &job)
{
    Q_ASSERT(QThread::currentThread() != m_thread);
    QMutexLocker lock(&m_mutex);
    Q_ASSERT(!m_stopping);
    m_queue.append({{}, 0, job});
    const quint64 ticket = ++m_jobsQueued;
    m_wake.wakeOne();
    while (m_jobsDone < ticket)
        m_jobDone.wait(&m_mutex);
}

void StoreThread::post(std::function<void(Store &)> job)
{
    QMutexLocker lock(&m_mutex);
    Q_ASSERT(!m_stopping);
    m_queue.append({{}, 0, std::move(job)});
    ++m_jobsQueued;
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
    QList<bool> stored;
    QList<std::function<void(Store &)>> jobs;
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
        // whose last commit failed.
        writes.clear();
        stored.clear();
        for (Item &item : items) {
            if (item.job) {
                jobs.append(std::move(item.job));
                continue;
            }
            if (item.resumePage > 0) {
                m_failedPages.remove(item.resumePage);
                continue;
            }
            const bool tried = !m_failedPages.contains(item.write.pageId);
            stored.append(tried);
            if (tried)
                writes.append(std::move(item.write));
        }
        items.clear();
        QString error;
        if (!writes.isEmpty() && !m_store->commit(writes, &error)) {
            qCCritical(lcStore) << "commit of" << writes.size() << "writes failed:" << error;
            for (const Store::Write &w : std::as_const(writes))
                m_failedPages.insert(w.pageId);
            stored.fill(false);
        } else if (writes.size() < stored.size()) {
            error = u"an earlier change to the page could not be stored"_s;
        }
        {
            QMutexLocker lock(&m_mutex);
            m_backlog -= stored.size();
        }
        if (!stored.isEmpty())
            Q_EMIT reported(stored, error);
        // The jobs come after the writes queued with them, which they do not depend on.
        for (const auto &job : std::as_const(jobs))
            job(*m_store);
        if (!jobs.isEmpty()) {
            QMutexLocker lock(&m_mutex);
            m_jobsDone += jobs.size();
            m_jobDone.wakeAll();
        }
        jobs.clear();
    }
    m_store->close();
}

} // namespace Glosa

#pragma once

#include "store.h"

#include <QAbstractEventDispatcher>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QWaitCondition>

#include <functional>
#include <memory>

class QThread;

namespace Glosa {

// Runs the commits of any Store on a thread of its own, as group commits: everything queued
// while a transaction runs goes into the next one, whoever queued it. The store is opened, used
// and closed on that thread only (a Qt Sql connection belongs to the thread that made it).
//
// Nothing waits for it: every request carries its own answer, a callback that runs on the thread
// of the request's context, from that thread's event loop, unless the context is gone by then.
//
// After a failed commit the writes already queued for its pages fail too, without being tried
// (their seqs followed the lost ones), until resume() is called for the page.
class StoreThread : public QObject
{
    Q_OBJECT
public:
    // What became of the writes of one enqueue(), in their order; `error` says why a commit
    // failed, when one did. The writes of the pages in `stale` were not tried, since the store
    // holds later changes to those pages than the writes followed (Store::commit()).
    struct Report
    {
        QList<bool> stored;
        QString error;
        QSet<qint64> stale;
    };

    explicit StoreThread(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~StoreThread() override;

    // Starts the thread and opens the store on it; returns once it is open or has failed.
    bool start(QString *error);
    // Queues writes for the next group commit; `done` gets their report.
    void enqueue(QList<Store::Write> writes, QObject *context, std::function<void(Report)> done);
    // Lets the writes queued from now on for `pageId` through again after a failed commit.
    void resume(qint64 pageId);
    // Runs `job` on the store's thread, after the writes queued before it; `done` gets its
    // result.
    template<typename Result>
    void request(std::function<Result(Store &)> job, QObject *context,
                 std::function<void(Result)> done)
    {
        Item item;
        item.job = [job = std::move(job), answer = answerOn(context, std::move(done))](
                       Store &store) { answer(job(store)); };
        post(std::move(item));
    }
    // Tries every write queued, runs every job, closes the store and ends the thread; returns
    // when done. What is queued after it is dropped, unanswered.
    void stop();

    // Writes queued and not reported yet.
    qsizetype backlog() const;

private:
    struct Item
    {
        QList<Store::Write> writes;
        std::function<void(Report)> report; // set: writes to commit
        qint64 resumePage = 0;              // > 0: a resume() marker
        std::function<void(Store &)> job;   // set: a request()
    };

    // A callback that hands its argument to `done` on the thread of `context`.
    template<typename Result>
    static std::function<void(Result)> answerOn(QObject *context, std::function<void(Result)> done)
    {
        // The answer goes through the thread's event dispatcher, which outlives `context`;
        // there, on the context's own thread, the guard tells whether it is still there.
        QObject *mailbox = QAbstractEventDispatcher::instance(context->thread());
        const QPointer<QObject> guard(context);
        return [mailbox, guard, done = std::move(done)](Result result) {
            auto shared = std::make_shared<Result>(std::move(result));
            QMetaObject::invokeMethod(
                mailbox,
                [done, guard, shared] {
                    if (guard)
                        done(std::move(*shared));
                },
                Qt::QueuedConnection);
        };
    }
    void post(Item item);
    void run();

    std::unique_ptr<Store> m_store;
    QThread *m_thread = nullptr;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_opened;
    QList<Item> m_queue;
    qsizetype m_backlog = 0;
    bool m_stopping = false;
    int m_openState = 0; // 0: opening, 1: open, -1: failed
    QString m_openError;

    // Only on the thread: pages whose queued writes fail until resumed.
    QSet<qint64> m_failedPages;
};

} // namespace Glosa

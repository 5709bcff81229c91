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
// while a transaction runs goes into the next one. The store is opened, used and closed on that
// thread only (a Qt Sql connection belongs to the thread that made it); reads go to another
// Store, opened on the reader's thread.
//
// After a failed commit the writes already queued for its pages fail too, without being tried
// (their seqs followed the lost ones), until resume() is called for the page.
class StoreThread : public QObject
{
    Q_OBJECT
public:
    explicit StoreThread(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~StoreThread() override;

    // Starts the thread and opens the store on it; returns once it is open or has failed.
    bool start(QString *error);
    void enqueue(QList<Store::Write> writes);
    // Lets the writes queued from now on for `pageId` through again after a failed commit.
    void resume(qint64 pageId);
    // Runs `job` on the store's thread, after the writes queued before it, and returns once it
    // has run: for the rare writes besides commits (a new page, a document), which another
    // connection could only make by waiting for the store's lock between two commits.
    void call(const std::function<void(Store &)> &job);
    // Runs `job` on the store's thread, after the writes queued before it, without waiting for
    // it: `done` gets its result on the thread of `context`, from that thread's event loop,
    // unless `context` is gone by then.
    template<typename Result>
    void request(std::function<Result(Store &)> job, QObject *context,
                 std::function<void(Result)> done)
    {
        // The answer goes through the thread's event dispatcher, which outlives `context`;
        // there, on the context's own thread, the guard tells whether it is still there.
        QObject *mailbox = QAbstractEventDispatcher::instance(context->thread());
        const QPointer<QObject> guard(context);
        post([job = std::move(job), done = std::move(done), mailbox, guard](Store &store) {
            auto result = std::make_shared<Result>(job(store));
            QMetaObject::invokeMethod(
                mailbox,
                [done, guard, result] {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }
    // Tries every write queued, closes the store and ends the thread; returns when done.
    void stop();

    // Writes queued and not reported yet.
    qsizetype backlog() const;

Q_SIGNALS:
    // Emitted on the store's thread: what became of the next `stored.size()` writes queued, in
    // queue order; `error` says why a commit failed, when one did. Connect with a context.
    void reported(const QList<bool> &stored, const QString &error);

private:
    struct Item
    {
        Store::Write write;
        qint64 resumePage = 0;            // > 0: a resume() marker, not a write
        std::function<void(Store &)> job; // set: a call(), not a write
    };

    void post(std::function<void(Store &)> job);
    void run();

    std::unique_ptr<Store> m_store;
    QThread *m_thread = nullptr;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    QWaitCondition m_opened;
    QWaitCondition m_jobDone;
    quint64 m_jobsQueued = 0;
    quint64 m_jobsDone = 0;
    QList<Item> m_queue;
    qsizetype m_backlog = 0;
    bool m_stopping = false;
    int m_openState = 0; // 0: opening, 1: open, -1: failed
    QString m_openError;

    // Only on the thread: pages whose queued writes fail until resumed.
    QSet<qint64> m_failedPages;
};

} // namespace Glosa

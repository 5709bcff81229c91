#include "codec.h"
#include "sqlitestore.h"
#include "storeprobe.h"
#include "storethread.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using Glosa::SqliteStore;
using Glosa::Store;
using Glosa::StoreThread;

namespace {

Store::Write write(qint64 pageId, qint64 seq, const QString &broadcastId = {})
{
    Store::Write w;
    w.pageId = pageId;
    w.seq = seq;
    w.broadcastId = broadcastId.isEmpty() ? u"b-%1-%2"_s.arg(pageId).arg(seq) : broadcastId;
    w.event = "event-" + QByteArray::number(pageId) + '-' + QByteArray::number(seq);
    w.chatId = u"chat-%1"_s.arg(seq);
    const Glosa::Author author{u"u1"_s, u"Ana"_s};
    const Glosa::Chat chat{w.chatId, {0, 4, u"Glosa"_s, {}, {}}, author, 1, 1, false, {}};
    w.chatJson = Glosa::Codec::encode(chat);
    return w;
}

// The reports of the writes a test enqueued, in the order they came.
struct Reports : QObject
{
    QList<StoreThread::Report> received;

    std::function<void(StoreThread::Report)> collect()
    {
        return [this](StoreThread::Report report) { received.append(std::move(report)); };
    }
    QList<bool> outcomes() const
    {
        QList<bool> all;
        for (const StoreThread::Report &r : received)
            all += r.stored;
        return all;
    }
};

} // namespace

// StoreThread over a real SQLite file: group commits on their own thread, each enqueue()
// answered on its caller's thread, a failed commit fails what was queued behind it for the same
// page, and stop() stores everything queued.
class tst_StoreThread : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"glosa.sqlite3"_s); }

    std::unique_ptr<StoreThread> started()
    {
        auto thread = std::make_unique<StoreThread>(std::make_unique<SqliteStore>(path()));
        QString error;
        if (!thread->start(&error)) {
            qWarning() << error;
            return nullptr;
        }
        return thread;
    }

    // Pages made through a store of the test's thread, as the hub makes them.
    QList<qint64> pages(int count)
    {
        SqliteStore reader(path());
        QString error;
        if (!reader.open(&error))
            return {};
        QList<qint64> ids;
        for (int i = 0; i < count; ++i)
            ids.append(reader.loadPage(u"t"_s, u"page-%1"_s.arg(i), &error)->record.id);
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path() + suffix);
    }

    void storesEveryWriteInOrder()
    {
        auto thread = started();
        QVERIFY(thread);
        const QList<qint64> ids = pages(2);
        Reports reports;
        for (int seq = 1; seq <= 200; ++seq)
            thread->enqueue({write(ids.at(0), seq), write(ids.at(1), seq)}, &reports,
                            reports.collect());
        QTRY_COMPARE(reports.outcomes().size(), 400);
        QVERIFY(!reports.outcomes().contains(false));
        QCOMPARE(reports.received.size(), 200);
        QCOMPARE(thread->backlog(), 0);

        // A connection of another thread sees all of it.
        SqliteStore reader(path());
        QString error;
        QVERIFY2(reader.open(&error), qPrintable(error));
        const QList<QByteArray> events = reader.eventsAfter(ids.at(1), 0, 1000);
        QCOMPARE(events.size(), 200);
        QCOMPARE(events.last(), "event-" + QByteArray::number(ids.at(1)) + "-200");
        QCOMPARE(reader.loadPage(u"t"_s, u"page-0"_s, &error)->record.head, 200);
    }

    void failedCommitFailsWhatIsQueuedBehindForItsPage()
    {
        auto thread = started();
        QVERIFY(thread);
        const QList<qint64> ids = pages(2);
        const qint64 a = ids.at(0), b = ids.at(1);
        StoreProbe probe(path());
        QVERIFY(probe.trap(u"poison"_s, true));
        Reports reports;

        thread->enqueue({write(a, 1, u"poison"_s)}, &reports, reports.collect());
        // While that commit runs, more writes queue up: a's follow the lost one.
        QTRY_VERIFY(probe.writerBusy());
        thread->enqueue({write(a, 2), write(b, 1), write(a, 3)}, &reports, reports.collect());
        QTRY_COMPARE(reports.received.size(), 2);
        QCOMPARE(reports.outcomes(), QList<bool>({false, false, true, false}));
        QVERIFY(reports.received.first().error.contains(u"trapped"_s));
        QVERIFY(!reports.received.last().error.isEmpty());

        // Until resumed, the page's writes keep failing; then they are stored again.
        thread->enqueue({write(a, 1, u"again"_s)}, &reports, reports.collect());
        thread->resume(a);
        thread->enqueue({write(a, 1, u"resumed"_s)}, &reports, reports.collect());
        QTRY_COMPARE(reports.received.size(), 4);
        QCOMPARE(reports.outcomes().mid(4), QList<bool>({false, true}));
        QCOMPARE(probe.broadcasts(a), QStringList{u"resumed"_s});
        QCOMPARE(probe.broadcasts(b), QStringList{u"b-%1-1"_s.arg(b)});
    }

    // Another writer of the same store moved page a on: the thread's writes of a that followed
    // the old head are reported stale, not stored, and so are those queued behind them until
    // the page is resumed; page b's are stored meanwhile.
    void writesOfAPageMovedOnAreStale()
    {
        auto thread = started();
        QVERIFY(thread);
        const QList<qint64> ids = pages(2);
        const qint64 a = ids.at(0), b = ids.at(1);
        {
            SqliteStore other(path());
            QString error;
            QSet<qint64> stale;
            QVERIFY(other.open(&error));
            QVERIFY(other.commit({write(a, 1, u"elsewhere"_s)}, &stale, &error));
        }
        Reports reports;
        thread->enqueue({write(a, 1), write(b, 1)}, &reports, reports.collect());
        QTRY_COMPARE(reports.received.size(), 1);
        QCOMPARE(reports.outcomes(), QList<bool>({false, true}));
        QCOMPARE(reports.received.first().stale, QSet<qint64>{a});

        thread->enqueue({write(a, 2)}, &reports, reports.collect());
        thread->resume(a);
        thread->enqueue({write(a, 2, u"caught-up"_s)}, &reports, reports.collect());
        QTRY_COMPARE(reports.received.size(), 3);
        QCOMPARE(reports.outcomes().mid(2), QList<bool>({false, true}));
        StoreProbe probe(path());
        QCOMPARE(probe.broadcasts(a), (QStringList{u"elsewhere"_s, u"caught-up"_s}));
    }

    void stopStoresEverythingQueued()
    {
        auto thread = started();
        QVERIFY(thread);
        const qint64 page = pages(1).first();
        StoreProbe probe(path());
        QVERIFY(probe.trap(u"slow"_s, false));
        Reports reports;
        thread->enqueue({write(page, 1, u"slow"_s)}, &reports, reports.collect());
        for (int seq = 2; seq <= 300; ++seq)
            thread->enqueue({write(page, seq)}, &reports, reports.collect());
        thread->stop();
        QCOMPARE(thread->backlog(), 0);
        QCOMPARE(probe.broadcasts(page).size(), 300);
    }

    // A request does not wait: its job runs on the store's thread after the writes queued
    // before it, and its answer comes through the caller's event loop, to a context still there.
    void requestAnswersOnTheCallersThread()
    {
        auto thread = started();
        QVERIFY(thread);
        const qint64 page = pages(1).first();
        Reports reports;
        for (int seq = 1; seq <= 50; ++seq)
            thread->enqueue({write(page, seq)}, &reports, reports.collect());
        QObject context;
        QThread *ranOn = nullptr;
        QThread *answeredOn = nullptr;
        qsizetype seen = -1;
        thread->request<qsizetype>(
            [&](Store &store) {
                ranOn = QThread::currentThread();
                return store.eventsAfter(page, 0, 100).size();
            },
            &context,
            [&](qsizetype events) {
                answeredOn = QThread::currentThread();
                seen = events;
            });
        QCOMPARE(seen, -1);
        QTRY_COMPARE(seen, 50);
        QVERIFY(ranOn && ranOn != QThread::currentThread());
        QCOMPARE(answeredOn, QThread::currentThread());

        bool answered = false;
        auto gone = std::make_unique<QObject>();
        thread->request<int>([](Store &) { return 1; }, gone.get(), [&](int) { answered = true; });
        gone.reset();
        bool after = false;
        thread->request<int>([](Store &) { return 2; }, &context, [&](int) { after = true; });
        QTRY_VERIFY(after);
        QVERIFY(!answered);
    }

    void openFailureIsReported()
    {
        StoreThread thread(std::make_unique<SqliteStore>(u"/proc/glosa/nope/glosa.sqlite3"_s));
        QString error;
        QVERIFY(!thread.start(&error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_StoreThread)
#include "tst_storethread.moc"

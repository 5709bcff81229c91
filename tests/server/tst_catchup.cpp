#include "catchup.h"
#include "codec.h"
#include "page.h"
#include "sqlitestore.h"
#include "storethread.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Glosa::CatchUp;
using Glosa::Page;
using Glosa::SqliteStore;
using Glosa::Store;
using Glosa::StoreThread;

namespace {

const Glosa::User Ana{u"u-ana"_s, u"Ana"_s, Glosa::User::Role::Member};

Glosa::NewChatOp newChat(int i, int textBytes)
{
    const QString id = u"%1"_s.arg(i, 4, 10, QChar(u'0'));
    return {u"b-"_s + id,
            u"chat-"_s + id,
            {i, i + 5, u"Glosa"_s, {}, {}},
            u"comment-"_s + id,
            QString(textBytes, QChar(u'a' + i % 26))};
}

struct Taken
{
    QList<CatchUp::Part> parts;
    bool failed = false;
};

// Every part of `catchUp`, waiting for the store where a replay reads its events.
Taken takeAll(CatchUp &catchUp)
{
    Taken taken;
    QSignalSpy ready(&catchUp, &CatchUp::partReady);
    while (!catchUp.atEnd()) {
        CatchUp::Part part;
        switch (catchUp.next(&part)) {
        case CatchUp::Status::Ready:
            taken.parts.append(part);
            break;
        case CatchUp::Status::Reading:
            if (!ready.wait(10000)) {
                qWarning() << "no events from the store";
                taken.failed = true;
                return taken;
            }
            break;
        case CatchUp::Status::Failed:
            taken.failed = true;
            return taken;
        }
    }
    return taken;
}

// Whether `parts` are `events` in order, each an event alone or a batch of the next ones.
bool areEvents(const QList<CatchUp::Part> &parts, const QList<QByteArray> &events)
{
    qsizetype next = 0;
    for (const CatchUp::Part &part : parts) {
        qsizetype count = 1;
        if (next == events.size())
            return false;
        if (part.bytes != events.at(next)) {
            while (next + count <= events.size() &&
                   Glosa::Codec::encodeBatch(events.mid(next, count)) != part.bytes)
                ++count;
            if (next + count > events.size()) {
                qWarning() << "a part that is not the events after seq" << next;
                return false;
            }
        }
        next += count;
    }
    return next == events.size();
}

} // namespace

// CatchUp over a real SQLite store: a client that holds the page's epoch and is close enough
// behind gets the events it missed, any other a snapshot of the chats as they stood; either comes
// in parts of about PartBytes, a replay's a message each, a snapshot's the pieces of one message.
class tst_CatchUp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store; // the test's reads and commits
    std::unique_ptr<StoreThread> m_reads; // the catch-ups'
    std::unique_ptr<Page> m_page;

    QString path() const { return m_dir.filePath(u"glosa.sqlite3"_s); }

    // Applies `count` new chats of about `textBytes` each to the page and stores them.
    bool addChats(int count, int textBytes)
    {
        QList<Store::Write> writes;
        for (int i = 0; i < count; ++i) {
            Glosa::ProtocolError error;
            const int n = int(m_page->head());
            std::optional<Store::Write> write =
                m_page->apply(newChat(n, textBytes), Ana, 1000 + n, &error);
            if (!write) {
                qWarning() << error.message;
                return false;
            }
            writes.append(std::move(*write));
        }
        QString error;
        QSet<qint64> stale;
        if (!m_store->commit(writes, &stale, &error) || !stale.isEmpty()) {
            qWarning() << error;
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_page.reset();
        m_reads.reset();
        m_store.reset();
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(path() + suffix);
        m_store = std::make_unique<SqliteStore>(path());
        QString error;
        QVERIFY2(m_store->open(&error), qPrintable(error));
        std::optional<Store::PageState> state = m_store->loadPage(u"t"_s, u"p"_s, &error);
        QVERIFY2(state, qPrintable(error));
        m_page = std::make_unique<Page>(u"t"_s, u"p"_s, Glosa::PageLimits{}, std::move(*state),
                                        std::nullopt);
        m_reads = std::make_unique<StoreThread>(std::make_unique<SqliteStore>(path()));
        QVERIFY2(m_reads->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_page.reset();
        m_reads.reset();
        if (m_store)
            m_store->close();
        m_store.reset();
    }

    void replayOrSnapshot_data()
    {
        QTest::addColumn<bool>("sameEpoch");
        QTest::addColumn<qint64>("since"); // -1: the client holds nothing of the page
        QTest::addColumn<bool>("replay");
        const qint64 head = 20;
        QTest::newRow("holds nothing") << true << qint64(-1) << false;
        QTest::newRow("at the head") << true << head << true;
        QTest::newRow("behind") << true << qint64(3) << true;
        QTest::newRow("from the start") << true << qint64(0) << true;
        QTest::newRow("another epoch") << false << head << false;
        QTest::newRow("ahead of the head") << true << head + 1 << false;
    }

    void replayOrSnapshot()
    {
        QFETCH(bool, sameEpoch);
        QFETCH(qint64, since);
        QFETCH(bool, replay);
        QVERIFY(addChats(20, 10));
        CatchUp catchUp(*m_page, m_reads.get(), sameEpoch ? m_page->epoch() : u"other"_s,
                        since < 0 ? std::nullopt : std::optional(since));
        QCOMPARE(catchUp.isReplay(), replay);
        const Taken taken = takeAll(catchUp);
        QVERIFY(!taken.failed);
        QVERIFY(catchUp.atEnd());
        if (!replay) {
            QCOMPARE(taken.parts.size(), 1);
            QCOMPARE(taken.parts.first().bytes,
                     Glosa::Codec::encode(
                         Glosa::Snapshot{m_page->epoch(), m_page->head(), m_page->chats()}));
            return;
        }
        QVERIFY(areEvents(taken.parts, m_store->eventsAfter(m_page->id(), since, 100)));
    }

    // At most MaxReplay events behind is a replay; one more, a snapshot. Neither reads anything
    // here, so the page's head is only a number.
    void replayAsFarAsMaxReplay()
    {
        Store::PageState state;
        state.record = {m_page->id(), m_page->epoch(), CatchUp::MaxReplay + 10};
        const Page far(u"t"_s, u"far"_s, {}, state, std::nullopt);
        QVERIFY(CatchUp(far, m_reads.get(), far.epoch(), 10).isReplay());
        QVERIFY(!CatchUp(far, m_reads.get(), far.epoch(), 9).isReplay());
    }

    // A replay's parts are whole messages: an event alone or a batch of events that together
    // take at most PartBytes, so that a part is at most PartBytes and the batch around them.
    void replayInParts()
    {
        QVERIFY(addChats(120, 8000));
        const qint64 since = 5;
        CatchUp catchUp(*m_page, m_reads.get(), m_page->epoch(), since);
        QVERIFY(catchUp.isReplay());
        const Taken taken = takeAll(catchUp);
        QVERIFY(!taken.failed);
        QVERIFY(taken.parts.size() > 3);

        const qsizetype batchAround = Glosa::Codec::encodeBatch({}).size();
        for (const CatchUp::Part &part : std::as_const(taken.parts)) {
            QVERIFY(part.startsMessage);
            QVERIFY(part.endsMessage);
            QVERIFY2(part.bytes.size() <= CatchUp::PartBytes + batchAround,
                     qPrintable(QString::number(part.bytes.size())));
        }
        const QList<QByteArray> events = m_store->eventsAfter(m_page->id(), since, 1000);
        QCOMPARE(events.size(), 120 - since);
        QVERIFY(areEvents(taken.parts, events));
    }

    // A snapshot is one message in pieces of at most PartBytes, the first starting it and the
    // last ending it: together, the snapshot of the chats as they stood when it began.
    void snapshotInParts()
    {
        QVERIFY(addChats(90, 8000));
        const Glosa::Snapshot snapshot{m_page->epoch(), m_page->head(), m_page->chats()};
        CatchUp catchUp(*m_page, m_reads.get(), {}, std::nullopt);
        QVERIFY(!catchUp.isReplay());
        // Changed after the catch-up began: not in it.
        QVERIFY(addChats(1, 10));

        const Taken taken = takeAll(catchUp);
        QVERIFY(!taken.failed);
        QVERIFY(taken.parts.size() > 2);
        QByteArray whole;
        for (qsizetype i = 0; i < taken.parts.size(); ++i) {
            const CatchUp::Part &part = taken.parts.at(i);
            QCOMPARE(part.startsMessage, i == 0);
            QCOMPARE(part.endsMessage, i == taken.parts.size() - 1);
            QVERIFY(part.bytes.size() <= CatchUp::PartBytes);
            QVERIFY(!part.bytes.isEmpty());
            whole += part.bytes;
        }
        QCOMPARE(whole, Glosa::Codec::encode(snapshot));
    }

    void emptySnapshot()
    {
        CatchUp catchUp(*m_page, m_reads.get(), {}, std::nullopt);
        const Taken taken = takeAll(catchUp);
        QCOMPARE(taken.parts.size(), 1);
        QVERIFY(taken.parts.first().startsMessage && taken.parts.first().endsMessage);
        QCOMPARE(taken.parts.first().bytes,
                 Glosa::Codec::encode(Glosa::Snapshot{m_page->epoch(), 0, {}}));
    }

    // Events the store does not hold make a failed replay, never one with events missing.
    void replayOfEventsNotStoredFails()
    {
        QVERIFY(addChats(3, 10));
        Glosa::ProtocolError error;
        QVERIFY(m_page->apply(newChat(3, 10), Ana, 2000, &error)); // applied, never stored
        CatchUp catchUp(*m_page, m_reads.get(), m_page->epoch(), 0);
        QVERIFY(catchUp.isReplay());
        const Taken taken = takeAll(catchUp);
        QVERIFY(taken.failed);
        QVERIFY(taken.parts.isEmpty());
        QVERIFY(!catchUp.atEnd());
    }
};

QTEST_GUILESS_MAIN(tst_CatchUp)
#include "tst_catchup.moc"

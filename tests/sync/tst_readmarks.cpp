#include "testserver.h"

#include "datafile.h"
#include "pagesession.h"
#include "readmarks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Glosa::Anchor;
using Glosa::PageSession;
using Glosa::ReadMarks;
using Glosa::SyncClient;

namespace {

Anchor anchorAt(int start)
{
    return {start, start + 5, u"words"_s, {}, {}};
}

// The ids a read-marks file says were seen.
QStringList seenIn(const QString &path)
{
    QStringList ids;
    const QJsonArray seen =
        QJsonDocument::fromJson(Glosa::DataFile::read(path)).object().value("seen"_L1).toArray();
    for (const QJsonValue &id : seen)
        ids.append(id.toString());
    return ids;
}

} // namespace

// What the user has read of a page, over real PageSessions of a real in-process server: Ana's
// sessions keep their identity and marks in files, Ben's (another user) keeps nothing.
class tst_ReadMarks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString page() const
    {
        return u"test/readmarks/"_s + QLatin1StringView(QTest::currentTestFunction());
    }

    QString marksPath() const { return m_dir->filePath(u"read.json"_s); }

    SyncClient::Options options() const
    {
        SyncClient::Options o;
        o.urls = {m_server->url()};
        o.page = page();
        o.minBackoffMs = 20;
        o.maxBackoffMs = 300;
        o.watchNetwork = false;
        return o;
    }

    // Ana, the same user in every session, her marks at `marks` (empty: in memory).
    std::unique_ptr<PageSession> ana(const QString &marks, bool start = true) const
    {
        SyncClient::Options o = options();
        o.credentialPath = m_dir->filePath(u"identity.json"_s);
        o.cachePath = m_dir->filePath(u"page.json"_s);
        o.readMarksPath = marks;
        auto s = std::make_unique<PageSession>(o);
        if (start)
            s->client()->start();
        return s;
    }

    std::unique_ptr<PageSession> ana() const { return ana(marksPath()); }

    // Ben, another user.
    std::unique_ptr<PageSession> ben() const
    {
        auto s = std::make_unique<PageSession>(options());
        s->client()->start();
        return s;
    }

    [[nodiscard]] static bool live(PageSession *s)
    {
        return QTest::qWaitFor([s] { return s->client()->state() == SyncClient::State::Live; });
    }

    static QString firstComment(PageSession *s, const QString &chatId)
    {
        const Glosa::Chat *chat = s->chat(chatId);
        return chat && !chat->comments.isEmpty() ? chat->comments.first().id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void cleanupTestCase() { m_server.reset(); }

    void marksAreKeptAndReadBack()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        const QString x = b->startChat(anchorAt(0), u"X"_s);
        const QString y = b->startChat(anchorAt(10), u"Y"_s);
        QTRY_COMPARE(a->unreadCount(), 2);
        QVERIFY(a->isUnread(x) && a->isUnread(y));
        a->markRead(x);
        QCOMPARE(a->unreadCount(), 1);
        a.reset();
        QVERIFY(seenIn(marksPath()).contains(firstComment(b.get(), x)));
        QVERIFY(!seenIn(marksPath()).contains(firstComment(b.get(), y)));

        // The next session on the page knows what was read: only Y is new.
        a = ana();
        QCOMPARE(a->unreadCount(), 1); // from the cache, before any connection
        QVERIFY(live(a.get()));
        QVERIFY(a->chat(x) && a->chat(y));
        QVERIFY(!a->isUnread(x));
        QVERIFY(a->isUnread(y));
        QCOMPARE(a->unreadCount(), 1);
    }

    void firstVisitMarksAllSeen()
    {
        auto b = ben();
        QVERIFY(live(b.get()));
        const QString x = b->startChat(anchorAt(0), u"X"_s);
        b->reply(x, u"and a reply"_s);
        QTRY_COMPARE(b->client()->pendingCount(), 0);

        // A first visit from its snapshot.
        auto a = ana();
        QSignalSpy counted(a.get(), &PageSession::unreadCountChanged);
        QVERIFY(live(a.get()));
        QVERIFY(a->chat(x));
        QCOMPARE(a->unreadCount(), 0);
        QVERIFY(!a->isUnread(x));
        QCOMPARE(counted.count(), 0);
        // What comes next is new.
        const QString y = b->startChat(anchorAt(10), u"Y"_s);
        QTRY_VERIFY(a->isUnread(y));
        QCOMPARE(a->unreadCount(), 1);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.last().at(0).toInt(), 1);
        a.reset();

        // A first visit from the cache: what it holds is seen, offline.
        auto again = ana(m_dir->filePath(u"other-read.json"_s), false);
        QCOMPARE(again->chats().size(), 2);
        QCOMPARE(again->unreadCount(), 0);
        QVERIFY(!again->isUnread(y));
        // Where marks were kept, Y is still new.
        auto kept = ana(marksPath(), false);
        QCOMPARE(kept->chats().size(), 2);
        QVERIFY(kept->isUnread(y));
        QCOMPARE(kept->unreadCount(), 1);
    }

    void ownCommentsAreNeverUnread()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        const QString mine = a->startChat(anchorAt(0), u"Mine"_s);
        QTRY_VERIFY(b->chat(mine));
        QVERIFY(!a->isUnread(mine));
        const QString reply = b->reply(mine, u"Ben's reply"_s);
        QTRY_COMPARE(a->chat(mine)->comments.size(), 2);
        QVERIFY(!a->isUnread(mine));
        QCOMPARE(a->unreadCount(), 1);
        a->reply(mine, u"Ana's answer"_s); // reads the thread
        QCOMPARE(a->unreadCount(), 0);
        QTRY_COMPARE(a->client()->pendingCount(), 0);
        a.reset();

        // With nothing marked seen, Ana's own comments are still not new to her; Ben's are.
        QVERIFY(Glosa::DataFile::write(marksPath(), R"({"seen":[]})"));
        a = ana();
        QVERIFY(live(a.get()));
        QVERIFY(!a->isUnread(mine));
        QVERIFY(a->isUnread(mine, reply));
        QCOMPARE(a->unreadCount(mine), 1);
        QCOMPARE(a->unreadCount(), 1);
    }

    void markReadAndMarkAllRead()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        const QString x = b->startChat(anchorAt(0), u"X"_s);
        const QString first = b->reply(x, u"one"_s);
        b->reply(x, u"two"_s);
        const QString y = b->startChat(anchorAt(10), u"Y"_s);
        QTRY_COMPARE(a->unreadCount(), 4);
        QCOMPARE(a->unreadCount(x), 3);
        QCOMPARE(a->unreadCount(y), 1);
        QVERIFY(a->isUnread(x, first));
        QVERIFY(!a->isUnread(x, u"no such comment"_s));
        QVERIFY(!a->isUnread(u"no such chat"_s));

        QSignalSpy read(a.get(), &PageSession::readChanged);
        QSignalSpy counted(a.get(), &PageSession::unreadCountChanged);
        a->markRead(x);
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.last().at(0).toString(), x);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.last().at(0).toInt(), 1);
        QVERIFY(!a->isUnread(x) && !a->isUnread(x, first));
        QCOMPARE(a->unreadCount(x), 0);
        a->markRead(x); // nothing more to read there
        QCOMPARE(read.count(), 1);

        // A new reply makes a read thread unread again, for that reply only.
        const QString three = b->reply(x, u"three"_s);
        QTRY_COMPARE(a->unreadCount(), 2);
        QVERIFY(!a->isUnread(x));
        QVERIFY(a->isUnread(x, three));

        read.clear();
        a->markAllRead();
        QCOMPARE(a->unreadCount(), 0);
        QCOMPARE(counted.last().at(0).toInt(), 0);
        QCOMPARE(read.count(), 2);
        QVERIFY(!a->isUnread(y) && !a->isUnread(x, three));
    }

    void deletedCommentIsNotUnread()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        const QString x = b->startChat(anchorAt(0), u"X"_s);
        const QString reply = b->reply(x, u"regretted"_s);
        QTRY_COMPARE(a->unreadCount(), 2);
        b->deleteComment(x, reply);
        QTRY_COMPARE(a->unreadCount(), 1);
        QVERIFY(!a->isUnread(x, reply));
        QCOMPARE(a->unreadCount(x), 1);
        b->deleteComment(x, firstComment(b.get(), x));
        QTRY_COMPARE(a->unreadCount(), 0);
        QVERIFY(!a->isUnread(x));
        const QString y = b->startChat(anchorAt(10), u"Y"_s);
        QTRY_COMPARE(a->unreadCount(), 1);
        b->deleteChat(y);
        QTRY_COMPARE(a->unreadCount(), 0);
    }

    // The marks of chats gone from the live page are let go of when saved.
    void goneIdsArePruned()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        const QString x = b->startChat(anchorAt(0), u"X"_s);
        const QString y = b->startChat(anchorAt(10), u"Y"_s);
        QTRY_COMPARE(a->unreadCount(), 2);
        a->markAllRead();
        const QString xComment = firstComment(a.get(), x);
        const QString yComment = firstComment(a.get(), y);
        b->deleteChat(x);
        QTRY_VERIFY(!a->chat(x));
        // Something read after it, to be saved.
        const QString z = b->startChat(anchorAt(20), u"Z"_s);
        QTRY_VERIFY(a->isUnread(z));
        a->markRead(z);
        a.reset();
        const QStringList seen = seenIn(marksPath());
        QVERIFY(seen.contains(yComment));
        QVERIFY(!seen.contains(xComment));
    }

    void inMemoryWithoutPath()
    {
        ReadMarks marks;
        QVERIFY(!marks.existed());
        QVERIFY(marks.markSeen(u"a"_s));
        QVERIFY(!marks.markSeen(u"a"_s));
        QVERIFY(marks.isSeen(u"a"_s));
        marks.setPageIds([] { return std::optional<QSet<QString>>(QSet<QString>{u"b"_s}); });
        marks.save();
        QVERIFY(!marks.isSeen(u"a"_s)); // gone from the page
    }

    void unreadableFileIsNoRecord()
    {
        QVERIFY(Glosa::DataFile::write(marksPath(), "not json"));
        QVERIFY(!ReadMarks(marksPath()).existed());
        QVERIFY(Glosa::DataFile::write(marksPath(), R"({"seen":["a"]})"));
        const ReadMarks marks(marksPath());
        QVERIFY(marks.existed());
        QVERIFY(marks.isSeen(u"a"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ReadMarks)
#include "tst_readmarks.moc"

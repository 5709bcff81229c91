#include "postgresserver.h"
#include "testclient.h"
#include "testserver.h"

#include "codec.h"
#include "pagesession.h"
#include "protocollimits.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace Qt::StringLiterals;
using Glosa::PageSession;
using Glosa::SyncClient;

namespace {

// A digest of chats, in id order, to compare what two parties hold.
QByteArray digest(QList<Glosa::Chat> chats)
{
    std::sort(chats.begin(), chats.end(),
              [](const Glosa::Chat &a, const Glosa::Chat &b) { return a.id < b.id; });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const Glosa::Chat &chat : std::as_const(chats))
        hash.addData(Glosa::Codec::encode(chat));
    return hash.result().toHex();
}

Glosa::Anchor anchorAt(int start)
{
    return {start, start + 5, u"words"_s, {}, {}};
}

} // namespace

// PageSession over the real server: convergence, echoes not applied twice, visible rollback,
// sharing between windows, offline work, and a chaos run whose end state every party agrees on.
class tst_PageSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    SyncClient::Options options(const QString &page = u"p"_s) const
    {
        SyncClient::Options o;
        o.urls = {m_server->url()};
        o.page = page;
        o.minBackoffMs = 20;
        o.maxBackoffMs = 300;
        o.watchNetwork = false;
        o.sendBurst = 1000; // the test server's limits are raised to match
        o.sendPerSecond = 1000;
        return o;
    }

    std::unique_ptr<PageSession> session(const QString &page = u"p"_s)
    {
        auto s = std::make_unique<PageSession>(options(page));
        s->client()->start();
        return s;
    }

    static bool live(const PageSession &s)
    {
        return s.client()->state() == SyncClient::State::Live;
    }

    QList<Glosa::Chat> serverChats(const QString &page = u"p"_s)
    {
        TestClient probe;
        if (!probe.open(m_server->url()) || probe.join(page).isEmpty())
            return {};
        QList<Glosa::Chat> chats;
        for (const QJsonValue &v : probe.next(u"snapshot"_s).value("chats"_L1).toArray()) {
            Glosa::ProtocolError error;
            chats.append(*Glosa::Codec::decodeChat(v.toObject(), &error));
        }
        return chats;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 5;
        m_server->config.limits.opsPerSecond = 1000;
        m_server->config.limits.burst = 1000;
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void twoSessionsConverge()
    {
        auto a = session(), b = session();
        QTRY_VERIFY(live(*a) && live(*b));
        QTRY_COMPARE(a->viewers(), 2);
        const QString chatId = a->startChat(anchorAt(3), u"Is this right?"_s);
        QTRY_VERIFY(b->chat(chatId));
        b->reply(chatId, u"Yes."_s);
        QTRY_COMPARE(a->chat(chatId)->comments.size(), 2);
        a->setResolved(chatId, true);
        QTRY_VERIFY(b->chat(chatId)->resolved);
        QTRY_VERIFY(!a->isPending(chatId) && !b->isPending(chatId));
        QCOMPARE(digest(a->chats().values()), digest(b->chats().values()));
        QCOMPARE(digest(a->chats().values()), digest(serverChats()));
        b.reset();
        QTRY_COMPARE(a->viewers(), 1);
    }

    void ownChangesShowAtOnceAndOnce()
    {
        auto a = session();
        QTRY_VERIFY(live(*a));
        QSignalSpy added(a.get(), &PageSession::chatAdded);
        QSignalSpy changed(a.get(), &PageSession::chatChanged);
        const QString chatId = a->startChat(anchorAt(0), u"First"_s);
        // Shown at once, marked pending.
        QCOMPARE(added.size(), 1);
        QVERIFY(a->chat(chatId));
        QVERIFY(a->isPending(chatId));
        QTRY_VERIFY(!a->isPending(chatId));
        const QString replyId = a->reply(chatId, u"Second"_s);
        QVERIFY(a->isCommentPending(chatId, replyId));
        QCOMPARE(a->chat(chatId)->comments.size(), 2);
        QTRY_VERIFY(!a->isCommentPending(chatId, replyId));
        // The echoes were recognised, not applied a second time.
        QCOMPARE(added.size(), 1);
        QCOMPARE(a->chat(chatId)->comments.size(), 2);
        QCOMPARE(digest(a->chats().values()), digest(serverChats()));
        QVERIFY(!changed.isEmpty());
    }

    void refusedChangeIsRolledBack()
    {
        auto author = session(), other = session();
        QTRY_VERIFY(live(*author) && live(*other));
        const QString chatId = author->startChat(anchorAt(0), u"Mine"_s);
        QTRY_VERIFY(other->chat(chatId) && !other->isPending(chatId));
        QSignalSpy changed(other.get(), &PageSession::chatChanged);
        QSignalSpy rejected(other.get(), &PageSession::changeRejected);
        // Too long for the server: shown at once, then undone.
        other->reply(chatId, QString(Glosa::Limits::CommentTextMax + 1, u'x'));
        QCOMPARE(other->chat(chatId)->comments.size(), 2);
        QTRY_COMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), chatId);
        QVERIFY(rejected.at(0).at(1).toString().contains(u"too long"_s));
        QCOMPARE(other->chat(chatId)->comments.size(), 1);
        QVERIFY(!other->isPending(chatId));
        QCOMPARE(other->client()->pendingCount(), 0);
        QVERIFY(changed.size() >= 2);
    }

    // What the user's role or authorship does not allow is refused at once: the chat does
    // not vanish to come back when the server says no.
    void forbiddenChangeIsNeverShown()
    {
        auto author = session(), other = session();
        QTRY_VERIFY(live(*author) && live(*other));
        const QString chatId = author->startChat(anchorAt(0), u"Mine"_s);
        const QString commentId = author->chat(chatId)->comments.first().id;
        QTRY_VERIFY(other->chat(chatId) && !other->isPending(chatId));
        QVERIFY(author->canDeleteChat(chatId));
        QVERIFY(!other->canDeleteChat(chatId));
        QVERIFY(!other->canChangeComment(chatId, commentId));
        QSignalSpy removed(other.get(), &PageSession::chatRemoved);
        QSignalSpy changed(other.get(), &PageSession::chatChanged);
        QSignalSpy rejected(other.get(), &PageSession::changeRejected);
        other->deleteChat(chatId); // anonymous users are distinct: not theirs to delete
        other->editComment(chatId, commentId, u"Not mine to edit"_s);
        QCOMPARE(rejected.size(), 2);
        QCOMPARE(rejected.at(0).at(0).toString(), chatId);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(other->client()->pendingCount(), 0);
        // Replying and resolving are anyone's.
        other->setResolved(chatId, true);
        QTRY_VERIFY(author->chat(chatId)->resolved);
    }

    void viewerChangesNothing()
    {
        m_server->stop();
        m_server->config.tenants = {{u"acme"_s, "s", false, {}}};
        QVERIFY(m_server->restart());
        SyncClient::Options o = options();
        o.tenant = u"acme"_s;
        o.tokenProvider = [] {
            return TestServer::token(u"acme"_s, "s", u"vi"_s, u"viewer"_s, u"Vi"_s);
        };
        PageSession viewer(o);
        viewer.client()->start();
        QTRY_VERIFY(live(viewer));
        QVERIFY(!viewer.canWrite());
        QSignalSpy added(&viewer, &PageSession::chatAdded);
        QSignalSpy rejected(&viewer, &PageSession::changeRejected);
        viewer.startChat(anchorAt(0), u"May I?"_s);
        QCOMPARE(rejected.size(), 1);
        QVERIFY(rejected.at(0).at(1).toString().contains(u"viewer"_s));
        QCOMPARE(added.size(), 0);
        QVERIFY(viewer.chats().isEmpty());
        QCOMPARE(viewer.client()->pendingCount(), 0);
    }

    void windowsShareOneSession()
    {
        const std::shared_ptr<PageSession> first = PageSession::open(options());
        const std::shared_ptr<PageSession> second = PageSession::open(options());
        QCOMPARE(first.get(), second.get());
        const std::shared_ptr<PageSession> elsewhere = PageSession::open(options(u"q"_s));
        QVERIFY(elsewhere.get() != first.get());
        QTRY_VERIFY(live(*first));
        const QString chatId = first->startChat(anchorAt(1), u"Seen in both windows"_s);
        QVERIFY(second->chat(chatId));
        QVERIFY(!elsewhere->chat(chatId));
    }

    // The embedded server may move to another port: a page kept on disk stays one session.
    void onePageKeptOnDiskIsOneSession()
    {
        QTemporaryDir dir;
        SyncClient::Options o = options();
        o.outboxPath = dir.filePath(u"outbox.json"_s);
        const std::shared_ptr<PageSession> first = PageSession::open(o);
        o.urls[0].setPort(o.urls[0].port() + 1);
        QCOMPARE(PageSession::open(o).get(), first.get());
        o.outboxPath = dir.filePath(u"other.json"_s);
        QVERIFY(PageSession::open(o).get() != first.get());
    }

    void workGoesOnOffline()
    {
        auto a = session();
        QTRY_VERIFY(live(*a));
        m_server->stop();
        QTRY_COMPARE(a->client()->state(), SyncClient::State::Reconnecting);
        const QString chatId = a->startChat(anchorAt(7), u"Written offline"_s);
        a->reply(chatId, u"And a reply"_s);
        QCOMPARE(a->client()->pendingCount(), 2);
        QCOMPARE(a->chat(chatId)->comments.size(), 2);
        QVERIFY(m_server->restart());
        QTRY_COMPARE(a->client()->pendingCount(), 0);
        QVERIFY(!a->isPending(chatId));
        QCOMPARE(a->chat(chatId)->comments.size(), 2);
        QCOMPARE(digest(a->chats().values()), digest(serverChats()));
    }

    // Quitting while offline and starting again shows what was last seen, authored by the user,
    // and the page resumes from there when the server is back: a replay, not a snapshot.
    void offlineStartShowsWhatWasLastSeen()
    {
        QTemporaryDir dir;
        SyncClient::Options o = options();
        o.cachePath = dir.filePath(u"page.json"_s);
        o.credentialPath = dir.filePath(u"identity.json"_s);
        o.outboxPath = dir.filePath(u"outbox.json"_s);
        o.displayName = u"Ana"_s;
        auto a = std::make_unique<PageSession>(o);
        a->client()->start();
        QTRY_VERIFY(live(*a));
        const QString seen = a->startChat(anchorAt(3), u"Seen before quitting"_s);
        QTRY_VERIFY(!a->isPending(seen));
        const qint64 seq = a->client()->seq();
        m_server->stop();
        QTRY_COMPARE(a->client()->state(), SyncClient::State::Reconnecting);
        const QString offline = a->startChat(anchorAt(9), u"Written offline"_s);
        a.reset();

        // Others write while this user is away.
        QVERIFY(m_server->restart());
        TestClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.join(u"p"_s).isEmpty());
        other.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"Meanwhile"_s));
        QVERIFY(!other.next(u"new-text-chat"_s).isEmpty());
        m_server->stop();

        auto b = std::make_unique<PageSession>(o);
        QVERIFY(b->client()->showsLastSeen());
        QCOMPARE(b->client()->seq(), seq);
        QVERIFY(b->chat(seen));
        QCOMPARE(b->chat(seen)->comments.first().text, u"Seen before quitting"_s);
        QVERIFY(b->isPending(offline));
        QCOMPARE(b->chat(offline)->author.name, u"Ana"_s);
        QVERIFY(!b->chat(offline)->author.id.isEmpty());

        QSignalSpy snapshots(b->client(), &SyncClient::snapshotReceived);
        QVERIFY(m_server->restart());
        b->client()->start();
        QTRY_VERIFY(live(*b));
        QTRY_VERIFY(!b->isPending(offline));
        QVERIFY(!b->client()->showsLastSeen());
        QCOMPARE(snapshots.size(), 0);
        QCOMPARE(b->chats().size(), 3);
        QCOMPARE(digest(b->chats().values()), digest(serverChats()));
    }

    // Five parties make hundreds of random changes while connections drop and the server
    // restarts; in the end every party holds exactly what the server holds.
    void chaos()
    {
        runChaos({m_server->url()}, [this] { QVERIFY(m_server->restart()); });
    }

    // The same on a cluster: three nodes on one real PostgreSQL, each party given every node
    // (in another order), and a node stopped and started again halfway.
    void chaosOnACluster()
    {
        PostgresServer postgres;
        QString error;
        QVERIFY2(postgres.start(&error), qPrintable(error));
        std::vector<std::unique_ptr<TestServer>> nodes;
        QList<QUrl> urls;
        for (int i = 0; i < 3; ++i) {
            nodes.push_back(std::make_unique<TestServer>());
            nodes.back()->config.store = postgres.url();
            nodes.back()->config.batchMs = 5;
            nodes.back()->config.limits.opsPerSecond = 1000;
            nodes.back()->config.limits.burst = 1000;
            QVERIFY(nodes.back()->start());
            urls.append(nodes.back()->url());
        }
        m_server->stop();
        m_server = std::move(nodes.front());
        // The nodes stop before their database does.
        const auto stopNodes = qScopeGuard([&] {
            m_server.reset();
            nodes.clear();
        });
        runChaos(urls, [&] { QVERIFY(nodes.at(1)->restart()); });
    }

private:
    void runChaos(const QList<QUrl> &urls, const std::function<void()> &restart)
    {
        constexpr int Parties = 5;
        constexpr int Operations = 400;
        std::vector<std::unique_ptr<PageSession>> parties;
        for (int i = 0; i < Parties; ++i) {
            SyncClient::Options o = options();
            o.urls = urls.mid(i % urls.size()) + urls.first(i % urls.size());
            parties.push_back(std::make_unique<PageSession>(o));
            parties.back()->client()->start();
        }
        QTRY_VERIFY(
            std::all_of(parties.begin(), parties.end(), [](const auto &p) { return live(*p); }));

        QRandomGenerator random(20261125);
        int rejections = 0;
        for (const auto &p : parties)
            connect(p.get(), &PageSession::changeRejected, this, [&] { ++rejections; });
        for (int n = 0; n < Operations; ++n) {
            PageSession &p = *parties.at(random.bounded(Parties));
            const QStringList ids = p.chats().keys();
            const QString chatId =
                ids.isEmpty() ? QString() : ids.at(random.bounded(int(ids.size())));
            const int what = ids.isEmpty() ? 0 : random.bounded(10);
            if (what < 3) {
                p.startChat(anchorAt(random.bounded(1000)), u"chat %1"_s.arg(n));
            } else if (what < 6) {
                p.reply(chatId, u"reply %1"_s.arg(n));
            } else if (what == 6) {
                p.setResolved(chatId, random.bounded(2) == 0);
            } else if (what == 7) {
                const Glosa::Chat *chat = p.chat(chatId);
                const Glosa::Comment &c =
                    chat->comments.at(random.bounded(int(chat->comments.size())));
                if (random.bounded(2))
                    p.editComment(chatId, c.id, u"edited %1"_s.arg(n));
                else
                    p.deleteComment(chatId, c.id);
            } else if (what == 8) {
                p.deleteChat(chatId);
            } else {
                // A dropped connection.
                if (QWebSocket *socket = p.client()->findChild<QWebSocket *>())
                    socket->abort();
            }
            if (n == Operations / 2)
                restart();
            if (n % 7 == 0)
                QTest::qWait(random.bounded(5));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(parties.begin(), parties.end(),
                        [](const auto &p) { return live(*p) && p->client()->pendingCount() == 0; }),
            30000);
        const QByteArray expected = digest(serverChats());
        for (const auto &p : parties)
            QTRY_COMPARE(digest(p->chats().values()), expected);
        QVERIFY(!serverChats().isEmpty());
        qInfo() << "chaos:" << serverChats().size() << "chats," << rejections << "changes refused";
    }
};

QTEST_GUILESS_MAIN(tst_PageSession)
#include "tst_pagesession.moc"

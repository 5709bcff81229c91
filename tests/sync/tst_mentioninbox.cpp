#include "testserver.h"

#include "mentioninbox.h"
#include "pagesession.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Glosa::Anchor;
using Glosa::MentionInbox;
using Glosa::PageSession;
using Glosa::SyncClient;

// The mentions of the user, over real PageSessions of a real in-process server: Ana (her
// identity, page cache and read marks in files) is mentioned by Ben, another user.
class tst_MentionInbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString page() const
    {
        return u"test/mentions/"_s + QLatin1StringView(QTest::currentTestFunction());
    }

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

    std::unique_ptr<PageSession> ana() const
    {
        SyncClient::Options o = options();
        o.credentialPath = m_dir->filePath(u"identity.json"_s);
        o.cachePath = m_dir->filePath(u"page.json"_s);
        o.readMarksPath = m_dir->filePath(u"read.json"_s);
        o.displayName = u"Ana Lima"_s;
        auto s = std::make_unique<PageSession>(o);
        s->client()->start();
        return s;
    }

    std::unique_ptr<PageSession> ben() const
    {
        SyncClient::Options o = options();
        o.displayName = u"Ben"_s;
        auto s = std::make_unique<PageSession>(o);
        s->client()->start();
        return s;
    }

    [[nodiscard]] static bool live(PageSession *s)
    {
        return QTest::qWaitFor([s] { return s->client()->state() == SyncClient::State::Live; });
    }

    QString inboxPath() const { return m_dir->filePath(u"mentions.json"_s); }

    void watch(MentionInbox &inbox, PageSession *session) const
    {
        inbox.watch(session, m_server->url(), u"local"_s, page(), u"Handbook"_s);
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

    // Ben mentions Ana, who is viewing: the mention is new, and kept.
    void aMentionArrives()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        MentionInbox inbox(inboxPath());
        watch(inbox, a.get());
        QSignalSpy mentioned(&inbox, &MentionInbox::mentioned);

        // Ben knows Ana from the page's viewers; text naming nobody mentions nobody.
        QTRY_VERIFY(std::any_of(b->people().cbegin(), b->people().cend(),
                                [](const Glosa::Author &p) { return p.name == u"Ana Lima"_s; }));
        const QString chatId = b->startChat({0, 5, u"words"_s, {}, {}}, u"Nobody here"_s);
        b->reply(chatId, u"What do you think, @Ana Lima?"_s);
        QTRY_COMPARE(mentioned.size(), 1);
        const auto mention = mentioned.first().at(0).value<MentionInbox::Mention>();
        QVERIFY(mentioned.first().at(1).toBool()); // fresh
        QCOMPARE(mention.author.name, u"Ben"_s);
        QCOMPARE(mention.chatId, chatId);
        QCOMPARE(mention.page, page());
        QCOMPARE(mention.title, u"Handbook"_s);
        QCOMPARE(mention.server, m_server->url());
        QCOMPARE(mention.text, u"What do you think, @Ana Lima?"_s);
        QCOMPARE(inbox.mentions().size(), 1);
        // The comment carries the mention as the server stored it.
        QCOMPARE(a->chat(chatId)->comments.last().mentions.first().id, a->client()->user().id);

        // An edit that no longer names Ana is not a new mention.
        const QString replyId = b->chat(chatId)->comments.last().id;
        b->editComment(chatId, replyId, u"What do you think?"_s);
        QTRY_VERIFY(a->chat(chatId)->comments.last().mentions.isEmpty());
        QCOMPARE(mentioned.size(), 1);
    }

    // Kept on disk: another inbox reads what one found.
    void keptOnDisk()
    {
        auto a = ana();
        auto b = ben();
        QVERIFY(live(a.get()) && live(b.get()));
        QString commentId;
        {
            MentionInbox inbox(inboxPath());
            watch(inbox, a.get());
            QTRY_VERIFY(b->people().size() >= 2);
            const QString chatId = b->startChat({0, 5, u"words"_s, {}, {}}, u"@Ana Lima, see"_s);
            QTRY_COMPARE(inbox.mentions().size(), 1);
            commentId = inbox.mentions().first().commentId;
        }
        const MentionInbox inbox(inboxPath());
        QCOMPARE(inbox.mentions().size(), 1);
        QCOMPARE(inbox.mentions().first().commentId, commentId);
        QCOMPARE(inbox.mentions().first().author.name, u"Ben"_s);
        QCOMPARE(inbox.mentions().first().title, u"Handbook"_s);
    }

    // Mentions written while Ana was away are new when she comes back; those of a page she
    // opens for the first time are listed, not announced.
    void mentionsWhileAway()
    {
        auto b = ben();
        QVERIFY(live(b.get()));
        {
            auto a = ana();
            QVERIFY(live(a.get()));
            QTRY_VERIFY(b->people().size() >= 2);
        }
        const QString chatId = b->startChat({0, 5, u"words"_s, {}, {}}, u"Hi @Ana Lima"_s);
        QTRY_COMPARE(b->client()->pendingCount(), 0);
        QCOMPARE(b->chat(chatId)->comments.first().mentions.size(), 1);

        MentionInbox inbox(inboxPath());
        QSignalSpy mentioned(&inbox, &MentionInbox::mentioned);
        auto a = ana();
        watch(inbox, a.get());
        QTRY_COMPARE(mentioned.size(), 1);
        QVERIFY(mentioned.first().at(1).toBool());

        // On a first visit from this computer (no read marks yet), the mention is listed, and
        // not announced.
        a.reset();
        MentionInbox again(m_dir->filePath(u"elsewhere.json"_s));
        QSignalSpy listed(&again, &MentionInbox::mentioned);
        SyncClient::Options o = options();
        o.credentialPath = m_dir->filePath(u"identity.json"_s);
        o.readMarksPath = m_dir->filePath(u"read-elsewhere.json"_s);
        o.displayName = u"Ana Lima"_s;
        PageSession elsewhere(o);
        elsewhere.client()->start();
        watch(again, &elsewhere);
        QTRY_COMPARE(listed.size(), 1);
        QVERIFY(!listed.first().at(1).toBool());
        QCOMPARE(again.mentions().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_MentionInbox)
#include "tst_mentioninbox.moc"

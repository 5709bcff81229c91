#include "testserver.h"

#include "chatmodel.h"
#include "pagesession.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using Glosa::Anchor;
using Glosa::ChatModel;
using Glosa::PageSession;
using Glosa::SyncClient;

namespace {

Anchor anchorAt(int start)
{
    return {start, start + 4, u"q%1"_s.arg(start), {}, {}};
}

} // namespace

// ChatModel over real PageSessions of a real in-process server: document order, incremental
// row signals for every kind of event, pending state, rollbacks, and a reset only on snapshots.
class tst_ChatModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    SyncClient::Options options(const QString &page) const
    {
        SyncClient::Options o;
        o.urls = {m_server->url()};
        o.tenant = u"local"_s;
        o.page = page;
        o.outboxPath = QString(); // in memory
        o.watchNetwork = false;
        return o;
    }

    QString page() const
    {
        return u"test/chatmodel/"_s + QLatin1StringView(QTest::currentTestFunction());
    }

    // A session of its own (not the shared one of PageSession::open): another user.
    std::unique_ptr<PageSession> session(bool start = true) const
    {
        auto s = std::make_unique<PageSession>(options(page()));
        if (start)
            s->client()->start();
        return s;
    }

    static std::unique_ptr<ChatModel> model(PageSession *session)
    {
        auto m = std::make_unique<ChatModel>(session);
        new QAbstractItemModelTester(
            m.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m.get());
        return m;
    }

    [[nodiscard]] static bool live(PageSession *s)
    {
        return QTest::qWaitFor([s] { return s->client()->state() == SyncClient::State::Live; });
    }

    [[nodiscard]] static bool settled(PageSession *s)
    {
        return QTest::qWaitFor([s] { return s->client()->pendingCount() == 0; });
    }

    static QList<int> starts(const ChatModel &m)
    {
        QList<int> result;
        for (int row = 0; row < m.rowCount(); ++row)
            result.append(m.index(row, 0).data(ChatModel::AnchorStartRole).toInt());
        return result;
    }

    static QStringList ids(const ChatModel &m)
    {
        QStringList result;
        for (int row = 0; row < m.rowCount(); ++row)
            result.append(m.chatIdAt(m.index(row, 0)));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server.reset(); }

    void tooltipsGiveTheExactTime()
    {
        auto a = session();
        auto m = model(a.get());
        QVERIFY(live(a.get()));
        const QString chatId = a->startChat(anchorAt(3), u"first"_s);
        QVERIFY(settled(a.get()));
        const QModelIndex chat = m->indexOfChat(chatId);
        const auto exact = [](const QModelIndex &index, int role) {
            return QLocale().toString(index.data(role).toDateTime().toLocalTime(),
                                      QLocale::LongFormat);
        };
        QCOMPARE(chat.data(Qt::ToolTipRole).toString(),
                 u"Started %1"_s.arg(exact(chat, ChatModel::CreatedAtRole)));
        const QString commentId = m->index(0, 0, chat).data(ChatModel::IdRole).toString();
        a->editComment(chatId, commentId, u"first, edited"_s);
        QVERIFY(settled(a.get()));
        const QModelIndex comment = m->index(0, 0, chat);
        QTRY_VERIFY(comment.data(ChatModel::EditedRole).toBool());
        QCOMPARE(comment.data(Qt::ToolTipRole).toString(),
                 u"Written %1\nEdited %2"_s.arg(exact(comment, ChatModel::CreatedAtRole),
                                                exact(comment, ChatModel::UpdatedAtRole)));
    }

    void documentOrderFromAnotherSession()
    {
        auto a = session();
        auto b = session();
        auto ma = model(a.get());
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(mb.get(), &QAbstractItemModel::rowsInserted);

        const QString at50 = a->startChat(anchorAt(50), u"fifty"_s);
        const QString at10 = a->startChat(anchorAt(10), u"ten"_s);
        const QString at30 = a->startChat(anchorAt(30), u"thirty"_s);

        QTRY_COMPARE(mb->rowCount(), 3);
        QCOMPARE(starts(*mb), (QList<int>{10, 30, 50}));
        QCOMPARE(ids(*mb), (QStringList{at10, at30, at50}));
        QCOMPARE(inserted.size(), 3);
        for (const QList<QVariant> &args : std::as_const(inserted))
            QVERIFY(!args.at(0).value<QModelIndex>().isValid());

        const QModelIndex chat = mb->indexOfChat(at30);
        QCOMPARE(chat.row(), 1);
        QCOMPARE(chat.data().toString(), u"q30"_s);
        QCOMPARE(chat.data(ChatModel::QuoteRole).toString(), u"q30"_s);
        QCOMPARE(chat.data(ChatModel::AnchorEndRole).toInt(), 34);
        QCOMPARE(chat.data(ChatModel::TextRole).toString(), u"thirty"_s);
        QCOMPARE(chat.data(ChatModel::IsChatRole).toBool(), true);
        QCOMPARE(chat.data(ChatModel::CommentCountRole).toInt(), 1);
        QCOMPARE(chat.data(ChatModel::AuthorIdRole).toString(), a->client()->user().id);
        QCOMPARE(chat.data(ChatModel::AuthorNameRole).toString(), a->client()->user().name);
        QVERIFY(chat.data(ChatModel::CreatedAtRole).toDateTime().isValid());
        QCOMPARE(chat.data(ChatModel::PendingRole).toBool(), false);
        QCOMPARE(mb->rowCount(chat), 1);
        const QModelIndex comment = mb->index(0, 0, chat);
        QCOMPARE(comment.data().toString(), u"thirty"_s);
        QCOMPARE(comment.data(ChatModel::IsChatRole).toBool(), false);
        QCOMPARE(mb->chatIdAt(comment), at30);
        QCOMPARE(comment.parent(), chat);
        QVERIFY(!mb->indexOfChat(u"no-such-chat"_s).isValid());

        QTRY_VERIFY(settled(a.get()));
        QCOMPARE(ids(*ma), (QStringList{at10, at30, at50}));
        QCOMPARE(resets.size(), 0);
    }

    void replyAddsChildRow()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(5), u"first"_s);
        QTRY_COMPARE(mb->rowCount(), 1);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(mb.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(mb.get(), &QAbstractItemModel::dataChanged);
        const QString replyId = a->reply(chatId, u"second"_s);

        QTRY_COMPARE(inserted.size(), 1);
        const QModelIndex chat = mb->indexOfChat(chatId);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), chat);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(mb->rowCount(chat), 2);
        const QModelIndex reply = mb->index(1, 0, chat);
        QCOMPARE(reply.data(ChatModel::IdRole).toString(), replyId);
        QCOMPARE(reply.data(ChatModel::TextRole).toString(), u"second"_s);
        QCOMPARE(chat.data(ChatModel::CommentCountRole).toInt(), 2);
        // The chat row itself reports the change (updatedAt, comment count).
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<QModelIndex>() == chat;
        }));
        QCOMPARE(resets.size(), 0);
    }

    void ownChatPendingUntilEcho()
    {
        auto a = session();
        auto ma = model(a.get());
        QVERIFY(live(a.get()));
        QSignalSpy resets(ma.get(), &QAbstractItemModel::modelReset);

        const QString chatId = a->startChat(anchorAt(7), u"mine"_s);
        // At once, before the server has answered.
        QCOMPARE(ma->rowCount(), 1);
        const QPersistentModelIndex chat = ma->indexOfChat(chatId);
        QVERIFY(chat.isValid());
        QCOMPARE(chat.data(ChatModel::PendingRole).toBool(), true);
        QCOMPARE(ma->index(0, 0, chat).data(ChatModel::PendingRole).toBool(), true);
        QCOMPARE(chat.data(ChatModel::AuthorIdRole).toString(), a->client()->user().id);

        QTRY_COMPARE(chat.data(ChatModel::PendingRole).toBool(), false);
        QCOMPARE(ma->index(0, 0, chat).data(ChatModel::PendingRole).toBool(), false);
        QCOMPARE(ma->rowCount(), 1);
        QCOMPARE(resets.size(), 0);
    }

    // A view learns that a chat stopped being pending only from a dataChanged. The echo of an
    // own chat often equals the optimistic copy to the millisecond; it must still be signalled.
    // Ten sessions, each writing as soon as it is live, so that such an echo happens in
    // practically every run.
    void endOfPendingIsSignalled()
    {
        int silent = 0;
        for (int i = 0; i < 10; ++i) {
            auto a = session();
            auto ma = model(a.get());
            QVERIFY(live(a.get()));
            const QString chatId = a->startChat(anchorAt(i), u"mine"_s);
            std::optional<bool> lastSignalled; // PendingRole at the chat's last dataChanged
            connect(ma.get(), &QAbstractItemModel::dataChanged, this,
                    [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                        const QModelIndex chat = ma->indexOfChat(chatId);
                        if (!topLeft.parent().isValid() && topLeft.row() <= chat.row() &&
                            chat.row() <= bottomRight.row())
                            lastSignalled = chat.data(ChatModel::PendingRole).toBool();
                    });
            // Waiting on the session itself lets the in-process server answer within the
            // millisecond of the optimistic copy most of the time.
            QTRY_VERIFY(!a->isPending(chatId));
            QCOMPARE(ma->indexOfChat(chatId).data(ChatModel::PendingRole).toBool(), false);
            if (lastSignalled.value_or(true))
                ++silent;
        }
        QVERIFY2(silent == 0,
                 qPrintable(u"%1 of 10 chats became confirmed without a dataChanged: PageSession "
                            "emitted no chatChanged because the echo equals the optimistic chat, "
                            "although isPending() changed"_s.arg(silent)));
    }

    // A pending chat keeps its place (and its creation time) while the user adds to it.
    void pendingChatKeepsItsPlace()
    {
        auto s = session(false);
        auto m = model(s.get());
        const QString first = s->startChat(anchorAt(10), u"first"_s);
        const qint64 firstTime = s->chat(first)->createdAt;
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > firstTime);
        const QString second = s->startChat(anchorAt(10), u"second"_s);
        QCOMPARE(ids(*m), (QStringList{first, second}));
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > s->chat(second)->createdAt);

        QSignalSpy moved(m.get(), &QAbstractItemModel::rowsMoved);
        s->reply(first, u"more"_s);
        QCOMPARE(m->rowCount(m->indexOfChat(first)), 2);
        QCOMPARE(ids(*m), (QStringList{first, second}));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(m->indexOfChat(first).data(ChatModel::CreatedAtRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(firstTime, Qt::UTC));
    }

    void resolveChangesData()
    {
        auto a = session();
        auto b = session();
        auto ma = model(a.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(3), u"resolve me"_s);
        QTRY_VERIFY(settled(a.get()));
        QTRY_VERIFY(b->chat(chatId));

        QSignalSpy resets(ma.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(ma.get(), &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex chat = ma->indexOfChat(chatId);
        QCOMPARE(chat.data(ChatModel::ResolvedRole).toBool(), false);

        b->setResolved(chatId, true); // another member may resolve
        QTRY_COMPARE(chat.data(ChatModel::ResolvedRole).toBool(), true);
        // Who resolved it and when, as the server recorded it.
        const QString resolver = b->client()->user().name;
        QVERIFY(!resolver.isEmpty());
        QCOMPARE(chat.data(ChatModel::ResolvedByRole).toString(), resolver);
        const QDateTime resolvedAt = chat.data(ChatModel::ResolvedAtRole).toDateTime();
        QVERIFY(resolvedAt.isValid());
        QVERIFY(qAbs(resolvedAt.secsTo(QDateTime::currentDateTime())) < 60);
        QVERIFY(chat.data(Qt::ToolTipRole).toString().contains(u"Resolved by "_s + resolver));
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<QModelIndex>() == chat;
        }));

        changed.clear();
        a->setResolved(chatId, false);
        QCOMPARE(chat.data(ChatModel::ResolvedRole).toBool(), false); // optimistic
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), QModelIndex(chat));
        QTRY_VERIFY(settled(a.get()));
        QCOMPARE(chat.data(ChatModel::ResolvedRole).toBool(), false);
        QVERIFY(chat.data(ChatModel::ResolvedByRole).toString().isEmpty());
        QVERIFY(!chat.data(ChatModel::ResolvedAtRole).toDateTime().isValid());
        QVERIFY(!chat.data(Qt::ToolTipRole).toString().contains(u"Resolved"_s));
        QCOMPARE(resets.size(), 0);
    }

    void deleteRemovesExactlyThatRow()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString first = a->startChat(anchorAt(1), u"one"_s);
        const QString second = a->startChat(anchorAt(2), u"two"_s);
        const QString third = a->startChat(anchorAt(3), u"three"_s);
        QTRY_COMPARE(mb->rowCount(), 3);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(mb.get(), &QAbstractItemModel::rowsRemoved);
        const QPersistentModelIndex kept = mb->indexOfChat(third);
        a->deleteChat(second);

        QTRY_COMPARE(mb->rowCount(), 2);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!removed.at(0).at(0).value<QModelIndex>().isValid());
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(ids(*mb), (QStringList{first, third}));
        QCOMPARE(kept.row(), 1);
        QCOMPARE(resets.size(), 0);
    }

    void deletedCommentKeepsRow()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(9), u"chat"_s);
        const QString replyId = a->reply(chatId, u"to be deleted"_s);
        QTRY_COMPARE(mb->rowCount(mb->indexOfChat(chatId)), 2);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(mb.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(mb.get(), &QAbstractItemModel::dataChanged);
        const QPersistentModelIndex reply = mb->index(1, 0, mb->indexOfChat(chatId));
        QCOMPARE(reply.data(ChatModel::DeletedRole).toBool(), false);
        a->deleteComment(chatId, replyId);

        QTRY_COMPARE(reply.data(ChatModel::DeletedRole).toBool(), true);
        QVERIFY(reply.isValid());
        QCOMPARE(reply.row(), 1);
        QCOMPARE(reply.data(ChatModel::IdRole).toString(), replyId);
        QCOMPARE(reply.data(ChatModel::TextRole).toString(), QString());
        QCOMPARE(mb->rowCount(mb->indexOfChat(chatId)), 2);
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
            return args.at(0).value<QModelIndex>() == reply;
        }));
        QCOMPARE(removed.size(), 0);
        QCOMPARE(resets.size(), 0);
    }

    void editedComment()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(4), u"draft"_s);
        QTRY_COMPARE(mb->rowCount(), 1);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        const QPersistentModelIndex chat = mb->indexOfChat(chatId);
        const QPersistentModelIndex comment = mb->index(0, 0, chat);
        QCOMPARE(comment.data(ChatModel::EditedRole).toBool(), false);
        a->editComment(chatId, a->chat(chatId)->comments.first().id, u"final"_s);

        QTRY_COMPARE(comment.data(ChatModel::TextRole).toString(), u"final"_s);
        QCOMPARE(comment.data(ChatModel::EditedRole).toBool(), true);
        QCOMPARE(chat.data(ChatModel::TextRole).toString(), u"final"_s);
        QCOMPARE(chat.data(ChatModel::EditedRole).toBool(), true);
        QVERIFY(comment.data(ChatModel::UpdatedAtRole).toDateTime() >=
                comment.data(ChatModel::CreatedAtRole).toDateTime());
        QCOMPARE(resets.size(), 0);
    }

    void forbiddenDeleteIsRefusedAtOnce()
    {
        auto a = session();
        auto b = session();
        auto ma = model(a.get());
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        QVERIFY(a->client()->user().id != b->client()->user().id);
        const QString other = a->startChat(anchorAt(1), u"other"_s);
        const QString chatId = a->startChat(anchorAt(2), u"not yours"_s);
        QTRY_COMPARE(mb->rowCount(), 2);

        QSignalSpy resetsA(ma.get(), &QAbstractItemModel::modelReset);
        QSignalSpy resetsB(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removedA(ma.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy removedB(mb.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy insertedB(mb.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy rejected(b.get(), &PageSession::changeRejected);

        // Not b's to delete: refused at once, the row never leaves.
        b->deleteChat(chatId);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), chatId);
        QVERIFY(!rejected.at(0).at(1).toString().isEmpty());
        QCOMPARE(mb->rowCount(), 2);
        QCOMPARE(removedB.size(), 0);
        QCOMPARE(insertedB.size(), 0);
        QCOMPARE(ids(*mb), (QStringList{other, chatId}));
        QCOMPARE(mb->indexOfChat(chatId).data(ChatModel::PendingRole).toBool(), false);
        QCOMPARE(b->client()->pendingCount(), 0);
        QCOMPARE(ids(*ma), (QStringList{other, chatId}));
        QCOMPARE(removedA.size(), 0);
        QCOMPARE(resetsA.size(), 0);
        QCOMPARE(resetsB.size(), 0);
    }

    void rejectedReplyRowIsRemoved()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(6), u"chat"_s);
        QTRY_COMPARE(mb->rowCount(), 1);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy removed(mb.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy rejected(b.get(), &PageSession::changeRejected);
        const QPersistentModelIndex chat = mb->indexOfChat(chatId);

        b->reply(chatId, u"   "_s); // blank: the server refuses it
        QCOMPARE(mb->rowCount(chat), 2);
        QCOMPARE(mb->index(1, 0, chat).data(ChatModel::PendingRole).toBool(), true);

        QTRY_COMPARE(rejected.size(), 1);
        QCOMPARE(mb->rowCount(chat), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).value<QModelIndex>(), QModelIndex(chat));
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(chat.row(), 0);
        QCOMPARE(resets.size(), 0);
    }

    // A chat written offline sorts by its local creation time until the server's arrives.
    void confirmationMovesChat()
    {
        auto a = session();
        auto b = session();
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        b->client()->stop();
        QCOMPARE(b->client()->state(), SyncClient::State::Offline);

        const QString mine = b->startChat(anchorAt(10), u"written offline"_s);
        const qint64 localTime = b->chat(mine)->createdAt;
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > localTime);
        const QString theirs = a->startChat(anchorAt(10), u"same place, later"_s);
        QTRY_VERIFY(settled(a.get()));
        const qint64 theirTime = a->chat(theirs)->createdAt;
        QVERIFY(theirTime > localTime);
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > theirTime);

        QSignalSpy resets(mb.get(), &QAbstractItemModel::modelReset);
        QSignalSpy moved(mb.get(), &QAbstractItemModel::rowsMoved);
        b->client()->start();
        QTRY_COMPARE(mb->rowCount(), 2);
        QTRY_VERIFY(settled(b.get()));
        QCOMPARE(resets.size(), 0); // resumed, not a snapshot
        QCOMPARE(ids(*mb), (QStringList{theirs, mine}));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(1).toInt(), 0);
        QCOMPARE(moved.at(0).at(4).toInt(), 2);
        QCOMPARE(mb->indexOfChat(mine).data(ChatModel::PendingRole).toBool(), false);
    }

    void lateSessionGetsSnapshot()
    {
        auto a = session();
        QVERIFY(live(a.get()));
        const QString at20 = a->startChat(anchorAt(20), u"a"_s);
        const QString at5 = a->startChat(anchorAt(5), u"b"_s);
        const QString at12 = a->startChat(anchorAt(12), u"c"_s);
        a->reply(at12, u"c2"_s);
        QTRY_VERIFY(settled(a.get()));

        auto c = session(false);
        auto mc = model(c.get());
        QCOMPARE(mc->rowCount(), 0);
        QSignalSpy resets(mc.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(mc.get(), &QAbstractItemModel::rowsInserted);
        c->client()->start();
        QTRY_COMPARE(mc->rowCount(), 3);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(ids(*mc), (QStringList{at5, at12, at20}));
        QCOMPARE(mc->rowCount(mc->indexOfChat(at12)), 2);
        QVERIFY(live(c.get()));
        QCOMPARE(resets.size(), 1);
    }

    // Many events on two sessions, none of which may reset either model.
    void noResetForSingleEvents()
    {
        auto a = session();
        auto b = session();
        auto ma = model(a.get());
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        QSignalSpy resetsA(ma.get(), &QAbstractItemModel::modelReset);
        QSignalSpy resetsB(mb.get(), &QAbstractItemModel::modelReset);

        const QString t1 = a->startChat(anchorAt(30), u"one"_s);
        const QString t2 = b->startChat(anchorAt(20), u"two"_s);
        // Each acts on the other's chat only once it has seen it.
        QTRY_VERIFY(a->chat(t2) && !a->isPending(t2));
        QTRY_VERIFY(b->chat(t1) && !b->isPending(t1));
        const QString r1 = b->reply(t1, u"reply"_s);
        a->reply(t2, u"reply"_s);
        b->editComment(t1, r1, u"edited"_s);
        a->setResolved(t2, true);
        b->deleteComment(t1, r1);
        const QString t3 = a->startChat(anchorAt(25), u"three"_s);
        a->deleteChat(t1);
        QTRY_VERIFY(settled(a.get()));
        QTRY_VERIFY(settled(b.get()));
        QTRY_COMPARE(ids(*mb), (QStringList{t2, t3}));
        QTRY_COMPARE(ids(*ma), (QStringList{t2, t3}));
        QCOMPARE(mb->indexOfChat(t2).data(ChatModel::ResolvedRole).toBool(), true);
        QCOMPARE(mb->rowCount(mb->indexOfChat(t2)), 2);
        QCOMPARE(resetsA.size(), 0);
        QCOMPARE(resetsB.size(), 0);
    }

    // Without a server: many chats at random places land in document order, one insert each.
    void manyOfflineChatsInOrder()
    {
        auto s = session(false);
        auto m = model(s.get());
        QSignalSpy resets(m.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m.get(), &QAbstractItemModel::rowsInserted);
        QRandomGenerator random(42);
        constexpr int Count = 300;
        for (int i = 0; i < Count; ++i)
            s->startChat(anchorAt(random.bounded(50)), u"t%1"_s.arg(i));
        QCOMPARE(m->rowCount(), Count);
        QCOMPARE(inserted.size(), Count);
        for (int row = 1; row < Count; ++row) {
            const QModelIndex prev = m->index(row - 1, 0);
            const QModelIndex cur = m->index(row, 0);
            const auto key = [](const QModelIndex &i) {
                return std::make_tuple(i.data(ChatModel::AnchorStartRole).toInt(),
                                       i.data(ChatModel::CreatedAtRole).toDateTime(),
                                       i.data(ChatModel::IdRole).toString());
            };
            QVERIFY2(key(prev) < key(cur), qPrintable(u"row %1"_s.arg(row)));
            QCOMPARE(m->indexOfChat(m->chatIdAt(cur)), cur);
        }
        const QString gone = m->chatIdAt(m->index(Count / 2, 0));
        s->deleteChat(gone);
        QCOMPARE(m->rowCount(), Count - 1);
        QVERIFY(!m->indexOfChat(gone).isValid());
        QCOMPARE(resets.size(), 0);
    }

    // What the user has not read: new chats and comments of others, with their count on the
    // chat, until they are marked read.
    void unreadRoles()
    {
        auto a = session();
        auto b = session();
        auto ma = model(a.get());
        auto mb = model(b.get());
        QVERIFY(live(a.get()));
        QVERIFY(live(b.get()));
        const QString chatId = a->startChat(anchorAt(5), u"first"_s);
        a->reply(chatId, u"second"_s);
        QTRY_COMPARE(mb->rowCount(mb->indexOfChat(chatId)), 2);

        // The author's own are not new to them.
        QVERIFY(!ma->indexOfChat(chatId).data(ChatModel::UnreadRole).toBool());
        QCOMPARE(ma->indexOfChat(chatId).data(ChatModel::UnreadCountRole).toInt(), 0);
        const QModelIndex chat = mb->indexOfChat(chatId);
        QVERIFY(chat.data(ChatModel::UnreadRole).toBool());
        QCOMPARE(chat.data(ChatModel::UnreadCountRole).toInt(), 2);
        QVERIFY(mb->index(0, 0, chat).data(ChatModel::UnreadRole).toBool());
        QVERIFY(mb->index(1, 0, chat).data(ChatModel::UnreadRole).toBool());
        QVERIFY(!mb->index(1, 0, chat).data(ChatModel::UnreadCountRole).isValid());

        QSignalSpy changed(mb.get(), &QAbstractItemModel::dataChanged);
        b->markRead(chatId);
        QCOMPARE(changed.size(), 2);
        const auto reports = [&](const QModelIndex &index) {
            return std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
                const QModelIndex first = args.at(0).value<QModelIndex>();
                const QModelIndex last = args.at(1).value<QModelIndex>();
                return first.parent() == index.parent() && first.row() <= index.row() &&
                       index.row() <= last.row() &&
                       args.at(2).value<QList<int>>().contains(ChatModel::UnreadRole);
            });
        };
        QVERIFY(reports(chat));
        QVERIFY(reports(mb->index(0, 0, chat)));
        QVERIFY(reports(mb->index(1, 0, chat)));
        QVERIFY(!chat.data(ChatModel::UnreadRole).toBool());
        QCOMPARE(chat.data(ChatModel::UnreadCountRole).toInt(), 0);
        QVERIFY(!mb->index(1, 0, chat).data(ChatModel::UnreadRole).toBool());

        // A later reply is new, the chat itself not.
        const QString third = a->reply(chatId, u"third"_s);
        QTRY_COMPARE(mb->rowCount(chat), 3);
        QVERIFY(!chat.data(ChatModel::UnreadRole).toBool());
        QCOMPARE(chat.data(ChatModel::UnreadCountRole).toInt(), 1);
        QCOMPARE(mb->index(2, 0, chat).data(ChatModel::IdRole).toString(), third);
        QVERIFY(mb->index(2, 0, chat).data(ChatModel::UnreadRole).toBool());
        QVERIFY(!mb->index(1, 0, chat).data(ChatModel::UnreadRole).toBool());
    }
};

QTEST_GUILESS_MAIN(tst_ChatModel)
#include "tst_chatmodel.moc"

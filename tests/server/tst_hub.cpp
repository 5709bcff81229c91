#include "servertestmain.h"
#include "storeprobe.h"
#include "testclient.h"
#include "testserver.h"

#include "document.h"
#include "hub.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QByteArray AcmeSecret = "acme-secret";

QJsonObject change(const char *op, const QJsonObject &fields = {})
{
    QJsonObject c = fields;
    c.insert("op"_L1, QLatin1StringView(op));
    return c;
}

QJsonObject comment(const QString &id, const QString &text)
{
    return {{"id"_L1, id}, {"text"_L1, text}};
}

QStringList chatIds(const QJsonObject &snapshot)
{
    QStringList ids;
    for (const QJsonValue &chat : snapshot.value("chats"_L1).toArray())
        ids.append(chat.toObject().value("id"_L1).toString());
    return ids;
}

} // namespace

// The page-level rules of docs/protocol.md over real connections: operations and their events,
// roles, retries, presence, resume, sync, documents and tenants.
class tst_Hub : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    TestClient *joined(const QString &page, const QString &tenant = u"local"_s,
                       const QString &token = {})
    {
        auto *client = new TestClient(this);
        if (!client->open(m_server->url()))
            return nullptr;
        const QJsonObject welcome = client->join(page, tenant, token);
        if (welcome.isEmpty())
            return nullptr;
        client->setProperty("user", welcome.value("user"_L1).toObject().value("id"_L1).toString());
        client->next(u"snapshot"_s);
        return client;
    }

    QString acme(const QString &sub, const QString &role = u"member"_s)
    {
        return TestServer::token(u"acme"_s, AcmeSecret, sub, role);
    }

    QString storePath() const { return m_server->dataDir() + u"/glosa.sqlite3"_s; }

    // The server once more, on `threads` I/O threads.
    bool onThreads(int threads)
    {
        m_server->stop();
        m_server->config.ioThreads = threads;
        return m_server->restart();
    }

    // Returns once the hub has handled every frame `client` sent before.
    static bool roundTrip(TestClient *client)
    {
        const QString requestId = TestClient::uuid();
        client->send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, requestId}});
        return client->next(u"documents"_s).value("requestId"_L1).toString() == requestId;
    }

    // Sends a new chat whose commit takes a while (and then fails, when `fail`), and returns its
    // broadcastId once the hub has handed it to the store; an empty string if it could not.
    static QString sendTrapped(TestClient *client, StoreProbe &probe, bool fail,
                               const QString &chatId = TestClient::uuid())
    {
        const QString broadcastId = TestClient::uuid();
        if (!probe.trap(broadcastId, fail))
            return {};
        client->send(TestClient::newChat(chatId, TestClient::uuid(), u"trapped"_s, broadcastId));
        return roundTrip(client) ? broadcastId : QString();
    }

    // Sends `count` new chats from `client` on "p", waits for their echoes, and returns the
    // page's epoch; an empty string if one was not echoed.
    QString addChats(TestClient *client, int count)
    {
        for (int i = 0; i < count; ++i) {
            client->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
            if (client->next(u"new-text-chat"_s).isEmpty())
                return {};
        }
        TestClient probe;
        if (!probe.open(m_server->url()))
            return {};
        return probe.join(u"p"_s).value("epoch"_L1).toString();
    }

    static bool hasEvent(const QList<QJsonObject> &frames, const QString &broadcastId = {})
    {
        return std::any_of(frames.begin(), frames.end(), [&](const QJsonObject &f) {
            return f.contains("seq"_L1) && f.value("type"_L1).toString() != "snapshot"_L1 &&
                   (broadcastId.isEmpty() || f.value("broadcastId"_L1).toString() == broadcastId);
        });
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true, {}}, {u"acme"_s, AcmeSecret, false, {}}};
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        qDeleteAll(findChildren<TestClient *>());
        m_server.reset();
    }

    void welcomeThenSnapshot()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        const QJsonObject welcome = client.join(u"handbook/intro"_s);
        QCOMPARE(welcome.value("v"_L1).toInt(), 1);
        QVERIFY(!welcome.value("connection"_L1).toString().isEmpty());
        QVERIFY(
            welcome.value("user"_L1).toObject().value("id"_L1).toString().startsWith("anon:"_L1));
        QCOMPARE(welcome.value("user"_L1).toObject().value("role"_L1).toString(), u"member"_s);
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 0);
        QCOMPARE(welcome.value("viewers"_L1).toInt(), 1);
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(false));
        QVERIFY(welcome.value("document"_L1).isNull());
        const QJsonObject snapshot = client.next();
        QCOMPARE(snapshot.value("type"_L1).toString(), u"snapshot"_s);
        QCOMPARE(snapshot.value("epoch"_L1), welcome.value("epoch"_L1));
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), 0);
        QVERIFY(snapshot.value("chats"_L1).toArray().isEmpty());
    }

    void newChatReachesEveryViewer()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        const QString chatId = TestClient::uuid(), commentId = TestClient::uuid(),
                      broadcastId = TestClient::uuid();
        a->send(TestClient::newChat(chatId, commentId, u"Nice point"_s, broadcastId));
        const QJsonObject echo = a->next(u"new-text-chat"_s);
        const QJsonObject seen = b->next(u"new-text-chat"_s);
        QCOMPARE(echo, seen);
        QCOMPARE(echo.value("seq"_L1).toInteger(), 1);
        QCOMPARE(echo.value("broadcastId"_L1).toString(), broadcastId);
        const QJsonObject chat = echo.value("chat"_L1).toObject();
        QCOMPARE(chat.value("id"_L1).toString(), chatId);
        QCOMPARE(chat.value("author"_L1).toObject().value("id"_L1).toString(),
                 a->property("user").toString());
        QCOMPARE(chat.value("resolved"_L1), QJsonValue(false));
        QVERIFY(chat.value("createdAt"_L1).toInteger() > 1700000000000);
        QCOMPARE(chat.value("updatedAt"_L1), chat.value("createdAt"_L1));
        QCOMPARE(chat.value("anchor"_L1).toObject().value("exact"_L1).toString(), u"quick"_s);
        const QJsonObject first = chat.value("comments"_L1).toArray().first().toObject();
        QCOMPARE(first.value("id"_L1).toString(), commentId);
        QCOMPARE(first.value("text"_L1).toString(), u"Nice point"_s);
        QCOMPARE(first.value("author"_L1), chat.value("author"_L1));
        QVERIFY(echo.value("chat"_L1).toObject().value("comments"_L1).toArray().size() == 1);
        // Well under 1 KB to create a thread.
        QVERIFY(a->rawFrames.last().size() < 1024);
    }

    void everyChangeOp()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        const QString chatId = TestClient::uuid(), first = TestClient::uuid(),
                      reply = TestClient::uuid();
        a->send(TestClient::newChat(chatId, first));
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());

        b->send(TestClient::update(
            chatId, change("add-comment", {{"comment"_L1, comment(reply, u"Agreed"_s)}})));
        QJsonObject e = a->next(u"updated-text-chat"_s);
        QCOMPARE(e.value("seq"_L1).toInteger(), 2);
        QCOMPARE(e.value("chatId"_L1).toString(), chatId);
        QVERIFY(e.value("updatedAt"_L1).toInteger() > 0);
        QJsonObject c = e.value("change"_L1).toObject().value("comment"_L1).toObject();
        QCOMPARE(c.value("id"_L1).toString(), reply);
        QCOMPARE(c.value("text"_L1).toString(), u"Agreed"_s);
        QCOMPARE(c.value("author"_L1).toObject().value("id"_L1).toString(),
                 b->property("user").toString());
        QVERIFY(c.contains("createdAt"_L1));

        b->send(TestClient::update(
            chatId, change("edit-comment", {{"commentId"_L1, reply}, {"text"_L1, u"Agreed!"_s}})));
        e = a->next(u"updated-text-chat"_s);
        c = e.value("change"_L1).toObject().value("comment"_L1).toObject();
        QCOMPARE(e.value("change"_L1).toObject().value("op"_L1).toString(), u"edit-comment"_s);
        QCOMPARE(c.value("text"_L1).toString(), u"Agreed!"_s);
        QVERIFY(c.value("editedAt"_L1).toInteger() >= c.value("createdAt"_L1).toInteger());

        b->send(TestClient::update(chatId, change("delete-comment", {{"commentId"_L1, reply}})));
        e = a->next(u"updated-text-chat"_s);
        QCOMPARE(e.value("change"_L1).toObject().value("comment"_L1).toObject(),
                 QJsonObject({{"id"_L1, reply}, {"deleted"_L1, true}}));

        b->send(TestClient::update(chatId, change("resolve", {{"resolved"_L1, true}})));
        e = a->next(u"updated-text-chat"_s);
        // The server says who resolved it (an extension); the event's updatedAt is when.
        const QJsonObject resolvedBy =
            e.value("change"_L1).toObject().value("resolvedBy"_L1).toObject();
        QCOMPARE(e.value("change"_L1).toObject(), QJsonObject({{"op"_L1, "resolve"_L1},
                                                               {"resolved"_L1, true},
                                                               {"resolvedBy"_L1, resolvedBy}}));
        QCOMPARE(resolvedBy.value("id"_L1).toString(), b->property("user").toString());
        QVERIFY(!resolvedBy.value("name"_L1).toString().isEmpty());
        QCOMPARE(e.value("seq"_L1).toInteger(), 5);

        // A newcomer's snapshot holds the result.
        TestClient *c2 = new TestClient(this);
        QVERIFY(c2->open(m_server->url()));
        QCOMPARE(c2->join(u"p"_s).value("seq"_L1).toInteger(), 5);
        const QJsonObject chat =
            c2->next(u"snapshot"_s).value("chats"_L1).toArray().first().toObject();
        QCOMPARE(chat.value("resolved"_L1), QJsonValue(true));
        QCOMPARE(chat.value("resolvedBy"_L1).toObject(), resolvedBy);
        QCOMPARE(chat.value("resolvedAt"_L1), e.value("updatedAt"_L1));
        const QJsonArray comments = chat.value("comments"_L1).toArray();
        QCOMPARE(comments.size(), 2);
        QCOMPARE(comments.at(1).toObject(), QJsonObject({{"id"_L1, reply}, {"deleted"_L1, true}}));

        a->send(TestClient::deleteChat(chatId));
        e = b->next(u"deleted-text-chat"_s);
        QCOMPARE(e.value("chatId"_L1).toString(), chatId);
        QCOMPARE(e.value("seq"_L1).toInteger(), 6);
    }

    void refusedOperations_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("scenario");
        QTest::newRow("edit another's comment") << u"forbidden"_s << u"edit-other"_s;
        QTest::newRow("delete another's comment") << u"forbidden"_s << u"delete-comment-other"_s;
        QTest::newRow("delete another's chat") << u"forbidden"_s << u"delete-chat-other"_s;
        QTest::newRow("unknown chat") << u"not-found"_s << u"unknown-chat"_s;
        QTest::newRow("unknown comment") << u"not-found"_s << u"unknown-comment"_s;
        QTest::newRow("deleted chat") << u"not-found"_s << u"deleted-chat"_s;
        QTest::newRow("chat id reused") << u"conflict"_s << u"reuse-chat-id"_s;
        QTest::newRow("comment id reused") << u"conflict"_s << u"reuse-comment-id"_s;
        QTest::newRow("id of a deleted chat") << u"conflict"_s << u"reuse-deleted-id"_s;
        QTest::newRow("chat id equals comment id") << u"conflict"_s << u"same-ids"_s;
        QTest::newRow("comment already deleted") << u"conflict"_s << u"delete-twice"_s;
        QTest::newRow("edit a deleted comment") << u"conflict"_s << u"edit-deleted"_s;
        QTest::newRow("blank text") << u"bad-request"_s << u"blank"_s;
        QTest::newRow("text too long") << u"too-large"_s << u"long"_s;
    }

    void refusedOperations()
    {
        QFETCH(QString, code);
        QFETCH(QString, scenario);
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        const QString chatId = TestClient::uuid(), commentId = TestClient::uuid();
        a->send(TestClient::newChat(chatId, commentId));
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());
        QVERIFY(!b->next(u"new-text-chat"_s).isEmpty());
        qint64 head = 1;
        if (scenario == "deleted-chat"_L1 || scenario == "reuse-deleted-id"_L1) {
            a->send(TestClient::deleteChat(chatId));
            QVERIFY(!a->next(u"deleted-text-chat"_s).isEmpty());
            QVERIFY(!b->next(u"deleted-text-chat"_s).isEmpty());
            ++head;
        } else if (scenario == "delete-twice"_L1 || scenario == "edit-deleted"_L1) {
            a->send(TestClient::update(chatId,
                                       change("delete-comment", {{"commentId"_L1, commentId}})));
            QVERIFY(!a->next(u"updated-text-chat"_s).isEmpty());
            QVERIFY(!b->next(u"updated-text-chat"_s).isEmpty());
            ++head;
        }
        QJsonObject op;
        TestClient *sender = a;
        const QString other = TestClient::uuid();
        if (scenario == "edit-other"_L1) {
            sender = b;
            op = TestClient::update(chatId, change("edit-comment", {{"commentId"_L1, commentId},
                                                                    {"text"_L1, u"mine now"_s}}));
        } else if (scenario == "delete-comment-other"_L1) {
            sender = b;
            op =
                TestClient::update(chatId, change("delete-comment", {{"commentId"_L1, commentId}}));
        } else if (scenario == "delete-chat-other"_L1) {
            sender = b;
            op = TestClient::deleteChat(chatId);
        } else if (scenario == "unknown-chat"_L1) {
            op = TestClient::update(other, change("resolve", {{"resolved"_L1, true}}));
        } else if (scenario == "unknown-comment"_L1) {
            op = TestClient::update(
                chatId, change("edit-comment", {{"commentId"_L1, other}, {"text"_L1, u"x"_s}}));
        } else if (scenario == "deleted-chat"_L1) {
            op = TestClient::update(chatId, change("resolve", {{"resolved"_L1, true}}));
        } else if (scenario == "reuse-chat-id"_L1) {
            op = TestClient::newChat(chatId, other);
        } else if (scenario == "reuse-comment-id"_L1) {
            op = TestClient::update(
                chatId, change("add-comment", {{"comment"_L1, comment(commentId, u"again"_s)}}));
        } else if (scenario == "reuse-deleted-id"_L1) {
            op = TestClient::newChat(other, commentId);
        } else if (scenario == "same-ids"_L1) {
            op = TestClient::newChat(other, other);
        } else if (scenario == "delete-twice"_L1) {
            op =
                TestClient::update(chatId, change("delete-comment", {{"commentId"_L1, commentId}}));
        } else if (scenario == "edit-deleted"_L1) {
            op = TestClient::update(chatId, change("edit-comment", {{"commentId"_L1, commentId},
                                                                    {"text"_L1, u"back"_s}}));
        } else if (scenario == "blank"_L1) {
            op = TestClient::update(
                chatId, change("add-comment", {{"comment"_L1, comment(other, u" \n\t "_s)}}));
        } else if (scenario == "long"_L1) {
            op = TestClient::update(
                chatId,
                change("add-comment", {{"comment"_L1, comment(other, QString(10001, u'x'))}}));
        }
        sender->send(op);
        const QJsonObject error = sender->next(u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), code);
        QCOMPARE(error.value("broadcastId"_L1), op.value("broadcastId"_L1));
        QVERIFY(!error.value("message"_L1).toString().isEmpty());

        // Nothing was stored or broadcast: the page's head is unchanged.
        TestClient *late = joined(u"p"_s);
        QVERIFY(late);
        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        QCOMPARE(probe.join(u"p"_s).value("seq"_L1).toInteger(), head);
        const TestClient *bystander = sender == a ? b : a;
        for (const QJsonObject &frame : bystander->pending())
            QVERIFY2(frame.value("type"_L1).toString() == "presence"_L1,
                     qPrintable(frame.value("type"_L1).toString()));
    }

    void roles()
    {
        TestClient *viewer = joined(u"p"_s, u"acme"_s, acme(u"vera"_s, u"viewer"_s));
        TestClient *member = joined(u"p"_s, u"acme"_s, acme(u"mia"_s));
        TestClient *moderator = joined(u"p"_s, u"acme"_s, acme(u"max"_s, u"moderator"_s));
        QVERIFY(viewer && member && moderator);

        const QString chatId = TestClient::uuid(), commentId = TestClient::uuid();
        const QJsonObject op = TestClient::newChat(chatId, commentId);
        viewer->send(op);
        QJsonObject error = viewer->next(u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"forbidden"_s);
        QCOMPARE(error.value("broadcastId"_L1), op.value("broadcastId"_L1));

        member->send(TestClient::newChat(chatId, commentId));
        QVERIFY(!viewer->next(u"new-text-chat"_s).isEmpty());
        // Any member may resolve; a moderator may edit and delete what others wrote.
        moderator->send(TestClient::update(chatId, change("resolve", {{"resolved"_L1, true}})));
        QVERIFY(!member->next(u"updated-text-chat"_s).isEmpty());
        moderator->send(TestClient::update(
            chatId, change("edit-comment", {{"commentId"_L1, commentId},
                                            {"text"_L1, u"[edited by moderator]"_s}})));
        QCOMPARE(member->next(u"updated-text-chat"_s)
                     .value("change"_L1)
                     .toObject()
                     .value("text"_L1)
                     .toString(),
                 u"[edited by moderator]"_s);
        moderator->send(TestClient::deleteChat(chatId));
        QCOMPARE(member->next(u"deleted-text-chat"_s).value("chatId"_L1).toString(), chatId);
        QCOMPARE(viewer->next(u"deleted-text-chat"_s).value("seq"_L1).toInteger(), 4);
    }

    void retriesAreAppliedOnce()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(op);
        const QJsonObject original = a->next(u"new-text-chat"_s);
        QVERIFY(!original.isEmpty());
        a->send(op);
        const QJsonObject again = a->next(u"new-text-chat"_s);
        QCOMPARE(again, original);

        // A retry from a new connection, after a reconnect, gets the original too.
        TestClient *a2 = joined(u"p"_s);
        QVERIFY(a2);
        a2->send(op);
        QCOMPARE(a2->next(u"new-text-chat"_s), original);

        QCOMPARE(b->next(u"new-text-chat"_s), original);
        b->settle();
        for (const QJsonObject &frame : b->pending())
            QCOMPARE(frame.value("type"_L1).toString(), u"presence"_s);
        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        QCOMPARE(probe.join(u"p"_s).value("seq"_L1).toInteger(), 1);
    }

    void presenceCountsDistinctUsers()
    {
        const QString ana = acme(u"ana"_s), bo = acme(u"bo"_s);
        TestClient *first = joined(u"p"_s, u"acme"_s, ana);
        QVERIFY(first);
        TestClient *second = joined(u"p"_s, u"acme"_s, bo);
        QVERIFY(second);
        const QJsonObject presence = first->next(u"presence"_s);
        QCOMPARE(presence.value("viewers"_L1).toInt(), 2);
        // Who is viewing, sorted by name (the name defaults to the user id).
        QCOMPARE(presence.value("users"_L1).toArray(),
                 QJsonArray({QJsonObject{{"id"_L1, "ana"_L1}, {"name"_L1, "ana"_L1}},
                             QJsonObject{{"id"_L1, "bo"_L1}, {"name"_L1, "bo"_L1}}}));

        // Ana in a second window: still two viewers, and nobody is told anything.
        auto *anaAgain = new TestClient(this);
        QVERIFY(anaAgain->open(m_server->url()));
        QCOMPARE(anaAgain->join(u"p"_s, u"acme"_s, ana).value("viewers"_L1).toInt(), 2);
        anaAgain->socket().close();
        QCOMPARE(anaAgain->waitClosed(), 1000);
        second->socket().close();
        QCOMPARE(first->next(u"presence"_s).value("viewers"_L1).toInt(), 1);
        first->settle();
        QVERIFY(first->pending().isEmpty());
    }

    void resumeReplaysMissedEvents()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString epoch = addChats(a, 3);
        QVERIFY(!epoch.isEmpty());

        TestClient back;
        QVERIFY(back.open(m_server->url()));
        const QJsonObject welcome =
            back.join(u"p"_s, u"local"_s, {}, QJsonObject{{"epoch"_L1, epoch}, {"seq"_L1, 1}});
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(true));
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 3);
        QCOMPARE(back.next().value("seq"_L1).toInteger(), 2);
        QCOMPARE(back.next().value("seq"_L1).toInteger(), 3);
        back.settle();
        for (const QJsonObject &frame : back.pending())
            QVERIFY(frame.value("type"_L1).toString() != "snapshot"_L1);
    }

    void resumeFallsBackToSnapshot_data()
    {
        QTest::addColumn<bool>("sameEpoch");
        QTest::addColumn<int>("seq");
        QTest::newRow("other epoch") << false << 1;
        QTest::newRow("ahead of the page") << true << 9;
    }

    void resumeFallsBackToSnapshot()
    {
        QFETCH(bool, sameEpoch);
        QFETCH(int, seq);
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString chatId = TestClient::uuid();
        a->send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());
        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        const QString epoch = probe.join(u"p"_s).value("epoch"_L1).toString();

        TestClient back;
        QVERIFY(back.open(m_server->url()));
        const QJsonObject welcome = back.join(
            u"p"_s, u"local"_s, {},
            QJsonObject{{"epoch"_L1, sameEpoch ? epoch : TestClient::uuid()}, {"seq"_L1, seq}});
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(false));
        const QJsonObject snapshot = back.next();
        QCOMPARE(snapshot.value("type"_L1).toString(), u"snapshot"_s);
        QCOMPARE(snapshot.value("epoch"_L1).toString(), epoch);
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), 1);
        QCOMPARE(chatIds(snapshot), QStringList{chatId});
    }

    // A page far larger than the send queue limit, and than a part of a catch-up, reaches a
    // client that reads: as one snapshot, and as a replay of every event from seq 0. A chat
    // created while the snapshot is on its way comes after it, neither lost nor doubled.
    void bigPageReachesAReader()
    {
        m_server->stop();
        m_server->config.limits.sendQueueBytes = 64 * 1024;
        m_server->config.limits.opsPerSecond = 100000;
        m_server->config.limits.burst = 100000;
        QVERIFY(m_server->restart());
        TestClient *writer = joined(u"big"_s);
        QVERIFY(writer);
        constexpr int Chats = 1000; // 5 MB of comments, more than the kernel takes at once
        QStringList texts;
        for (int i = 0; i < Chats; ++i) {
            texts.append(QString(5000, QChar(u'a' + i % 26)) + QString::number(i));
            writer->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), texts.last()));
        }
        for (int i = 0; i < Chats; ++i)
            QVERIFY(!writer->next(u"new-text-chat"_s).isEmpty());

        TestClient reader;
        QVERIFY(reader.open(m_server->url()));
        const QJsonObject welcome = reader.join(u"big"_s);
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(false));
        const QString late = TestClient::uuid();
        writer->send(TestClient::newChat(late, TestClient::uuid(), u"while it travels"_s));
        const QJsonObject snapshot = reader.next(u"snapshot"_s);
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), Chats);
        const QJsonArray chats = snapshot.value("chats"_L1).toArray();
        QCOMPARE(chats.size(), Chats);
        QStringList received;
        for (const QJsonValue &chat : chats)
            received.append(chat["comments"_L1][0]["text"_L1].toString());
        received.sort();
        texts.sort();
        QCOMPARE(received, texts);
        const QJsonObject after = reader.next(u"new-text-chat"_s);
        QCOMPARE(after.value("seq"_L1).toInteger(), Chats + 1);
        QCOMPARE(after["chat"_L1]["id"_L1].toString(), late);
        QVERIFY(reader.isConnected());

        TestClient back;
        QVERIFY(back.open(m_server->url()));
        const QJsonObject resumed =
            back.join(u"big"_s, u"local"_s, {},
                      QJsonObject{{"epoch"_L1, welcome.value("epoch"_L1)}, {"seq"_L1, 0}});
        QCOMPARE(resumed.value("recovered"_L1), QJsonValue(true));
        for (int seq = 1; seq <= Chats + 1; ++seq)
            QCOMPARE(back.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), seq);
        // Several batches, each well under the size of the whole replay.
        qsizetype batches = 0;
        for (const QByteArray &frame : std::as_const(back.rawFrames)) {
            if (frame.startsWith(R"({"events":)")) {
                ++batches;
                QVERIFY(frame.size() < 400 * 1024);
            }
        }
        QVERIFY(batches > 1);
        QVERIFY(back.isConnected());
    }

    // A replay whose events the store no longer holds is an error, never a recovery with events
    // missing: error/internal, then close 1011.
    void replayThatCannotBeReadIsAnError()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString epoch = addChats(a, 5);
        QVERIFY(!epoch.isEmpty());
        StoreProbe store(storePath());
        QVERIFY(store.exec(u"DELETE FROM events WHERE seq > 2"_s));

        TestClient back;
        QVERIFY(back.open(m_server->url()));
        QCOMPARE(back.join(u"p"_s, u"local"_s, {}, QJsonObject{{"epoch"_L1, epoch}, {"seq"_L1, 0}})
                     .value("recovered"_L1),
                 QJsonValue(true));
        QCOMPARE(back.next(u"error"_s).value("code"_L1).toString(), u"internal"_s);
        QCOMPARE(back.waitClosed(), 1011);
        for (const QJsonObject &frame : back.pending())
            QVERIFY(!frame.contains("seq"_L1) || frame.value("seq"_L1).toInteger() <= 2);
    }

    // The limits a tenant sets on its pages: an operation past one gets too-large and nothing is
    // stored; resolving and deleting are accepted at the limit; the bytes a page holds are
    // counted again after a restart.
    void pageLimitsAnswerTooLarge()
    {
        m_server->stop();
        m_server->config.tenants.first().pageLimits = {2, 3, 8 * 1024};
        QVERIFY(m_server->restart());
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const auto refused = [&](const QJsonObject &op, const QString &says) {
            a->send(op);
            const QJsonObject error = a->next(u"error"_s);
            return error.value("code"_L1).toString() == "too-large"_L1 &&
                   error.value("broadcastId"_L1) == op.value("broadcastId"_L1) &&
                   error.value("message"_L1).toString().contains(says);
        };
        const auto accepted = [&](const QJsonObject &op) {
            a->send(op);
            const QJsonObject event = a->next();
            return event.contains("seq"_L1) &&
                   event.value("broadcastId"_L1) == op.value("broadcastId"_L1);
        };

        const QString first = TestClient::uuid(), second = TestClient::uuid();
        QVERIFY(accepted(TestClient::newChat(first, TestClient::uuid())));
        QVERIFY(accepted(TestClient::newChat(second, TestClient::uuid())));
        QVERIFY(refused(TestClient::newChat(TestClient::uuid(), TestClient::uuid()), u"2 chats"_s));

        const QString comment2 = TestClient::uuid();
        QVERIFY(accepted(TestClient::update(
            first, change("add-comment", {{"comment"_L1, comment(comment2, u"two"_s)}}))));
        QVERIFY(accepted(TestClient::update(
            first, change("add-comment", {{"comment"_L1, comment(TestClient::uuid(), u"3"_s)}}))));
        QVERIFY(refused(TestClient::update(
                            first, change("add-comment", {{"comment"_L1, comment(TestClient::uuid(),
                                                                                 u"four"_s)}})),
                        u"3 comments"_s));
        // A deleted comment keeps its place in the chat.
        QVERIFY(accepted(
            TestClient::update(first, change("delete-comment", {{"commentId"_L1, comment2}}))));
        QVERIFY(refused(TestClient::update(
                            first, change("add-comment", {{"comment"_L1, comment(TestClient::uuid(),
                                                                                 u"four"_s)}})),
                        u"3 comments"_s));

        QVERIFY(accepted(TestClient::deleteChat(second)));
        const QString third = TestClient::uuid(), thirdComment = TestClient::uuid();
        QVERIFY(accepted(TestClient::newChat(third, thirdComment, QString(5000, u'x'))));
        // Over 8 KiB of events with this one.
        QVERIFY(refused(
            TestClient::update(third, change("edit-comment", {{"commentId"_L1, thirdComment},
                                                              {"text"_L1, QString(5000, u'y')}})),
            u"MiB"_s));
        QVERIFY(accepted(TestClient::update(third, change("resolve", {{"resolved"_L1, true}}))));

        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        const qint64 head = probe.join(u"p"_s).value("seq"_L1).toInteger();
        delete a;
        m_server->stop();
        QVERIFY(m_server->restart());
        a = joined(u"p"_s);
        QVERIFY(a);
        QVERIFY(refused(
            TestClient::update(
                third, change("add-comment",
                              {{"comment"_L1, comment(TestClient::uuid(), QString(4000, u'z'))}})),
            u"MiB"_s));
        QVERIFY(accepted(TestClient::update(third, change("resolve", {{"resolved"_L1, false}}))));
        TestClient after;
        QVERIFY(after.open(m_server->url()));
        QCOMPARE(after.join(u"p"_s).value("seq"_L1).toInteger(), head + 1);
    }

    void syncRepairsAGap()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString epoch = addChats(a, 4);
        QVERIFY(!epoch.isEmpty());

        a->send({{"type"_L1, "sync"_L1}, {"epoch"_L1, epoch}, {"since"_L1, 2}});
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 3);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 4);

        a->send({{"type"_L1, "sync"_L1}, {"epoch"_L1, TestClient::uuid()}, {"since"_L1, 2}});
        const QJsonObject snapshot = a->next(u"snapshot"_s);
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), 4);
        QCOMPARE(snapshot.value("chats"_L1).toArray().size(), 4);
    }

    void stateSurvivesRestart()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString chatId = TestClient::uuid();
        a->send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());
        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        const QJsonObject before = probe.join(u"p"_s);

        QVERIFY(m_server->restart());
        QCOMPARE(a->waitClosed(), 1001);

        TestClient after;
        QVERIFY(after.open(m_server->url()));
        const QJsonObject welcome =
            after.join(u"p"_s, u"local"_s, {},
                       QJsonObject{{"epoch"_L1, before.value("epoch"_L1)}, {"seq"_L1, 0}});
        QCOMPARE(welcome.value("epoch"_L1), before.value("epoch"_L1));
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 1);
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(true));
        QCOMPARE(after.next().value("chat"_L1).toObject().value("id"_L1).toString(), chatId);
    }

    void documents()
    {
        TestClient lobby;
        QVERIFY(lobby.open(m_server->url()));
        const QJsonObject welcome = lobby.join(QString());
        QVERIFY(!welcome.isEmpty());
        QVERIFY(!welcome.contains("epoch"_L1));
        QVERIFY(!welcome.contains("viewers"_L1));

        const QString content = u"# Handbook\n\nWelcome to the team.\n"_s;
        const QString sha = Glosa::Document::sha256Of(content);
        const QJsonObject doc{
            {"title"_L1, "Handbook"_L1}, {"format"_L1, "markdown"_L1}, {"content"_L1, content}};
        const QString bid = TestClient::uuid();
        lobby.send(
            {{"type"_L1, "publish-document"_L1}, {"broadcastId"_L1, bid}, {"document"_L1, doc}});
        const QJsonObject published = lobby.next(u"document-published"_s);
        QCOMPARE(published.value("broadcastId"_L1).toString(), bid);
        const QJsonObject stored = published.value("document"_L1).toObject();
        QCOMPARE(stored.value("page"_L1).toString(), u"doc/"_s + sha);
        QCOMPARE(stored.value("sha256"_L1).toString(), sha);
        QVERIFY(!stored.contains("content"_L1));

        // The same again changes nothing.
        lobby.send({{"type"_L1, "publish-document"_L1},
                    {"broadcastId"_L1, TestClient::uuid()},
                    {"document"_L1, doc}});
        QCOMPARE(lobby.next(u"document-published"_s).value("document"_L1).toObject(), stored);

        // A member other than its publisher cannot replace it; a moderator can.
        QJsonObject other = doc;
        other.insert("page"_L1, stored.value("page"_L1));
        other.insert("content"_L1, u"Something else"_s);
        TestClient stranger;
        QVERIFY(stranger.open(m_server->url()));
        QVERIFY(!stranger.join(QString()).isEmpty());
        stranger.send({{"type"_L1, "publish-document"_L1},
                       {"broadcastId"_L1, TestClient::uuid()},
                       {"document"_L1, other}});
        QCOMPARE(stranger.next(u"error"_s).value("code"_L1).toString(), u"forbidden"_s);

        lobby.send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "r1"_L1}});
        const QJsonObject list = lobby.next(u"documents"_s);
        QCOMPARE(list.value("requestId"_L1).toString(), u"r1"_s);
        QCOMPARE(list.value("documents"_L1).toArray().size(), 1);
        QCOMPARE(list.value("documents"_L1).toArray().first().toObject(), stored);

        // Chat operations need a page.
        lobby.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(lobby.next(u"error"_s).value("code"_L1).toString(), u"bad-request"_s);

        TestClient reader;
        QVERIFY(reader.open(m_server->url()));
        const QJsonObject onPage = reader.join(stored.value("page"_L1).toString());
        QCOMPARE(onPage.value("document"_L1).toObject().value("content"_L1).toString(), content);
        QCOMPARE(onPage.value("document"_L1).toObject().value("title"_L1).toString(),
                 u"Handbook"_s);

        TestClient *moderator = joined(u"x"_s, u"acme"_s, acme(u"max"_s, u"moderator"_s));
        TestClient *viewer = joined(u"x"_s, u"acme"_s, acme(u"vic"_s, u"viewer"_s));
        QVERIFY(moderator && viewer);
        viewer->send({{"type"_L1, "publish-document"_L1},
                      {"broadcastId"_L1, TestClient::uuid()},
                      {"document"_L1, doc}});
        QCOMPARE(viewer->next(u"error"_s).value("code"_L1).toString(), u"forbidden"_s);
        other.insert("page"_L1, u"x"_s);
        moderator->send({{"type"_L1, "publish-document"_L1},
                         {"broadcastId"_L1, TestClient::uuid()},
                         {"document"_L1, doc}});
        moderator->send({{"type"_L1, "publish-document"_L1},
                         {"broadcastId"_L1, TestClient::uuid()},
                         {"document"_L1, other}});
        QVERIFY(!moderator->next(u"document-published"_s).isEmpty());
        QCOMPARE(moderator->next(u"document-published"_s)
                     .value("document"_L1)
                     .toObject()
                     .value("page"_L1)
                     .toString(),
                 u"x"_s);
        // Tenants do not share documents.
        viewer->send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "r2"_L1}});
        const QJsonArray acmeDocs = viewer->next(u"documents"_s).value("documents"_L1).toArray();
        QCOMPARE(acmeDocs.size(), 2);
        for (const QJsonValue &d : acmeDocs)
            QVERIFY(d.toObject().value("sha256"_L1).toString() != QString());
    }

    // Its publisher or a moderator may publish a new version of a page's document; every
    // connection on the page gets it at once, and whoever joins later finds it in the welcome.
    void newVersionOfADocument()
    {
        const auto publish = [](TestClient *client, const QString &page, const QString &title,
                                const QString &content) {
            client->send({{"type"_L1, "publish-document"_L1},
                          {"broadcastId"_L1, TestClient::uuid()},
                          {"document"_L1, QJsonObject{{"page"_L1, page},
                                                      {"title"_L1, title},
                                                      {"format"_L1, "text"_L1},
                                                      {"content"_L1, content}}}});
            return client->next();
        };
        // The document-updated frames `client` got before the hub answered it once more.
        const auto updates = [](TestClient *client) {
            client->send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "mark"_L1}});
            QList<QJsonObject> found;
            for (QJsonObject f = client->next(); !f.isEmpty(); f = client->next()) {
                if (f.value("type"_L1).toString() == "documents"_L1)
                    return found;
                if (f.value("type"_L1).toString() == "document-updated"_L1)
                    found.append(f);
            }
            return QList<QJsonObject>{{{"timeout"_L1, true}}};
        };

        TestClient *pia = joined(u"lobby/pia"_s, u"acme"_s, acme(u"pia"_s));
        TestClient *rob = joined(u"handbook"_s, u"acme"_s, acme(u"rob"_s));
        QVERIFY(pia && rob);
        // Published on a page with a viewer: the viewer gets it.
        QCOMPARE(
            publish(pia, u"handbook"_s, u"Handbook"_s, u"Reading."_s).value("type"_L1).toString(),
            u"document-published"_s);
        const QJsonObject first = rob->next(u"document-updated"_s);
        QCOMPARE(first.value("document"_L1).toObject().value("content"_L1).toString(),
                 u"Reading."_s);

        TestClient *vic = joined(u"handbook"_s, u"acme"_s, acme(u"vic"_s, u"viewer"_s));
        TestClient *elsewhere = joined(u"other"_s, u"acme"_s, acme(u"eve"_s));
        QVERIFY(vic && elsewhere);

        // The publisher's new version reaches every connection of the page, with its content.
        const QJsonObject published =
            publish(pia, u"handbook"_s, u"Handbook, 2nd edition"_s, u"Reading!"_s);
        QCOMPARE(published.value("type"_L1).toString(), u"document-published"_s);
        QVERIFY(!published.value("document"_L1).toObject().contains("content"_L1));
        for (TestClient *viewer : {rob, vic}) {
            const QList<QJsonObject> got = updates(viewer);
            QCOMPARE(got.size(), 1);
            const QJsonObject d = got.first().value("document"_L1).toObject();
            QCOMPARE(d.value("page"_L1).toString(), u"handbook"_s);
            QCOMPARE(d.value("title"_L1).toString(), u"Handbook, 2nd edition"_s);
            QCOMPARE(d.value("content"_L1).toString(), u"Reading!"_s);
            QCOMPARE(d.value("sha256"_L1).toString(), Glosa::Document::sha256Of(u"Reading!"_s));
            QCOMPARE(d.value("updatedAt"_L1), published.value("document"_L1)["updatedAt"_L1]);
            QVERIFY(!got.first().contains("seq"_L1));
        }
        QVERIFY(updates(elsewhere).isEmpty());

        // Another member may not; the same version again changes nothing.
        QCOMPARE(publish(rob, u"handbook"_s, u"Mine"_s, u"Reading?"_s).value("code"_L1).toString(),
                 u"forbidden"_s);
        QCOMPARE(publish(vic, u"handbook"_s, u"Mine"_s, u"Reading?"_s).value("code"_L1).toString(),
                 u"forbidden"_s);
        QCOMPARE(publish(pia, u"handbook"_s, u"Handbook, 2nd edition"_s, u"Reading!"_s)
                     .value("type"_L1)
                     .toString(),
                 u"document-published"_s);
        QVERIFY(updates(vic).isEmpty());

        // A moderator may; the publisher still may after that.
        TestClient *max = joined(u"lobby/max"_s, u"acme"_s, acme(u"max"_s, u"moderator"_s));
        QVERIFY(max);
        QCOMPARE(publish(max, u"handbook"_s, u"Handbook"_s, u"Reading, edited."_s)
                     .value("type"_L1)
                     .toString(),
                 u"document-published"_s);
        QCOMPARE(updates(vic).size(), 1);
        QCOMPARE(publish(pia, u"handbook"_s, u"Handbook"_s, u"Reading, final."_s)
                     .value("type"_L1)
                     .toString(),
                 u"document-published"_s);
        QCOMPARE(updates(vic).size(), 1);

        // Not an event of the page: its head has not moved, and a later welcome carries it.
        TestClient late;
        QVERIFY(late.open(m_server->url()));
        const QJsonObject welcome = late.join(u"handbook"_s, u"acme"_s, acme(u"lea"_s));
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 0);
        QCOMPARE(welcome.value("document"_L1).toObject().value("content"_L1).toString(),
                 u"Reading, final."_s);
    }

    void tenantsNeverMeet()
    {
        TestClient *local = joined(u"shared-name"_s);
        TestClient *acmeClient = joined(u"shared-name"_s, u"acme"_s, acme(u"ana"_s));
        QVERIFY(local && acmeClient);
        local->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QVERIFY(!local->next(u"new-text-chat"_s).isEmpty());
        acmeClient->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(acmeClient->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        local->settle();
        acmeClient->settle();
        QVERIFY(local->pending().isEmpty());
        QVERIFY(acmeClient->pending().isEmpty());
    }

    // Two operations 5 ms apart reach another viewer of a quiet page as they are stored, in
    // order: a batch window of a minute holds neither.
    void quietPageIsNotHeldByTheWindow()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 60000;
        QVERIFY(m_server->start());
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QTimer::singleShot(
            5, a, [a] { a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid())); });
        QCOMPARE(b->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        QCOMPARE(b->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
    }

    // The operations that queue behind a slow commit are stored together, and their events reach
    // a viewer together, in one batch and in order, at once.
    void eventsStoredTogetherArriveTogether()
    {
        constexpr int Behind = 4;
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 60000;
        QVERIFY(m_server->start());
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        StoreProbe probe(storePath());
        const QString slow = sendTrapped(a, probe, false);
        QVERIFY(!slow.isEmpty());
        QStringList behind;
        for (int i = 0; i < Behind; ++i) {
            behind.append(TestClient::uuid());
            a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"behind"_s,
                                        behind.last()));
        }
        QVERIFY(roundTrip(a));
        QVERIFY2(!hasEvent(b->pending(), slow), "the commit ended before the test could queue");
        const qsizetype before = b->rawFrames.size();
        QCOMPARE(b->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow);
        for (const QString &broadcastId : std::as_const(behind))
            QCOMPARE(b->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), broadcastId);
        // The slow one alone, or with them where both commits were reported in one pass.
        const QByteArray last = b->rawFrames.constLast();
        QVERIFY(b->rawFrames.size() - before <= 2);
        QVERIFY(last.startsWith(R"({"events":[)"));
        for (const QString &broadcastId : std::as_const(behind))
            QVERIFY(last.contains(broadcastId.toLatin1()));
    }

    void presenceUnderChurnEndsTrue()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 300;
        QVERIFY(m_server->start());
        TestClient *observer = joined(u"p"_s);
        QVERIFY(observer);
        observer->settle(400);
        QList<TestClient *> crowd;
        for (int i = 0; i < 6; ++i) {
            TestClient *c = joined(u"p"_s);
            QVERIFY(c);
            crowd.append(c);
        }
        for (int i = 0; i < 2; ++i)
            crowd.at(i)->socket().close();
        QTRY_COMPARE(m_server->server()->connectionCount(), 5);
        observer->settle(400);
        QList<int> counts;
        for (const QJsonObject &frame : observer->pending())
            counts.append(frame.value("viewers"_L1).toInt());
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.last(), 5);
        QVERIFY2(counts.size() < 8, "presence frames under churn were not coalesced");
    }

    // A burst of joins is told to each viewer of the page in a few presence frames, one per
    // window whatever the number of joins, and the last frame a viewer gets carries the true
    // count; the connection whose arrival made the count learns it from its welcome alone.
    // `users` lists the first 50 viewers by name.
    void burstOfJoinsCoalescesPresence()
    {
        constexpr int Joins = 60;
        constexpr int MaxFrames = Joins / 6; // one per second-long window: a burst of 10 s
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.presenceMs = 1000;
        QVERIFY(m_server->start());
        TestClient *observer = joined(u"crowd"_s);
        QVERIFY(observer);
        QList<TestClient *> viewers{observer};
        QList<QJsonObject> welcomes{QJsonObject{{"viewers"_L1, 1}}};
        for (int i = 0; i < Joins; ++i) {
            auto *client = new TestClient(this);
            QVERIFY(client->open(m_server->url()));
            client->send({{"type"_L1, "hello"_L1},
                          {"v"_L1, 1},
                          {"tenant"_L1, "local"_L1},
                          {"page"_L1, "crowd"_L1},
                          {"name"_L1, u"Viewer %1"_s.arg(i, 2, 10, QChar(u'0'))}});
            welcomes.append(client->next(u"welcome"_s));
            QCOMPARE(welcomes.last().value("viewers"_L1).toInt(), i + 2);
            viewers.append(client);
        }
        // What each viewer was told last: its welcome, or a presence frame after it.
        const auto lastCount = [&](int i) {
            int count = welcomes.at(i).value("viewers"_L1).toInt();
            for (const QJsonObject &frame : viewers.at(i)->pending()) {
                if (frame.value("type"_L1).toString() == "presence"_L1)
                    count = frame.value("viewers"_L1).toInt();
            }
            return count;
        };
        for (int i = 0; i <= Joins; ++i)
            QTRY_COMPARE(lastCount(i), Joins + 1);
        for (int i = 0; i <= Joins; ++i) {
            qsizetype frames = 0;
            for (const QJsonObject &frame : viewers.at(i)->pending())
                frames += frame.value("type"_L1).toString() == "presence"_L1;
            QVERIFY2(frames <= MaxFrames,
                     qPrintable(u"viewer %1: %2 presence frames"_s.arg(i).arg(frames)));
            if (i == Joins)
                QCOMPARE(frames, 0);
        }

        QJsonArray users = welcomes.last().value("users"_L1).toArray();
        QCOMPARE(users.size(), 50);
        // The observer is a "Guest", before every "Viewer".
        QVERIFY(users.first().toObject().value("name"_L1).toString().startsWith("Guest "_L1));
        for (int i = 1; i < 50; ++i)
            QCOMPARE(users.at(i).toObject().value("name"_L1).toString(),
                     u"Viewer %1"_s.arg(i - 1, 2, 10, QChar(u'0')));
        // One leaves: the list moves up by one, in the frame of the next window.
        while (!observer->next({}, 0).isEmpty()) {
        }
        viewers.takeAt(1)->socket().close();
        const QJsonObject presence = observer->next(u"presence"_s);
        QCOMPARE(presence.value("viewers"_L1).toInt(), Joins);
        users = presence.value("users"_L1).toArray();
        QCOMPARE(users.size(), 50);
        QCOMPARE(users.at(1).toObject().value("name"_L1).toString(), u"Viewer 01"_s);
        QCOMPARE(users.at(49).toObject().value("name"_L1).toString(), u"Viewer 49"_s);
    }

    // A join, a resume and a sync that arrive while a write of their page is being committed
    // are answered once it is stored: the welcome, replay and snapshot include it, no gap.
    // The database file itself, not only its write-ahead log, holds an event a moment after it
    // was stored: checkpoints run beside the commits.
    void storedEventsReachTheDatabaseFile()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QVERIFY(!client.join(u"p"_s).isEmpty());
        const QString broadcastId = TestClient::uuid();
        client.send(
            TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"kept"_s, broadcastId));
        QCOMPARE(client.next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), broadcastId);

        QTemporaryDir copies;
        int attempt = 0;
        const auto eventsInFile = [&] {
            // The file alone, as a copy without its -wal: what a checkpoint has written.
            const QString copy = copies.filePath(u"copy-%1.sqlite3"_s.arg(++attempt));
            if (!QFile::copy(storePath(), copy))
                return -1;
            const QString name = u"file-copy-%1"_s.arg(attempt);
            int events = -1;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
                db.setDatabaseName(copy);
                QSqlQuery q(db);
                if (db.open() && q.exec(u"SELECT count(*) FROM events"_s) && q.next())
                    events = q.value(0).toInt();
            }
            QSqlDatabase::removeDatabase(name);
            return events;
        };
        QTRY_COMPARE(eventsInFile(), 1);
    }

    // A page the store cannot create: error/internal, then close 1011 (1006 may not be sent).
    void pageThatCannotBeLoadedClosesWith1011()
    {
        StoreProbe probe(storePath());
        QVERIFY(probe.exec(u"CREATE TRIGGER no_new_pages BEFORE INSERT ON pages "
                           u"BEGIN SELECT RAISE(ABORT, 'no new pages'); END"_s));
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QVERIFY(client.join(u"unloadable"_s).isEmpty());
        QCOMPARE(client.waitClosed(), 1011);
        QCOMPARE(client.rawFrames.size(), 1);
        QVERIFY(client.rawFrames.first().contains(R"("code":"internal")"));
    }

    void joinAndSyncWaitForWritesInFlight()
    {
        auto *a = new TestClient(this);
        QVERIFY(a->open(m_server->url()));
        const QString epoch = a->join(u"p"_s).value("epoch"_L1).toString();
        QVERIFY(!a->next(u"snapshot"_s).isEmpty());
        a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);

        StoreProbe probe(storePath());
        const QString slow = TestClient::uuid(), chatId = TestClient::uuid();
        QVERIFY(probe.trap(slow, false));
        a->send(TestClient::newChat(chatId, TestClient::uuid(), u"slow"_s, slow));
        QVERIFY(roundTrip(a));
        QVERIFY2(!hasEvent(a->pending()), "the commit ended before the test could join");

        TestClient resumed;
        QVERIFY(resumed.open(m_server->url()));
        const QJsonObject welcome =
            resumed.join(u"p"_s, u"local"_s, {}, QJsonObject{{"epoch"_L1, epoch}, {"seq"_L1, 1}});
        QCOMPARE(welcome.value("recovered"_L1), QJsonValue(true));
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 2);
        const QJsonObject replayed = resumed.next();
        QCOMPARE(replayed.value("seq"_L1).toInteger(), 2);
        QCOMPARE(replayed.value("broadcastId"_L1).toString(), slow);

        TestClient fresh;
        QVERIFY(fresh.open(m_server->url()));
        QCOMPARE(fresh.join(u"p"_s).value("seq"_L1).toInteger(), 2);
        const QJsonObject snapshot = fresh.next(u"snapshot"_s);
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), 2);
        QVERIFY(chatIds(snapshot).contains(chatId));
        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow);

        // A sync behind a write in flight: the echo, then the replay up to it.
        const QString slow2 = TestClient::uuid();
        QVERIFY(probe.trap(slow2, false));
        a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"slow"_s, slow2));
        QVERIFY(roundTrip(a));
        QVERIFY2(!hasEvent(a->pending()), "the commit ended before the test could sync");
        a->send({{"type"_L1, "sync"_L1}, {"epoch"_L1, epoch}, {"since"_L1, 1}});
        // (Presence of the joins above may come in between: it is coalesced.)
        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow2);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 3);
        // Those who joined while it was in flight get it as an event.
        QCOMPARE(resumed.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 3);
        QCOMPARE(fresh.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 3);
    }

    void retryOfAnOperationInFlightIsEchoedOnce()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"p"_s);
        QVERIFY(a && b);
        StoreProbe probe(storePath());
        const QString slow = TestClient::uuid();
        QVERIFY(probe.trap(slow, false));
        const QJsonObject op =
            TestClient::newChat(TestClient::uuid(), TestClient::uuid(), u"slow"_s, slow);
        a->send(op);
        QVERIFY(roundTrip(a));
        QVERIFY2(!hasEvent(a->pending()), "the commit ended before the retry");
        a->send(op);
        const QJsonObject after = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(after);
        for (TestClient *client : {a, b}) {
            const QJsonObject echo = client->next(u"new-text-chat"_s);
            QCOMPARE(echo.value("broadcastId"_L1).toString(), slow);
            QCOMPARE(echo.value("seq"_L1).toInteger(), 1);
            const QJsonObject next = client->next(u"new-text-chat"_s);
            QCOMPARE(next.value("broadcastId"_L1), after.value("broadcastId"_L1));
            QCOMPARE(next.value("seq"_L1).toInteger(), 2);
            client->settle();
            QVERIFY(!hasEvent(client->pending()));
        }
        QCOMPARE(probe.broadcasts(u"local"_s, u"p"_s).count(slow), 1);
    }

    // A commit that fails (a real SQLite error, from a trigger) fails its operation and those
    // of the page applied behind it; the page goes back to what is stored, other pages go on.
    void failedCommitFailsTheOperationsBehindIt()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *viewer = joined(u"p"_s);
        TestClient *other = joined(u"q"_s);
        QVERIFY(a && viewer && other);
        const QString chatId = TestClient::uuid(), commentId = TestClient::uuid();
        const QJsonObject first = TestClient::newChat(chatId, commentId);
        a->send(first);
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        QCOMPARE(viewer->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);

        StoreProbe probe(storePath());
        const QString lostComment = TestClient::uuid();
        const QString poison = sendTrapped(a, probe, true);
        QVERIFY(!poison.isEmpty());
        QTRY_VERIFY(probe.writerBusy());
        const QJsonObject behind1 = TestClient::update(
            chatId, change("add-comment", {{"comment"_L1, comment(lostComment, u"Lost"_s)}}));
        const QJsonObject behind2 = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(behind1);
        a->send(behind2);
        QVERIFY(roundTrip(a));
        other->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));

        for (const QString &bid : {poison, behind1.value("broadcastId"_L1).toString(),
                                   behind2.value("broadcastId"_L1).toString()}) {
            const QJsonObject error = a->next(u"error"_s);
            QCOMPARE(error.value("broadcastId"_L1).toString(), bid);
            QCOMPARE(error.value("code"_L1).toString(), u"internal"_s);
        }
        QCOMPARE(other->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
        viewer->settle();
        QVERIFY(!hasEvent(viewer->pending()));
        QVERIFY(!hasEvent(a->pending()));

        // The page is what the store holds.
        QCOMPARE(probe.broadcasts(u"local"_s, u"p"_s),
                 QStringList{first.value("broadcastId"_L1).toString()});
        TestClient fresh;
        QVERIFY(fresh.open(m_server->url()));
        QCOMPARE(fresh.join(u"p"_s).value("seq"_L1).toInteger(), 1);
        const QJsonObject snapshot = fresh.next(u"snapshot"_s);
        QCOMPARE(chatIds(snapshot), QStringList{chatId});
        QCOMPARE(snapshot.value("chats"_L1).toArray().first()["comments"_L1].toArray().size(), 1);

        // And goes on from there: the lost ids are free, the next seq follows the stored one.
        a->send(TestClient::update(
            chatId, change("add-comment", {{"comment"_L1, comment(lostComment, u"Again"_s)}})));
        QCOMPARE(a->next(u"updated-text-chat"_s).value("seq"_L1).toInteger(), 2);
        QCOMPARE(viewer->next(u"updated-text-chat"_s).value("seq"_L1).toInteger(), 2);
        QCOMPARE(fresh.next(u"updated-text-chat"_s).value("seq"_L1).toInteger(), 2);
    }

    // A join waiting for its page's writes is dropped by its client: nothing is sent to it, and
    // the page goes on for the others.
    void joinDroppedWhileWaitingForWrites()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        StoreProbe probe(storePath());
        const QString slow = sendTrapped(a, probe, false);
        QVERIFY(!slow.isEmpty());
        QTRY_VERIFY(probe.writerBusy());

        auto *leaving = new TestClient(this);
        QVERIFY(leaving->open(m_server->url()));
        leaving->send(
            {{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, "local"_L1}, {"page"_L1, "p"_L1}});
        QCOMPARE(leaving->settle(100), 0); // no welcome before the write is stored
        QVERIFY(probe.writerBusy());
        leaving->socket().abort();
        delete leaving;

        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow);
        a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(a->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
        QTRY_COMPARE(m_server->server()->connectionCount(), 1);
        QCOMPARE(a->next(u"presence"_s, 300), QJsonObject());
    }

    // A commit fails and the page cannot be read back from the store either: its viewers are
    // closed (1011) rather than going on from a state past what is stored, and the page comes
    // back, as stored, once the store can be read.
    void pageThatCannotBeReloadedIsClosed()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *viewer = joined(u"p"_s);
        QVERIFY(a && viewer);
        const QJsonObject first = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(first);
        QCOMPARE(viewer->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);

        // A table that the next commit writes to and that the page is read from goes away.
        StoreProbe probe(storePath());
        QVERIFY(probe.exec(u"ALTER TABLE comments RENAME TO comments_away"_s));
        a->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));

        QCOMPARE(a->waitClosed(), 1011);
        QCOMPARE(viewer->waitClosed(), 1011);
        QVERIFY(!hasEvent(viewer->pending()));

        QVERIFY(probe.exec(u"ALTER TABLE comments_away RENAME TO comments"_s));
        TestClient fresh;
        QVERIFY(fresh.open(m_server->url()));
        QCOMPARE(fresh.join(u"p"_s).value("seq"_L1).toInteger(), 1);
        fresh.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(fresh.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
    }

    // A new page and a document are written where the commits run, after the writes before
    // them, instead of waiting for the store's lock from the hub's connection.
    void newPagesAndDocumentsWhileWritesAreInFlight()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        StoreProbe probe(storePath());
        const QString slow = sendTrapped(a, probe, false);
        QVERIFY(!slow.isEmpty());

        TestClient fresh;
        QVERIFY(fresh.open(m_server->url()));
        const QJsonObject welcome = fresh.join(u"new/page"_s);
        QCOMPARE(welcome.value("seq"_L1).toInteger(), 0);
        QVERIFY(!welcome.value("epoch"_L1).toString().isEmpty());
        const QJsonObject doc{{"page"_L1, "new/page"_L1},
                              {"title"_L1, "New"_L1},
                              {"format"_L1, "text"_L1},
                              {"content"_L1, "Fresh"_L1}};
        fresh.send({{"type"_L1, "publish-document"_L1},
                    {"broadcastId"_L1, TestClient::uuid()},
                    {"document"_L1, doc}});
        QVERIFY(!fresh.next(u"document-published"_s).isEmpty());
        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow);

        TestClient reader;
        QVERIFY(reader.open(m_server->url()));
        const QJsonObject again = reader.join(u"new/page"_s);
        QCOMPARE(again.value("epoch"_L1), welcome.value("epoch"_L1));
        QCOMPARE(again.value("document"_L1).toObject().value("content"_L1).toString(), u"Fresh"_s);
    }

    // Nothing the hub does waits for the store on its thread: while a commit takes its time, a
    // join to a new page, a publication and a retry wait for the store, and the hub answers
    // everyone else meanwhile.
    void theHubNeverWaitsForTheStore()
    {
        TestClient *a = joined(u"p"_s);
        TestClient *b = joined(u"q"_s);
        QVERIFY(a && b);
        const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        b->send(op);
        const QJsonObject original = b->next(u"new-text-chat"_s);
        QVERIFY(!original.isEmpty());
        StoreProbe probe(storePath());
        QVERIFY(!sendTrapped(a, probe, false).isEmpty());

        TestClient fresh;
        QVERIFY(fresh.open(m_server->url()));
        fresh.send({{"type"_L1, "hello"_L1},
                    {"v"_L1, 1},
                    {"tenant"_L1, "local"_L1},
                    {"page"_L1, "brand/new"_L1}});
        const QJsonObject doc{
            {"title"_L1, "Doc"_L1}, {"format"_L1, "text"_L1}, {"content"_L1, "Words"_L1}};
        b->send({{"type"_L1, "publish-document"_L1},
                 {"broadcastId"_L1, TestClient::uuid()},
                 {"document"_L1, doc}});
        b->send(op);
        QCOMPARE(b->next(u"new-text-chat"_s), original);
        QVERIFY(roundTrip(b));
        QVERIFY(probe.writerBusy());
        QVERIFY(fresh.pending().isEmpty());

        QCOMPARE(fresh.next(u"welcome"_s).value("seq"_L1).toInteger(), 0);
        QVERIFY(!b->next(u"document-published"_s).isEmpty());
    }

    // A retry whose event the store is asked for holds the page's next messages back, so that
    // they apply in the order they were sent.
    void messagesAfterARetryKeepTheirOrder()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString chatId = TestClient::uuid();
        const QJsonObject op = TestClient::newChat(chatId, TestClient::uuid());
        a->send(op);
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());
        TestClient *again = joined(u"p"_s);
        QVERIFY(again);
        again->send(op);
        const QJsonObject reply = TestClient::update(
            chatId,
            change("add-comment", {{"comment"_L1, comment(TestClient::uuid(), u"after"_s)}}));
        again->send(reply);
        QCOMPARE(again->next(u"new-text-chat"_s).value("broadcastId"_L1),
                 op.value("broadcastId"_L1));
        QCOMPARE(again->next(u"updated-text-chat"_s).value("broadcastId"_L1),
                 reply.value("broadcastId"_L1));
    }

    // Messages that wait behind writes in flight go once these are stored, a retry among them
    // included: none of those after the retry is lost.
    void retryAmongWaitingMessagesLosesNone()
    {
        TestClient a;
        QVERIFY(a.open(m_server->url()));
        const QString epoch = a.join(u"p"_s).value("epoch"_L1).toString();
        QVERIFY(!a.next(u"snapshot"_s).isEmpty());
        const QJsonObject stored = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a.send(stored);
        QVERIFY(!a.next(u"new-text-chat"_s).isEmpty());

        StoreProbe probe(storePath());
        const QString slow = sendTrapped(&a, probe, false);
        QVERIFY(!slow.isEmpty());
        // Behind the slow write: a sync, a new chat, a retry, a new chat and a sync again.
        const QJsonObject sync{{"type"_L1, "sync"_L1}, {"epoch"_L1, epoch}, {"since"_L1, 2}};
        const QJsonObject before = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        const QJsonObject after = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        for (const QJsonObject &message : {sync, before, stored, after, sync})
            a.send(message);
        QSet<QString> seen;
        for (int i = 0; i < 4; ++i)
            seen.insert(a.next(u"new-text-chat"_s).value("broadcastId"_L1).toString());
        QCOMPARE(seen, (QSet<QString>{slow, before.value("broadcastId"_L1).toString(),
                                      stored.value("broadcastId"_L1).toString(),
                                      after.value("broadcastId"_L1).toString()}));
    }

    // A retry that the store cannot look up is refused with internal, naming its broadcastId.
    void retryThatCannotBeLookedUpIsAnError()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(op);
        QVERIFY(!a->next(u"new-text-chat"_s).isEmpty());
        StoreProbe probe(storePath());
        QVERIFY(probe.exec(u"ALTER TABLE events RENAME TO events_gone"_s));
        a->send(op);
        const QJsonObject error = a->next(u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"internal"_s);
        QCOMPARE(error.value("broadcastId"_L1), op.value("broadcastId"_L1));
        QVERIFY(probe.exec(u"ALTER TABLE events_gone RENAME TO events"_s));
    }

    // A graceful stop stores the writes in flight and sends their events before closing.
    void stopStoresWritesInFlight()
    {
        TestClient *a = joined(u"p"_s);
        QVERIFY(a);
        const QString slow = TestClient::uuid(), chatId = TestClient::uuid();
        {
            StoreProbe probe(storePath());
            QVERIFY(probe.trap(slow, false));
        }
        a->send(TestClient::newChat(chatId, TestClient::uuid(), u"slow"_s, slow));
        const QJsonObject second = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
        a->send(second);
        QVERIFY(roundTrip(a));
        QVERIFY2(!hasEvent(a->pending()), "the commit ended before the stop");
        TestClient lobby;
        QVERIFY(lobby.open(m_server->url()));
        m_server->stop();
        // Once stopping, a hello gets no welcome, with a page or without one.
        lobby.send({{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, "local"_L1}});
        QCOMPARE(lobby.waitClosed(), 1001);
        QVERIFY(lobby.rawFrames.isEmpty());
        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1).toString(), slow);
        QCOMPARE(a->next(u"new-text-chat"_s).value("broadcastId"_L1),
                 second.value("broadcastId"_L1));
        QCOMPARE(a->waitClosed(), 1001);

        QVERIFY(m_server->start());
        TestClient after;
        QVERIFY(after.open(m_server->url()));
        QCOMPARE(after.join(u"p"_s).value("seq"_L1).toInteger(), 2);
        QVERIFY(chatIds(after.next(u"snapshot"_s)).contains(chatId));
    }

    // On several I/O threads the pages spread over them; each page's viewers, on its thread,
    // stay in step, and the server counts the connections and pages of every thread.
    void pagesOnSeveralThreads()
    {
        QVERIFY(onThreads(3));
        constexpr int Pages = 30;
        QList<TestClient *> viewers;
        for (int i = 0; i < Pages * 2; ++i) {
            viewers.append(joined(u"page/%1"_s.arg(i / 2)));
            QVERIFY(viewers.last());
        }
        Glosa::Server *server = m_server->server();
        QCOMPARE(server->hubs().size(), 3);
        QCOMPARE(server->connectionCount(), Pages * 2);
        QCOMPARE(server->pageCount(), Pages);
        for (const Glosa::Hub *hub : server->hubs())
            QVERIFY(hub->pageCount() > 0);

        for (int i = 0; i < Pages; ++i)
            viewers.at(2 * i)->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(),
                                                        u"on page %1"_s.arg(i)));
        for (int i = 0; i < Pages; ++i) {
            const QJsonObject echo = viewers.at(2 * i)->next(u"new-text-chat"_s);
            QCOMPARE(echo.value("seq"_L1).toInteger(), 1);
            QCOMPARE(viewers.at(2 * i + 1)->next(u"new-text-chat"_s), echo);
            QCOMPARE(echo.value("chat"_L1)
                         .toObject()
                         .value("comments"_L1)
                         .toArray()
                         .first()
                         .toObject()
                         .value("text"_L1)
                         .toString(),
                     u"on page %1"_s.arg(i));
        }
        delete viewers.takeLast();
        QCOMPARE(viewers.last()->next(u"presence"_s).value("viewers"_L1).toInt(), 1);
        QTRY_COMPARE(server->connectionCount(), Pages * 2 - 1);
    }

    // A document published from a connection on one thread reaches the viewers of its page on
    // another.
    void documentsReachPagesOnOtherThreads()
    {
        QVERIFY(onThreads(3));
        TestClient *viewer = joined(u"handbook"_s, u"acme"_s, acme(u"vic"_s));
        QVERIFY(viewer);
        // Lobby connections are handed to the threads in turn: these three are on all three.
        QList<TestClient *> lobby;
        for (int i = 0; i < 3; ++i) {
            lobby.append(new TestClient(this));
            QVERIFY(lobby.last()->open(m_server->url()));
            QVERIFY(!lobby.last()->join(QString(), u"acme"_s, acme(u"pia"_s)).isEmpty());
        }
        for (int i = 0; i < lobby.size(); ++i) {
            const QString content = u"Version %1."_s.arg(i);
            lobby.at(i)->send({{"type"_L1, "publish-document"_L1},
                               {"broadcastId"_L1, TestClient::uuid()},
                               {"document"_L1, QJsonObject{{"page"_L1, "handbook"_L1},
                                                           {"title"_L1, "Handbook"_L1},
                                                           {"format"_L1, "text"_L1},
                                                           {"content"_L1, content}}}});
            QVERIFY(!lobby.at(i)->next(u"document-published"_s).isEmpty());
            QCOMPARE(viewer->next(u"document-updated"_s)
                         .value("document"_L1)
                         .toObject()
                         .value("content"_L1)
                         .toString(),
                     content);
        }
        TestClient later;
        QVERIFY(later.open(m_server->url()));
        QCOMPARE(later.join(u"handbook"_s, u"acme"_s, acme(u"lou"_s))
                     .value("document"_L1)
                     .toObject()
                     .value("content"_L1)
                     .toString(),
                 u"Version 2."_s);
    }

    // A graceful stop on several threads closes every connection, on every thread, with 1001.
    void stopClosesEveryThread()
    {
        QVERIFY(onThreads(3));
        QList<TestClient *> clients;
        for (int i = 0; i < 9; ++i) {
            clients.append(joined(u"page/%1"_s.arg(i)));
            QVERIFY(clients.last());
        }
        auto *lobby = new TestClient(this);
        QVERIFY(lobby->open(m_server->url()));
        QVERIFY(!lobby->join(QString()).isEmpty());
        clients.append(lobby);
        m_server->stop();
        for (TestClient *client : std::as_const(clients))
            QCOMPARE(client->waitClosed(), 1001);
    }
};

GLOSA_SERVER_TEST_MAIN(tst_Hub)
#include "tst_hub.moc"

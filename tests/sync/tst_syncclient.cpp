#include "testclient.h"
#include "testserver.h"

#include "chatreducer.h"
#include "codec.h"
#include "credentialstore.h"
#include "outbox.h"
#include "syncclient.h"
#include "validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;
using Glosa::SyncClient;

namespace {

Glosa::NewChatOp newChat(const QString &text = u"note"_s)
{
    return {Glosa::Validation::newUuid(),
            Glosa::Validation::newUuid(),
            {0, 5, u"Hello"_s, {}, {}},
            Glosa::Validation::newUuid(),
            text};
}

} // namespace

// SyncClient against the real server: live state, reconnection with resume, the outbox on
// disk, snapshots after lost history, tokens, the rate limit; and against scripted peers for
// what the real server never does (a gap in seq, a server that stops answering).
class tst_SyncClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;

    SyncClient::Options options(const QString &page = u"p"_s) const
    {
        SyncClient::Options o;
        if (m_server)
            o.urls = {m_server->url()};
        o.page = page;
        o.minBackoffMs = 50;
        o.maxBackoffMs = 400;
        o.watchNetwork = false;
        return o;
    }

    // A server whose one tenant, acme, needs tokens signed with "s".
    bool restartForAcme()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.tenants = {{u"acme"_s, "s", false, {}}};
        return m_server->start();
    }

    // A URL where nothing listens: a port bound and released again.
    static QUrl closedUrl()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return {};
        return QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(probe.serverPort()));
    }

    // The chats of the page, as a newcomer sees them.
    QJsonArray chatsOnServer(const QString &page = u"p"_s)
    {
        TestClient probe;
        if (!probe.open(m_server->url()) || probe.join(page).isEmpty())
            return {};
        return probe.next(u"snapshot"_s).value("chats"_L1).toArray();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void goesLive()
    {
        SyncClient client(options());
        QSignalSpy states(&client, &SyncClient::stateChanged);
        QSignalSpy snapshots(&client, &SyncClient::snapshotReceived);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(states.at(0).at(0).value<SyncClient::State>(), SyncClient::State::Connecting);
        QCOMPARE(states.at(1).at(0).value<SyncClient::State>(), SyncClient::State::Syncing);
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(client.viewers(), 1);
        QVERIFY(client.user().id.startsWith(u"anon:"_s));
    }

    // The page's document, as the welcome brings it and as new versions are published.
    void documentFollowsNewVersions()
    {
        SyncClient client(options());
        QSignalSpy changes(&client, &SyncClient::documentChanged);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QVERIFY(!client.document());
        QCOMPARE(changes.size(), 0);

        TestClient publisher;
        QVERIFY(publisher.open(m_server->url()));
        QVERIFY(!publisher.join(QString()).isEmpty());
        const auto publish = [&](const QString &content) {
            publisher.send({{"type"_L1, "publish-document"_L1},
                            {"broadcastId"_L1, TestClient::uuid()},
                            {"document"_L1, QJsonObject{{"page"_L1, "p"_L1},
                                                        {"title"_L1, "Notes"_L1},
                                                        {"format"_L1, "text"_L1},
                                                        {"content"_L1, content}}}});
            return !publisher.next(u"document-published"_s).isEmpty();
        };
        QVERIFY(publish(u"First."_s));
        QTRY_COMPARE(changes.size(), 1);
        QCOMPARE(client.document()->content, u"First."_s);
        QVERIFY(publish(u"Second."_s));
        QTRY_COMPARE(changes.size(), 2);
        QCOMPARE(client.document()->content, u"Second."_s);

        // Back after a break, the welcome brings the same version: nothing changed.
        m_server->stop();
        QTRY_COMPARE(client.state(), SyncClient::State::Reconnecting);
        QVERIFY(m_server->restart());
        QSignalSpy welcomes(&client, &SyncClient::welcomed);
        QTRY_COMPARE(welcomes.size(), 1);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(client.document()->content, u"Second."_s);
    }

    void reconnectsAndReplaysWhatItMissed()
    {
        SyncClient::Options o = options();
        SyncClient client(o);
        QSignalSpy events(&client, &SyncClient::eventReceived);
        QSignalSpy snapshots(&client, &SyncClient::snapshotReceived);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        client.submit(newChat());
        QTRY_COMPARE(events.size(), 1);

        m_server->stop();
        QTRY_COMPARE(client.state(), SyncClient::State::Reconnecting);
        QVERIFY(client.nextAttempt().isValid());
        QVERIFY(m_server->restart());
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        // Someone else writes while the client is away again.
        m_server->stop();
        QTRY_COMPARE(client.state(), SyncClient::State::Reconnecting);
        QVERIFY(m_server->restart());
        TestClient other;
        QVERIFY(other.open(m_server->url()));
        QVERIFY(!other.join(u"p"_s).isEmpty());
        for (int i = 0; i < 3; ++i)
            other.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(other.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
        client.retryNow();
        QTRY_COMPARE(events.size(), 4);
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(client.seq(), 4);
        QCOMPARE(snapshots.size(), 1); // resumed, never replaced
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(Glosa::ChatReducer::seqOf(events.at(i).at(0).value<Glosa::ServerMessage>()),
                     i + 1);
    }

    void outboxWaitsForTheServer()
    {
        const QString path = m_dir.filePath(u"outbox-a.json"_s);
        SyncClient::Options o = options();
        o.outboxPath = path;
        auto client = std::make_unique<SyncClient>(o);
        client->start();
        QTRY_COMPARE(client->state(), SyncClient::State::Live);
        m_server->stop();
        QTRY_COMPARE(client->state(), SyncClient::State::Reconnecting);
        const Glosa::NewChatOp first = newChat(u"one"_s), second = newChat(u"two"_s);
        client->submit(first);
        client->submit(second);
        QCOMPARE(client->pendingCount(), 2);
        // Quitting now loses nothing: the outbox is on disk.
        client.reset();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).array().size(), 2);

        QVERIFY(m_server->restart());
        client = std::make_unique<SyncClient>(o);
        QCOMPARE(client->pendingCount(), 2);
        QSignalSpy acknowledged(client.get(), &SyncClient::operationAcknowledged);
        client->start();
        QTRY_COMPARE(client->pendingCount(), 0);
        QCOMPARE(acknowledged.size(), 2);
        QCOMPARE(acknowledged.at(0).at(0).toString(), first.broadcastId);
        const QJsonArray chats = chatsOnServer();
        QCOMPARE(chats.size(), 2);
        QCOMPARE(Glosa::Outbox(path).size(), 0);
    }

    void retriedOperationsApplyOnce()
    {
        // An operation whose echo was lost is sent again after reconnecting: the server
        // answers with the original event and stores nothing new.
        SyncClient client(options());
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        TestClient raw;
        QVERIFY(raw.open(m_server->url()));
        QVERIFY(!raw.join(u"p"_s).isEmpty());
        QSignalSpy acknowledged(&client, &SyncClient::operationAcknowledged);
        QSignalSpy events(&client, &SyncClient::eventReceived);
        const Glosa::NewChatOp op = newChat();
        raw.sendRaw(Glosa::Codec::encode(op));
        QVERIFY(!raw.next(u"new-text-chat"_s).isEmpty());
        QTRY_COMPARE(events.size(), 1);
        client.submit(op);
        QTRY_COMPARE(acknowledged.size(), 1);
        QCOMPARE(events.size(), 1);
        QCOMPARE(chatsOnServer().size(), 1);
    }

    void lostHistoryMeansSnapshot()
    {
        SyncClient client(options());
        QSignalSpy snapshots(&client, &SyncClient::snapshotReceived);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        client.submit(newChat());
        QTRY_COMPARE(client.seq(), 1);
        const QString epoch = client.epoch();
        QVERIFY(m_server->restartEmpty());
        QTRY_COMPARE(snapshots.size(), 2);
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QVERIFY(client.epoch() != epoch);
        QCOMPARE(client.seq(), 0);
        QVERIFY(snapshots.last().at(0).value<Glosa::Snapshot>().chats.isEmpty());
    }

    void freshTokenForEveryAttempt()
    {
        QVERIFY(restartForAcme());
        SyncClient::Options o = options();
        o.tenant = u"acme"_s;
        int asked = 0;
        o.tokenProvider = [&] {
            ++asked;
            return TestServer::token(u"acme"_s, "s", u"ana"_s, u"member"_s, u"Ana"_s);
        };
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(client.user().name, u"Ana"_s);
        QVERIFY(m_server->restart());
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QTRY_COMPARE(client.seq(), 0);
        QVERIFY(asked >= 2);
    }

    void refusedPageGoesOffline()
    {
        SyncClient::Options o = options();
        o.tenant = u"nobody"_s;
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Offline);
        QVERIFY(client.errorString().contains(u"nobody"_s));
    }

    // An anonymous user stays the same user from one client to the next (a restart of the app)
    // and across a restart of the server: what they wrote offline is still theirs to change.
    void anonymousIdentityOutlivesClientAndServer()
    {
        SyncClient::Options o = options();
        o.credentialPath = m_dir.filePath(u"identity.json"_s);
        o.outboxPath = m_dir.filePath(u"identity-outbox.json"_s);
        o.displayName = u"Ana"_s;
        auto client = std::make_unique<SyncClient>(o);
        client->start();
        QTRY_COMPARE(client->state(), SyncClient::State::Live);
        const Glosa::User ana = client->user();
        QCOMPARE(ana.name, u"Ana"_s);
        const Glosa::NewChatOp op = newChat();
        client->submit(op);
        QTRY_COMPARE(client->pendingCount(), 0);

        // Offline, the next run already knows who the user is, and edits the comment.
        m_server->stop();
        client = std::make_unique<SyncClient>(o);
        QCOMPARE(client->user(), ana);
        Glosa::Change edit;
        edit.op = Glosa::Change::Op::EditComment;
        edit.commentId = op.commentId;
        edit.text = u"Edited while offline"_s;
        const Glosa::UpdateChatOp update{Glosa::Validation::newUuid(), op.chatId, edit};
        client->submit(update);
        QSignalSpy rejected(client.get(), &SyncClient::operationRejected);
        QSignalSpy acknowledged(client.get(), &SyncClient::operationAcknowledged);
        QVERIFY(m_server->restart());
        client->start();
        QTRY_COMPARE(acknowledged.size(), 1);
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(client->user(), ana);
        const QJsonObject comment =
            chatsOnServer().first().toObject().value("comments"_L1).toArray().first().toObject();
        QCOMPARE(comment.value("text"_L1).toString(), u"Edited while offline"_s);
        QCOMPARE(comment.value("author"_L1).toObject().value("id"_L1).toString(), ana.id);
    }

    void newDisplayNameAppliesAtOnce()
    {
        SyncClient::Options o = options();
        o.credentialPath = m_dir.filePath(u"renamed.json"_s);
        o.displayName = u"Ana"_s;
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        const QString id = client.user().id;
        client.setDisplayName(u"Ana Lima"_s);
        QTRY_COMPARE(client.user().name, u"Ana Lima"_s);
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(client.user().id, id);
        // And it sticks: a later client without a name is still Ana Lima.
        o.displayName.clear();
        SyncClient later(o);
        later.start();
        QTRY_COMPARE(later.state(), SyncClient::State::Live);
        QCOMPARE(later.user(), client.user());
    }

    // A server that lost its key (a new installation) no longer knows the credential: the client
    // becomes a new user instead of staying refused.
    void unknownCredentialStartsANewUser()
    {
        SyncClient::Options o = options();
        o.credentialPath = m_dir.filePath(u"forgotten.json"_s);
        Glosa::CredentialStore(o.credentialPath)
            .save({u"anon:abc"_s, u"Old"_s, Glosa::User::Role::Member}, u"1.AAAA.BBBB"_s);
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QVERIFY(client.user().id != u"anon:abc"_s);
        QVERIFY(!Glosa::CredentialStore(o.credentialPath).credential().isEmpty());
    }

    void signInFaultsNeedTheSettings_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("says");
        QTest::newRow("no token") << QString() << u"needs a token"_s;
        QTest::newRow("expired") << TestServer::token(u"acme"_s, "s", u"ana"_s, u"member"_s, {},
                                                      -3600)
                                 << u"expired"_s;
        QTest::newRow("wrong secret")
            << TestServer::token(u"acme"_s, "other", u"ana"_s) << u"did not accept your token"_s;
    }

    // A refusal that no retry can fix stops the client and says why, instead of a retry loop.
    void signInFaultsNeedTheSettings()
    {
        QFETCH(QString, token);
        QFETCH(QString, says);
        QVERIFY(restartForAcme());
        SyncClient::Options o = options();
        o.tenant = u"acme"_s;
        int attempts = 0;
        o.tokenProvider = [&] {
            ++attempts;
            return token;
        };
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Offline);
        QVERIFY(client.needsSettings());
        QVERIFY2(client.errorString().contains(says), qPrintable(client.errorString()));
        QTest::qWait(3 * o.maxBackoffMs);
        QCOMPARE(attempts, 1);
        QCOMPARE(client.state(), SyncClient::State::Offline);

        // Fixed, a retry gets in.
        token = TestServer::token(u"acme"_s, "s", u"ana"_s);
        client.retryNow();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QVERIFY(!client.needsSettings());
    }

    void rejectionsAreReported()
    {
        SyncClient client(options());
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        Glosa::DeleteChatOp op{Glosa::Validation::newUuid(), Glosa::Validation::newUuid()};
        QSignalSpy rejected(&client, &SyncClient::operationRejected);
        client.submit(op);
        QTRY_COMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).toString(), op.broadcastId);
        QVERIFY(rejected.at(0).at(1).toString().contains(u"no longer exists"_s));
        QCOMPARE(client.pendingCount(), 0);
    }

    void rateLimitedOperationsAreRetried()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.limits.opsPerSecond = 5;
        m_server->config.limits.burst = 2;
        QVERIFY(m_server->start());
        SyncClient client(options());
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QSignalSpy rejected(&client, &SyncClient::operationRejected);
        for (int i = 0; i < 6; ++i)
            client.submit(newChat());
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 15000);
        QVERIFY(rejected.isEmpty());
        QCOMPARE(chatsOnServer().size(), 6);
    }

    // A long outbox kept while offline is sent at a pace the server's default rate limit
    // accepts: nothing is refused and the connection is never closed for it.
    void longOutboxIsPaced()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.limits.opsPerSecond = 60;
        m_server->config.limits.burst = 30;
        QVERIFY(m_server->start());
        SyncClient::Options o = options();
        o.sendBurst = 20;
        o.sendPerSecond = 50;
        SyncClient client(o);
        QSignalSpy states(&client, &SyncClient::stateChanged);
        QSignalSpy rejected(&client, &SyncClient::operationRejected);
        for (int i = 0; i < 200; ++i)
            client.submit(newChat(u"note %1"_s.arg(i)));
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 20000);
        QVERIFY(rejected.isEmpty());
        QCOMPARE(client.state(), SyncClient::State::Live);
        int reconnects = 0;
        for (const QList<QVariant> &change : states)
            reconnects +=
                change.at(0).value<SyncClient::State>() == SyncClient::State::Reconnecting;
        QCOMPARE(reconnects, 0);
        QCOMPARE(chatsOnServer().size(), 200);
    }

    // Several URLs: the nodes of one cluster. The first cannot be reached; the client goes on
    // to the second and is welcomed there.
    void unreachableFirstUrlIsSkipped()
    {
        SyncClient::Options o = options();
        const QUrl closed = closedUrl();
        o.urls = {closed, m_server->url()};
        SyncClient client(o);
        QCOMPARE(client.url(), closed);
        QSignalSpy urls(&client, &SyncClient::urlChanged);
        QSignalSpy welcomes(&client, &SyncClient::welcomed);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(welcomes.size(), 1);
        QCOMPARE(client.url(), m_server->url());
        QCOMPARE(urls.size(), 1);
        QCOMPARE(urls.first().first().toUrl(), m_server->url());
    }

    // A node that takes the connection but never answers the handshake is left after
    // connectTimeoutMs for the next.
    void silentNodeIsLeftForTheNext()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            silent.nextPendingConnection()->setParent(&silent);
            ++connections;
        });
        SyncClient::Options o = options();
        o.urls = {QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(silent.serverPort())), m_server->url()};
        o.connectTimeoutMs = 1000;
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(connections, 1);
        QCOMPARE(client.url(), m_server->url());
    }

    // Every URL is tried once, in order, round the list; the attempts of a round follow each
    // other after a short delay, and only a new round waits longer.
    void everyUrlIsTriedInTurn()
    {
        SyncClient::Options o = options();
        o.urls = {closedUrl(), closedUrl(), closedUrl()};
        o.minBackoffMs = 100;
        o.maxBackoffMs = 10000;
        SyncClient client(o);
        QList<QUrl> tried;
        QList<qint64> delays;
        connect(&client, &SyncClient::stateChanged, this, [&](SyncClient::State state) {
            if (state == SyncClient::State::Connecting)
                tried.append(client.url());
            else if (state == SyncClient::State::Reconnecting)
                delays.append(QDateTime::currentDateTime().msecsTo(client.nextAttempt()));
        });
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(tried.size() >= 7, 10000);
        client.stop();
        for (int i = 0; i < 7; ++i)
            QCOMPARE(tried.at(i), o.urls.at(i % 3));
        // Within a round (the 2nd and 3rd attempt of each), no more than the shortest backoff.
        for (int i = 0; i < 6; ++i) {
            if (i % 3 != 0)
                QVERIFY2(delays.at(i) <= o.minBackoffMs, qPrintable(QString::number(delays.at(i))));
        }
    }

    // The node in use goes away while changes wait in the outbox: the client moves to the next
    // node (here the same data served again on another port, as another node of a cluster
    // would serve it) and resumes there. Every change arrives once, the user stays the same
    // user, and the history is resumed, not replaced.
    void movesToTheNextNodeWithoutLoss()
    {
        const QUrl other = closedUrl();
        SyncClient::Options o = options();
        o.urls = {m_server->url(), other};
        o.outboxPath = m_dir.filePath(u"cluster-outbox.json"_s);
        o.credentialPath = m_dir.filePath(u"cluster-identity.json"_s);
        SyncClient client(o);
        QSignalSpy events(&client, &SyncClient::eventReceived);
        QSignalSpy snapshots(&client, &SyncClient::snapshotReceived);
        QSignalSpy acknowledged(&client, &SyncClient::operationAcknowledged);
        QSignalSpy rejected(&client, &SyncClient::operationRejected);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        const Glosa::User user = client.user();
        client.submit(newChat(u"before"_s));
        QTRY_COMPARE(acknowledged.size(), 1);

        // Sent as the node goes away: stored there or not, it must arrive once.
        client.submit(newChat(u"as it goes"_s));
        m_server->stop();
        QTRY_COMPARE(client.state(), SyncClient::State::Reconnecting);
        client.submit(newChat(u"while away"_s));

        m_server->config.listenPort = quint16(other.port());
        QVERIFY(m_server->start());
        QCOMPARE(m_server->url(), other);
        QTRY_COMPARE(client.pendingCount(), 0);
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(client.url(), other);
        QCOMPARE(client.user().id, user.id);
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(acknowledged.size(), 3);
        QSet<QString> ids;
        for (const QList<QVariant> &ack : std::as_const(acknowledged))
            ids.insert(ack.first().toString());
        QCOMPARE(ids.size(), 3);
        QCOMPARE(events.size(), 3);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(Glosa::ChatReducer::seqOf(events.at(i).at(0).value<Glosa::ServerMessage>()),
                     i + 1);
        QCOMPARE(client.seq(), 3);
        QCOMPARE(chatsOnServer().size(), 3);
    }

    // With one URL the client stays with it, however often it has to reconnect; a new list
    // that still holds the URL in use keeps the connection.
    void oneUrlStaysTheUrl()
    {
        SyncClient client(options());
        QSignalSpy urls(&client, &SyncClient::urlChanged);
        QSignalSpy states(&client, &SyncClient::stateChanged);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        m_server->stop();
        const auto reconnects = [&] {
            return std::count_if(states.cbegin(), states.cend(), [](const QList<QVariant> &s) {
                return s.first().value<SyncClient::State>() == SyncClient::State::Reconnecting;
            });
        };
        QTRY_VERIFY(reconnects() >= 3);
        QVERIFY(m_server->restart());
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        QCOMPARE(client.url(), m_server->url());
        QCOMPARE(urls.size(), 0);

        states.clear();
        client.setUrls({closedUrl(), m_server->url()});
        QCOMPARE(client.url(), m_server->url());
        QCOMPARE(urls.size(), 0);
        QCOMPARE(client.state(), SyncClient::State::Live);
        QVERIFY(states.isEmpty());
    }

    // A scripted peer (a QWebSocketServer driven by the test), since the real server never
    // skips a seq: the client must notice the gap, ask with sync and apply everything once.
    void gapIsRepaired()
    {
        QWebSocketServer peer(u"scripted"_s, QWebSocketServer::NonSecureMode);
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        QList<QJsonObject> received;
        QWebSocket *socket = nullptr;
        connect(&peer, &QWebSocketServer::newConnection, this, [&] {
            socket = peer.nextPendingConnection();
            connect(socket, &QWebSocket::textMessageReceived, this, [&](const QString &text) {
                received.append(QJsonDocument::fromJson(text.toUtf8()).object());
            });
        });
        const auto event = [](qint64 seq) {
            Glosa::Chat chat{Glosa::Validation::newUuid(),
                             {int(seq), int(seq) + 1, u"x"_s, {}, {}},
                             {u"u"_s, u"U"_s},
                             1,
                             1,
                             false,
                             {}};
            return Glosa::Codec::encode(
                Glosa::NewChatEvent{seq, Glosa::Validation::newUuid(), chat});
        };
        SyncClient::Options o = options();
        o.urls = {QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(peer.serverPort()))};
        SyncClient client(o);
        QSignalSpy events(&client, &SyncClient::eventReceived);
        client.start();
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().value("type"_L1).toString(), u"hello"_s);
        Glosa::Welcome welcome;
        welcome.connection = u"c"_s;
        welcome.user = {u"u"_s, u"U"_s, Glosa::User::Role::Member};
        welcome.epoch = u"e1"_s;
        welcome.seq = 1;
        socket->sendTextMessage(QString::fromUtf8(Glosa::Codec::encode(welcome)));
        socket->sendTextMessage(
            QString::fromUtf8(Glosa::Codec::encode(Glosa::Snapshot{u"e1"_s, 1, {}})));
        QTRY_COMPARE(client.state(), SyncClient::State::Live);
        socket->sendTextMessage(QString::fromUtf8(event(2)));
        socket->sendTextMessage(QString::fromUtf8(event(4)));
        socket->sendTextMessage(QString::fromUtf8(event(5)));
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.at(1),
                 QJsonObject({{"type"_L1, "sync"_L1}, {"epoch"_L1, "e1"_L1}, {"since"_L1, 2}}));
        QCOMPARE(events.size(), 1);
        socket->sendTextMessage(
            QString::fromUtf8(Glosa::Codec::encodeBatch({event(3), event(4), event(5)})));
        QTRY_COMPARE(events.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(Glosa::ChatReducer::seqOf(events.at(i).at(0).value<Glosa::ServerMessage>()),
                     i + 2);
        QCOMPARE(client.seq(), 5);
        // Garbage from the server is ignored.
        socket->sendTextMessage(u"{not json"_s);
        socket->sendTextMessage(QString::fromUtf8(event(6)));
        QTRY_COMPARE(events.size(), 5);
    }

    // A peer that completes the handshake and then never answers anything, pings included.
    void silentServerIsLeft()
    {
        QTcpServer peer;
        QVERIFY(peer.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&peer, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *s = peer.nextPendingConnection();
            ++connections;
            connect(s, &QTcpSocket::readyRead, s, [s] {
                const QByteArray request = s->peek(4096);
                if (!request.contains("\r\n\r\n") || s->property("done").toBool())
                    return;
                s->setProperty("done", true);
                const qsizetype at = request.indexOf("Sec-WebSocket-Key: ") + 19;
                const QByteArray key = request.mid(at, request.indexOf("\r\n", at) - at);
                const QByteArray accept =
                    QCryptographicHash::hash(
                        QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                        QCryptographicHash::Sha1)
                        .toBase64();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                         "Upgrade\r\n"
                         "Sec-WebSocket-Accept: " +
                         accept + "\r\n\r\n");
                s->setReadBufferSize(1);
            });
        });
        SyncClient::Options o = options();
        o.urls = {QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(peer.serverPort()))};
        o.pingIntervalMs = 100;
        o.pongTimeoutMs = 200;
        SyncClient client(o);
        client.start();
        QTRY_COMPARE(client.state(), SyncClient::State::Syncing);
        QTRY_VERIFY(connections >= 2);
    }
};

QTEST_GUILESS_MAIN(tst_SyncClient)
#include "tst_syncclient.moc"

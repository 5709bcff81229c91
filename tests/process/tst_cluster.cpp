// Several glosa-server nodes on one real PostgreSQL: any node serves any page, the database
// orders each page's events, presence counts users over every node, and nothing acknowledged is
// lost when a node is killed or the database restarts.

#include "eventledger.h"
#include "jwt.h"
#include "postgresserver.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Nodes = 3;
constexpr auto Tenant = "acme"_L1;
constexpr auto Secret = "a-secret-the-nodes-share-0123456789"_L1;
constexpr int LoadTimeout = 60000;

QString token(const QString &user)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QString::fromLatin1(Glosa::Jwt::sign(
        {{"tid"_L1, Tenant}, {"sub"_L1, user}, {"name"_L1, user}, {"exp"_L1, now + 3600}},
        QByteArray(Secret.data(), Secret.size())));
}

// Waits for a presence frame that counts `viewers`, consuming the frames before it.
bool viewersSeen(TestClient &client, int viewers, int timeout = 5000)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonObject presence = client.next(u"presence"_s, 100);
            return !presence.isEmpty() && presence.value("viewers"_L1).toInt() == viewers;
        },
        timeout);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

using Op = EventLedger::Op;

// A client that keeps a few operations in flight on one page, through one node after another:
// when its node goes away it joins the next one with its epoch and seq, and sends again what was
// not acknowledged, with the same broadcastIds.
class Writer : public QObject
{
public:
    Writer(QString name, QList<QUrl> nodes, int first, QString page, EventLedger *ledger)
        : m_name(std::move(name))
        , m_nodes(std::move(nodes))
        , m_node(first)
        , m_page(std::move(page))
        , m_ledger(ledger)
    {}

    static constexpr int Window = 8;

    bool join()
    {
        m_client = std::make_unique<TestClient>();
        connect(&m_client->socket(), &QWebSocket::textMessageReceived, this, &Writer::onFrame);
        if (!m_client->open(m_nodes.at(m_node)))
            return false;
        QJsonObject hello{{"type"_L1, "hello"_L1},
                          {"v"_L1, 1},
                          {"tenant"_L1, Tenant},
                          {"page"_L1, m_page},
                          {"token"_L1, token(m_name)}};
        if (!m_epoch.isEmpty())
            hello.insert("resume"_L1, QJsonObject{{"epoch"_L1, m_epoch}, {"seq"_L1, m_lastSeq}});
        m_welcomed = false;
        m_client->send(hello);
        if (!QTest::qWaitFor([this] { return m_welcomed || !isConnected(); }, 10000) || !m_welcomed)
            return false;
        // Not acknowledged: sent again, to be applied once, or answered with its event.
        for (const QString &id : std::as_const(m_unacknowledged))
            m_client->send(m_ledger->sent.value(id).frame);
        connect(&m_client->socket(), &QWebSocket::disconnected, this, &Writer::moveOn,
                Qt::QueuedConnection);
        pump();
        return true;
    }

    void setTarget(int operations) { m_target = operations; }
    bool isDone() const { return m_sent == m_target && m_unacknowledged.isEmpty(); }
    bool isConnected() const { return m_client && m_client->isConnected(); }
    int node() const { return m_node; }
    int moves() const { return m_moves; }
    qint64 lastSeq() const { return m_lastSeq; }
    const QString &epoch() const { return m_epoch; }

private:
    void moveOn()
    {
        // The node went away, or could not serve the page: the next one that does takes over.
        QElapsedTimer trying;
        trying.start();
        while (trying.elapsed() < 30000) {
            m_node = (m_node + 1) % int(m_nodes.size());
            ++m_moves;
            if (join())
                return;
            QTest::qWait(200);
        }
        m_ledger->faults.append(m_name + u": no node takes it back"_s);
    }

    void pump()
    {
        while (m_unacknowledged.size() < Window && m_sent < m_target && isConnected()) {
            Op op;
            if (m_sent % 3 == 0 || m_chatId.isEmpty()) {
                m_chatId = TestClient::uuid();
                op.commentId = TestClient::uuid();
                op.frame = TestClient::newChat(m_chatId, op.commentId,
                                               u"%1 opens chat %2"_s.arg(m_name).arg(m_sent));
            } else {
                op.commentId = TestClient::uuid();
                op.frame = TestClient::update(
                    m_chatId,
                    {{"op"_L1, "add-comment"_L1},
                     {"comment"_L1,
                      QJsonObject{{"id"_L1, op.commentId},
                                  {"text"_L1, u"%1 says %2"_s.arg(m_name).arg(m_sent)}}}});
            }
            op.chatId = m_chatId;
            const QString id = op.frame.value("broadcastId"_L1).toString();
            m_ledger->sent.insert(id, op);
            m_unacknowledged.insert(id);
            m_client->send(op.frame);
            ++m_sent;
        }
    }

    void onFrame(const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QJsonArray events = frame.value("type"_L1).toString() == "batch"_L1
                                      ? frame.value("events"_L1).toArray()
                                      : QJsonArray{frame};
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            const QString type = event.value("type"_L1).toString();
            if (type == "welcome"_L1) {
                if (!m_epoch.isEmpty() && (event.value("recovered"_L1) != QJsonValue(true) ||
                                           event.value("epoch"_L1).toString() != m_epoch))
                    m_ledger->faults.append(m_name + u": not recovered on another node: "_s +
                                            compact(event));
                if (m_epoch.isEmpty()) {
                    m_epoch = event.value("epoch"_L1).toString();
                    m_lastSeq = event.value("seq"_L1).toInteger();
                }
                m_welcomed = true;
                continue;
            }
            if (type == "error"_L1) {
                // A change that could not be stored (the database was away), or that followed
                // one such: sent again, as a client does with what was not acknowledged.
                const QString code = event.value("code"_L1).toString();
                const QString id = event.value("broadcastId"_L1).toString();
                if ((code == "internal"_L1 || code == "not-found"_L1) &&
                    m_unacknowledged.contains(id)) {
                    ++m_ledger->refused;
                    QTimer::singleShot(200, this, [this, id] {
                        if (m_unacknowledged.contains(id) && isConnected())
                            m_client->send(m_ledger->sent.value(id).frame);
                    });
                    continue;
                }
                m_ledger->faults.append(m_name + u": error "_s + compact(event));
                continue;
            }
            if (type != "new-text-chat"_L1 && type != "updated-text-chat"_L1)
                continue;
            const qint64 seq = event.value("seq"_L1).toInteger();
            const QString id = event.value("broadcastId"_L1).toString();
            if (seq <= m_lastSeq) {
                // The original event of an operation sent again, which this client has seen.
                if (m_ledger->echoed.value(id) != seq)
                    m_ledger->faults.append(
                        u"%1: seq %2 after %3"_s.arg(m_name).arg(seq).arg(m_lastSeq));
                m_unacknowledged.remove(id);
                continue;
            }
            if (seq != m_lastSeq + 1)
                m_ledger->faults.append(
                    u"%1: seq %2 after %3, not contiguous"_s.arg(m_name).arg(seq).arg(m_lastSeq));
            m_lastSeq = seq;
            m_ledger->sawEvent(m_name, event);
            if (m_unacknowledged.remove(id))
                pump();
        }
    }

    QString m_name;
    QList<QUrl> m_nodes;
    int m_node;
    QString m_page;
    EventLedger *m_ledger;
    std::unique_ptr<TestClient> m_client;
    QString m_epoch;
    qint64 m_lastSeq = 0;
    bool m_welcomed = false;
    QSet<QString> m_unacknowledged;
    QString m_chatId;
    int m_sent = 0;
    int m_target = 0;
    int m_moves = 0;
};

} // namespace

class tst_Cluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void clientsOnTwoNodesConverge();
    void presenceCountsAUserOnceOverNodes();
    void presenceOfAKilledNodeEndsWithItsLease();
    void retryThroughAnotherNodeGetsTheOriginalEvent();
    void anonymousUserKeepsItsIdentityOnEveryNode();
    void writersOnEveryNodeShareOneHistory();
    void killedNodesClientsResumeElsewhere();
    void databaseRestartLosesNothingAcknowledged();
    void unreachableDatabaseStopsTheNode();
    void healthzFollowsTheDatabase();

private:
    // Starts the nodes on a database of their own, made for the test function.
    bool startNodes(int count = Nodes);
    bool startNode(int i);
    QList<QUrl> urls() const;
    // A client on node `node`, joined to `page` as `user` (anonymous when empty).
    std::unique_ptr<TestClient> joined(int node, const QString &page, const QString &user,
                                       QJsonObject *welcome = nullptr);
    // Runs writers on every node until each has its operations acknowledged; `during` runs
    // once `after` echoes were seen.
    // m_moves: how many times they moved to another node.
    void runWriters(int perWriter, int after = -1, const std::function<void()> &during = {});
    // A fresh client finds every echoed operation, and the history replays 1..head.
    void verify(const QString &page);

    PostgresServer m_postgres;
    QTemporaryDir m_dir;
    QString m_config;
    QString m_database;
    std::vector<std::unique_ptr<ServerProcess>> m_nodes;
    EventLedger m_ledger;
    int m_moves = 0;
};

void tst_Cluster::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_postgres.start(&error), qPrintable(error));
    m_config = m_dir.filePath(u"glosa.json"_s);
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        QJsonDocument(QJsonObject{{"tenants"_L1, QJsonArray{QJsonObject{{"id"_L1, Tenant},
                                                                        {"secret"_L1, Secret},
                                                                        {"anonymous"_L1, true}}}},
                                  {"limits"_L1,
                                   QJsonObject{{"opsPerSecond"_L1, 100000}, {"burst"_L1, 100000}}}})
            .toJson());
}

void tst_Cluster::init()
{
    m_nodes.clear();
    m_ledger = EventLedger();
    m_database = QString::fromLatin1(QTest::currentTestFunction()).toLower();
    QString error;
    QVERIFY2(m_postgres.isRunning() || m_postgres.restart(&error), qPrintable(error));
    QVERIFY2(m_postgres.createDatabase(m_database, {}, &error), qPrintable(error));
}

void tst_Cluster::cleanup()
{
    m_nodes.clear();
}

bool tst_Cluster::startNode(int i)
{
    auto node = std::make_unique<ServerProcess>();
    const QString data = m_dir.filePath(u"%1-node%2"_s.arg(m_database).arg(i));
    const bool started =
        node->startOn(data, {u"--config"_s, m_config, u"--store"_s, m_postgres.url(m_database)});
    if (!started)
        qWarning().noquote() << node->failure();
    if (qsizetype(m_nodes.size()) <= i)
        m_nodes.resize(i + 1);
    m_nodes[i] = std::move(node);
    return started;
}

bool tst_Cluster::startNodes(int count)
{
    for (int i = 0; i < count; ++i) {
        if (!startNode(i))
            return false;
    }
    return true;
}

QList<QUrl> tst_Cluster::urls() const
{
    QList<QUrl> list;
    for (const auto &node : m_nodes)
        list.append(node->url());
    return list;
}

std::unique_ptr<TestClient> tst_Cluster::joined(int node, const QString &page, const QString &user,
                                                QJsonObject *welcome)
{
    auto client = std::make_unique<TestClient>();
    if (!client->open(m_nodes.at(node)->url()))
        return nullptr;
    const QJsonObject answer = client->join(page, Tenant, user.isEmpty() ? QString() : token(user));
    if (welcome)
        *welcome = answer;
    return answer.isEmpty() ? nullptr : std::move(client);
}

void tst_Cluster::clientsOnTwoNodesConverge()
{
    QVERIFY(startNodes(2));
    const QString page = u"handbook/intro"_s;
    QJsonObject welcomeA, welcomeB;
    auto ana = joined(0, page, u"ana"_s, &welcomeA);
    auto ben = joined(1, page, u"ben"_s, &welcomeB);
    QVERIFY(ana && ben);
    QCOMPARE(welcomeA.value("epoch"_L1), welcomeB.value("epoch"_L1));
    QCOMPARE(welcomeB.value("seq"_L1).toInteger(), 0);

    const QString chatId = TestClient::uuid();
    ana->send(TestClient::newChat(chatId, TestClient::uuid(), u"Through node one"_s));
    const QJsonObject onA = ana->next(u"new-text-chat"_s);
    const QJsonObject onB = ben->next(u"new-text-chat"_s);
    QCOMPARE(onA.value("seq"_L1).toInteger(), 1);
    QCOMPARE(onB, onA);

    const QString commentId = TestClient::uuid();
    ben->send(TestClient::update(
        chatId, {{"op"_L1, "add-comment"_L1},
                 {"comment"_L1, QJsonObject{{"id"_L1, commentId}, {"text"_L1, u"Agreed"_s}}}}));
    const QJsonObject replyOnB = ben->next(u"updated-text-chat"_s);
    const QJsonObject replyOnA = ana->next(u"updated-text-chat"_s);
    QCOMPARE(replyOnB.value("seq"_L1).toInteger(), 2);
    QCOMPARE(replyOnA, replyOnB);

    // A rule that depends on what another node stored: ben may not delete ana's chat, and ana
    // may, through ben's node.
    ben->send(TestClient::deleteChat(chatId));
    QCOMPARE(ben->next(u"error"_s).value("code"_L1).toString(), u"forbidden"_s);
    auto anaOnB = joined(1, page, u"ana"_s);
    QVERIFY(anaOnB);
    anaOnB->send(TestClient::deleteChat(chatId));
    QCOMPARE(ana->next(u"deleted-text-chat"_s).value("seq"_L1).toInteger(), 3);
    QCOMPARE(ben->next(u"deleted-text-chat"_s).value("seq"_L1).toInteger(), 3);
}

void tst_Cluster::presenceCountsAUserOnceOverNodes()
{
    QVERIFY(startNodes(3));
    const QString page = u"presence/page"_s;
    auto ana0 = joined(0, page, u"ana"_s);
    QVERIFY(ana0);
    auto ana1 = joined(1, page, u"ana"_s);
    QVERIFY(ana1);
    QJsonObject welcome;
    auto ben2 = joined(2, page, u"ben"_s, &welcome);
    QVERIFY(ben2);
    // Ben's node may not know of ana yet when it welcomes him; then a presence frame follows.
    if (welcome.value("viewers"_L1).toInt() != 2)
        QVERIFY(viewersSeen(*ben2, 2));
    QVERIFY(viewersSeen(*ana0, 2));
    QVERIFY(viewersSeen(*ana1, 2));

    // Ana leaves one node and is still there on the other; then carl comes to that node. Ben
    // sees three viewers, and never one fewer than two meanwhile.
    ana0.reset();
    auto carl0 = joined(0, page, u"carl"_s);
    QVERIFY(carl0);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject presence = ben2->next(u"presence"_s, 100);
            if (!presence.isEmpty() && presence.value("viewers"_L1).toInt() < 2)
                qWarning() << "ana was not counted:" << presence;
            return !presence.isEmpty() && presence.value("viewers"_L1).toInt() == 3;
        },
        5000));
    carl0.reset();
    QVERIFY(viewersSeen(*ben2, 2));
    // She leaves the other: ben is alone.
    ana1.reset();
    QVERIFY(viewersSeen(*ben2, 1));
}

void tst_Cluster::presenceOfAKilledNodeEndsWithItsLease()
{
    QVERIFY(startNodes(2));
    const QString page = u"presence/lease"_s;
    auto ana = joined(0, page, u"ana"_s);
    auto ben = joined(1, page, u"ben"_s);
    QVERIFY(ana && ben);
    QVERIFY(viewersSeen(*ana, 2, 5000));
    m_nodes.at(1)->process().kill();
    QVERIFY(m_nodes.at(1)->waitForExit());
    // Within the lease, ben's presence goes.
    QVERIFY(viewersSeen(*ana, 1, 30000));
}

void tst_Cluster::retryThroughAnotherNodeGetsTheOriginalEvent()
{
    QVERIFY(startNodes(2));
    const QString page = u"retry/page"_s;
    auto ana = joined(0, page, u"ana"_s);
    QVERIFY(ana);
    const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    ana->send(op);
    const QJsonObject original = ana->next(u"new-text-chat"_s);
    QCOMPARE(original.value("seq"_L1).toInteger(), 1);

    // The same operation again, through the other node, as a client that lost the echo would.
    auto again = joined(1, page, u"ana"_s);
    QVERIFY(again);
    again->send(op);
    const QJsonObject answer = again->next(u"new-text-chat"_s);
    QCOMPARE(answer, original);
    // Applied once: the next operation takes seq 2, and nobody saw a second event.
    again->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
    QCOMPARE(again->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
    QCOMPARE(ana->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 2);
}

void tst_Cluster::anonymousUserKeepsItsIdentityOnEveryNode()
{
    QVERIFY(startNodes(2));
    TestClient first;
    QVERIFY(first.open(m_nodes.at(0)->url()));
    const QJsonObject welcome = first.join(u"anon/page"_s, Tenant);
    const QString credential = welcome.value("credential"_L1).toString();
    QVERIFY(!credential.isEmpty());

    TestClient second;
    QVERIFY(second.open(m_nodes.at(1)->url()));
    second.send({{"type"_L1, "hello"_L1},
                 {"v"_L1, 1},
                 {"tenant"_L1, Tenant},
                 {"page"_L1, u"anon/page"_s},
                 {"credential"_L1, credential}});
    const QJsonObject again = second.next(u"welcome"_s);
    QCOMPARE(again.value("user"_L1).toObject().value("id"_L1),
             welcome.value("user"_L1).toObject().value("id"_L1));
}

void tst_Cluster::runWriters(int perWriter, int after, const std::function<void()> &during)
{
    const QString page = u"load/page"_s;
    std::vector<std::unique_ptr<Writer>> writers;
    for (int i = 0; i < int(m_nodes.size()); ++i) {
        writers.push_back(
            std::make_unique<Writer>(u"writer%1"_s.arg(i), urls(), i, page, &m_ledger));
        writers.back()->setTarget(perWriter);
        QVERIFY(writers.back()->join());
    }
    bool done = false;
    if (during) {
        QVERIFY2(QTest::qWaitFor(
                     [&] { return m_ledger.echoed.size() >= after || !m_ledger.faults.isEmpty(); },
                     LoadTimeout),
                 qPrintable(m_ledger.faults.join(u'\n')));
        QVERIFY(m_ledger.sent.size() > m_ledger.echoed.size());
        during();
    }
    done = QTest::qWaitFor(
        [&] {
            return std::all_of(writers.begin(), writers.end(),
                               [](const auto &w) { return w->isDone(); }) ||
                   !m_ledger.faults.isEmpty();
        },
        LoadTimeout);
    QVERIFY2(m_ledger.faults.isEmpty(), qPrintable(m_ledger.faults.join(u'\n')));
    QVERIFY2(done, qPrintable(u"%1 of %2 operations acknowledged"_s.arg(m_ledger.echoed.size())
                                  .arg(m_ledger.sent.size())));
    // Every client saw every event: they all end at the same seq.
    m_moves = 0;
    for (const auto &w : writers) {
        QTRY_COMPARE_WITH_TIMEOUT(w->lastSeq(), m_ledger.maxSeq, 10000);
        m_moves += w->moves();
    }
    verify(page);
}

void tst_Cluster::verify(const QString &page)
{
    QCOMPARE(m_ledger.echoed.size(), m_ledger.sent.size());
    TestClient replay;
    QVERIFY(replay.open(m_nodes.front()->url()));
    const QJsonObject welcome = replay.join(page, Tenant, token(u"auditor"_s));
    QVERIFY(!welcome.isEmpty());
    const qint64 head = welcome.value("seq"_L1).toInteger();
    QCOMPARE(head, m_ledger.maxSeq);
    const QJsonObject snapshot = replay.next(u"snapshot"_s);
    QHash<QString, QSet<QString>> snapshotChats;
    for (const QJsonValue &chat : snapshot.value("chats"_L1).toArray()) {
        QSet<QString> &comments = snapshotChats[chat.toObject().value("id"_L1).toString()];
        for (const QJsonValue &c : chat.toObject().value("comments"_L1).toArray())
            comments.insert(c.toObject().value("id"_L1).toString());
    }
    QHash<QString, QSet<QString>> sentChats;
    for (const Op &op : std::as_const(m_ledger.sent))
        sentChats[op.chatId].insert(op.commentId);
    QCOMPARE(snapshotChats, sentChats);

    // The history: events 1..head, each operation once.
    replay.send({{"type"_L1, "sync"_L1}, {"epoch"_L1, welcome.value("epoch"_L1)}, {"since"_L1, 0}});
    QSet<QString> applied;
    for (qint64 seq = 1; seq <= head; ++seq) {
        // Presence may come between the events, as the writers' old connections go.
        QJsonObject event = replay.next();
        while (event.value("type"_L1) == "presence"_L1)
            event = replay.next();
        QCOMPARE(event.value("seq"_L1).toInteger(), seq);
        const QString id = event.value("broadcastId"_L1).toString();
        QVERIFY2(!applied.contains(id), qPrintable(u"%1 applied twice"_s.arg(id)));
        applied.insert(id);
        QCOMPARE(m_ledger.echoed.value(id), seq);
    }
    QCOMPARE(applied.size(), m_ledger.sent.size());
}

void tst_Cluster::writersOnEveryNodeShareOneHistory()
{
    QVERIFY(startNodes(3));
    runWriters(120);
}

void tst_Cluster::killedNodesClientsResumeElsewhere()
{
    QVERIFY(startNodes(3));
    runWriters(150, 120, [this] {
        m_nodes.at(1)->process().kill();
        QVERIFY(m_nodes.at(1)->waitForExit());
    });
    // The killed node's writer went on elsewhere.
    QVERIFY(m_moves > 0);
}

void tst_Cluster::databaseRestartLosesNothingAcknowledged()
{
    QVERIFY(startNodes(3));
    runWriters(150, 120, [this] {
        // Away long enough for the nodes to refuse what the writers send meanwhile.
        m_postgres.stop();
        QVERIFY(QTest::qWaitFor([this] { return m_ledger.refused > 0; }, 10000));
        QString error;
        QVERIFY2(m_postgres.restart(&error), qPrintable(error));
    });
    // Operations sent while the database was away were refused, or their connections closed,
    // and sent again; those the nodes had stored by then were not lost.
    qInfo("%d operations refused, %d moves to another node", m_ledger.refused, m_moves);
}

void tst_Cluster::unreachableDatabaseStopsTheNode()
{
    const QString url = u"postgresql://glosa:hush-hush@127.0.0.1:1/nowhere"_s;
    const ServerProcess::Outcome outcome =
        ServerProcess::run({u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s,
                            u"--data"_s, m_dir.filePath(u"unreachable"_s), u"--store"_s, url});
    QVERIFY(outcome.finished);
    QVERIFY(outcome.exitCode != 0);
    const QString err = QString::fromUtf8(outcome.err);
    QVERIFY2(err.contains(u"127.0.0.1:1/nowhere"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"hush-hush"_s), qPrintable(err));
}

void tst_Cluster::healthzFollowsTheDatabase()
{
    QVERIFY(startNodes(1));
    const QUrl admin = m_nodes.front()->adminUrl();
    QTRY_COMPARE(httpGet(admin, "/healthz").status, 200);
    auto early = joined(0, u"health/page"_s, u"ana"_s);
    QVERIFY(early);
    m_postgres.stop();
    QTRY_COMPARE_WITH_TIMEOUT(httpGet(admin, "/healthz").status, 503, 10000);
    // While it is down, an operation is refused, and nothing of it is stored.
    early->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
    QCOMPARE(early->next(u"error"_s).value("code"_L1).toString(), u"internal"_s);
    QString error;
    QVERIFY2(m_postgres.restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(httpGet(admin, "/healthz").status, 200, 10000);
    auto ana = joined(0, u"health/page"_s, u"ana"_s);
    QVERIFY(ana);
    ana->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
    QCOMPARE(ana->next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
}

QTEST_GUILESS_MAIN(tst_Cluster)
#include "tst_cluster.moc"

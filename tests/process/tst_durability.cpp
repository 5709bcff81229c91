// An acknowledged operation survives a crash: glosa-server broadcasts an event only after its
// transaction committed, so whatever echo a client saw before a SIGKILL is there after a restart,
// under the same seq, in a history that stays contiguous.

#include "eventledger.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Page = "durability/page"_L1;
constexpr int Writers = 3;
constexpr int OpsPerWriter = 300;
constexpr int Window = 16; // operations each writer keeps in flight
constexpr int LoadTimeout = 30000;

using Op = EventLedger::Op;

// One client that keeps `Window` operations in flight on the page: new chats, and comments
// added to its latest chat.
class Writer : public QObject
{
public:
    Writer(QString name, EventLedger *ledger)
        : m_name(std::move(name))
        , m_ledger(ledger)
    {
        connect(&client.socket(), &QWebSocket::textMessageReceived, this, &Writer::onFrame);
    }

    bool join(const QUrl &url)
    {
        if (!client.open(url))
            return false;
        const QJsonObject welcome = client.join(Page);
        m_lastSeq = welcome.value("seq"_L1).toInteger();
        return !welcome.isEmpty();
    }

    void pump()
    {
        while (m_inFlight < Window && m_sent < OpsPerWriter &&
               client.socket().state() == QAbstractSocket::ConnectedState) {
            Op op;
            if (m_sent % 4 == 0 || m_chatId.isEmpty()) {
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
            m_mine.insert(id);
            client.send(op.frame);
            ++m_sent;
            ++m_inFlight;
        }
    }

    TestClient client;

private:
    void onFrame(const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QJsonArray events = frame.value("type"_L1).toString() == "batch"_L1
                                      ? frame.value("events"_L1).toArray()
                                      : QJsonArray{frame};
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            const QString type = event.value("type"_L1).toString();
            if (type == "error"_L1) {
                m_ledger->faults.append(
                    m_name + u": error "_s +
                    QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
                continue;
            }
            if (type != "new-text-chat"_L1 && type != "updated-text-chat"_L1)
                continue;
            const qint64 seq = event.value("seq"_L1).toInteger();
            if (seq != m_lastSeq + 1)
                m_ledger->faults.append(
                    u"%1: seq %2 after %3, not contiguous"_s.arg(m_name).arg(seq).arg(m_lastSeq));
            m_lastSeq = seq;
            m_ledger->sawEvent(m_name, event);
            if (m_mine.remove(event.value("broadcastId"_L1).toString())) {
                --m_inFlight;
                pump();
            }
        }
    }

    QString m_name;
    EventLedger *m_ledger;
    QSet<QString> m_mine; // sent, echo not seen yet
    QString m_chatId;
    int m_sent = 0;
    int m_inFlight = 0;
    qint64 m_lastSeq = 0;
};

} // namespace

class tst_Durability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void echoedOperationsSurviveSigkill();
    void sigtermFlushesEveryStoredEvent();

private:
    bool start();
    // Runs the writers until `stopAfter` echoes were seen in this run, then sends `signal` to
    // the server and waits for it to end.
    void loadAndStop(int stopAfter, int signal);
    // A fresh client finds every echoed operation, and the history replays 1..head.
    void verify();

    QTemporaryDir m_dir;
    QString m_config;
    QString m_data;
    std::unique_ptr<ServerProcess> m_server;
    EventLedger m_ledger;
    QString m_epoch;
};

void tst_Durability::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_config = m_dir.filePath(u"glosa.json"_s);
    QFile file(m_config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"limits":{"opsPerSecond":100000,"burst":100000}})");
}

void tst_Durability::init()
{
    m_server.reset();
    m_ledger = EventLedger();
    m_epoch.clear();
    m_data = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
}

bool tst_Durability::start()
{
    m_server = std::make_unique<ServerProcess>();
    if (m_server->startOn(m_data, {u"--config"_s, m_config}))
        return true;
    qWarning().noquote() << m_server->failure();
    return false;
}

void tst_Durability::loadAndStop(int stopAfter, int signal)
{
    std::vector<std::unique_ptr<Writer>> writers;
    for (int i = 0; i < Writers; ++i) {
        writers.push_back(std::make_unique<Writer>(u"writer%1"_s.arg(i + 1), &m_ledger));
        QVERIFY(writers.back()->join(m_server->url()));
    }
    const qsizetype before = m_ledger.echoed.size();
    for (const auto &w : writers)
        w->pump();
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return m_ledger.echoed.size() - before >= stopAfter ||
                            !m_ledger.faults.isEmpty();
                 },
                 LoadTimeout),
             qPrintable(u"only %1 echoes"_s.arg(m_ledger.echoed.size() - before)));
    QVERIFY2(m_ledger.faults.isEmpty(), qPrintable(m_ledger.faults.join(u'\n')));
    // Operations still in flight: the crash must come in the middle of the load.
    QVERIFY(m_ledger.sent.size() > m_ledger.echoed.size());

    if (signal == SIGKILL)
        m_server->process().kill();
    else
        m_server->process().terminate();
    QVERIFY(m_server->waitForExit());
    if (signal == SIGKILL) {
        QCOMPARE(m_server->process().exitStatus(), QProcess::CrashExit);
    } else {
        QCOMPARE(m_server->process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server->process().exitCode(), 0);
    }
    // Whatever the clients still had in their buffers counts as seen.
    for (const auto &w : writers) {
        const int code = w->client.waitClosed();
        QVERIFY(code != -1);
        if (signal == SIGTERM)
            QCOMPARE(code, 1001);
    }
    QVERIFY2(m_ledger.faults.isEmpty(), qPrintable(m_ledger.faults.join(u'\n')));
    qInfo("%lld operations sent, %lld echoed, highest seq %lld", qint64(m_ledger.sent.size()),
          qint64(m_ledger.echoed.size()), m_ledger.maxSeq);
}

void tst_Durability::verify()
{
    TestClient fresh;
    QVERIFY(fresh.open(m_server->url()));
    const QJsonObject welcome = fresh.join(Page);
    QVERIFY(!welcome.isEmpty());
    QCOMPARE(welcome.value("epoch"_L1).toString(), m_epoch);
    const qint64 head = welcome.value("seq"_L1).toInteger();
    QVERIFY2(head >= m_ledger.maxSeq,
             qPrintable(u"head %1, an echo had seq %2"_s.arg(head).arg(m_ledger.maxSeq)));
    const QJsonObject snapshot = fresh.next(u"snapshot"_s);
    QCOMPARE(snapshot.value("seq"_L1).toInteger(), head);
    QCOMPARE(snapshot.value("epoch"_L1).toString(), m_epoch);

    QHash<QString, QSet<QString>> snapshotChats; // chat id -> comment ids
    for (const QJsonValue &chat : snapshot.value("chats"_L1).toArray()) {
        QSet<QString> &comments = snapshotChats[chat.toObject().value("id"_L1).toString()];
        for (const QJsonValue &c : chat.toObject().value("comments"_L1).toArray())
            comments.insert(c.toObject().value("id"_L1).toString());
    }
    for (auto it = m_ledger.echoed.constBegin(); it != m_ledger.echoed.constEnd(); ++it) {
        const Op op = m_ledger.sent.value(it.key());
        QVERIFY2(snapshotChats.contains(op.chatId),
                 qPrintable(u"echoed chat %1 (seq %2) is lost"_s.arg(op.chatId).arg(*it)));
        QVERIFY2(snapshotChats[op.chatId].contains(op.commentId),
                 qPrintable(u"echoed comment %1 (seq %2) is lost"_s.arg(op.commentId).arg(*it)));
    }

    // The history from the start: recovered, events 1..head in order, nothing else.
    TestClient replay;
    QVERIFY(replay.open(m_server->url()));
    const QJsonObject resumed =
        replay.join(Page, u"local"_s, {}, QJsonObject{{"epoch"_L1, m_epoch}, {"seq"_L1, 0}});
    QCOMPARE(resumed.value("recovered"_L1), QJsonValue(true));
    QCOMPARE(resumed.value("seq"_L1).toInteger(), head);
    QHash<QString, QSet<QString>> replayed;
    QSet<QString> broadcastIds;
    for (qint64 seq = 1; seq <= head; ++seq) {
        const QJsonObject event = replay.next();
        const QString type = event.value("type"_L1).toString();
        QVERIFY2(type == "new-text-chat"_L1 || type == "updated-text-chat"_L1,
                 qPrintable(u"at seq %1: %2"_s.arg(seq).arg(
                     QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)))));
        QCOMPARE(event.value("seq"_L1).toInteger(), seq);
        const QString id = event.value("broadcastId"_L1).toString();
        QVERIFY2(m_ledger.sent.contains(id), qPrintable(id));
        QVERIFY2(!broadcastIds.contains(id), qPrintable(u"%1 applied twice"_s.arg(id)));
        broadcastIds.insert(id);
        if (m_ledger.echoed.contains(id))
            QCOMPARE(m_ledger.echoed.value(id), seq);
        if (type == "new-text-chat"_L1) {
            const QJsonObject chat = event.value("chat"_L1).toObject();
            QSet<QString> &comments = replayed[chat.value("id"_L1).toString()];
            for (const QJsonValue &c : chat.value("comments"_L1).toArray())
                comments.insert(c.toObject().value("id"_L1).toString());
        } else {
            const QJsonObject comment =
                event.value("change"_L1).toObject().value("comment"_L1).toObject();
            replayed[event.value("chatId"_L1).toString()].insert(comment.value("id"_L1).toString());
        }
    }
    for (const QString &id : m_ledger.echoed.keys())
        QVERIFY2(broadcastIds.contains(id),
                 qPrintable(u"echoed %1 is not in the history"_s.arg(id)));
    // The stored chats are what the stored events make.
    QCOMPARE(replayed.size(), snapshotChats.size());
    for (auto it = replayed.constBegin(); it != replayed.constEnd(); ++it) {
        QVERIFY2(snapshotChats.contains(it.key()), qPrintable(it.key()));
        QVERIFY2(snapshotChats.value(it.key()) == *it,
                 qPrintable(u"chat %1: the snapshot's comments differ from the history's"_s.arg(
                     it.key())));
    }
    QVERIFY(replay.pending().isEmpty());
}

void tst_Durability::echoedOperationsSurviveSigkill()
{
    const int total = Writers * OpsPerWriter;

    QVERIFY(start());
    {
        TestClient first;
        QVERIFY(first.open(m_server->url()));
        m_epoch = first.join(Page).value("epoch"_L1).toString();
        QVERIFY(!m_epoch.isEmpty());
    }
    loadAndStop(total / 2, SIGKILL);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(start());
    verify();
    if (QTest::currentTestFailed())
        return;
    // The history goes on after the crash, and is cut short again.
    loadAndStop(total / 3, SIGKILL);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(start());
    verify();
    if (QTest::currentTestFailed())
        return;

    // A retry of an operation applied before the crash gets its original event, and is not
    // applied twice.
    const QString retried = m_ledger.seqOwners.value(1);
    QVERIFY(!retried.isEmpty());
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    const qint64 head = client.join(Page).value("seq"_L1).toInteger();
    client.send(m_ledger.sent.value(retried).frame);
    const QJsonObject original = client.next(u"new-text-chat"_s);
    QCOMPARE(original.value("broadcastId"_L1).toString(), retried);
    QCOMPARE(original.value("seq"_L1).toInteger(), 1);
    const QJsonObject fresh = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    client.send(fresh);
    const QJsonObject echo = client.next(u"new-text-chat"_s);
    QCOMPARE(echo.value("broadcastId"_L1), fresh.value("broadcastId"_L1));
    QCOMPARE(echo.value("seq"_L1).toInteger(), head + 1);
}

// A graceful stop stores what it has applied and sends its events before closing with 1001:
// every stored event reached the clients.
void tst_Durability::sigtermFlushesEveryStoredEvent()
{
    QVERIFY(start());
    {
        TestClient first;
        QVERIFY(first.open(m_server->url()));
        m_epoch = first.join(Page).value("epoch"_L1).toString();
        QVERIFY(!m_epoch.isEmpty());
    }
    loadAndStop(Writers * OpsPerWriter / 2, SIGTERM);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(start());
    verify();
    if (QTest::currentTestFailed())
        return;
    TestClient client;
    QVERIFY(client.open(m_server->url()));
    QCOMPARE(client.join(Page).value("seq"_L1).toInteger(), m_ledger.maxSeq);
    QCOMPARE(m_ledger.echoed.size(), m_ledger.maxSeq);
}

QTEST_GUILESS_MAIN(tst_Durability)
#include "tst_durability.moc"

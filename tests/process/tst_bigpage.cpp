// A page of about 20 MB on the real glosa-server binary, built by one anonymous user within the
// default limits: it opens for a QWebSocket client (as the desktop app's), a resume from seq 0
// replays all of it, and clients that stop reading hold little of it and are dropped after an
// unanswered ping.

#include "rawclient.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Page = "big"_L1;
constexpr int Comments = 2000;
constexpr int TextSize = 10000;
// A new connection's burst of the default rate limit (PROTOCOL.md: bursts of 60).
constexpr int Burst = 60;
// Long enough for a client busy parsing 20 MB on a loaded machine to answer in time.
constexpr int PingIntervalMs = 3000;

QString text(int i)
{
    return QString::number(i).rightJustified(6, u'0') + QString(TextSize - 6, QChar(u'a' + i % 26));
}

qint64 connections(const ServerProcess &server)
{
    const QJsonObject usage =
        QJsonDocument::fromJson(httpGet(server.adminUrl(), "/v1/usage").body).object();
    return usage["tenants"_L1]["local"_L1]["connections"_L1].toInteger();
}

} // namespace

class tst_BigPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAsOneSnapshot();
    void resumesFromSeqZero();
    void stalledClientsHoldLittleAndAreDropped();

private:
    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_epoch;
};

// The default rate limit allows a burst of 60 frames per connection: one user opens a connection
// per burst, each resuming at the head so that it is sent nothing of what is there.
void tst_BigPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = m_dir.filePath(u"config.json"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"limits":{"pingIntervalMs":)" + QByteArray::number(PingIntervalMs) + "}}");
    file.close();
    QVERIFY2(m_server.startOn(m_dir.filePath(u"data"_s), {u"--config"_s, config}),
             qPrintable(m_server.failure()));

    std::optional<QJsonObject> resume;
    for (int sent = 0; sent < Comments;) {
        TestClient builder;
        QVERIFY(builder.open(m_server.url()));
        const QJsonObject welcome = builder.join(Page, u"local"_s, {}, resume);
        QVERIFY(!welcome.isEmpty());
        m_epoch = welcome.value("epoch"_L1).toString();
        QCOMPARE(welcome.value("seq"_L1).toInteger(), sent);
        const int batch = qMin(Burst, Comments - sent);
        for (int i = 0; i < batch; ++i)
            builder.send(
                TestClient::newChat(TestClient::uuid(), TestClient::uuid(), text(sent + i)));
        for (int i = 0; i < batch; ++i)
            QVERIFY(!builder.next(u"new-text-chat"_s, 30000).isEmpty());
        sent += batch;
        resume = QJsonObject{{"epoch"_L1, m_epoch}, {"seq"_L1, sent}};
    }
}

void tst_BigPage::opensAsOneSnapshot()
{
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    const QJsonObject welcome = client.join(Page);
    QCOMPARE(welcome.value("recovered"_L1), QJsonValue(false));
    const QJsonObject snapshot = client.next(u"snapshot"_s, 60000);
    QCOMPARE(snapshot.value("seq"_L1).toInteger(), Comments);
    const QJsonArray chats = snapshot.value("chats"_L1).toArray();
    QCOMPARE(chats.size(), Comments);
    QStringList texts;
    for (const QJsonValue &chat : chats)
        texts.append(chat["comments"_L1][0]["text"_L1].toString());
    texts.sort();
    for (int i = 0; i < Comments; ++i)
        QCOMPARE(texts.at(i), text(i));
    QVERIFY(client.rawFrames.size() >= 2);
    QVERIFY(client.rawFrames.at(1).size() > 20 * 1000 * 1000);
    QVERIFY(client.isConnected());
}

void tst_BigPage::resumesFromSeqZero()
{
    TestClient client;
    QVERIFY(client.open(m_server.url()));
    const QJsonObject welcome =
        client.join(Page, u"local"_s, {}, QJsonObject{{"epoch"_L1, m_epoch}, {"seq"_L1, 0}});
    QCOMPARE(welcome.value("recovered"_L1), QJsonValue(true));
    for (int seq = 1; seq <= Comments; ++seq) {
        const QJsonObject event = client.next(u"new-text-chat"_s, 60000);
        QCOMPARE(event.value("seq"_L1).toInteger(), seq);
        QCOMPARE(event["chat"_L1]["comments"_L1][0]["text"_L1].toString(), text(seq - 1));
    }
    QVERIFY(client.isConnected());
}

// Each stalled client holds a part of its snapshot (about 256 KiB) and its own list of the
// page's chats, whose texts it shares with the page: about 1 MiB, where the whole snapshot
// would be 20.
void tst_BigPage::stalledClientsHoldLittleAndAreDropped()
{
    constexpr int Stalled = 20;
    constexpr qint64 MaxGrowthKiB = 48 * 1024;
    const qint64 baseline = m_server.statusKiB("VmRSS");
    QVERIFY(baseline > 0);
    std::vector<std::unique_ptr<RawClient>> stalled;
    for (int i = 0; i < Stalled; ++i) {
        stalled.push_back(std::make_unique<RawClient>());
        QVERIFY(stalled.back()->open(m_server.url()));
        stalled.back()->socket.setReadBufferSize(1);
        stalled.back()->sendText(R"({"type":"hello","v":1,"tenant":"local","page":"big"})");
    }
    QTRY_COMPARE(connections(m_server), Stalled);

    // Within two ping intervals they are gone: one ping goes unanswered, the next finds it so.
    // Until then, the server's memory is sampled.
    qint64 peak = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        (peak = qMax(peak, m_server.statusKiB("VmRSS")), connections(m_server) == 0),
        10 * PingIntervalMs);
    const qint64 growth = peak - baseline;
    qInfo("%d stalled clients on a %d MB page: at most %lld MiB above the baseline", Stalled,
          Comments * TextSize / 1000000, growth / 1024);
    QVERIFY2(growth < MaxGrowthKiB, qPrintable(u"%1 MiB"_s.arg(growth / 1024)));
}

QTEST_GUILESS_MAIN(tst_BigPage)
#include "tst_bigpage.moc"

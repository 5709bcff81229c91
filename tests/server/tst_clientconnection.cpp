#include "rawclient.h"
#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "clientconnection.h"
#include "connection.h"
#include "hub.h"
#include "usagemetrics.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

const QByteArray AcmeSecret = "acme-secret";

QJsonObject hello(const QString &page, const QString &tenant = u"local"_s)
{
    return {{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, tenant}, {"page"_L1, page}};
}

// A frame of the test's own, numbered, with `padding` bytes more.
QByteArray note(int n, qsizetype padding = 0)
{
    QByteArray frame = R"({"n":)" + QByteArray::number(n);
    if (padding > 0)
        frame += ",\"pad\":\"" + QByteArray(padding, 'x') + '"';
    return frame + R"(,"type":"note"})";
}

bool isBatch(const QByteArray &frame)
{
    return frame.startsWith(R"({"events":[)") && frame.endsWith(R"("type":"batch"})");
}

} // namespace

// Connection-level rules of docs/protocol.md: hello and its failures, tokens, frame sizes, the rate
// limit, slow consumers, heartbeats, many handshakes at once and a graceful stop.
class tst_ClientConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    bool startServer(const std::function<void(Glosa::ServerConfig &)> &configure = {})
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.tenants = {{u"local"_s, {}, true, {}}, {u"acme"_s, AcmeSecret, false, {}}};
        if (configure)
            configure(m_server->config);
        return m_server->start();
    }

    // `count` connections opened all at once, each sending a hello for the page "crowd".
    QList<TestClient *> crowd(int count)
    {
        QList<TestClient *> clients;
        for (int i = 0; i < count; ++i) {
            auto *client = new TestClient(this);
            clients.append(client);
            client->socket().open(m_server->url());
        }
        for (TestClient *client : std::as_const(clients)) {
            if (QTest::qWaitFor([client] { return client->isConnected(); }))
                client->send(hello(u"crowd"_s));
        }
        return clients;
    }

    Glosa::Hub *hub() const { return m_server->server()->hub(); }

    // `client` joined to "p" on a fresh server whose rate limit is one frame every 2 s, in
    // bursts of `burst`.
    bool joinedSlowly(TestClient *client, int burst)
    {
        m_server.reset();
        return startServer([burst](Glosa::ServerConfig &c) {
                   c.limits.opsPerSecond = 0.5;
                   c.limits.burst = burst;
               }) &&
               client->open(m_server->url()) && !client->join(u"p"_s).isEmpty();
    }

    // What the server holds for its one connection.
    Glosa::ClientConnection *onlyConnection() const
    {
        const QList<Glosa::ClientConnection *> connections =
            hub()->findChildren<Glosa::ClientConnection *>();
        return connections.size() == 1 ? connections.first() : nullptr;
    }

    // A connection joined to "p" with batch windows of `batchMs`, quiet, as the server holds it:
    // on one I/O thread, the test's own, so that the test may look inside it.
    Glosa::ClientConnection *quietConnection(TestClient *client, int batchMs)
    {
        m_server.reset();
        if (!startServer([batchMs](Glosa::ServerConfig &c) {
                c.batchMs = batchMs;
                c.ioThreads = 1;
            }))
            return nullptr;
        if (!client->open(m_server->url()) || client->join(u"p"_s).isEmpty() ||
            client->next(u"snapshot"_s).isEmpty() || client->settle(100) != 0)
            return nullptr;
        return onlyConnection();
    }

    // The `n` of each note in `frames`, batches unpacked.
    static QList<int> notes(const QList<QByteArray> &frames)
    {
        QList<int> found;
        for (const QByteArray &frame : frames) {
            const QJsonObject object = QJsonDocument::fromJson(frame).object();
            const QJsonArray events = object.value("type"_L1).toString() == "batch"_L1
                                          ? object.value("events"_L1).toArray()
                                          : QJsonArray{object};
            for (const QJsonValue &event : events) {
                if (event["type"_L1].toString() == "note"_L1)
                    found.append(event["n"_L1].toInt());
            }
        }
        return found;
    }

    static QList<int> range(int from, int to)
    {
        QList<int> numbers;
        for (int n = from; n <= to; ++n)
            numbers.append(n);
        return numbers;
    }

    // The close code after sending `frames` on a fresh connection, and the error sent before it.
    std::pair<int, QString> refusal(const QList<QByteArray> &frames)
    {
        TestClient client;
        if (!client.open(m_server->url()))
            return {-2, {}};
        for (const QByteArray &frame : frames)
            client.sendRaw(frame);
        const int code = client.waitClosed();
        QString error;
        for (const QJsonObject &frame : client.pending()) {
            if (frame.value("type"_L1).toString() == "error"_L1)
                error = frame.value("code"_L1).toString();
        }
        return {code, error};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { m_server.reset(); }

    void refusedHellos_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<QString>("error");
        const auto json = [](const QJsonObject &o) {
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("not JSON") << "hello?"_ba << 4400 << u"bad-request"_s;
        QTest::newRow("operation first")
            << json(TestClient::newChat(TestClient::uuid(), TestClient::uuid())) << 4400
            << u"bad-request"_s;
        QTest::newRow("no tenant")
            << R"({"type":"hello","v":1,"page":"p"})"_ba << 4400 << u"bad-request"_s;
        QTest::newRow("version 2") << R"({"type":"hello","v":2,"tenant":"local","page":"p"})"_ba
                                   << 4400 << u"bad-request"_s;
        QTest::newRow("page too long") << json(hello(QString(513, u'p'))) << 4400 << u"too-large"_s;
        QJsonObject longName = hello(u"p"_s);
        longName.insert("name"_L1, QString(101, u'n'));
        QTest::newRow("anonymous name too long") << json(longName) << 4400 << u"too-large"_s;
        QTest::newRow("unknown tenant")
            << json(hello(u"p"_s, u"nobody"_s)) << 4403 << u"forbidden"_s;
        QTest::newRow("no token") << json(hello(u"p"_s, u"acme"_s)) << 4401 << u"unauthorized"_s;

        const auto withToken = [&](const QString &token, const QString &tenant = u"acme"_s) {
            QJsonObject h = hello(u"p"_s, tenant);
            h.insert("token"_L1, token);
            return json(h);
        };
        QTest::newRow("wrong secret") << withToken(TestServer::token(u"acme"_s, "other", u"ana"_s))
                                      << 4401 << u"unauthorized"_s;
        QTest::newRow("expired") << withToken(TestServer::token(u"acme"_s, AcmeSecret, u"ana"_s,
                                                                u"member"_s, {}, -10))
                                 << 4401 << u"unauthorized"_s;
        QTest::newRow("other tenant's token")
            << withToken(TestServer::token(u"local"_s, AcmeSecret, u"ana"_s)) << 4401
            << u"unauthorized"_s;
        QTest::newRow("malformed token") << withToken(u"not.a.jwt"_s) << 4401 << u"unauthorized"_s;
        QTest::newRow("empty token, anonymous tenant")
            << withToken(QString(), u"local"_s) << 4401 << u"unauthorized"_s;
        QJsonObject emptyCredential = hello(u"p"_s);
        emptyCredential.insert("credential"_L1, ""_L1);
        QTest::newRow("empty credential") << json(emptyCredential) << 4401 << u"unauthorized"_s;
        QTest::newRow("unknown role")
            << withToken(TestServer::token(u"acme"_s, AcmeSecret, u"ana"_s, u"owner"_s)) << 4401
            << u"unauthorized"_s;
        QTest::newRow("name too long")
            << withToken(TestServer::token(u"acme"_s, AcmeSecret, u"ana"_s, u"member"_s,
                                           QString(101, u'n')))
            << 4401 << u"unauthorized"_s;
        QTest::newRow("token for an anonymous tenant")
            << withToken(TestServer::token(u"local"_s, AcmeSecret, u"ana"_s), u"local"_s) << 4401
            << u"unauthorized"_s;
    }

    void refusedHellos()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, closeCode);
        QFETCH(QString, error);
        const auto [code, sent] = refusal({frame});
        QCOMPARE(code, closeCode);
        QCOMPARE(sent, error);
    }

    void binaryHello()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        client.socket().sendBinaryMessage(R"({"type":"hello","tenant":"local","page":"p"})"_ba);
        QCOMPARE(client.waitClosed(), 4400);
    }

    void tokenNamesTheUser()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        const QJsonObject welcome = client.join(
            u"p"_s, u"acme"_s,
            TestServer::token(u"acme"_s, AcmeSecret, u"u1"_s, u"moderator"_s, u"Ana"_s));
        QCOMPARE(
            welcome.value("user"_L1).toObject(),
            QJsonObject({{"id"_L1, "u1"_L1}, {"name"_L1, "Ana"_L1}, {"role"_L1, "moderator"_L1}}));
        TestClient plain;
        QVERIFY(plain.open(m_server->url()));
        const QJsonObject defaults =
            plain.join(u"p"_s, u"acme"_s, TestServer::token(u"acme"_s, AcmeSecret, u"u2"_s, {}));
        QCOMPARE(defaults.value("user"_L1).toObject().value("name"_L1).toString(), u"u2"_s);
    }

    void helloInTime()
    {
        m_server.reset();
        QVERIFY(startServer([](Glosa::ServerConfig &c) { c.helloTimeoutMs = 200; }));
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QCOMPARE(client.waitClosed(), 4408);
    }

    void badFramesKeepTheConnection_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("broadcastId");
        const QString bid = u"0e5a3bd4-6a7f-4f5e-9a43-0d4b7c1e2f10"_s;
        QTest::newRow("not JSON") << "{oops"_ba << u"bad-request"_s << QString();
        QTest::newRow("array") << "[1,2]"_ba << u"bad-request"_s << QString();
        QTest::newRow("unknown type") << R"({"type":"shout"})"_ba << u"bad-request"_s << QString();
        QTest::newRow("second hello") << R"({"type":"hello","v":1,"tenant":"local","page":"p"})"_ba
                                      << u"bad-request"_s << QString();
        QTest::newRow("bad uuid") << (R"({"type":"deleted-text-chat","broadcastId":")" +
                                      bid.toLatin1() + R"(","chatId":"ABC"})")
                                  << u"bad-request"_s << bid;
        QTest::newRow("wrong type of field")
            << (R"({"type":"updated-text-chat","broadcastId":")" + bid.toLatin1() +
                R"(","chatId":")" + bid.toLatin1() +
                R"(","change":{"op":"resolve","resolved":"yes"}})")
            << u"bad-request"_s << bid;
        QTest::newRow("frame over 64 KiB")
            << QJsonDocument(TestClient::newChat(TestClient::uuid(), TestClient::uuid(),
                                                 QString(70000, u'x'), bid))
                   .toJson(QJsonDocument::Compact)
            << u"too-large"_s << bid;
        QTest::newRow("bad list request")
            << R"({"type":"list-documents","requestId":7})"_ba << u"bad-request"_s << QString();
    }

    void badFramesKeepTheConnection()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, error);
        QFETCH(QString, broadcastId);
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QVERIFY(!client.join(u"p"_s).isEmpty());
        client.sendRaw(frame);
        const QJsonObject reply = client.next(u"error"_s);
        QCOMPARE(reply.value("code"_L1).toString(), error);
        QCOMPARE(reply.value("broadcastId"_L1).toString(), broadcastId);
        // Still served.
        client.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(client.next(u"new-text-chat"_s).value("seq"_L1).toInteger(), 1);
    }

    void largeFrames()
    {
        TestClient client;
        QVERIFY(client.open(m_server->url()));
        QVERIFY(!client.join(QString()).isEmpty());
        // A publish-document may be up to 1 MiB.
        const QString content(600 * 1024, u'a');
        client.send({{"type"_L1, "publish-document"_L1},
                     {"broadcastId"_L1, TestClient::uuid()},
                     {"document"_L1, QJsonObject{{"title"_L1, "Big"_L1},
                                                 {"format"_L1, "text"_L1},
                                                 {"content"_L1, content}}}});
        QVERIFY(!client.next(u"document-published"_s).isEmpty());
        // Over 1 MiB closes the connection with 1009.
        client.sendRaw(QByteArray(1100 * 1024, ' '));
        QCOMPARE(client.waitClosed(), 1009);
    }

    void rateLimit()
    {
        TestClient client;
        QVERIFY(joinedSlowly(&client, 3));
        QStringList sent;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
            sent.append(op.value("broadcastId"_L1).toString());
            client.send(op);
        }
        // The first three are applied; the other two are dropped, each answered on its own.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(client.next(u"new-text-chat"_s).value("broadcastId"_L1).toString(),
                     sent.at(i));
        QStringList limited;
        // The errors are sent at once, and may arrive before the events of earlier frames.
        for (const QByteArray &bytes : std::as_const(client.rawFrames)) {
            const QJsonObject frame = QJsonDocument::fromJson(bytes).object();
            if (frame.value("type"_L1).toString() == "error"_L1) {
                QCOMPARE(frame.value("code"_L1).toString(), u"rate-limited"_s);
                limited.append(frame.value("broadcastId"_L1).toString());
            }
        }
        QCOMPARE(limited, sent.mid(3));
        // Dropped frames were not applied.
        TestClient probe;
        QVERIFY(probe.open(m_server->url()));
        QCOMPARE(probe.join(u"p"_s).value("seq"_L1).toInteger(), 3);
        // Keeping on sending while limited closes the connection.
        for (int i = 0; i < 3; ++i)
            client.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        QCOMPARE(client.waitClosed(), 4429);
    }

    // Binary frames take tokens like text frames: a flood of them is dropped with rate-limited
    // and ends in 4429.
    void binaryFramesAreRateLimited()
    {
        TestClient client;
        QVERIFY(joinedSlowly(&client, 3));
        for (int i = 0; i < 3; ++i) {
            client.socket().sendBinaryMessage("binary");
            QCOMPARE(client.next(u"error"_s).value("code"_L1).toString(), u"bad-request"_s);
        }
        client.socket().sendBinaryMessage("binary");
        QCOMPARE(client.next(u"error"_s).value("code"_L1).toString(), u"rate-limited"_s);
        for (int i = 0; i < 4; ++i)
            client.socket().sendBinaryMessage("binary");
        QCOMPARE(client.waitClosed(), 4429);
    }

    // A rate-limited frame of any size the connection takes carries its broadcastId back.
    void largeRateLimitedFrameKeepsItsBroadcastId()
    {
        TestClient client;
        QVERIFY(joinedSlowly(&client, 1));
        client.send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, u"r1"_s}});
        QVERIFY(!client.next(u"documents"_s).isEmpty());
        const QString broadcastId = TestClient::uuid();
        client.send({{"type"_L1, "publish-document"_L1},
                     {"broadcastId"_L1, broadcastId},
                     {"document"_L1, QJsonObject{{"title"_L1, u"Big"_s},
                                                 {"format"_L1, "text"_L1},
                                                 {"content"_L1, QString(200 * 1024, u'x')}}}});
        const QJsonObject error = client.next(u"error"_s);
        QCOMPARE(error.value("code"_L1).toString(), u"rate-limited"_s);
        QCOMPARE(error.value("broadcastId"_L1).toString(), broadcastId);
    }

    void slowConsumerIsDropped_data()
    {
        QTest::addColumn<int>("batchMs");
        QTest::newRow("batching off") << 0;
        QTest::newRow("batching on") << 20;
    }

    void slowConsumerIsDropped()
    {
        QFETCH(int, batchMs);
        m_server.reset();
        QVERIFY(startServer([batchMs](Glosa::ServerConfig &c) {
            c.batchMs = batchMs;
            c.limits.sendQueueBytes = 256 * 1024;
            c.limits.opsPerSecond = 10000;
            c.limits.burst = 10000;
        }));
        RawClient slow;
        QVERIFY(slow.open(m_server->url()));
        slow.sendText(QJsonDocument(hello(u"p"_s)).toJson(QJsonDocument::Compact));
        slow.socket.setReadBufferSize(1);

        TestClient writer;
        QVERIFY(writer.open(m_server->url()));
        QVERIFY(!writer.join(u"p"_s).isEmpty());
        const QString chatId = TestClient::uuid();
        writer.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!writer.next(u"new-text-chat"_s).isEmpty());
        Glosa::Server *server = m_server->server();
        QCOMPARE(server->connectionCount(), 2);
        const QString text(9000, u'w');
        int sent = 0;
        while (server->connectionCount() == 2 && sent < 2000) {
            writer.send(TestClient::update(
                chatId,
                {{"op"_L1, "add-comment"_L1},
                 {"comment"_L1, QJsonObject{{"id"_L1, TestClient::uuid()}, {"text"_L1, text}}}}));
            writer.next(u"updated-text-chat"_s);
            ++sent;
        }
        QCOMPARE(server->connectionCount(), 1);
        QVERIFY(writer.isConnected());
        QTRY_COMPARE(m_server->server()->metrics()->snapshot().value(u"local"_s).connections, 1);
    }

    // The estimate behind "busy": about the frames of the last second, each counting one, fading
    // with a time constant of a second.
    void frameRate()
    {
        Glosa::FrameRate pairs; // two frames 5 ms apart, every 200 ms, for a minute
        for (qint64 t = 1000; t < 61000; t += 200) {
            pairs.add(t);
            pairs.add(t + 5);
            QVERIFY(!pairs.isBusy(t + 5));
        }
        Glosa::FrameRate steady; // 50 a second for 10 s
        for (qint64 t = 1000; t < 11000; t += 20)
            steady.add(t);
        QVERIFY(!steady.isBusy(11000));

        Glosa::FrameRate fast; // 200 a second for a second, then nothing
        for (qint64 t = 1000; t < 2000; t += 5)
            fast.add(t);
        QVERIFY(fast.isBusy(2000));
        QVERIFY(!fast.isBusy(3000));

        Glosa::FrameRate burst; // 150 at once
        for (int i = 0; i < 150; ++i)
            burst.add(1000);
        QVERIFY(burst.isBusy(1000));
        QVERIFY(!burst.isBusy(2000));
        // Fewer than BusyPerSecond frames never make it busy, however close together.
        Glosa::FrameRate few;
        for (int i = 0; i < int(Glosa::FrameRate::BusyPerSecond); ++i)
            few.add(1000);
        QVERIFY(!few.isBusy(1000));
    }

    // Frames a connection is given in one pass of the event loop leave in one write, as one batch
    // in order, at the end of the pass: a window of a minute does not hold them.
    void framesOfOnePassLeaveTogether()
    {
        TestClient client;
        Glosa::ClientConnection *held = quietConnection(&client, 60000);
        QVERIFY(held);
        const qsizetype before = client.rawFrames.size();
        for (int n = 1; n <= 3; ++n)
            held->send(note(n));
        QTRY_COMPARE(client.pending().size(), 3);
        const QList<QByteArray> frames = client.rawFrames.mid(before);
        QCOMPARE(frames.size(), 1);
        QVERIFY(isBatch(frames.first()));
        QCOMPARE(notes(frames), range(1, 3));
    }

    // Two frames 5 ms apart to a quiet connection leave as they come, each alone: a window of a
    // minute holds neither.
    void quietConnectionIsNotHeld()
    {
        TestClient client;
        Glosa::ClientConnection *held = quietConnection(&client, 60000);
        QVERIFY(held);
        const qsizetype before = client.rawFrames.size();
        held->send(note(1));
        QTimer::singleShot(5, held, [held] { held->send(note(2)); });
        QTRY_COMPARE(client.pending().size(), 2);
        const QList<QByteArray> frames = client.rawFrames.mid(before);
        QCOMPARE(frames.size(), 2);
        QVERIFY(!isBatch(frames.at(0)) && !isBatch(frames.at(1)));
        QCOMPARE(notes(frames), range(1, 2));
    }

    // A connection given frames one pass after the other gets each alone while it has had fewer
    // than about 100 in the last second; past that rate, those that come within a window of the
    // last write wait for the window and leave together.
    void busyConnectionGetsBatches()
    {
        constexpr int Frames = 300;
        TestClient client;
        Glosa::ClientConnection *held = quietConnection(&client, 200);
        QVERIFY(held);
        const qsizetype before = client.rawFrames.size();
        for (int n = 1; n <= Frames; ++n) {
            held->send(note(n));
            QCoreApplication::processEvents(); // the next one comes in another pass
        }
        QTRY_COMPARE(client.pending().size(), Frames);
        const QList<QByteArray> frames = client.rawFrames.mid(before);
        QCOMPARE(notes(frames), range(1, Frames));
        const int quiet = int(Glosa::FrameRate::BusyPerSecond);
        for (int i = 0; i < quiet; ++i)
            QVERIFY2(!isBatch(frames.at(i)), qPrintable(QString::number(i)));
        QVERIFY2(frames.size() < Frames, "a busy connection got no batches");
        QVERIFY(std::any_of(frames.cbegin() + quiet, frames.cend(), isBatch));
    }

    // What queues for a connection whose socket is backed up leaves once the kernel has taken
    // what was written before, in batches of at most 256 KiB, in order. Meanwhile the connection
    // holds no more than it did: the frames wait as references.
    void backedUpConnectionGetsItsFramesInBatches()
    {
        constexpr qsizetype MaxBatchBytes = 256 * 1024;
        constexpr int Notes = 600; // about 600 KiB: more than one batch
        TestClient client;
        Glosa::ClientConnection *held = quietConnection(&client, 20);
        QVERIFY(held);
        Glosa::Connection *connection = held->findChild<Glosa::Connection *>();
        QVERIFY(connection);
        const qsizetype before = client.rawFrames.size();
        // The client runs on this thread: until the test returns to the event loop, it reads
        // nothing, and the kernel's buffers fill.
        const QByteArray filler = note(0, 60 * 1024);
        int fillers = 0;
        while (connection->bytesToWrite() == 0 && fillers < 2000) {
            held->send(filler);
            held->writeQueued();
            ++fillers;
        }
        const qint64 unsent = connection->bytesToWrite();
        QVERIFY(unsent > 0);
        QVERIFY(unsent <= filler.size() + 14);
        for (int n = 1; n <= Notes; ++n)
            held->send(note(n, 1000));
        QCOMPARE(connection->bytesToWrite(), unsent);

        QTRY_COMPARE(client.pending().size(), fillers + Notes);
        const QList<QByteArray> frames = client.rawFrames.mid(before);
        for (int i = 0; i < fillers; ++i)
            QVERIFY(!isBatch(frames.at(i)));
        const QList<QByteArray> batches = frames.mid(fillers);
        QCOMPARE(batches.size(), 3);
        for (const QByteArray &batch : batches) {
            QVERIFY(isBatch(batch));
            QVERIFY(batch.size() <= MaxBatchBytes + 32);
        }
        QCOMPARE(notes(batches), range(1, Notes));
    }

    // Frames given to a connection during its catch-up wait behind it, and leave together after
    // it, however long the window.
    void framesWaitBehindACatchUp()
    {
        constexpr int Chats = 250; // a snapshot of about 1.3 MB: five parts
        m_server.reset();
        // One I/O thread, the test's own: the test looks inside the connection.
        QVERIFY(startServer([](Glosa::ServerConfig &c) {
            c.limits.opsPerSecond = 100000;
            c.limits.burst = 100000;
            c.ioThreads = 1;
        }));
        {
            TestClient writer;
            QVERIFY(writer.open(m_server->url()));
            QVERIFY(!writer.join(u"big"_s).isEmpty());
            for (int i = 0; i < Chats; ++i)
                writer.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(),
                                                QString(5000, QChar(u'a' + i % 26))));
            for (int i = 0; i < Chats; ++i)
                QVERIFY(!writer.next(u"new-text-chat"_s).isEmpty());
        }
        m_server->stop();
        m_server->config.batchMs = 60000;
        QVERIFY(m_server->restart());

        TestClient reader;
        QVERIFY(reader.open(m_server->url()));
        reader.send(hello(u"big"_s));
        Glosa::ClientConnection *catchingUp = nullptr;
        const QDeadlineTimer deadline(TestClient::Timeout);
        while (!catchingUp && !deadline.hasExpired()) {
            QCoreApplication::processEvents();
            for (Glosa::ClientConnection *s : hub()->findChildren<Glosa::ClientConnection *>()) {
                if (s->isCatchingUp())
                    catchingUp = s;
            }
        }
        QVERIFY(catchingUp);
        catchingUp->send(note(1));
        catchingUp->send(note(2));
        QVERIFY(!reader.next(u"welcome"_s).isEmpty());
        QCOMPARE(reader.next(u"snapshot"_s).value("chats"_L1).toArray().size(), Chats);
        QTRY_COMPARE(reader.pending().size(), 2);
        QCOMPARE(reader.rawFrames.size(), 3);
        QVERIFY(isBatch(reader.rawFrames.last()));
        QCOMPARE(notes({reader.rawFrames.last()}), range(1, 2));
    }

    void silentPeersAreDropped()
    {
        m_server.reset();
        QVERIFY(startServer([](Glosa::ServerConfig &c) { c.pingIntervalMs = 100; }));
        TestClient alive;
        QVERIFY(alive.open(m_server->url()));
        QVERIFY(!alive.join(u"p"_s).isEmpty());
        RawClient silent;
        QVERIFY(silent.open(m_server->url()));
        silent.sendText(QJsonDocument(hello(u"p"_s)).toJson(QJsonDocument::Compact));
        QTRY_COMPARE(m_server->server()->connectionCount(), 2);
        QTRY_COMPARE(m_server->server()->connectionCount(), 1);
        // QWebSocket answers pings, so the live client is still served.
        QVERIFY(alive.isConnected());
        QCOMPARE(alive.next(u"presence"_s).value("viewers"_L1).toInt(), 2);
        QCOMPARE(alive.next(u"presence"_s).value("viewers"_L1).toInt(), 1);
    }

    void manySimultaneousHandshakes()
    {
        constexpr int Count = 100;
        const QList<TestClient *> clients = crowd(Count);
        for (TestClient *client : clients)
            QVERIFY(!client->next(u"welcome"_s).isEmpty());
        QCOMPARE(m_server->server()->connectionCount(), Count);
        qDeleteAll(clients);
    }

    void wrongPathIsRefused()
    {
        QUrl url = m_server->url();
        url.setPath(u"/elsewhere"_s);
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(
            "GET /elsewhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_VERIFY(socket.peek(64).startsWith("HTTP/1.1 404"));
        TestClient client;
        client.socket().open(url);
        QCOMPARE(client.waitClosed(), 1000);
        QVERIFY(client.next({}, 100).isEmpty());
    }

    void stopClosesWithGoingAway()
    {
        TestClient a, b;
        QVERIFY(a.open(m_server->url()) && b.open(m_server->url()));
        QVERIFY(!a.join(u"p"_s).isEmpty());
        QVERIFY(!b.join(QString()).isEmpty());
        m_server->stop();
        QCOMPARE(a.waitClosed(), 1001);
        QCOMPARE(b.waitClosed(), 1001);
    }

    void usageCountsWhatClientsReceive()
    {
        TestClient a, b;
        QVERIFY(a.open(m_server->url()) && b.open(m_server->url()));
        QVERIFY(!a.join(u"p"_s).isEmpty());
        QVERIFY(!b.join(u"p"_s, u"acme"_s, TestServer::token(u"acme"_s, AcmeSecret, u"ana"_s))
                     .isEmpty());
        a.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
        a.send({{"type"_L1, "nope"_L1}});
        QVERIFY(!a.next(u"error"_s).isEmpty());
        a.settle(100);
        b.settle(100);
        const auto usage = m_server->server()->metrics()->snapshot();
        const auto bytes = [](const TestClient &c) {
            qint64 n = 0;
            for (const QByteArray &f : c.rawFrames)
                n += f.size();
            return n;
        };
        QCOMPARE(usage.value(u"local"_s).pubSubMessageCount, a.rawFrames.size());
        QCOMPARE(usage.value(u"local"_s).pubSubBandwidth, bytes(a));
        QCOMPARE(usage.value(u"local"_s).connections, 1);
        QCOMPARE(usage.value(u"acme"_s).pubSubMessageCount, b.rawFrames.size());
        QCOMPARE(usage.value(u"acme"_s).pubSubBandwidth, bytes(b));
    }

    // Connections that vanish all at once, in the middle of presence rounds, and a stop right
    // after: the server neither crashes nor hangs, and serves until the end.
    void massDisconnectThenStop()
    {
        const QList<TestClient *> clients = crowd(150);
        QTRY_COMPARE(m_server->server()->connectionCount(), 150);
        for (int i = 0; i < 100; ++i)
            clients.at(i)->socket().abort();
        QTest::qWait(1);
        TestClient last;
        QVERIFY(last.open(m_server->url()));
        QVERIFY(!last.join(u"crowd"_s).isEmpty());
        for (int i = 100; i < 150; ++i)
            clients.at(i)->socket().abort();
        QSignalSpy stopped(m_server->server(), &Glosa::Server::stopped);
        m_server->stop();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(last.waitClosed(), 1001);
        qDeleteAll(clients);
    }
};

GLOSA_SERVER_TEST_MAIN(tst_ClientConnection)
#include "tst_clientconnection.moc"

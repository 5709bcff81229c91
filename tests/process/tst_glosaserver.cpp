// The glosa-server binary as an operator runs it: its command line, its listeners, its admin
// endpoint, its handling of signals and of its --config file.

#include "jwt.h"
#include "rawclient.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <memory>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Page = "handbook/intro"_L1;
const QByteArray AcmeSecret = "acme-secret-for-tests";

QJsonObject usage(const ServerProcess &server)
{
    return QJsonDocument::fromJson(httpGet(server.adminUrl(), "/v1/usage").body).object();
}

QJsonObject localUsage(const ServerProcess &server)
{
    return usage(server).value("tenants"_L1).toObject().value("local"_L1).toObject();
}

// The value of the sample `name` (with its labels) in Prometheus text, or -1.
qint64 sample(const QByteArray &text, const QByteArray &name)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(name + ' ')))
            return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

qint64 metric(const ServerProcess &server, const QByteArray &name)
{
    return sample(httpGet(server.adminUrl(), "/metrics").body, name);
}

QString token(const QJsonObject &claims, const QByteArray &secret = AcmeSecret)
{
    return QString::fromLatin1(Glosa::Jwt::sign(claims, secret));
}

QJsonObject claims(const QString &sub, const QString &role, qint64 expiresIn = 3600,
                   const QString &tenant = u"acme"_s)
{
    return {{"tid"_L1, tenant},
            {"sub"_L1, sub},
            {"name"_L1, QString(u"Name of "_s + sub)},
            {"role"_L1, role},
            {"exp"_L1, QDateTime::currentSecsSinceEpoch() + expiresIn}};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

qint64 receivedFrames(const QList<TestClient *> &clients)
{
    qint64 n = 0;
    for (const TestClient *c : clients)
        n += c->rawFrames.size();
    return n;
}

qint64 receivedBytes(const QList<TestClient *> &clients)
{
    qint64 n = 0;
    for (const TestClient *c : clients) {
        for (const QByteArray &frame : c->rawFrames)
            n += frame.size();
    }
    return n;
}

// A WebSocket peer on a blocking POSIX socket, since the server is another process: it writes
// whatever it is told without reading, then reads the server's frames when asked to.
class BlockingPeer
{
public:
    ~BlockingPeer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool upgrade(const QUrl &url)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(url.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const timeval timeout{ServerProcess::Timeout / 1000, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0)
            return false;
        if (!send("GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                  "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n"))
            return false;
        while (!m_buffer.contains("\r\n\r\n")) {
            if (!receive())
                return false;
        }
        const bool upgraded = m_buffer.startsWith("HTTP/1.1 101 ");
        m_buffer.remove(0, m_buffer.indexOf("\r\n\r\n") + 4);
        return upgraded;
    }

    // False once the server has ended the connection.
    bool send(QByteArrayView bytes)
    {
        while (!bytes.isEmpty()) {
            const ssize_t n = ::send(m_fd, bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            bytes = bytes.sliced(n);
        }
        return true;
    }

    // The next frame's opcode and payload; opcode -1 at the end of the connection or after
    // ServerProcess::Timeout without a byte.
    std::pair<int, QByteArray> next()
    {
        for (;;) {
            const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
            qsizetype header = 2;
            quint64 length = m_buffer.size() >= 2 ? p[1] & 0x7F : 0;
            if (length == 126)
                header = 4;
            else if (length == 127)
                header = 10;
            if (m_buffer.size() >= header) {
                if (header == 4)
                    length = qFromBigEndian<quint16>(p + 2);
                else if (header == 10)
                    length = qFromBigEndian<quint64>(p + 2);
                if (quint64(m_buffer.size()) >= header + length) {
                    const std::pair<int, QByteArray> frame{p[0] & 0x0F,
                                                           m_buffer.mid(header, qsizetype(length))};
                    m_buffer.remove(0, header + qsizetype(length));
                    return frame;
                }
            }
            if (!receive())
                return {-1, {}};
        }
    }

    static QByteArray frame(int opcode, QByteArrayView payload)
    {
        Q_ASSERT(payload.size() < 126);
        QByteArray bytes;
        bytes.append(char(0x80 | opcode)).append(char(0x80 | payload.size())).append(4, '\0');
        return bytes + payload; // masked with zeros
    }

private:
    bool receive()
    {
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return n < 0 && errno == EINTR;
        m_buffer.append(chunk, n);
        return true;
    }

    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace

class tst_GlosaServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsItsListeners();
    void clientsShareChats();
    void adminEndpoints();
    void usageCountsWhatClientsReceive();
    void otherWebSocketPathIsRefused_data();
    void otherWebSocketPathIsRefused();
    void queryStringIsIgnored();
    void terminationClosesWithGoingAway_data();
    void terminationClosesWithGoingAway();
    void unresponsiveClientDoesNotHoldShutdown();
    void version();
    void badArguments_data();
    void badArguments();
    void portInUse();
    void unusableDataDir_data();
    void unusableDataDir();
    void badConfig_data();
    void badConfig();
    void acceptedLimitsAreUsable_data();
    void acceptedLimitsAreUsable();
    void tokens_data();
    void tokens();
    void viewerCannotWrite();
    void oneUserInManyWindowsCountsOnce();
    void anonymousUserOutlivesRestarts();
    void listensWithTheSystemsBacklog();
    void pingFloodCostsBoundedMemory();
    void holdsMoreConnectionsThanItsSoftFileLimit();
    void outOfFileDescriptorsPausesThenRecovers();
    void configLimitsApply();
    void batchWindow_data();
    void batchWindow();
    void slowConnectionsShareTheirFrames();

private:
    // Starts a server with the defaults on loopback, data in its own temporary folder.
    std::unique_ptr<ServerProcess> startServer(const QStringList &extra = {});

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_acme;
    QString m_acmeData;
};

std::unique_ptr<ServerProcess> tst_GlosaServer::startServer(const QStringList &extra)
{
    static int n = 0;
    const QString data = m_dir.filePath(u"data-%1"_s.arg(++n));
    auto server = std::make_unique<ServerProcess>();
    if (!server->startOn(data, extra)) {
        qWarning().noquote() << server->failure();
        return nullptr;
    }
    return server;
}

void tst_GlosaServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(ServerProcess::binary()), qPrintable(ServerProcess::binary()));

    const QString config = m_dir.filePath(u"acme.json"_s);
    QVERIFY(writeFile(config, R"({"tenants":[{"id":"acme","secret":")" + AcmeSecret +
                                  R"(","anonymous":false}]})"));
    m_acme = startServer({u"--config"_s, config});
    QVERIFY(m_acme);

    QVERIFY(writeFile(m_dir.filePath(u"a-file"_s), "not a folder"));
    QVERIFY(QDir(m_dir.path()).mkpath(u"garbage"_s));
    QVERIFY(writeFile(m_dir.filePath(u"garbage/glosa.sqlite3"_s),
                      QByteArray(4096, 'x') + "this is not an SQLite database"));
}

void tst_GlosaServer::printsItsListeners()
{
    const auto server = startServer();
    QVERIFY(server);
    QCOMPARE(server->url().scheme(), u"ws"_s);
    QCOMPARE(server->url().host(), u"127.0.0.1"_s);
    QVERIFY(server->url().port() > 0);
    QCOMPARE(server->url().path(), u"/v1/ws"_s);
    QCOMPARE(server->adminUrl().scheme(), u"http"_s);
    QCOMPARE(server->adminUrl().host(), u"127.0.0.1"_s);
    QVERIFY(server->adminUrl().port() > 0);
    QVERIFY(server->adminUrl().port() != server->url().port());
    // Exactly the two lines, nothing else on stdout.
    QCOMPARE(server->standardOutput(), "listening " + server->url().toEncoded() + "\nadmin " +
                                           server->adminUrl().toEncoded() + '\n');

    // With nobody connected, it stops at once.
    server->process().terminate();
    QVERIFY(server->waitForExit());
    QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->process().exitCode(), 0);
}

void tst_GlosaServer::clientsShareChats()
{
    const auto server = startServer();
    QVERIFY(server);

    TestClient a;
    QVERIFY(a.open(server->url()));
    const QJsonObject welcomeA = a.join(Page);
    QCOMPARE(welcomeA.value("v"_L1).toInt(), 1);
    QCOMPARE(welcomeA.value("seq"_L1).toInteger(), 0);
    QCOMPARE(welcomeA.value("viewers"_L1).toInt(), 1);
    QCOMPARE(welcomeA.value("recovered"_L1), QJsonValue(false));
    QVERIFY(welcomeA.value("user"_L1).toObject().value("id"_L1).toString().startsWith("anon:"_L1));
    const QJsonObject snapshotA = a.next(u"snapshot"_s);
    QCOMPARE(snapshotA.value("epoch"_L1), welcomeA.value("epoch"_L1));
    QCOMPARE(snapshotA.value("chats"_L1).toArray().size(), 0);

    TestClient b;
    QVERIFY(b.open(server->url()));
    const QJsonObject welcomeB = b.join(Page);
    QCOMPARE(welcomeB.value("viewers"_L1).toInt(), 2);
    QCOMPARE(welcomeB.value("epoch"_L1), welcomeA.value("epoch"_L1));
    QCOMPARE(a.next(u"presence"_s).value("viewers"_L1).toInt(), 2);

    const QString chatId = TestClient::uuid();
    const QString commentId = TestClient::uuid();
    const QJsonObject op = TestClient::newChat(chatId, commentId, u"Is this right?"_s);
    a.send(op);
    const QJsonObject echo = a.next(u"new-text-chat"_s);
    QCOMPARE(echo.value("broadcastId"_L1), op.value("broadcastId"_L1));
    QCOMPARE(echo.value("seq"_L1).toInteger(), 1);
    const QJsonObject seen = b.next(u"new-text-chat"_s);
    QCOMPARE(seen, echo);
    const QJsonObject chat = seen.value("chat"_L1).toObject();
    QCOMPARE(chat.value("id"_L1).toString(), chatId);
    QCOMPARE(chat.value("author"_L1).toObject().value("id"_L1),
             welcomeA.value("user"_L1).toObject().value("id"_L1));
    QCOMPARE(chat.value("comments"_L1).toArray().first().toObject().value("text"_L1).toString(),
             u"Is this right?"_s);

    // A latecomer finds it in its snapshot.
    TestClient c;
    QVERIFY(c.open(server->url()));
    QCOMPARE(c.join(Page).value("seq"_L1).toInteger(), 1);
    const QJsonArray chats = c.next(u"snapshot"_s).value("chats"_L1).toArray();
    QCOMPARE(chats.size(), 1);
    QCOMPARE(chats.first().toObject(), chat);
}

void tst_GlosaServer::adminEndpoints()
{
    const auto server = startServer();
    QVERIFY(server);

    const HttpReply health = httpGet(server->adminUrl(), "/healthz");
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body.trimmed(), "ok");

    TestClient a;
    QVERIFY(a.open(server->url()));
    QVERIFY(!a.join(Page).isEmpty());
    a.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
    QVERIFY(!a.next(u"new-text-chat"_s).isEmpty());

    const HttpReply usageReply = httpGet(server->adminUrl(), "/v1/usage");
    QCOMPARE(usageReply.status, 200);
    QVERIFY2(usageReply.head.toLower().contains("content-type: application/json"),
             usageReply.head.constData());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(usageReply.body, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, usageReply.body.constData());
    const QJsonObject local =
        doc.object().value("tenants"_L1).toObject().value("local"_L1).toObject();
    QVERIFY2(local.value("pubSubMessageCount"_L1).toInteger() > 0, usageReply.body.constData());
    QVERIFY2(local.value("pubSubBandwidth"_L1).toInteger() > 0, usageReply.body.constData());
    QCOMPARE(local.value("connections"_L1).toInteger(), 1);

    const HttpReply metrics = httpGet(server->adminUrl(), "/metrics");
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.head.toLower().contains("content-type: text/plain"), metrics.head.constData());
    QVERIFY(metrics.body.contains("# TYPE glosa_pubsub_messages_total counter\n"));
    QVERIFY(metrics.body.contains("# TYPE glosa_pubsub_bytes_total counter\n"));
    QVERIFY(sample(metrics.body, R"(glosa_pubsub_messages_total{tenant="local"})") > 0);
    QVERIFY(sample(metrics.body, R"(glosa_pubsub_bytes_total{tenant="local"})") > 0);
    QCOMPARE(sample(metrics.body, R"(glosa_tenant_connections{tenant="local"})"), 1);
    QCOMPARE(sample(metrics.body, "glosa_connections"), 1);
    // Every line is a comment or a sample "name{labels} value".
    for (const QByteArray &line : metrics.body.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split(' ');
        QVERIFY2(parts.size() == 2, line.constData());
        bool ok = false;
        parts.at(1).toDouble(&ok);
        QVERIFY2(ok, line.constData());
    }

    QCOMPARE(httpGet(server->adminUrl(), "/nothing-here").status, 404);
    QCOMPARE(httpGet(server->adminUrl(), "/v1/usage/more").status, 404);
    QCOMPARE(httpGet(server->adminUrl(), "/healthz", "POST").status, 405);
    const HttpReply head = httpGet(server->adminUrl(), "/healthz", "HEAD");
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    // A query string does not change the path.
    QCOMPARE(httpGet(server->adminUrl(), "/healthz?probe=1").status, 200);
}

// pubSubMessageCount and pubSubBandwidth count exactly the frames and bytes the tenant's
// admitted connections received, a batch once; connections counts admitted connections.
void tst_GlosaServer::usageCountsWhatClientsReceive()
{
    const auto server = startServer();
    QVERIFY(server);

    TestClient a, b, lobby, silent;
    const QList<TestClient *> admitted{&a, &b, &lobby};
    for (TestClient *c : {&a, &b, &lobby, &silent})
        QVERIFY(c->open(server->url()));
    QVERIFY(!a.join(Page).isEmpty());
    QVERIFY(!b.join(Page).isEmpty());
    QVERIFY(!lobby.join({}).isEmpty());
    const QString chatId = TestClient::uuid();
    for (int i = 0; i < 5; ++i) {
        a.send(i == 0 ? TestClient::newChat(chatId, TestClient::uuid())
                      : TestClient::update(
                            chatId, {{"op"_L1, "add-comment"_L1},
                                     {"comment"_L1, QJsonObject{{"id"_L1, TestClient::uuid()},
                                                                {"text"_L1, "more"_L1}}}}));
    }
    a.sendRaw("not json");
    lobby.send({{"type"_L1, "list-documents"_L1}, {"requestId"_L1, "r1"_L1}});
    QVERIFY(!lobby.next(u"documents"_s).isEmpty());
    QVERIFY(!a.next(u"error"_s).isEmpty());
    QTRY_COMPARE(b.pending().size(), 6); // snapshot + 5 events

    QTRY_COMPARE(localUsage(*server).value("pubSubMessageCount"_L1).toInteger(),
                 receivedFrames(admitted));
    QCOMPARE(localUsage(*server).value("pubSubBandwidth"_L1).toInteger(), receivedBytes(admitted));
    QCOMPARE(localUsage(*server).value("connections"_L1).toInteger(), 3);
    QCOMPARE(metric(*server, R"(glosa_pubsub_messages_total{tenant="local"})"),
             receivedFrames(admitted));
    QCOMPARE(metric(*server, R"(glosa_pubsub_bytes_total{tenant="local"})"),
             receivedBytes(admitted));
    QCOMPARE(metric(*server, R"(glosa_tenant_connections{tenant="local"})"), 3);
    QCOMPARE(metric(*server, "glosa_connections"), 4); // the silent one included

    b.socket().close();
    QTRY_COMPARE(localUsage(*server).value("connections"_L1).toInteger(), 2);
    QTRY_COMPARE(metric(*server, "glosa_connections"), 3);
    // a learns that b left.
    QCOMPARE(a.next(u"presence"_s).value("viewers"_L1).toInt(), 1);
    QTRY_COMPARE(localUsage(*server).value("pubSubMessageCount"_L1).toInteger(),
                 receivedFrames(admitted));
}

void tst_GlosaServer::otherWebSocketPathIsRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("root") << QByteArray("/");
    QTest::newRow("v2") << QByteArray("/v2/ws");
    QTest::newRow("longer") << QByteArray("/v1/ws/more");
    QTest::newRow("prefix") << QByteArray("/v1/wss");
    QTest::newRow("admin path") << QByteArray("/healthz");
}

void tst_GlosaServer::otherWebSocketPathIsRefused()
{
    QFETCH(QByteArray, path);
    const auto server = startServer();
    QVERIFY(server);
    const QUrl url = server->url();
    const HttpReply reply = httpRequest(
        url.host(), quint16(url.port()),
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(url.port()) +
            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(reply.status, 404);

    // The real path still works after it.
    TestClient client;
    QVERIFY(client.open(url));
    QVERIFY(!client.join(Page).isEmpty());
}

void tst_GlosaServer::queryStringIsIgnored()
{
    const auto server = startServer();
    QVERIFY(server);
    QUrl url = server->url();
    url.setQuery(u"client=glosa&v=1"_s);
    TestClient client;
    QVERIFY(client.open(url));
    QCOMPARE(client.join(Page).value("viewers"_L1).toInt(), 1);
}

void tst_GlosaServer::terminationClosesWithGoingAway_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_GlosaServer::terminationClosesWithGoingAway()
{
    QFETCH(int, signal);
    const QString data = m_dir.filePath(u"terminated-%1"_s.arg(signal));
    auto server = std::make_unique<ServerProcess>();
    QVERIFY2(server->startOn(data), qPrintable(server->failure()));

    TestClient onPage, lobby, silent;
    QVERIFY(onPage.open(server->url()));
    QVERIFY(lobby.open(server->url()));
    QVERIFY(silent.open(server->url()));
    const QJsonObject welcome = onPage.join(Page);
    QVERIFY(!welcome.isEmpty());
    QVERIFY(!lobby.join({}).isEmpty());
    const QString chatId = TestClient::uuid();
    onPage.send(TestClient::newChat(chatId, TestClient::uuid()));
    QVERIFY(!onPage.next(u"new-text-chat"_s).isEmpty());
    // The silent connection is known to the server before the signal.
    QTRY_COMPARE(metric(*server, "glosa_connections"), 3);

    if (signal == SIGTERM)
        server->process().terminate();
    else
        server->signal(signal);

    QCOMPARE(onPage.waitClosed(), 1001);
    QCOMPARE(lobby.waitClosed(), 1001);
    QCOMPARE(silent.waitClosed(), 1001);
    QVERIFY2(server->waitForExit(), "glosa-server does not exit after the signal");
    QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(server->process().exitCode() == 0, server->standardError().constData());

    // What was acknowledged is there after a restart, in the same history.
    server = std::make_unique<ServerProcess>();
    QVERIFY2(server->startOn(data), qPrintable(server->failure()));
    TestClient after;
    QVERIFY(after.open(server->url()));
    const QJsonObject again = after.join(Page);
    QCOMPARE(again.value("epoch"_L1), welcome.value("epoch"_L1));
    QCOMPARE(again.value("seq"_L1).toInteger(), 1);
    const QJsonArray chats = after.next(u"snapshot"_s).value("chats"_L1).toArray();
    QCOMPARE(chats.size(), 1);
    QCOMPARE(chats.first().toObject().value("id"_L1).toString(), chatId);
}

// A peer that never answers the closing handshake cannot keep the server from exiting.
void tst_GlosaServer::unresponsiveClientDoesNotHoldShutdown()
{
    const auto server = startServer();
    QVERIFY(server);
    // A raw WebSocket client: it completes the upgrade, then never reads nor answers again.
    QTcpSocket mute;
    mute.connectToHost(server->url().host(), quint16(server->url().port()));
    QVERIFY(mute.waitForConnected(ServerProcess::Timeout));
    mute.write("GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && mute.waitForReadyRead(ServerProcess::Timeout))
        answer += mute.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
    QTRY_COMPARE(metric(*server, "glosa_connections"), 1);

    TestClient polite;
    QVERIFY(polite.open(server->url()));
    QVERIFY(!polite.join(Page).isEmpty());

    server->process().terminate();
    QCOMPARE(polite.waitClosed(), 1001);
    QVERIFY2(server->waitForExit(ServerProcess::Timeout),
             "a client that does not answer the close keeps glosa-server running");
    QCOMPARE(server->process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server->process().exitCode(), 0);
}

void tst_GlosaServer::version()
{
    const ServerProcess::Outcome outcome = ServerProcess::run({u"--version"_s});
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.contains(GLOSA_VERSION), outcome.out.constData());
    QVERIFY(!outcome.out.contains("listening"));
}

void tst_GlosaServer::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("listen nonsense") << QStringList{u"--listen"_s, u"nonsense"_s} << u"nonsense"_s;
    QTest::newRow("listen port too big")
        << QStringList{u"--listen"_s, u"127.0.0.1:70000"_s} << u"--listen"_s;
    QTest::newRow("listen host not an address")
        << QStringList{u"--listen"_s, u"no.such.host:0"_s} << u"--listen"_s;
    QTest::newRow("admin-listen nonsense")
        << QStringList{u"--admin-listen"_s, u"nowhere"_s} << u"--admin-listen"_s;
    QTest::newRow("batch-ms negative") << QStringList{u"--batch-ms"_s, u"-1"_s} << u"--batch-ms"_s;
    QTest::newRow("batch-ms not a number")
        << QStringList{u"--batch-ms"_s, u"soon"_s} << u"--batch-ms"_s;
    QTest::newRow("io-threads zero") << QStringList{u"--io-threads"_s, u"0"_s} << u"--io-threads"_s;
    QTest::newRow("store not PostgreSQL")
        << QStringList{u"--store"_s, u"mysql://db/glosa"_s} << u"--store"_s;
    QTest::newRow("io-threads too many")
        << QStringList{u"--io-threads"_s, u"257"_s} << u"--io-threads"_s;
    QTest::newRow("tls-cert without tls-key")
        << QStringList{u"--tls-cert"_s, u"cert.pem"_s} << u"--tls-key"_s;
    QTest::newRow("tls-key without tls-cert")
        << QStringList{u"--tls-key"_s, u"key.pem"_s} << u"--tls-cert"_s;
    QTest::newRow("tls files missing")
        << QStringList{u"--tls-cert"_s, u"/nonexistent/missing-cert.pem"_s, u"--tls-key"_s,
                       u"/nonexistent/missing-key.pem"_s}
        << u"missing-cert.pem"_s;
    QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("option without value") << QStringList{u"--listen"_s} << u"listen"_s;
}

void tst_GlosaServer::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    // Later options win: a server that accepted the bad ones would still stay on loopback.
    const ServerProcess::Outcome outcome =
        ServerProcess::run(QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s,
                                       u"127.0.0.1:0"_s, u"--data"_s, m_dir.filePath(u"bad"_s)} +
                               arguments,
                           5000);
    QVERIFY2(outcome.finished, "glosa-server started serving with bad arguments");
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QVERIFY(outcome.exitCode != 0);
    QVERIFY2(QString::fromUtf8(outcome.err).contains(mentions), outcome.err.constData());
    QVERIFY(!outcome.out.contains("listening"));
}

void tst_GlosaServer::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const QString taken = u"127.0.0.1:%1"_s.arg(occupant.serverPort());
    for (const QString &option : {u"--listen"_s, u"--admin-listen"_s}) {
        const QString other = option == "--listen"_L1 ? u"--admin-listen"_s : u"--listen"_s;
        const ServerProcess::Outcome outcome = ServerProcess::run(
            {option, taken, other, u"127.0.0.1:0"_s, u"--data"_s, m_dir.filePath(u"in-use"_s)},
            5000);
        QVERIFY2(outcome.finished, qPrintable(option));
        QVERIFY(outcome.exitCode != 0);
        QVERIFY2(QString::fromUtf8(outcome.err).contains(QString::number(occupant.serverPort())),
                 outcome.err.constData());
        QVERIFY(!outcome.out.contains("listening"));
    }
}

void tst_GlosaServer::unusableDataDir_data()
{
    QTest::addColumn<QString>("dataDir");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("under a file") << m_dir.filePath(u"a-file/data"_s)
                                  << m_dir.filePath(u"a-file"_s);
    QTest::newRow("database is garbage")
        << m_dir.filePath(u"garbage"_s) << m_dir.filePath(u"garbage/glosa.sqlite3"_s);
}

void tst_GlosaServer::unusableDataDir()
{
    QFETCH(QString, dataDir);
    QFETCH(QString, mentions);
    const ServerProcess::Outcome outcome =
        ServerProcess::run({u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s,
                            u"--data"_s, dataDir},
                           5000);
    QVERIFY2(outcome.finished, "glosa-server started serving without a usable data folder");
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QVERIFY(outcome.exitCode != 0);
    QVERIFY2(QString::fromUtf8(outcome.err).contains(mentions), outcome.err.constData());
    QVERIFY(!outcome.out.contains("listening"));
}

void tst_GlosaServer::badConfig_data()
{
    QTest::addColumn<QByteArray>("content"); // null: no file
    QTest::newRow("missing file") << QByteArray();
    QTest::newRow("invalid JSON") << QByteArray(R"({"tenants": [)");
    QTest::newRow("empty file") << QByteArray("");
    QTest::newRow("not an object") << QByteArray("[1, 2]");
    QTest::newRow("tenant without id") << QByteArray(R"({"tenants":[{"secret":"s"}]})");
    QTest::newRow("tenant with empty id")
        << QByteArray(R"({"tenants":[{"id":"","anonymous":true}]})");
    QTest::newRow("tenants not an array") << QByteArray(R"({"tenants":{"id":"acme"}})");
    QTest::newRow("tenant nobody can join") << QByteArray(R"({"tenants":[{"id":"acme"}]})");
    QTest::newRow("tenant twice") << QByteArray(
        R"({"tenants":[{"id":"acme","anonymous":true},{"id":"acme","anonymous":true}]})");
    QTest::newRow("secret not a string")
        << QByteArray(R"({"tenants":[{"id":"acme","secret":42}]})");
    QTest::newRow("negative burst") << QByteArray(R"({"limits":{"burst":-1}})");
    QTest::newRow("limit not a number") << QByteArray(R"({"limits":{"opsPerSecond":"fast"}})");
}

void tst_GlosaServer::badConfig()
{
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(
        u"config-%1.json"_s.arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-'));
    if (!content.isNull())
        QVERIFY(writeFile(path, content));
    const ServerProcess::Outcome outcome =
        ServerProcess::run({u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s,
                            u"--data"_s, m_dir.filePath(u"config"_s), u"--config"_s, path},
                           5000);
    QVERIFY2(outcome.finished, "glosa-server started serving with a bad config");
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QVERIFY(outcome.exitCode != 0);
    QVERIFY2(QString::fromUtf8(outcome.err).contains(path), outcome.err.constData());
    QVERIFY(!outcome.out.contains("listening"));
}

void tst_GlosaServer::acceptedLimitsAreUsable_data()
{
    QTest::addColumn<QByteArray>("limits");
    QTest::newRow("burst beyond int") << QByteArray(R"({"burst":1e10})");
    QTest::newRow("burst below one") << QByteArray(R"({"burst":0.5})");
    QTest::newRow("frameBytes below one") << QByteArray(R"({"frameBytes":0.5})");
    QTest::newRow("sendQueueBytes below one") << QByteArray(R"({"sendQueueBytes":0.5})");
    QTest::newRow("sendQueueBytes beyond qint64") << QByteArray(R"({"sendQueueBytes":1e30})");
    QTest::newRow("ordinary") << QByteArray(R"({"burst":100,"opsPerSecond":50})");
}

// A config is either refused, with a message naming the file, or the server works with it:
// the server must not accept limits that shut every client out.
void tst_GlosaServer::acceptedLimitsAreUsable()
{
    QFETCH(QByteArray, limits);
    const QString path = m_dir.filePath(
        u"limits-%1.json"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    QVERIFY(writeFile(path, R"({"limits":)" + limits + '}'));
    ServerProcess server;
    if (!server.startOn(m_dir.filePath(u"limits"_s), {u"--config"_s, path})) {
        QCOMPARE(server.process().state(), QProcess::NotRunning);
        QVERIFY(server.process().exitCode() != 0);
        QVERIFY2(QString::fromUtf8(server.standardError()).contains(path),
                 server.standardError().constData());
        return;
    }
    TestClient client;
    QVERIFY(client.open(server.url()));
    if (client.join(Page).isEmpty()) {
        QFAIL(qPrintable(u"the config was accepted but the hello was refused with close %1"_s.arg(
            client.waitClosed())));
    }
    const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    client.send(op);
    const QJsonObject event = client.next(u"new-text-chat"_s);
    if (event.isEmpty()) {
        QFAIL(qPrintable(u"the config was accepted but no chat can be created (close %1)"_s.arg(
            client.waitClosed())));
    }
    QCOMPARE(event.value("broadcastId"_L1), op.value("broadcastId"_L1));
}

void tst_GlosaServer::tokens_data()
{
    QTest::addColumn<QString>("tenant");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("closeCode"); // 0: welcome
    QTest::addColumn<QString>("role");

    QTest::newRow("member") << u"acme"_s << token(claims(u"ana"_s, u"member"_s)) << 0
                            << u"member"_s;
    QTest::newRow("moderator") << u"acme"_s << token(claims(u"mo"_s, u"moderator"_s)) << 0
                               << u"moderator"_s;
    QTest::newRow("viewer") << u"acme"_s << token(claims(u"vi"_s, u"viewer"_s)) << 0 << u"viewer"_s;
    QTest::newRow("no token") << u"acme"_s << QString() << 4401 << QString();
    QTest::newRow("wrong secret") << u"acme"_s
                                  << token(claims(u"ana"_s, u"member"_s), "another secret") << 4401
                                  << QString();
    QTest::newRow("expired") << u"acme"_s << token(claims(u"ana"_s, u"member"_s, -60)) << 4401
                             << QString();
    QTest::newRow("other tenant's token")
        << u"acme"_s << token(claims(u"ana"_s, u"member"_s, 3600, u"globex"_s)) << 4401
        << QString();
    QTest::newRow("garbage token") << u"acme"_s << u"not.a.jwt"_s << 4401 << QString();
    QTest::newRow("unknown tenant")
        << u"globex"_s << token(claims(u"ana"_s, u"member"_s)) << 4403 << QString();
    QTest::newRow("unknown tenant, no token") << u"globex"_s << QString() << 4403 << QString();
}

void tst_GlosaServer::tokens()
{
    QFETCH(QString, tenant);
    QFETCH(QString, token);
    QFETCH(int, closeCode);
    QFETCH(QString, role);
    QVERIFY(m_acme);

    TestClient client;
    QVERIFY(client.open(m_acme->url()));
    const QJsonObject welcome = client.join(Page, tenant, token);
    if (closeCode) {
        QVERIFY2(welcome.isEmpty(), QJsonDocument(welcome).toJson().constData());
        QCOMPARE(client.waitClosed(), closeCode);
        return;
    }
    QVERIFY(!welcome.isEmpty());
    const QJsonObject user = welcome.value("user"_L1).toObject();
    QString why;
    const QJsonObject sent =
        Glosa::Jwt::verify(token.toLatin1(), AcmeSecret, QDateTime::currentSecsSinceEpoch(), &why)
            .value_or(QJsonObject());
    QVERIFY2(!sent.isEmpty(), qPrintable(why));
    QCOMPARE(user.value("id"_L1), sent.value("sub"_L1));
    QCOMPARE(user.value("name"_L1), sent.value("name"_L1));
    QCOMPARE(user.value("role"_L1).toString(), role);
    QVERIFY(!client.next(u"snapshot"_s).isEmpty());
    QVERIFY(client.isConnected());
}

void tst_GlosaServer::viewerCannotWrite()
{
    QVERIFY(m_acme);
    TestClient viewer, member;
    QVERIFY(viewer.open(m_acme->url()));
    QVERIFY(member.open(m_acme->url()));
    QVERIFY(
        !viewer.join(u"viewer-page"_s, u"acme"_s, token(claims(u"v1"_s, u"viewer"_s))).isEmpty());
    QVERIFY(
        !member.join(u"viewer-page"_s, u"acme"_s, token(claims(u"m1"_s, u"member"_s))).isEmpty());

    const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    viewer.send(op);
    const QJsonObject error = viewer.next(u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"forbidden"_s);
    QCOMPARE(error.value("broadcastId"_L1), op.value("broadcastId"_L1));

    // The member's change reaches the viewer, and nothing of the viewer's reached anyone.
    const QJsonObject memberOp = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
    member.send(memberOp);
    const QJsonObject event = viewer.next(u"new-text-chat"_s);
    QCOMPARE(event.value("broadcastId"_L1), memberOp.value("broadcastId"_L1));
    QCOMPARE(event.value("seq"_L1).toInteger(), 1);
}

// Presence counts distinct users: one user's second window changes nothing.
void tst_GlosaServer::oneUserInManyWindowsCountsOnce()
{
    QVERIFY(m_acme);
    const QString page = u"windows"_s;
    const QString ana = token(claims(u"ana"_s, u"member"_s));
    TestClient first, second, bob;
    for (TestClient *c : {&first, &second, &bob})
        QVERIFY(c->open(m_acme->url()));
    QCOMPARE(first.join(page, u"acme"_s, ana).value("viewers"_L1).toInt(), 1);
    QCOMPARE(second.join(page, u"acme"_s, ana).value("viewers"_L1).toInt(), 1);
    QCOMPARE(
        bob.join(page, u"acme"_s, token(claims(u"bob"_s, u"member"_s))).value("viewers"_L1).toInt(),
        2);
    QCOMPARE(first.next(u"presence"_s).value("viewers"_L1).toInt(), 2);
    QCOMPARE(second.next(u"presence"_s).value("viewers"_L1).toInt(), 2);

    // Ana closes one window: still two users, nobody is told; bob leaves: ana learns it.
    second.socket().close();
    QVERIFY(second.waitClosed() != -1);
    bob.socket().close();
    QVERIFY(bob.waitClosed() != -1);
    const QJsonObject presence = first.next(u"presence"_s);
    QCOMPARE(presence.value("viewers"_L1).toInt(), 1);
    QVERIFY(first.pending().isEmpty());
}

// An anonymous user who presents the credential of an earlier welcome is the same user, after
// the server restarts too: the one who may edit their comments, counted once in presence.
void tst_GlosaServer::anonymousUserOutlivesRestarts()
{
    const QString data = m_dir.filePath(u"credentials"_s);
    auto server = std::make_unique<ServerProcess>();
    QVERIFY2(server->startOn(data), qPrintable(server->failure()));
    const auto hello = [](const QString &credential, const QString &name = {}) {
        QJsonObject h{{"type"_L1, "hello"_L1}, {"tenant"_L1, "local"_L1}, {"page"_L1, Page}};
        if (!credential.isEmpty())
            h.insert("credential"_L1, credential);
        if (!name.isEmpty())
            h.insert("name"_L1, name);
        return h;
    };

    TestClient first;
    QVERIFY(first.open(server->url()));
    first.send(hello({}, u"Ana"_s));
    const QJsonObject welcome = first.next(u"welcome"_s);
    const QJsonObject user = welcome.value("user"_L1).toObject();
    const QString credential = welcome.value("credential"_L1).toString();
    QVERIFY(!credential.isEmpty());
    QVERIFY(credential.size() <= 512);
    const QString chatId = TestClient::uuid();
    const QString commentId = TestClient::uuid();
    first.send(TestClient::newChat(chatId, commentId));
    QVERIFY(!first.next(u"new-text-chat"_s).isEmpty());

    // The same user in a second window counts once.
    TestClient second;
    QVERIFY(second.open(server->url()));
    second.send(hello(credential));
    const QJsonObject secondWelcome = second.next(u"welcome"_s);
    QCOMPARE(secondWelcome.value("user"_L1).toObject(), user);
    QCOMPARE(secondWelcome.value("viewers"_L1).toInt(), 1);

    server->process().terminate();
    QVERIFY(server->waitForExit());
    server = std::make_unique<ServerProcess>();
    QVERIFY2(server->startOn(data), qPrintable(server->failure()));

    TestClient again;
    QVERIFY(again.open(server->url()));
    again.send(hello(credential));
    const QJsonObject back = again.next(u"welcome"_s);
    QCOMPARE(back.value("user"_L1).toObject(), user);
    // Still the author: the comment can be edited and the chat deleted.
    again.send(TestClient::update(chatId, {{"op"_L1, "edit-comment"_L1},
                                           {"commentId"_L1, commentId},
                                           {"text"_L1, "Edited after the restart"_L1}}));
    const QJsonObject edited = again.next(u"updated-text-chat"_s);
    QCOMPARE(edited.value("change"_L1).toObject().value("text"_L1).toString(),
             u"Edited after the restart"_s);

    // A new name sticks to the credential of that welcome.
    TestClient renamed;
    QVERIFY(renamed.open(server->url()));
    renamed.send(hello(back.value("credential"_L1).toString(), u"Ana Lima"_s));
    const QJsonObject renamedWelcome = renamed.next(u"welcome"_s);
    QCOMPARE(renamedWelcome.value("user"_L1).toObject().value("id"_L1), user.value("id"_L1));
    QCOMPARE(renamedWelcome.value("user"_L1).toObject().value("name"_L1).toString(), u"Ana Lima"_s);
    TestClient later;
    QVERIFY(later.open(server->url()));
    later.send(hello(renamedWelcome.value("credential"_L1).toString()));
    QCOMPARE(later.next(u"welcome"_s).value("user"_L1).toObject().value("name"_L1).toString(),
             u"Ana Lima"_s);

    // A forged credential is refused.
    TestClient forger;
    QVERIFY(forger.open(server->url()));
    QString forged = credential;
    forged[5] = forged[5] == u'x' ? u'y' : u'x';
    forger.send(hello(forged));
    QCOMPARE(forger.next(u"error"_s).value("code"_L1).toString(), u"unauthorized"_s);
    QCOMPARE(forger.waitClosed(), 4401);
}

// The WebSocket listener's backlog is the system's largest (net.core.somaxconn), not Qt's 50: a
// storm of connections waits in the kernel's queue instead of having its SYNs dropped. For a
// listening socket, ss(8) shows the backlog as Send-Q.
void tst_GlosaServer::listensWithTheSystemsBacklog()
{
    const QString ss = QStandardPaths::findExecutable(u"ss"_s);
    if (ss.isEmpty())
        QSKIP("ss (iproute2) is not installed");
    QFile somaxconn(u"/proc/sys/net/core/somaxconn"_s);
    QVERIFY(somaxconn.open(QIODevice::ReadOnly));
    const int expected = somaxconn.readAll().trimmed().toInt();
    QVERIFY(expected > 0);
    const auto server = startServer();
    QVERIFY(server);

    QProcess query;
    query.start(ss, {u"-Hltn"_s, u"sport = :%1"_s.arg(server->url().port())});
    QVERIFY(query.waitForFinished(ServerProcess::Timeout));
    QCOMPARE(query.exitCode(), 0);
    // State Recv-Q Send-Q Local-Address:Port Peer-Address:Port
    const QList<QByteArray> columns = query.readAllStandardOutput().simplified().split(' ');
    QVERIFY2(columns.size() >= 4 && columns.at(0) == "LISTEN", columns.join(' ').constData());
    QCOMPARE(columns.at(3), "127.0.0.1:" + QByteArray::number(server->url().port()));
    QCOMPARE(columns.at(2).toInt(), expected);
}

// A peer that floods pings before its hello, without reading the pongs: the server answers the
// pings it admits with one pong at a time, closes the peer with 4429 once it keeps pinging past
// the rate limit, and its memory barely moves. Meanwhile it serves another client.
void tst_GlosaServer::pingFloodCostsBoundedMemory()
{
    constexpr qsizetype FloodBytes = 48 * 1024 * 1024; // 8.4 million empty pings
    constexpr qint64 MaxGrowthKiB = 16 * 1024;
    const auto server = startServer();
    QVERIFY(server);
    BlockingPeer flooder;
    QVERIFY(flooder.upgrade(server->url()));
    const qint64 before = server->statusKiB("VmRSS");
    QVERIFY(before > 0);

    const QByteArray ping = BlockingPeer::frame(0x9, {});
    QByteArray pings;
    pings.reserve(FloodBytes);
    while (pings.size() + ping.size() <= FloodBytes)
        pings += ping;
    // The server reads while it is open; once it has closed, what is left may not get through.
    flooder.send(pings);
    // The hello, handled after every ping the server read, if the connection is still open.
    flooder.send(BlockingPeer::frame(0x1, R"({"type":"hello","tenant":"local","page":"flood"})"));

    int pongs = 0;
    std::pair<int, QByteArray> frame = flooder.next();
    for (; frame.first == 0xA; frame = flooder.next())
        ++pongs;
    const qint64 peak = server->statusKiB("VmHWM");
    QVERIFY2(
        peak - before < MaxGrowthKiB,
        qPrintable(u"VmRSS %1 KiB before the flood, VmHWM %2 KiB after"_s.arg(before).arg(peak)));
    QCOMPARE(frame.first, 0x8);
    QCOMPARE(qFromBigEndian<quint16>(frame.second.constData()), quint16(4429));
    QVERIFY2(pongs <= 2 * 60 + 5, qPrintable(QString::number(pongs)));

    TestClient other;
    QVERIFY(other.open(server->url()));
    QVERIFY(!other.join(Page).isEmpty());
}

// Started with a soft limit of 64 open files (the hard limit stays), the server still holds
// 100 connections: it raises its soft limit itself.
void tst_GlosaServer::holdsMoreConnectionsThanItsSoftFileLimit()
{
    constexpr int Connections = 100;
    ServerProcess server;
    server.setOpenFilesLimit(64);
    QVERIFY2(server.startOn(m_dir.filePath(u"soft-limit"_s)), qPrintable(server.failure()));

    std::vector<std::unique_ptr<TestClient>> clients;
    for (int i = 0; i < Connections; ++i) {
        clients.push_back(std::make_unique<TestClient>());
        QVERIFY2(clients.back()->open(server.url()), qPrintable(QString::number(i)));
    }
    QCOMPARE(clients.front()->join(u"crowd"_s).value("viewers"_L1).toInt(), 1);
    QCOMPARE(clients.back()->join(u"crowd"_s).value("viewers"_L1).toInt(), 2);
}

// At its hard limit of open files the server cannot accept: it says so, waits instead of
// spinning on the listening socket, and takes the waiting connections once others close.
void tst_GlosaServer::outOfFileDescriptorsPausesThenRecovers()
{
    constexpr int Limit = 40;
    constexpr int Connections = 50;
    ServerProcess server;
    server.setOpenFilesLimit(Limit, Limit);
    QVERIFY2(server.startOn(m_dir.filePath(u"hard-limit"_s)), qPrintable(server.failure()));

    std::vector<std::unique_ptr<QWebSocket>> clients;
    int connected = 0;
    for (int i = 0; i < Connections; ++i) {
        clients.push_back(std::make_unique<QWebSocket>());
        connect(clients.back().get(), &QWebSocket::connected, this, [&connected] { ++connected; });
        clients.back()->open(server.url());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        server.standardError().contains("cannot accept a connection: Too many"), 10000);
    QTRY_VERIFY(connected >= 10);
    const int before = connected;
    QVERIFY(before < Connections);

    // Ten connections close: as many of the waiting ones get in.
    int closed = 0;
    for (const auto &client : clients) {
        if (closed < 10 && client->state() == QAbstractSocket::ConnectedState) {
            client->close();
            ++closed;
        }
    }
    QCOMPARE(closed, 10);
    // A connection whose handshake the kernel dropped meanwhile comes back after TCP's backoff.
    QTRY_VERIFY_WITH_TIMEOUT(connected >= qMin(Connections, before + 10), 30000);
    // One warning per shortage, however many retries it took, and word of its end.
    QTRY_VERIFY(server.standardError().contains("accepting connections again"));
    const QByteArray log = server.standardError();
    QVERIFY2(log.count("cannot accept a connection") <=
                 log.count("accepting connections again") + 1,
             log.constData());
}

// The limits of --config reach the connections: a burst of 3 and frames of 2 KiB.
void tst_GlosaServer::configLimitsApply()
{
    const QString config = m_dir.filePath(u"limits.json"_s);
    QVERIFY(writeFile(config, R"({"limits":{"opsPerSecond":0.01,"burst":3,"frameBytes":2048}})"));
    const auto server = startServer({u"--config"_s, config});
    QVERIFY(server);
    TestClient client;
    QVERIFY(client.open(server->url()));
    QVERIFY(!client.join(Page).isEmpty());

    const QJsonObject big =
        TestClient::newChat(TestClient::uuid(), TestClient::uuid(), QString(3000, u'x'));
    client.send(big);
    const QJsonObject tooLarge = client.next(u"error"_s);
    QCOMPARE(tooLarge.value("code"_L1).toString(), u"too-large"_s);
    QCOMPARE(tooLarge.value("broadcastId"_L1), big.value("broadcastId"_L1));

    QList<QJsonObject> ops;
    for (int i = 0; i < 3; ++i) // the burst holds 3 frames, the big one took the first
        ops.append(TestClient::newChat(TestClient::uuid(), TestClient::uuid()));
    for (const QJsonObject &op : std::as_const(ops))
        client.send(op);
    // The refusal is immediate, the events wait for their commit: compare as a set.
    QHash<QString, QString> outcome; // broadcastId -> event type or error code
    for (int i = 0; i < 3; ++i) {
        const QJsonObject frame = client.next();
        const QString type = frame.value("type"_L1).toString();
        outcome.insert(frame.value("broadcastId"_L1).toString(),
                       type == "error"_L1 ? frame.value("code"_L1).toString() : type);
    }
    QCOMPARE(outcome.value(ops.at(0).value("broadcastId"_L1).toString()), u"new-text-chat"_s);
    QCOMPARE(outcome.value(ops.at(1).value("broadcastId"_L1).toString()), u"new-text-chat"_s);
    QCOMPARE(outcome.value(ops.at(2).value("broadcastId"_L1).toString()), u"rate-limited"_s);
}

void tst_GlosaServer::batchWindow_data()
{
    QTest::addColumn<QString>("batchMs");
    QTest::addColumn<bool>("batches");
    QTest::newRow("0: never") << u"0"_s << false;
    QTest::newRow("250: events ready together get batched") << u"250"_s << true;
}

// --batch-ms reaches the server: a quick run of operations, stored together, reaches an onlooker
// in batches, or (batching off) one event per frame.
void tst_GlosaServer::batchWindow()
{
    QFETCH(QString, batchMs);
    QFETCH(bool, batches);
    const auto server = startServer({u"--batch-ms"_s, batchMs});
    QVERIFY(server);
    TestClient writer, onlooker;
    QVERIFY(writer.open(server->url()));
    QVERIFY(onlooker.open(server->url()));
    QVERIFY(!writer.join(Page).isEmpty());
    QVERIFY(!onlooker.join(Page).isEmpty());
    QVERIFY(!onlooker.next(u"snapshot"_s).isEmpty());
    const qsizetype before = onlooker.rawFrames.size();

    constexpr int Ops = 10;
    const QString chatId = TestClient::uuid();
    for (int i = 0; i < Ops; ++i) {
        writer.send(i == 0 ? TestClient::newChat(chatId, TestClient::uuid())
                           : TestClient::update(
                                 chatId, {{"op"_L1, "resolve"_L1}, {"resolved"_L1, i % 2 == 1}}));
    }
    for (int seq = 1; seq <= Ops; ++seq) {
        const QJsonObject event = onlooker.next();
        QCOMPARE(event.value("seq"_L1).toInteger(), seq);
    }
    const QList<QByteArray> frames = onlooker.rawFrames.mid(before);
    const bool batched = std::any_of(frames.cbegin(), frames.cend(), [](const QByteArray &f) {
        return f.startsWith(R"({"type":"batch")") || f.contains(R"("type":"batch")");
    });
    QCOMPARE(batched, batches);
    QCOMPARE(frames.size() < Ops, batches);
}

// Connections that stop reading on a busy page cost the server their queues of references to the
// frames every viewer shares, not copies of them: 100 of them, each let fall behind to the
// send-queue limit of 8 MiB and dropped there as slow consumers, raise the server's peak memory by
// less than 160 MiB (copies took 800 MiB), and once they are gone its resident size comes back to
// within 32 MiB of where it was before they came (it used to stay up). A reader on the same page
// gets every event meanwhile.
void tst_GlosaServer::slowConnectionsShareTheirFrames()
{
    constexpr int Slow = 100;
    constexpr qint64 PeakBoundKiB = 160 * 1024;
    constexpr qint64 AfterBoundKiB = 32 * 1024;
    constexpr int MaxOps = 6000; // about 100 MiB of events per connection, far past the limit
    constexpr int InFlight = 40;
    const QString config = m_dir.filePath(u"busy.json"_s);
    QVERIFY(writeFile(config, R"({"limits":{"opsPerSecond":1000000,"burst":1000000}})"));
    const auto server = startServer({u"--config"_s, config});
    QVERIFY(server);

    TestClient writer, reader;
    QVERIFY(writer.open(server->url()));
    QVERIFY(reader.open(server->url()));
    QVERIFY(!writer.join(u"busy"_s).isEmpty());
    QVERIFY(!reader.join(u"busy"_s).isEmpty());
    // Edits of one comment: the events are large, the page's state stays small.
    const QString chatId = TestClient::uuid(), commentId = TestClient::uuid();
    writer.send(TestClient::newChat(chatId, commentId));
    QVERIFY(!writer.next(u"new-text-chat"_s).isEmpty());
    const qint64 baseline = server->statusKiB("VmRSS");
    QVERIFY(baseline > 0);

    std::vector<std::unique_ptr<RawClient>> slow;
    const QByteArray hello = R"({"type":"hello","v":1,"tenant":"local","page":"busy"})";
    for (int i = 0; i < Slow; ++i) {
        slow.push_back(std::make_unique<RawClient>());
        QVERIFY2(slow.back()->open(server->url()), qPrintable(QString::number(i)));
        slow.back()->sendText(hello);
        slow.back()->socket.setReadBufferSize(1); // reads nothing more
    }
    QTRY_COMPARE(localUsage(*server).value("connections"_L1).toInt(), Slow + 2);

    // Events of about 18 KiB, InFlight at a time, until every slow connection is dropped.
    int edits = 0;
    const auto op = [&] {
        const QString text = QString(9000, u'w') + QString::number(++edits);
        writer.send(TestClient::update(
            chatId,
            {{"op"_L1, "edit-comment"_L1}, {"commentId"_L1, commentId}, {"text"_L1, text}}));
    };
    for (int i = 0; i < InFlight; ++i)
        op();
    int sent = InFlight;
    int open = Slow + 2;
    qint64 head = 0;
    for (int acked = 0; acked < sent; ++acked) {
        const QJsonObject echo = writer.next(u"updated-text-chat"_s);
        QVERIFY(!echo.isEmpty());
        head = echo.value("seq"_L1).toInteger();
        if (acked % 100 == 99)
            open = localUsage(*server).value("connections"_L1).toInt();
        if (open > 2 && sent < MaxOps) {
            op();
            ++sent;
        }
    }
    QCOMPARE(open, 2);
    const qint64 peak = server->statusKiB("VmHWM") - baseline;
    qInfo("%d slow connections raised the server's peak RSS by %lld MiB (%d events sent)", Slow,
          peak / 1024, sent);
    QVERIFY2(peak < PeakBoundKiB, qPrintable(u"%1 MiB"_s.arg(peak / 1024)));

    // The reader got every event, in order, and is still served.
    for (qint64 seq = reader.next(u"updated-text-chat"_s).value("seq"_L1).toInteger(); seq < head;
         ++seq) {
        QCOMPARE(reader.next(u"updated-text-chat"_s).value("seq"_L1).toInteger(), seq + 1);
    }
    QVERIFY(reader.isConnected());

    slow.clear();
    QTRY_VERIFY2_WITH_TIMEOUT(
        server->statusKiB("VmRSS") - baseline < AfterBoundKiB,
        qPrintable(u"%1 MiB above the baseline after the slow connections "
                   "went"_s.arg((server->statusKiB("VmRSS") - baseline) / 1024)),
        10000);
}

QTEST_GUILESS_MAIN(tst_GlosaServer)
#include "tst_glosaserver.moc"

#include "servertestmain.h"
#include "testclient.h"
#include "testserver.h"

#include "catchup.h"
#include "hub.h"
#include "permessagedeflate.h"
#include "websocketconnection.h"
#include "websockethandshake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray SampleKey = "dGhlIHNhbXBsZSBub25jZQ==";
const QByteArray SampleAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
const QByteArray DeflateOffer =
    "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";
const QByteArray DeflateAgreed = "\r\nSec-WebSocket-Extensions: permessage-deflate; "
                                 "server_no_context_takeover; client_no_context_takeover\r\n";

QByteArray request(const QByteArray &path = "/v1/ws", const QByteArray &extra = {},
                   const QByteArray &upgrade = "Upgrade: websocket\r\n",
                   const QByteArray &connection = "Connection: Upgrade\r\n",
                   const QByteArray &key = "Sec-WebSocket-Key: " + SampleKey + "\r\n",
                   const QByteArray &version = "Sec-WebSocket-Version: 13\r\n")
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + upgrade + connection + key +
           version + extra + "\r\n";
}

// A client frame: masked unless told otherwise.
QByteArray frame(int opcode, const QByteArray &payload, bool fin = true, bool masked = true,
                 int rsv = 0)
{
    QByteArray bytes;
    bytes.append(char((fin ? 0x80 : 0) | (rsv << 4) | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        bytes.append(char(maskBit | char(payload.size())));
    } else if (payload.size() <= 0xFFFF) {
        bytes.append(char(maskBit | 126));
        char length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        bytes.append(length, 2);
    } else {
        bytes.append(char(maskBit | 127));
        char length[8];
        qToBigEndian<quint64>(quint64(payload.size()), length);
        bytes.append(length, 8);
    }
    if (!masked)
        return bytes + payload;
    const quint32 mask = QRandomGenerator::global()->generate();
    const char *m = reinterpret_cast<const char *>(&mask);
    bytes.append(m, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        bytes.append(char(payload[i] ^ m[i % 4]));
    return bytes;
}

QByteArray closeBody(int code, const QByteArray &reason = {})
{
    char c[2];
    qToBigEndian<quint16>(quint16(code), c);
    return QByteArray(c, 2) + reason;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray hello(const QString &page = u"p"_s)
{
    return json(
        {{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, "local"_L1}, {"page"_L1, page}});
}

struct Frame
{
    int opcode = -1;
    bool fin = false;
    bool compressed = false; // RSV1
    QByteArray payload;

    QByteArray inflated() const
    {
        bool tooLarge = false;
        return Glosa::PerMessageDeflate::decompress(payload, 1 << 20, &tooLarge)
            .value_or(QByteArray());
    }

    int closeCode() const
    {
        return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
    }
    QString type() const
    {
        return QJsonDocument::fromJson(payload).object().value("type"_L1).toString();
    }
};

// A WebSocket peer written by hand over QTcpSocket, to send what QWebSocket never would and to
// see the server's frames as they are.
class Peer
{
public:
    Peer() { socket.setSocketOption(QAbstractSocket::LowDelayOption, 1); }

    bool connectTo(const QUrl &url)
    {
        socket.connectToHost(url.host(), quint16(url.port()));
        return QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; });
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    // Waits for the answer's head and returns it; what follows stays in the buffer.
    QByteArray head()
    {
        QByteArray found;
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] {
            m_buffer += socket.readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return socket.state() == QAbstractSocket::UnconnectedState;
            found = m_buffer.left(end + 4);
            m_buffer.remove(0, end + 4);
            return true;
        });
        return found;
    }

    bool upgrade(const QUrl &url, const QByteArray &extraHeaders = {})
    {
        if (!connectTo(url))
            return false;
        send(request("/v1/ws", extraHeaders));
        return head().startsWith("HTTP/1.1 101 ");
    }

    // The next frame from the server, or opcode -1 when none came.
    Frame next(int timeout = TestClient::Timeout)
    {
        Frame f;
        [[maybe_unused]] const bool done = QTest::qWaitFor(
            [&] {
                m_buffer += socket.readAll();
                if (parse(&f))
                    return true;
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeout);
        return f;
    }

    // The next frame that is not text (events and errors are skipped).
    Frame nextControl()
    {
        for (;;) {
            const Frame f = next();
            if (f.opcode != 0x1)
                return f;
        }
    }

    bool waitDisconnected()
    {
        return QTest::qWaitFor([&] {
            m_buffer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        });
    }

    QTcpSocket socket;

private:
    bool parse(Frame *f)
    {
        if (m_buffer.size() < 2)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
        if (p[1] & 0x80)
            qFatal("the server sent a masked frame");
        qsizetype header = 2;
        quint64 length = p[1] & 0x7F;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return false;
            length = qFromBigEndian<quint16>(p + 2);
            header = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return false;
            length = qFromBigEndian<quint64>(p + 2);
            header = 10;
        }
        if (quint64(m_buffer.size()) < header + length)
            return false;
        f->opcode = p[0] & 0x0F;
        f->fin = p[0] & 0x80;
        f->compressed = p[0] & 0x40;
        f->payload = m_buffer.mid(header, qsizetype(length));
        m_buffer.remove(0, header + qsizetype(length));
        return true;
    }

    QByteArray m_buffer;
};

} // namespace

// The server side of RFC 6455 for plain connections: the handshake and each of its refusals, the
// framing rules with the close code of every breach, fragmentation, control frames, the close
// handshake, frames split or packed across TCP segments, and output queued for a slow reader.
class tst_WebSocketConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // The close frame a fresh connection gets after `bytes`, then the end of the TCP connection.
    int closeCodeAfter(const QByteArray &bytes, const QByteArray &extraHeaders = {})
    {
        Peer peer;
        if (!peer.upgrade(m_server->url(), extraHeaders))
            return -2;
        peer.send(bytes);
        const Frame close = peer.nextControl();
        if (close.opcode != 0x8)
            return -1;
        if (!peer.waitDisconnected())
            return -3;
        return close.closeCode();
    }

    // A server whose send queue limit is far below the pages the tests build.
    void restartWithSmallQueue(int pingIntervalMs = 60000)
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.limits.sendQueueBytes = 64 * 1024;
        m_server->config.limits.opsPerSecond = 100000;
        m_server->config.limits.burst = 100000;
        m_server->config.pingIntervalMs = pingIntervalMs;
        QVERIFY(m_server->start());
    }

    // Fills `page` with `chats` chats of 5 000 characters through a writer that stays on it;
    // returns `chats`.
    int buildPage(const QString &page, int chats)
    {
        auto *writer = new TestClient(m_server->server());
        if (!writer->open(m_server->url()) || writer->join(page).isEmpty())
            return -1;
        for (int i = 0; i < chats; ++i)
            writer->send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(),
                                             QString(5000, QChar(u'a' + i % 26))));
        for (int i = 0; i < chats; ++i) {
            if (writer->next(u"new-text-chat"_s).isEmpty())
                return -1;
        }
        return chats;
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

    void acceptKey() { QCOMPARE(Glosa::WebSocketHandshake::acceptKey(SampleKey), SampleAccept); }

    void handshake()
    {
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        peer.send(request());
        const QByteArray head = peer.head();
        QVERIFY2(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head.constData());
        QVERIFY(head.contains(QByteArray("\r\nSec-WebSocket-Accept: " + SampleAccept + "\r\n")));
        QVERIFY(head.contains("\r\nServer: glosa-server/" GLOSA_VERSION "\r\n"));
        QVERIFY(head.contains("\r\nUpgrade: websocket\r\n"));
        QVERIFY(head.contains("\r\nConnection: Upgrade\r\n"));
        QVERIFY(!head.contains("Sec-WebSocket-Extensions"));
        QTRY_COMPARE(m_server->server()->connectionCount(), 1);
        peer.send(frame(0x1, hello()));
        QCOMPARE(peer.next().type(), u"welcome"_s);
    }

    void deflateDeclined_data()
    {
        QTest::addColumn<QByteArray>("offer");
        QTest::newRow("unknown parameter") << "permessage-deflate; mystery"_ba;
        QTest::newRow("another extension") << "x-webkit-deflate-frame"_ba;
    }

    // An offer the server cannot keep is declined: the connection works uncompressed.
    void deflateDeclined()
    {
        QFETCH(QByteArray, offer);
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        peer.send(request("/v1/ws", "Sec-WebSocket-Extensions: " + offer + "\r\n"));
        const QByteArray head = peer.head();
        QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
        QVERIFY(!head.contains("Sec-WebSocket-Extensions"));
        peer.send(frame(0x1, hello()));
        const Frame welcome = peer.next();
        QVERIFY(!welcome.compressed);
        QCOMPARE(welcome.type(), u"welcome"_s);
        QCOMPARE(closeCodeAfter(frame(0x1, hello(), true, true, 4),
                                "Sec-WebSocket-Extensions: " + offer + "\r\n"),
                 1002);
    }

    void handshakeVariants_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("query string") << request("/v1/ws?client=x&v=1");
        QTest::newRow("token lists, any case") << request("/v1/ws", {}, "upgrade: WebSocket\r\n",
                                                          "connection: keep-alive, UPGRADE\r\n");
        QTest::newRow("other headers") << request("/v1/ws", "Sec-WebSocket-Protocol: chat\r\n"
                                                            "Sec-WebSocket-Extensions: "
                                                            "x-webkit-deflate-frame\r\n");
        QTest::newRow("tab and UTF-8 in a header value")
            << request("/v1/ws", "X-Note:\ta\tcaf\xc3\xa9\r\n");
    }

    void handshakeVariants()
    {
        QFETCH(QByteArray, request);
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        peer.send(request);
        const QByteArray head = peer.head();
        QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
        QVERIFY(!head.contains("Sec-WebSocket-Extensions"));
        QVERIFY(!head.contains("Sec-WebSocket-Protocol"));
    }

    void handshakeRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("other path") << request("/v2/ws") << 404;
        QTest::newRow("path prefix") << request("/v1/wss") << 404;
        QTest::newRow("POST") << request().replace("GET ", "POST ") << 400;
        QTest::newRow("HTTP/1.0") << request().replace("HTTP/1.1", "HTTP/1.0") << 400;
        QTest::newRow("malformed request line") << "GET /v1/ws\r\nHost: x\r\n\r\n"_ba << 400;
        QTest::newRow("no Upgrade") << request("/v1/ws", {}, {}) << 400;
        QTest::newRow("Upgrade: h2c") << request("/v1/ws", {}, "Upgrade: h2c\r\n") << 400;
        QTest::newRow("no Connection")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", {}) << 400;
        QTest::newRow("Connection: keep-alive")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: keep-alive\r\n") << 400;
        QTest::newRow("no key") << request("/v1/ws", {}, "Upgrade: websocket\r\n",
                                           "Connection: Upgrade\r\n", {})
                                << 400;
        QTest::newRow("key not base64")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                       "Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!==\r\n")
            << 400;
        QTest::newRow("key of 15 bytes")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                       "Sec-WebSocket-Key: " + QByteArray(15, 'k').toBase64() + "\r\n")
            << 400;
        QTest::newRow("malformed header") << request("/v1/ws", "no colon here\r\n") << 400;
        QTest::newRow("NUL in a header")
            << request("/v1/ws", QByteArray("X-Note: a\0b\r\n", 13)) << 400;
        QTest::newRow("NUL in the key")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                       QByteArray("Sec-WebSocket-Key: " + SampleKey + '\0' + "\r\n"))
            << 400;
        QTest::newRow("lone LF in a header") << request("/v1/ws", "X-Note: a\nb\r\n") << 400;
        QTest::newRow("lone CR in a header") << request("/v1/ws", "X-Note: a\rb\r\n") << 400;
        QTest::newRow("escape in a header") << request("/v1/ws", "X-Note: a\x1b[0m\r\n") << 400;
        QTest::newRow("NUL in the path") << request(QByteArray("/v1/ws\0", 7)) << 400;
        QTest::newRow("version 8")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                       "Sec-WebSocket-Key: " + SampleKey + "\r\n", "Sec-WebSocket-Version: 8\r\n")
            << 426;
        QTest::newRow("no version")
            << request("/v1/ws", {}, "Upgrade: websocket\r\n", "Connection: Upgrade\r\n",
                       "Sec-WebSocket-Key: " + SampleKey + "\r\n", {})
            << 426;
        QTest::newRow("head over 16 KiB")
            << request("/v1/ws", "X-Filler: " + QByteArray(17 * 1024, 'f') + "\r\n") << 431;
    }

    void handshakeRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        peer.send(request);
        const QByteArray head = peer.head();
        QVERIFY2(head.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
                 head.constData());
        if (status == 426)
            QVERIFY(head.contains("\r\nSec-WebSocket-Version: 13\r\n"));
        // Answered, then the end of the connection; the hub never held it.
        QVERIFY(peer.waitDisconnected());
        QCOMPARE(m_server->server()->connectionCount(), 0);
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << frame(0x1, hello(), true, false) << 1002;
        QTest::newRow("RSV1") << frame(0x1, hello(), true, true, 4) << 1002;
        QTest::newRow("RSV3") << frame(0x1, hello(), true, true, 1) << 1002;
        QTest::newRow("opcode 3") << frame(0x3, "x") << 1002;
        QTest::newRow("opcode 0xB") << frame(0xB, "x") << 1002;
        QTest::newRow("fragmented ping") << frame(0x9, "x", false) << 1002;
        QTest::newRow("ping over 125 bytes") << frame(0x9, QByteArray(126, 'x')) << 1002;
        QTest::newRow("continuation first") << frame(0x0, "x") << 1002;
        QTest::newRow("text inside a fragmented text")
            << frame(0x1, "{", false) + frame(0x1, "}") << 1002;
        QTest::newRow("close of one byte") << frame(0x8, "x") << 1002;
        QTest::newRow("close with code 1005") << frame(0x8, closeBody(1005)) << 1002;
        // The header alone announces it: the server does not wait for the megabyte. (Before
        // hello the limit is 64 KiB, see largeMessageBeforeHelloIsRefusedAtOnce().)
        QTest::newRow("message over 1 MiB")
            << frame(0x1, hello()) + frame(0x1, QByteArray(1024 * 1024 + 1, ' ')).left(14) << 1009;
        QTest::newRow("fragments over 1 MiB")
            << frame(0x1, hello()) + frame(0x1, QByteArray(600 * 1024, ' '), false) +
                   frame(0x0, QByteArray(600 * 1024, ' '))
            << 1009;
        QTest::newRow("overlong UTF-8") << frame(0x1, "\xC0\xAF"_ba) << 1007;
        QTest::newRow("UTF-16 surrogate") << frame(0x1, "\"\xED\xA0\x80\""_ba) << 1007;
        QTest::newRow("truncated UTF-8") << frame(0x1, "abcdefghij\xE2\x82"_ba) << 1007;
        QTest::newRow("byte 0xFF") << frame(0x1, "\xFF"_ba) << 1007;
        QTest::newRow("invalid UTF-8 in fragments")
            << frame(0x1, "\xE2"_ba, false) + frame(0x0, "\x28\xA1"_ba) << 1007;
    }

    void protocolErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QCOMPARE(closeCodeAfter(bytes), code);
        QTRY_COMPARE(m_server->server()->connectionCount(), 0);
    }

    // A client that offers permessage-deflate gets it: its compressed messages are read, and
    // messages worth compressing come to it compressed.
    void deflateBothWays()
    {
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        peer.send(request("/v1/ws", DeflateOffer));
        const QByteArray head = peer.head();
        QVERIFY2(head.contains(DeflateAgreed), head.constData());

        peer.send(frame(0x1, Glosa::PerMessageDeflate::compress(hello()), true, true, 4));
        const Frame welcome = peer.next();
        QCOMPARE(welcome.opcode, 0x1);
        QVERIFY(welcome.compressed);
        QVERIFY(welcome.payload.size() < welcome.inflated().size());
        QCOMPARE(QJsonDocument::fromJson(welcome.inflated()).object().value("type"_L1),
                 "welcome"_L1);

        // A compressed message may come in fragments; only the first carries RSV1.
        const QByteArray op = Glosa::PerMessageDeflate::compress(
            json(TestClient::newChat(TestClient::uuid(), TestClient::uuid())));
        peer.send(frame(0x1, op.left(10), false, true, 4) + frame(0x0, op.mid(10)));
        Frame event;
        do {
            event = peer.next();
        } while (event.opcode == 0x1 && !event.compressed); // the snapshot, short and plain
        QVERIFY(event.compressed);
        QCOMPARE(QJsonDocument::fromJson(event.inflated()).object().value("type"_L1),
                 "new-text-chat"_L1);
    }

    void deflateErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        const QByteArray text = Glosa::PerMessageDeflate::compress(hello());
        QTest::newRow("RSV1 on a continuation")
            << frame(0x1, text.left(4), false) + frame(0x0, text.mid(4), true, true, 4) << 1002;
        QTest::newRow("RSV1 on a ping") << frame(0x9, "x", true, true, 4) << 1002;
        QTest::newRow("RSV2") << frame(0x1, text, true, true, 2) << 1002;
        QTest::newRow("does not inflate")
            << frame(0x1, "\xff\xff\xff\xff"_ba, true, true, 4) << 1007;
        QTest::newRow("inflates to invalid UTF-8")
            << frame(0x1, Glosa::PerMessageDeflate::compress("\xC0\xAF"_ba), true, true, 4) << 1007;
        QTest::newRow("inflates past 1 MiB")
            << frame(0x1, hello()) +
                   frame(0x1, Glosa::PerMessageDeflate::compress(QByteArray(1024 * 1024 + 1, ' ')),
                         true, true, 4)
            << 1009;
        QTest::newRow("inflates past 64 KiB before hello")
            << frame(0x1, Glosa::PerMessageDeflate::compress(QByteArray(65 * 1024, ' ')), true,
                     true, 4)
            << 4400;
    }

    void deflateErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QCOMPARE(closeCodeAfter(bytes, DeflateOffer), code);
        QTRY_COMPARE(m_server->server()->connectionCount(), 0);
    }

    void utf8Validator_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QByteArray() << true;
        QTest::newRow("ASCII") << QByteArray("The quick brown fox jumps over the lazy dog") << true;
        QTest::newRow("two bytes") << "caf\xC3\xA9"_ba << true;
        QTest::newRow("three bytes") << "\xE2\x82\xAC 10"_ba << true;
        QTest::newRow("four bytes") << "long ASCII run \xF0\x9F\x98\x80"_ba << true;
        QTest::newRow("last code point") << "\xF4\x8F\xBF\xBF"_ba << true;
        QTest::newRow("past U+10FFFF") << "\xF4\x90\x80\x80"_ba << false;
        QTest::newRow("overlong three") << "\xE0\x80\xAF"_ba << false;
        QTest::newRow("surrogate") << "\xED\xBF\xBF"_ba << false;
        QTest::newRow("lone continuation") << "abcdefgh\x80"_ba << false;
        QTest::newRow("cut short") << "\xF0\x9F\x98"_ba << false;
        QTest::newRow("five-byte lead") << "\xF8\x88\x80\x80\x80"_ba << false;
    }

    void utf8Validator()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(Glosa::WebSocketConnection::isValidUtf8(bytes.constData(), bytes.size()), valid);
    }

    void fragmentedMessageIsReassembled()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        const QByteArray text = hello();
        // A ping may come between the fragments.
        peer.send(frame(0x1, text.left(5), false) + frame(0x9, "between") +
                  frame(0x0, text.mid(5, 10), false) + frame(0x0, text.mid(15)));
        const Frame pong = peer.next();
        QCOMPARE(pong.opcode, 0xA);
        QCOMPARE(pong.payload, "between"_ba);
        QCOMPARE(peer.next().type(), u"welcome"_s);
    }

    // Pings that come while output waits for the socket are answered by one pong with the latest
    // payload (RFC 6455, 5.5.3): a peer that pings without reading holds one pong on the server,
    // however many pings it sends.
    void pingsAreCoalescedWhileOutputWaits()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.limits.opsPerSecond = 1e9; // no rate limit in the way
        m_server->config.limits.burst = 1 << 30;
        QVERIFY(m_server->start());
        TestClient onlooker;
        QVERIFY(onlooker.open(m_server->url()));
        QVERIFY(!onlooker.join(u"p"_s).isEmpty());

        Peer peer;
        peer.socket.setReadBufferSize(4096); // the peer stops reading once that is full
        QVERIFY(peer.upgrade(m_server->url()));
        // 26 MB of pongs, more than the sockets' buffers hold.
        constexpr int Pings = 200000;
        const auto payload = [](int i) { return QByteArray::number(i).rightJustified(125, '.'); };
        QByteArray pings;
        pings.reserve(qsizetype(Pings) * 131);
        for (int i = 0; i < Pings; ++i)
            pings += frame(0x9, payload(i));
        peer.send(pings);
        peer.send(frame(0x1, hello()));
        // The hello comes after every ping: once the onlooker sees it, they were all handled.
        QCOMPARE(onlooker.next(u"presence"_s).value("viewers"_L1).toInt(), 2);

        peer.socket.setReadBufferSize(0);
        int pongs = 0;
        int last = -1;
        while (last != Pings - 1) {
            const Frame f = peer.next();
            QVERIFY2(f.opcode != -1,
                     qPrintable(u"%1 pongs, the last for ping %2"_s.arg(pongs).arg(last)));
            if (f.opcode != 0xA)
                continue;
            const int n = QByteArray(f.payload).replace('.', "").toInt();
            QCOMPARE(f.payload, payload(n));
            QVERIFY(n > last); // in order, none twice
            last = n;
            ++pongs;
        }
        QVERIFY2(pongs < Pings / 2, qPrintable(QString::number(pongs)));
    }

    // Before hello a connection holds at most one frame of 64 KiB: a larger message is refused
    // as soon as its header announces it (error/too-large, close 4400), not buffered until whole.
    void largeMessageBeforeHelloIsRefusedAtOnce_data()
    {
        QTest::addColumn<bool>("fragmented");
        QTest::newRow("one frame") << false;
        QTest::newRow("fragments") << true;
    }

    void largeMessageBeforeHelloIsRefusedAtOnce()
    {
        QFETCH(bool, fragmented);
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        if (fragmented)
            peer.send(frame(0x1, QByteArray(60 * 1024, ' '), false));
        const QByteArray large = frame(fragmented ? 0x0 : 0x1, QByteArray(200 * 1024, ' '));
        peer.send(large.left(4096)); // its header and a little of its payload
        const Frame error = peer.next();
        QCOMPARE(error.type(), u"error"_s);
        QCOMPARE(QJsonDocument::fromJson(error.payload).object().value("code"_L1).toString(),
                 u"too-large"_s);
        const Frame close = peer.next();
        QCOMPARE(close.opcode, 0x8);
        QCOMPARE(close.closeCode(), 4400);
        QVERIFY(peer.waitDisconnected());
    }

    void controlFrameFloodIsRateLimited_data()
    {
        QTest::addColumn<int>("opcode");
        QTest::addColumn<bool>("afterHello");
        QTest::newRow("pings before hello") << 0x9 << false;
        QTest::newRow("pings after hello") << 0x9 << true;
        QTest::newRow("pongs after hello") << 0xA << true;
    }

    // Pings and pongs take a token of the rate limit like any frame, before hello too: a peer that
    // keeps sending them past it is closed with 4429.
    void controlFrameFloodIsRateLimited()
    {
        QFETCH(int, opcode);
        QFETCH(bool, afterHello);
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        if (afterHello) {
            peer.send(frame(0x1, hello()));
            QCOMPARE(peer.next().type(), u"welcome"_s);
        }
        const int burst = m_server->config.limits.burst;
        QByteArray flood;
        for (int i = 0; i < 4 * burst; ++i)
            flood += frame(opcode, QByteArray::number(i));
        peer.send(flood);
        int pongs = 0;
        Frame f = peer.nextControl();
        for (; f.opcode == 0xA; f = peer.nextControl())
            ++pongs;
        QCOMPARE(f.opcode, 0x8);
        QCOMPARE(f.closeCode(), 4429);
        // The burst, then as many dropped in a row, then the close; a few tokens may refill.
        QVERIFY2(pongs <= (opcode == 0x9 ? 2 * burst + 5 : 0), qPrintable(QString::number(pongs)));
        peer.send(frame(0x8, closeBody(4429)));
        QVERIFY(peer.waitDisconnected());
    }

    void pingIsAnsweredWithItsPayload()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        peer.send(frame(0x9, "are you there?"));
        const Frame pong = peer.next();
        QCOMPARE(pong.opcode, 0xA);
        QVERIFY(pong.fin);
        QCOMPARE(pong.payload, "are you there?"_ba);
        peer.send(frame(0x9, {}));
        const Frame empty = peer.next();
        QCOMPARE(empty.opcode, 0xA);
        QCOMPARE(empty.payload, QByteArray());
    }

    void peerCloseIsEchoed()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        peer.send(frame(0x1, hello()));
        QCOMPARE(peer.next().type(), u"welcome"_s);
        QTRY_COMPARE(m_server->server()->connectionCount(), 1);
        peer.send(frame(0x8, closeBody(4000, "bye")));
        const Frame close = peer.nextControl();
        QCOMPARE(close.opcode, 0x8);
        QCOMPARE(close.closeCode(), 4000);
        // The server ends the TCP connection once the echo is out.
        QVERIFY(peer.waitDisconnected());
        QTRY_COMPARE(m_server->server()->connectionCount(), 0);
    }

    void emptyCloseIsEchoedEmpty()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        peer.send(frame(0x8, {}));
        const Frame close = peer.nextControl();
        QCOMPARE(close.opcode, 0x8);
        QCOMPARE(close.payload, QByteArray());
        QVERIFY(peer.waitDisconnected());
    }

    void serverCloseWaitsForThePeer()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        peer.send(frame(0x1, "not a hello"));
        const Frame close = peer.nextControl();
        QCOMPARE(close.closeCode(), 4400);
        QVERIFY(peer.socket.state() == QAbstractSocket::ConnectedState);
        peer.send(frame(0x8, closeBody(4400)));
        QVERIFY(peer.waitDisconnected());
        QTRY_COMPARE(m_server->server()->connectionCount(), 0);
    }

    void manyFramesInOneSegment()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        QByteArray bytes = frame(0x1, hello());
        QStringList sent;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject op = TestClient::newChat(TestClient::uuid(), TestClient::uuid());
            sent.append(op.value("broadcastId"_L1).toString());
            bytes += frame(0x1, json(op));
        }
        bytes += frame(0x9, "last");
        peer.send(bytes);
        // The pong may come before the welcome: the page is read meanwhile.
        QStringList types;
        QStringList received;
        bool ponged = false;
        while (received.size() < sent.size() || !ponged) {
            const Frame f = peer.next();
            QVERIFY(f.opcode == 0x1 || f.opcode == 0xA);
            if (f.opcode == 0xA) {
                ponged = true;
                continue;
            }
            const QJsonObject message = QJsonDocument::fromJson(f.payload).object();
            types.append(message.value("type"_L1).toString());
            if (types.size() > 2)
                received.append(message.value("broadcastId"_L1).toString());
        }
        QCOMPARE(types.mid(0, 2), (QStringList{u"welcome"_s, u"snapshot"_s}));
        QCOMPARE(types.count(u"new-text-chat"_s), sent.size());
        QCOMPARE(received, sent);
    }

    void frameSplitByteByByte()
    {
        Peer peer;
        QVERIFY(peer.connectTo(m_server->url()));
        // The request head too, and the frame begins in the same segment as its end.
        const QByteArray hello300 = hello(QString(300, u'p'));
        const QByteArray bytes = request() + frame(0x1, hello300);
        for (char byte : bytes) {
            peer.send(QByteArray(1, byte));
            QCoreApplication::processEvents();
        }
        QVERIFY(peer.head().startsWith("HTTP/1.1 101 "));
        QCOMPARE(peer.next().type(), u"welcome"_s);
    }

    void largeFrameUsesTheLongLength()
    {
        Peer peer;
        QVERIFY(peer.upgrade(m_server->url()));
        peer.send(frame(0x1, hello()));
        QCOMPARE(peer.next().type(), u"welcome"_s);
        QCOMPARE(peer.next().type(), u"snapshot"_s);
        // A 70 000-byte comment: the event is over 64 KiB, so its length takes 8 bytes.
        const QJsonObject op =
            TestClient::newChat(TestClient::uuid(), TestClient::uuid(), QString(9000, u'\u00e9'));
        peer.send(frame(0x1, json(op)));
        const Frame event = peer.next();
        QCOMPARE(event.type(), u"new-text-chat"_s);
        QVERIFY(event.payload.size() > 9000);
    }

    // A snapshot larger than a part goes out as one message in fragments, each written when the
    // one before has left: a text frame without FIN, continuation frames, the last with FIN. A
    // reader that takes its time gets all of it, however far past the send queue limit.
    void bigSnapshotTravelsInFragments()
    {
        restartWithSmallQueue();
        const int chats = buildPage(u"p"_s, 200); // about 1 MB
        Peer reader;
        QVERIFY(reader.upgrade(m_server->url()));
        reader.socket.setReadBufferSize(16 * 1024);
        reader.send(frame(0x1, hello()));
        const Frame welcome = reader.next();
        QCOMPARE(welcome.type(), u"welcome"_s);
        QVERIFY(welcome.fin);

        QList<Frame> fragments{reader.next()};
        QCOMPARE(fragments.first().opcode, 0x1);
        while (!fragments.last().fin && fragments.last().opcode >= 0) {
            fragments.append(reader.next());
            QCOMPARE(fragments.last().opcode, 0x0);
        }
        QVERIFY(fragments.last().fin);
        QVERIFY(fragments.size() >= 4);
        QByteArray message;
        for (const Frame &f : std::as_const(fragments)) {
            QVERIFY(!f.compressed);
            QVERIFY(f.payload.size() <= Glosa::CatchUp::PartBytes);
            message += f.payload;
        }
        const QJsonObject snapshot = QJsonDocument::fromJson(message).object();
        QCOMPARE(snapshot.value("type"_L1).toString(), u"snapshot"_s);
        QCOMPARE(snapshot.value("chats"_L1).toArray().size(), chats);
        QCOMPARE(snapshot.value("seq"_L1).toInteger(), chats);
        QCOMPARE(m_server->server()->connectionCount(), 2);
    }

    // A client that stops reading in the middle of a catch-up holds one part of it, and is
    // dropped when it leaves a ping unanswered.
    void stalledReaderIsDroppedAfterAPing()
    {
        restartWithSmallQueue(200);
        buildPage(u"p"_s, 200);
        Peer stalled;
        QVERIFY(stalled.upgrade(m_server->url()));
        stalled.socket.setReadBufferSize(1);
        stalled.send(frame(0x1, hello()));
        QTRY_COMPARE(m_server->server()->connectionCount(), 2);
        QTRY_COMPARE(m_server->server()->connectionCount(), 1);
        stalled.socket.setReadBufferSize(0);
        QVERIFY(stalled.waitDisconnected());
    }

    void slowReaderIsQueuedThenDropped()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config.batchMs = 0;
        m_server->config.limits.sendQueueBytes = 512 * 1024;
        m_server->config.limits.opsPerSecond = 10000;
        m_server->config.limits.burst = 10000;
        QVERIFY(m_server->start());

        Peer slow;
        QVERIFY(slow.upgrade(m_server->url()));
        slow.socket.setReadBufferSize(1);
        slow.send(frame(0x1, hello()));
        TestClient writer;
        QVERIFY(writer.open(m_server->url()));
        QVERIFY(!writer.join(u"p"_s).isEmpty());
        QTRY_COMPARE(m_server->server()->connectionCount(), 2);

        // Large events, each encoded once, written to both; the slow reader's share waits in
        // the kernel, then in its queue, until the queue passes sendQueueBytes.
        const QString text(9000, u'w');
        int sent = 0;
        while (m_server->server()->connectionCount() == 2 && sent < 2000) {
            for (int i = 0; i < 20; ++i)
                writer.send(TestClient::newChat(TestClient::uuid(), TestClient::uuid(), text));
            for (int i = 0; i < 20; ++i)
                QVERIFY(!writer.next(u"new-text-chat"_s).isEmpty());
            sent += 20;
        }
        QCOMPARE(m_server->server()->connectionCount(), 1);
        QVERIFY(sent > 1);
        QVERIFY(writer.isConnected());
        // The slow reader's connection is gone: reading on, it finds the end of it.
        slow.socket.setReadBufferSize(0);
        QVERIFY(slow.waitDisconnected());
    }
};

GLOSA_SERVER_TEST_MAIN(tst_WebSocketConnection)
#include "tst_websocketconnection.moc"

#include "testclient.h"

#include "embeddedhost.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <future>
#include <thread>

using namespace Qt::StringLiterals;
using Glosa::EmbeddedHost;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// Whether a WebSocket handshake with `port` is answered, from a thread of its own.
bool answersHandshake(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return false;
    socket.write("GET /v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray reply;
    while (!reply.contains("\r\n\r\n") && socket.waitForReadyRead(3000))
        reply += socket.readAll();
    return reply.startsWith("HTTP/1.1 101");
}

} // namespace

// The server Glosa runs for itself: one host per data folder, the others its guests, who take
// over when it goes; a port held by another program; its own thread.
class tst_EmbeddedHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void guestTakesOverWhenTheHostQuits()
    {
        QTemporaryDir data;
        const quint16 port = freePort();
        auto host = std::make_unique<EmbeddedHost>(data.path(), port);
        QString error;
        QVERIFY2(host->start(&error), qPrintable(error));
        QVERIFY(host->isHosting());
        QCOMPARE(host->url().port(), int(port));

        EmbeddedHost guest(data.path(), port);
        QVERIFY(guest.start(&error));
        QVERIFY(!guest.isHosting());
        QCOMPARE(guest.url(), host->url());

        TestClient client;
        QVERIFY(client.open(guest.url()));
        QVERIFY(!client.join(u"p"_s).isEmpty());
        const QString chatId = TestClient::uuid();
        client.send(TestClient::newChat(chatId, TestClient::uuid()));
        QVERIFY(!client.next(u"new-text-chat"_s).isEmpty());

        QSignalSpy tookOver(&guest, &EmbeddedHost::tookOver);
        host.reset();
        QCOMPARE(client.waitClosed(), 1001);
        QTRY_COMPARE(tookOver.size(), 1);
        QVERIFY(guest.isHosting());
        QCOMPARE(guest.url().port(), int(port));

        // The same data, on the same address.
        TestClient again;
        QVERIFY(again.open(guest.url()));
        QCOMPARE(again.join(u"p"_s).value("seq"_L1).toInteger(), 1);
        const QJsonArray chats = again.next(u"snapshot"_s).value("chats"_L1).toArray();
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats.first().toObject().value("id"_L1).toString(), chatId);
    }

    void portOfAnotherProgram()
    {
        QTemporaryDir data;
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        EmbeddedHost host(data.path(), other.serverPort());
        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        QVERIFY(host.isHosting());
        QVERIFY(host.url().port() != int(other.serverPort()));
        QVERIFY(host.notice().contains(QString::number(other.serverPort())));
        QVERIFY(host.notice().contains(QString::number(host.url().port())));

        // A guest finds it where it is.
        EmbeddedHost guest(data.path(), other.serverPort());
        QVERIFY(guest.start(&error));
        QCOMPARE(guest.url(), host.url());
        TestClient client;
        QVERIFY(client.open(guest.url()));
        QVERIFY(!client.join(u"p"_s).isEmpty());
    }

    // The server answers while the thread that made it (the GUI's, in the app) is busy.
    void servesWhileTheCallerIsBusy()
    {
        QTemporaryDir data;
        EmbeddedHost host(data.path(), freePort());
        QString error;
        QVERIFY2(host.start(&error), qPrintable(error));
        std::future<bool> answered =
            std::async(std::launch::async, answersHandshake, quint16(host.url().port()));
        // Busy, not processing events, for longer than the handshake needs.
        QCOMPARE(answered.wait_for(std::chrono::seconds(5)), std::future_status::ready);
        QVERIFY(answered.get());
    }
};

QTEST_GUILESS_MAIN(tst_EmbeddedHost)
#include "tst_embeddedhost.moc"

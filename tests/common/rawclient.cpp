#include "rawclient.h"

#include <QRandomGenerator>
#include <QTest>

bool RawClient::open(const QUrl &url)
{
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }))
        return false;
    socket.write("GET /v1/ws HTTP/1.1\r\nHost: " + url.host().toLatin1() +
                 "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray head;
    const bool answered = QTest::qWaitFor([&] {
        head += socket.readAll();
        return head.contains("\r\n\r\n");
    });
    return answered && head.startsWith("HTTP/1.1 101");
}

void RawClient::sendText(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char *m = reinterpret_cast<const char *>(&mask);
    frame.append(m, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ m[i % 4]));
    socket.write(frame);
    socket.flush();
}

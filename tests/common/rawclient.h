#pragma once

#include <QByteArray>
#include <QTcpSocket>
#include <QUrl>

// A WebSocket client written by hand over QTcpSocket, for peers QWebSocket cannot imitate: one
// that stops reading what it is sent (setReadBufferSize(1)), and so never answers a ping.
class RawClient
{
public:
    // Connects and upgrades; waits in the event loop, since the server may run in this thread.
    bool open(const QUrl &url);
    // Sends one masked text frame.
    void sendText(const QByteArray &payload);

    QTcpSocket socket;
};

#pragma once

#include "connection.h"

class QTcpSocket;
class QWebSocket;

namespace Glosa {

// A Connection over a QWebSocket, for the wss listener (QSslSocket and QWebSocketServer). It
// takes as its children the socket and the TCP socket it was upgraded from, which a QWebSocket
// made by QWebSocketServer does not own, so that the two are deleted, and move between threads,
// together.
class QtWebSocketConnection : public Connection
{
    Q_OBJECT
public:
    QtWebSocketConnection(QWebSocket *socket, QTcpSocket *transport, QObject *parent = nullptr);
    ~QtWebSocketConnection() override;

    void sendText(const QByteArray &utf8) override;
    void sendTextPart(const QByteArray &utf8, bool last) override;
    qint64 bytesToWrite() const override;
    void ping() override;
    void setMessageLimit(qint64 bytes) override;
    void close(int code, const QString &reason) override;
    void abort() override;
    bool isOpen() const override;

private:
    QWebSocket *m_socket;
    QByteArray m_parts; // of a message sent with sendTextPart(), until its last
};

} // namespace Glosa

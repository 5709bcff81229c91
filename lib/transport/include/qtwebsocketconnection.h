#pragma once

#include "connection.h"

class QWebSocket;

namespace Glosa {

// A Connection over a QWebSocket, for the wss listener (QSslSocket and QWebSocketServer). It
// takes the socket as its child.
class QtWebSocketConnection : public Connection
{
    Q_OBJECT
public:
    explicit QtWebSocketConnection(QWebSocket *socket, QObject *parent = nullptr);
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

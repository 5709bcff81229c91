#include "qtwebsocketconnection.h"

#include "protocollimits.h"

#include <QTcpSocket>
#include <QWebSocket>

namespace Glosa {

QtWebSocketConnection::QtWebSocketConnection(QWebSocket *socket, QTcpSocket *transport,
                                             QObject *parent)
    : Connection(parent)
    , m_socket(socket)
{
    // The socket first: children are deleted in order, and it still writes its close frame.
    m_socket->setParent(this);
    transport->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(Limits::PublishFrameBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { Q_EMIT textReceived(text.toUtf8()); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Connection::binaryReceived);
    connect(m_socket, &QWebSocket::pong, this, &Connection::pong);
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::disconnected);
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            Q_EMIT drained();
    });
}

QtWebSocketConnection::~QtWebSocketConnection()
{
    m_socket->disconnect(this);
}

void QtWebSocketConnection::sendText(const QByteArray &utf8)
{
    m_socket->sendTextMessage(QString::fromUtf8(utf8));
}

// QWebSocket sends whole messages only: the parts are gathered and sent as one.
void QtWebSocketConnection::sendTextPart(const QByteArray &utf8, bool last)
{
    m_parts += utf8;
    if (last)
        sendText(std::exchange(m_parts, {}));
}

qint64 QtWebSocketConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

void QtWebSocketConnection::ping()
{
    m_socket->ping();
}

void QtWebSocketConnection::setMessageLimit(qint64 bytes)
{
    m_socket->setMaxAllowedIncomingMessageSize(quint64(qMin(bytes, Limits::PublishFrameBytes)));
}

void QtWebSocketConnection::close(int code, const QString &reason)
{
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void QtWebSocketConnection::abort()
{
    m_socket->abort();
}

bool QtWebSocketConnection::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

} // namespace Glosa

#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include <optional>

// A real QWebSocket client that records every frame the server sends, with batches unpacked
// into their events, and waits for them without fixed sleeps.
class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);

    static constexpr int Timeout = 5000;

    bool open(const QUrl &url);
    void send(const QJsonObject &frame);
    void sendRaw(const QByteArray &text);

    // Sends a hello and waits for the welcome; returns it, or an empty object when the server
    // closed the connection instead.
    QJsonObject join(const QString &page, const QString &tenant = QStringLiteral("local"),
                     const QString &token = {}, const std::optional<QJsonObject> &resume = {});

    // Waits for the next frame of `type` (any type when empty) and consumes it and everything
    // before it. Returns an empty object on timeout.
    QJsonObject next(const QString &type = {}, int timeout = Timeout);
    // Frames received and not consumed yet.
    QList<QJsonObject> pending() const { return m_frames.mid(m_read); }
    // Waits until no frame arrives for `quietMs`; returns how many were pending then.
    qsizetype settle(int quietMs = 200);

    // Waits for the server to close the connection; returns its close code or -1.
    int waitClosed(int timeout = Timeout);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    // Raw frames as received (batches not unpacked).
    QList<QByteArray> rawFrames;

    // Builders for the operations of docs/protocol.md, with fresh ids where none is given.
    static QString uuid();
    static QJsonObject newChat(const QString &chatId, const QString &commentId,
                               const QString &text = QStringLiteral("A remark"),
                               const QString &broadcastId = uuid());
    static QJsonObject update(const QString &chatId, const QJsonObject &change,
                              const QString &broadcastId = uuid());
    static QJsonObject deleteChat(const QString &chatId, const QString &broadcastId = uuid());

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    qsizetype m_read = 0;
};

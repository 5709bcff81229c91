#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        const QByteArray raw = text.toUtf8();
        rawFrames.append(raw);
        const QJsonObject frame = QJsonDocument::fromJson(raw).object();
        if (frame.value("type"_L1).toString() == "batch"_L1) {
            for (const QJsonValue &event : frame.value("events"_L1).toArray())
                m_frames.append(event.toObject());
        } else {
            m_frames.append(frame);
        }
    });
}

bool TestClient::open(const QUrl &url)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    m_socket.open(url);
    return connected.wait(Timeout) || isConnected();
}

void TestClient::send(const QJsonObject &frame)
{
    sendRaw(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

void TestClient::sendRaw(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

QJsonObject TestClient::join(const QString &page, const QString &tenant, const QString &token,
                             const std::optional<QJsonObject> &resume)
{
    QJsonObject hello{{"type"_L1, "hello"_L1}, {"v"_L1, 1}, {"tenant"_L1, tenant}};
    if (!page.isNull())
        hello.insert("page"_L1, page);
    if (!token.isEmpty())
        hello.insert("token"_L1, token);
    if (resume)
        hello.insert("resume"_L1, *resume);
    send(hello);
    return next(u"welcome"_s);
}

QJsonObject TestClient::next(const QString &type, int timeout)
{
    QJsonObject found;
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            while (m_read < m_frames.size()) {
                const QJsonObject frame = m_frames.at(m_read++);
                if (type.isEmpty() || frame.value("type"_L1).toString() == type) {
                    found = frame;
                    return true;
                }
            }
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeout);
    return found;
}

qsizetype TestClient::settle(int quietMs)
{
    qsizetype seen = -1;
    while (seen != m_frames.size()) {
        seen = m_frames.size();
        QTest::qWait(quietMs);
    }
    return m_frames.size() - m_read;
}

int TestClient::waitClosed(int timeout)
{
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
        if (!disconnected.wait(timeout) && m_socket.state() != QAbstractSocket::UnconnectedState)
            return -1;
    }
    return int(m_socket.closeCode());
}

QString TestClient::uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject TestClient::newChat(const QString &chatId, const QString &commentId,
                                const QString &text, const QString &broadcastId)
{
    const QJsonObject anchor{{"start"_L1, 10},
                             {"end"_L1, 15},
                             {"exact"_L1, "quick"_L1},
                             {"prefix"_L1, "The "_L1},
                             {"suffix"_L1, " brown"_L1}};
    return {{"type"_L1, "new-text-chat"_L1},
            {"broadcastId"_L1, broadcastId},
            {"chat"_L1,
             QJsonObject{{"id"_L1, chatId},
                         {"anchor"_L1, anchor},
                         {"comment"_L1, QJsonObject{{"id"_L1, commentId}, {"text"_L1, text}}}}}};
}

QJsonObject TestClient::update(const QString &chatId, const QJsonObject &change,
                               const QString &broadcastId)
{
    return {{"type"_L1, "updated-text-chat"_L1},
            {"broadcastId"_L1, broadcastId},
            {"chatId"_L1, chatId},
            {"change"_L1, change}};
}

QJsonObject TestClient::deleteChat(const QString &chatId, const QString &broadcastId)
{
    return {{"type"_L1, "deleted-text-chat"_L1},
            {"broadcastId"_L1, broadcastId},
            {"chatId"_L1, chatId}};
}

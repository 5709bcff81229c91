#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

class QSocketNotifier;

namespace Glosa {

class WebSocketConnection;

// The HTTP side of a plain WebSocket connection: takes an accepted socket descriptor, reads the
// request head (at most 16 KiB, within 10 s) and answers it. An upgrade on the path becomes a
// WebSocketConnection, handed over by upgraded(); anything else gets its HTTP error (404 for
// another path, 400 for a request that is not a WebSocket upgrade, 426 for another version of
// the protocol, 431 for a head that is too large). permessage-deflate is agreed when the client
// offers it (see PerMessageDeflate). The object deletes itself when done.
class WebSocketHandshake : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxHeadBytes = 16 * 1024;
    static constexpr int TimeoutMs = 10000;

    WebSocketHandshake(int fd, QByteArrayView path, QByteArrayView serverName,
                       QObject *parent = nullptr);
    ~WebSocketHandshake() override;

    struct Answer
    {
        int status = 0; // 101 for an upgrade
        QByteArray response;
        int deflateWindowBits = 0; // permessage-deflate agreed, with this window; 0: not in use
    };
    // The answer to a complete request head (without its final empty line).
    static Answer answer(QByteArrayView head, QByteArrayView path, QByteArrayView serverName);
    // Sec-WebSocket-Accept for a Sec-WebSocket-Key.
    static QByteArray acceptKey(QByteArrayView key);

Q_SIGNALS:
    // The receiver takes `connection` (no parent yet), its 101 answer on its way.
    void upgraded(Glosa::WebSocketConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadable();
    void respond(qsizetype headSize);
    void refuse(const QByteArray &response);
    void finish();

    int m_fd;
    QByteArrayView m_path;
    QByteArrayView m_serverName;
    QSocketNotifier *m_notifier;
    QByteArray m_head;
    int m_timer;
    bool m_refused = false;
};

} // namespace Glosa

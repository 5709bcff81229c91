#pragma once

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <functional>

class QSocketNotifier;

namespace Glosa {

// Accepts TCP connections and hands over each one as a bare socket descriptor (non-blocking,
// close-on-exec). It calls accept itself, so that it sees every failure: out of file
// descriptors, the listening socket stays readable while nothing can be accepted, and the
// listener pauses for a moment (and says so) instead of spinning on it.
class Listener : public QObject
{
    Q_OBJECT
public:
    static constexpr int RetryMs = 500;
    // The largest listen backlog the system allows: net.core.somaxconn, else SOMAXCONN.
    static int backlog();

    explicit Listener(std::function<void(int)> accepted, QObject *parent = nullptr);
    ~Listener() override;

    // Listens with the system's largest backlog (see backlog()).
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }
    void close();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadable();

    std::function<void(int)> m_accepted;
    QTcpServer m_server; // binds and listens; its own accepting stays paused
    QSocketNotifier *m_notifier = nullptr;
    QBasicTimer m_retry;
    bool m_starved = false; // out of descriptors (or memory) since the last accept
};

} // namespace Glosa

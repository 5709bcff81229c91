#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Glosa {

class ClientConnection;

// Coalesces frames to busy connections. A connection that was written to less than a window ago
// queues its frames here; when the window has passed they leave together as one batch frame.
// One Batcher serves all the connections of one thread with a single timer.
class Batcher : public QObject
{
    Q_OBJECT
public:
    explicit Batcher(int windowMs, QObject *parent = nullptr);

    int windowMs() const { return m_windowMs; }
    static qint64 now();

    void schedule(ClientConnection *connection);
    void cancel(ClientConnection *connection);

private:
    void flushDue();

    int m_windowMs;
    QTimer m_timer;
    QSet<ClientConnection *> m_waiting;
};

} // namespace Glosa

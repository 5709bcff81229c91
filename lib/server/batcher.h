#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Glosa {

class Session;

// Coalesces frames to busy connections. A session that was written to less than a window ago
// queues its frames here; when the window has passed they leave together as one batch frame.
// One Batcher serves all the sessions of one thread with a single timer.
class Batcher : public QObject
{
    Q_OBJECT
public:
    explicit Batcher(int windowMs, QObject *parent = nullptr);

    int windowMs() const { return m_windowMs; }
    static qint64 now();

    void schedule(Session *session);
    void cancel(Session *session);

private:
    void flushDue();

    int m_windowMs;
    QTimer m_timer;
    QSet<Session *> m_waiting;
};

} // namespace Glosa

#pragma once

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <functional>

namespace Glosa {

class Hub;

// One of the server's I/O threads beside its own: an event loop of its own (on epoll, on Linux)
// and the hub of the connections and pages that fall to it. The hub is made on the thread, as it
// starts, and deleted there once the thread is told to end.
class IoThread : public QThread
{
    Q_OBJECT
public:
    explicit IoThread(std::function<Hub *()> makeHub, QObject *parent = nullptr);
    // Ends the event loop, deletes the hub and waits for the thread.
    ~IoThread() override;

    // Starts the thread; returns its hub once it is made.
    Hub *startHub();

protected:
    void run() override;

private:
    std::function<Hub *()> m_makeHub;
    QMutex m_mutex;
    QWaitCondition m_made;
    Hub *m_hub = nullptr;
};

} // namespace Glosa

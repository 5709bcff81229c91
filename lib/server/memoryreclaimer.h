#pragma once

#include <QObject>
#include <QTimer>

namespace Glosa {

// Gives the memory that connections leave behind back to the system. glibc keeps freed blocks
// in its heap for reuse, so a crowd of connections that went away (slow consumers with long
// queues, say) would keep the server's resident size up long after; a moment after
// connections close, the heap is trimmed when it holds enough free memory to be worth it.
class MemoryReclaimer : public QObject
{
    Q_OBJECT
public:
    explicit MemoryReclaimer(QObject *parent = nullptr);

    static constexpr int DelayMs = 1000;
    static constexpr qint64 MinFreeBytes = 8 * 1024 * 1024;

    // Connections went: the heap is looked at once DelayMs have passed, once for a burst.
    void connectionsClosed();

private:
    void reclaim();

    QTimer m_timer;
};

} // namespace Glosa

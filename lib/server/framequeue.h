#pragma once

#include <QtGlobal>

namespace Glosa {

// A connection's queue of frames as the Batcher sees it: when it is due, and how to write it.
class FrameQueue
{
public:
    // When the queue's batch window ends (ms on Batcher::now()).
    virtual qint64 batchDue() const = 0;
    // Writes what is queued, as far as the socket takes it.
    virtual void writeQueued() = 0;

protected:
    ~FrameQueue() = default;
};

} // namespace Glosa

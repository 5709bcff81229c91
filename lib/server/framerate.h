#pragma once

#include <QtGlobal>

namespace Glosa {

// How many frames a connection has been given lately: each adds one to a count that decays
// with a time constant of a second, so that a connection given frames at a steady rate of r per
// second counts about r, and one given a burst of n counts about n a moment after it, half of
// that 0.7 s later.
class FrameRate
{
public:
    // Frames at a steady rate above this many per second make a connection busy.
    static constexpr double BusyPerSecond = 100;

    void add(qint64 nowMs);
    bool isBusy(qint64 nowMs) const { return countAt(nowMs) > BusyPerSecond; }
    double countAt(qint64 nowMs) const;

private:
    double m_count = 0;
    qint64 m_at = 0; // ms on Batcher::now(), when m_count was last updated
};

} // namespace Glosa

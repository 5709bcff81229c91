#include "framerate.h"

#include <cmath>

namespace Glosa {

namespace {

constexpr double RateTimeConstantMs = 1000;

} // namespace

double FrameRate::countAt(qint64 nowMs) const
{
    if (nowMs <= m_at || m_count == 0)
        return m_count;
    return m_count * std::exp(double(m_at - nowMs) / RateTimeConstantMs);
}

void FrameRate::add(qint64 nowMs)
{
    m_count = countAt(nowMs) + 1;
    m_at = qMax(m_at, nowMs);
}

} // namespace Glosa

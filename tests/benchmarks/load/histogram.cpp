#include "histogram.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr int SubBits = 6;
constexpr int Sub = 1 << SubBits; // buckets per power of two
constexpr int Linear = 2 * Sub;   // values below this are their own bucket
constexpr int Buckets = Linear + 58 * Sub;

int msb(std::uint64_t v)
{
    return 63 - __builtin_clzll(v);
}

} // namespace

Histogram::Histogram()
    : m_buckets(Buckets, 0)
{}

int Histogram::indexOf(std::uint64_t v)
{
    if (v < std::uint64_t(Linear))
        return int(v);
    const int shift = msb(v) - SubBits; // >= 1
    const int sub = int(v >> shift);    // in [Sub, 2 * Sub)
    return std::min(Buckets - 1, Linear + (shift - 1) * Sub + (sub - Sub));
}

std::int64_t Histogram::valueOf(int index)
{
    if (index < Linear)
        return index;
    const int shift = (index - Linear) / Sub + 1;
    const std::int64_t sub = (index - Linear) % Sub + Sub;
    // The middle of the bucket.
    return (sub << shift) + ((std::int64_t(1) << shift) >> 1);
}

void Histogram::record(std::int64_t ns)
{
    if (ns < 0)
        ns = 0;
    ++m_buckets[std::size_t(indexOf(std::uint64_t(ns)))];
    ++m_count;
    m_max = std::max(m_max, ns);
    m_sum += double(ns);
}

void Histogram::merge(const Histogram &other)
{
    for (std::size_t i = 0; i < m_buckets.size(); ++i)
        m_buckets[i] += other.m_buckets[i];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
    m_sum += other.m_sum;
}

std::int64_t Histogram::percentile(double p) const
{
    if (!m_count)
        return 0;
    const auto rank = std::uint64_t(std::ceil(p / 100.0 * double(m_count)));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        seen += m_buckets[i];
        if (seen >= std::max<std::uint64_t>(rank, 1))
            return std::min(valueOf(int(i)), m_max);
    }
    return m_max;
}

#pragma once

#include <cstdint>
#include <vector>

// Latencies in nanoseconds in log-linear buckets: exact below 128 ns, then 64 buckets per power
// of two, so that a percentile is at most 1.6 % off. Cheap to record, cheap to merge.
class Histogram
{
public:
    Histogram();

    void record(std::int64_t ns);
    void merge(const Histogram &other);

    std::uint64_t count() const { return m_count; }
    std::int64_t max() const { return m_max; }
    double mean() const { return m_count ? m_sum / double(m_count) : 0.0; }
    // p in [0, 100]; 0 when nothing was recorded.
    std::int64_t percentile(double p) const;

private:
    static int indexOf(std::uint64_t v);
    static std::int64_t valueOf(int index);

    std::vector<std::uint64_t> m_buckets;
    std::uint64_t m_count = 0;
    std::int64_t m_max = 0;
    double m_sum = 0;
};

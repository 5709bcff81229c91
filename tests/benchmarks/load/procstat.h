#pragma once

#include <cstdint>

// Figures of a process read from /proc/PID: resident memory and CPU time.
struct ProcStat
{
    bool ok = false;
    std::int64_t rssKiB = 0;   // VmRSS
    std::int64_t hwmKiB = 0;   // VmHWM, the peak of VmRSS
    std::int64_t threads = 0;  // Threads
    std::int64_t openFds = -1; // entries of /proc/PID/fd, -1 when unreadable
    double cpuSeconds = 0;     // utime + stime, all threads

    static ProcStat read(int pid, bool countFds = false);
    // CPU time (user + system) of this process.
    static double selfCpuSeconds();
    static std::int64_t selfRssKiB();
    // CPU seconds the whole machine spent busy (all cores, from /proc/stat), and idle.
    static void machineCpuSeconds(double *busy, double *idle);
};

#include "procstat.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

std::string slurp(const std::string &path)
{
    std::string text;
    FILE *f = std::fopen(path.c_str(), "re");
    if (!f)
        return text;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        text.append(buf, n);
    std::fclose(f);
    return text;
}

std::int64_t field(const std::string &status, const char *name)
{
    const std::size_t at = status.find(name);
    if (at == std::string::npos)
        return 0;
    return std::strtoll(status.c_str() + at + std::strlen(name), nullptr, 10);
}

} // namespace

ProcStat ProcStat::read(int pid, bool countFds)
{
    ProcStat s;
    if (pid <= 0)
        return s;
    const std::string base = "/proc/" + std::to_string(pid);
    const std::string status = slurp(base + "/status");
    const std::string stat = slurp(base + "/stat");
    if (status.empty() || stat.empty())
        return s;
    s.rssKiB = field(status, "\nVmRSS:");
    s.hwmKiB = field(status, "\nVmHWM:");
    s.threads = field(status, "\nThreads:");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const std::size_t close = stat.rfind(')');
    if (close == std::string::npos)
        return s;
    const char *p = stat.c_str() + close + 2;
    // p is at field 3 (state); utime and stime are fields 14 and 15.
    for (int fieldNo = 3; fieldNo < 14 && *p; ++fieldNo) {
        p = std::strchr(p, ' ');
        if (!p)
            return s;
        ++p;
    }
    char *next = nullptr;
    const double utime = double(std::strtoull(p, &next, 10));
    const double stime = double(std::strtoull(next, nullptr, 10));
    s.cpuSeconds = (utime + stime) / double(sysconf(_SC_CLK_TCK));
    if (countFds) {
        if (DIR *dir = opendir((base + "/fd").c_str())) {
            s.openFds = 0;
            while (dirent *e = readdir(dir)) {
                if (e->d_name[0] != '.')
                    ++s.openFds;
            }
            closedir(dir);
        }
    }
    s.ok = true;
    return s;
}

double ProcStat::selfCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::int64_t ProcStat::selfRssKiB()
{
    return field(slurp("/proc/self/status"), "\nVmRSS:");
}

void ProcStat::machineCpuSeconds(double *busy, double *idle)
{
    *busy = *idle = 0;
    const std::string stat = slurp("/proc/stat");
    if (stat.compare(0, 4, "cpu ") != 0)
        return;
    // user nice system idle iowait irq softirq steal (guest time is inside user)
    unsigned long long v[8] = {};
    std::sscanf(stat.c_str() + 4, "%llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
                &v[3], &v[4], &v[5], &v[6], &v[7]);
    const double tick = double(sysconf(_SC_CLK_TCK));
    *busy = double(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / tick;
    *idle = double(v[3] + v[4]) / tick;
}

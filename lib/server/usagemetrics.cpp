#include "usagemetrics.h"

namespace Glosa {

void UsageMetrics::recordSent(const QString &tenant, qint64 bytes, int messages)
{
    QMutexLocker lock(&m_mutex);
    Tenant &t = m_tenants[tenant];
    t.pubSubMessageCount += messages;
    t.pubSubBandwidth += bytes;
}

void UsageMetrics::connectionOpened(const QString &tenant)
{
    QMutexLocker lock(&m_mutex);
    ++m_tenants[tenant].connections;
}

void UsageMetrics::connectionClosed(const QString &tenant)
{
    QMutexLocker lock(&m_mutex);
    --m_tenants[tenant].connections;
}

QHash<QString, UsageMetrics::Tenant> UsageMetrics::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_tenants;
}

} // namespace Glosa

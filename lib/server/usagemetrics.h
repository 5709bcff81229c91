#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace Glosa {

// Per-tenant usage: frames and bytes the pub/sub layer sent to clients, and open connections.
// Safe to update from several I/O threads.
class UsageMetrics
{
public:
    struct Tenant
    {
        qint64 pubSubMessageCount = 0;
        qint64 pubSubBandwidth = 0;
        qint64 connections = 0;
    };

    // `bytes` of `messages` frames; the parts of one message count it once.
    void recordSent(const QString &tenant, qint64 bytes, int messages = 1);
    void connectionOpened(const QString &tenant);
    void connectionClosed(const QString &tenant);

    QHash<QString, Tenant> snapshot() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, Tenant> m_tenants;
};

} // namespace Glosa

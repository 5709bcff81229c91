#pragma once

#include <tuple>

#include "protocollimits.h"

#include <QHostAddress>
#include <QList>
#include <QString>

namespace Glosa {

// What one page of a tenant may hold: its live chats, the comments of one chat (deleted ones
// included, since they keep their place) and the bytes of its stored events.
struct PageLimits
{
    int chats = Limits::PageChats;
    int commentsPerChat = Limits::ChatComments;
    qint64 bytes = Limits::PageBytes;
    friend bool operator==(const PageLimits &a, const PageLimits &b)
    {
        return std::tie(a.chats, a.commentsPerChat, a.bytes) ==
               std::tie(b.chats, b.commentsPerChat, b.bytes);
    }
};

struct TenantConfig
{
    QString id;
    QByteArray secret; // empty: tokens cannot be verified, only anonymous users get in
    bool anonymous = false;
    PageLimits pageLimits;
    friend bool operator==(const TenantConfig &a, const TenantConfig &b)
    {
        return std::tie(a.id, a.secret, a.anonymous, a.pageLimits) ==
               std::tie(b.id, b.secret, b.anonymous, b.pageLimits);
    }
    friend bool operator!=(const TenantConfig &a, const TenantConfig &b) { return !(a == b); }
};

struct ServerLimits
{
    double opsPerSecond = Limits::OpsPerSecond;
    int burst = Limits::Burst;
    qint64 sendQueueBytes = Limits::SendQueueBytes;
    qint64 frameBytes = Limits::FrameBytes;
    friend bool operator==(const ServerLimits &a, const ServerLimits &b)
    {
        return std::tie(a.opsPerSecond, a.burst, a.sendQueueBytes, a.frameBytes) ==
               std::tie(b.opsPerSecond, b.burst, b.sendQueueBytes, b.frameBytes);
    }
    friend bool operator!=(const ServerLimits &a, const ServerLimits &b) { return !(a == b); }
};

// Everything glosa-server can be told, from its command line and its --config file.
struct ServerConfig
{
    static constexpr int MaxIoThreads = 256;

    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8765;
    bool adminEnabled = true;
    QHostAddress adminAddress = QHostAddress::LocalHost;
    quint16 adminPort = 8766;
    QString dataDir;
    // Where the server keeps its state: empty for SQLite in dataDir, a postgresql:// URL for a
    // PostgreSQL database that several server nodes may share.
    QString store;
    QString tlsCertificate;
    QString tlsKey;
    int batchMs = 20;
    // Threads that serve connections, each with its own event loop and pages: the one that
    // starts the server, and the rest of its own.
    int ioThreads = 1;
    // Presence to a page goes out at most once per window: a quiet page's first change at once,
    // the changes within the window together at its end.
    int presenceMs = 100;
    int helloTimeoutMs = Limits::HelloTimeoutMs;
    // A connection that has not answered the last ping (or sent anything) when the next is due
    // is dropped.
    int pingIntervalMs = 30000;
    QList<TenantConfig> tenants{{QStringLiteral("local"), {}, true, {}}};
    // Signs anonymous users' credentials; empty: the key kept in the data folder.
    QByteArray credentialKey;
    ServerLimits limits;

    // Reads tenants and limits from a JSON config file; on failure `error` names the file and the
    // fault and nothing is changed.
    bool loadFile(const QString &path, QString *error);
    bool loadJson(const QByteArray &json, QString *error);

    // Parses HOST:PORT ("127.0.0.1:8765", "[::1]:8765", "localhost:0").
    static bool parseHostPort(const QString &text, QHostAddress *address, quint16 *port,
                              QString *error);
    static QString defaultDataDir();
};

} // namespace Glosa

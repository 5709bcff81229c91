#pragma once

#include "authenticator.h"
#include "messages.h"
#include "serverconfig.h"
#include "store.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Glosa {

class Batcher;
class Connection;
class Page;
class Session;
class UsageMetrics;

// The pages of every tenant, the sessions on them, presence, and the path of an operation:
// check, apply, store (operations arriving together share one transaction), then broadcast the
// event, encoded once, to every session on the page.
class Hub : public QObject
{
    Q_OBJECT
public:
    Hub(const ServerConfig &config, Store *store, UsageMetrics *metrics, QObject *parent = nullptr);
    ~Hub() override;

    void addConnection(Connection *connection);
    int sessionCount() const { return int(m_sessions.size()); }
    int pageCount() const { return int(m_pages.size()); }

    // Commits what is pending and closes every connection with 1001; emits drained() once all
    // of them are gone.
    void shutdown();

    // Called by sessions.
    void join(Session *session, const Hello &hello);
    void handle(Session *session, const ClientMessage &message);

    // The most events sent as a replay; a client further behind gets a snapshot.
    static constexpr qint64 MaxReplay = 100000;

Q_SIGNALS:
    void drained();

private:
    struct PendingWrite
    {
        Page *page;
        QPointer<Session> sender;
        Store::Write write;
    };

    template<typename Op>
    void operate(Session *session, const Op &op);
    void publish(Session *session, const PublishDocumentOp &op);
    void resync(Session *session, const QString &epoch, qint64 since);
    void commit();
    void leave(Session *session);
    void presenceChanged(Page *page, Session *except);
    Page *loadPage(const QString &tenant, const QString &name, QString *error);
    void unloadIfIdle(Page *page);

    ServerConfig m_config;
    Store *m_store;
    UsageMetrics *m_metrics;
    Authenticator m_authenticator;
    Batcher *m_batcher;
    QTimer m_commitTimer;
    QTimer m_heartbeat;
    QList<Session *> m_sessions;
    QHash<QString, Page *> m_pages;
    QList<PendingWrite> m_pending;
    bool m_shuttingDown = false;
};

} // namespace Glosa

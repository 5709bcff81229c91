#pragma once

#include "authenticator.h"
#include "commitpipeline.h"
#include "memoryreclaimer.h"
#include "messagerouter.h"
#include "messages.h"
#include "pageregistry.h"
#include "presencenotifier.h"
#include "publisheddocuments.h"
#include "serverconfig.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace Glosa {

class Batcher;
class ClientConnection;
class Connection;
class Page;
class StoreThread;
class UsageMetrics;

// The server's connections and where their messages go. It admits a connection (its hello: the
// tenant and sign-in, then the page's welcome and catch-up), routes its operations through its
// page's rules to the commit pipeline and its documents to the published documents, tells the
// presence notifier who joins and leaves a page, and closes everything on shutdown.
//
// Nothing here waits for the store: `reads` reads pages, replays and duplicates on a thread of its
// own and sees every committed write; `writer` commits, and creates pages and documents, on
// another.
class Hub : public QObject, public MessageRouter
{
    Q_OBJECT
public:
    Hub(const ServerConfig &config, StoreThread *reads, StoreThread *writer, UsageMetrics *metrics,
        QObject *parent = nullptr);
    ~Hub() override;

    void addConnection(Connection *socket);
    int connectionCount() const { return int(m_connections.size()); }
    int pageCount() const { return m_pages.count(); }

    // Stops taking operations, waits until everything applied is stored and broadcast, then
    // closes every connection with 1001; emits drained() once all of them are gone.
    void shutdown();

    void join(ClientConnection *connection, const Hello &hello) override;
    void handle(ClientConnection *connection, const ClientMessage &message) override;

Q_SIGNALS:
    void drained();

private:
    void enter(ClientConnection *connection, Page *page, const Hello &hello);
    void sendWelcome(ClientConnection *connection, Page *page, const Hello &hello);
    template<typename Op>
    void operate(ClientConnection *connection, const Op &op);
    template<typename Op>
    void apply(ClientConnection *connection, Page *page, const Op &op);
    void resync(ClientConnection *connection, const QString &epoch, qint64 since);
    // Whether `message` must wait behind unstored writes or earlier waiting messages of its
    // page (CommitPipeline::defer()); if so it is routed once it may go.
    bool defer(ClientConnection *connection, Page *page, const ClientMessage &message);
    void onSettled(const QSet<Page *> &pages);
    void closeAll();
    void leave(ClientConnection *connection);
    void unloadIfIdle(Page *page);

    ServerConfig m_config;
    StoreThread *m_reads;
    UsageMetrics *m_metrics;
    Authenticator m_authenticator;
    Batcher *m_batcher;
    MemoryReclaimer m_reclaimer;
    PageRegistry m_pages;
    PresenceNotifier m_presence;
    PublishedDocuments m_documents;
    CommitPipeline m_pipeline;
    QTimer m_heartbeat;
    QList<ClientConnection *> m_connections;
    bool m_shuttingDown = false;
    bool m_closing = false;
};

} // namespace Glosa

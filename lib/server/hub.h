#pragma once

#include "authenticator.h"
#include "clusterpresence.h"
#include "commitpipeline.h"
#include "contenttransfers.h"
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

#include <atomic>

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
//
// A server has one hub per I/O thread, each with its own pages. A page belongs to the hub its
// tenant and name hash to, and a connection that says hello to a page moves there, so that what
// goes to a page's viewers never crosses threads; a lobby connection stays where it came in.
class Hub : public QObject, public MessageRouter
{
    Q_OBJECT
public:
    // `presence`: where presence is shared with the other server nodes of the store, under the
    // name `node`; none where the server is the store's only node.
    Hub(const ServerConfig &config, StoreThread *reads, StoreThread *writer, UsageMetrics *metrics,
        StoreThread *presence = nullptr, const QString &node = {}, QObject *parent = nullptr);
    ~Hub() override;

    // Every hub of the server, this one among them, in the same order for all; set before the
    // first connection comes.
    void setPeers(const QList<Hub *> &hubs) { m_peers = hubs; }
    // On the hub's thread.
    void addConnection(Connection *socket);
    // Read from any thread.
    int connectionCount() const { return m_connectionCount.load(std::memory_order_relaxed); }
    int pageCount() const { return m_pages.count(); }

    // Stops taking operations, waits until everything applied is stored and broadcast, then
    // closes every connection with 1001; emits drained() once all of them are gone.
    void shutdown();

    void join(ClientConnection *connection, const Hello &hello) override;
    void handle(ClientConnection *connection, const ClientMessage &message) override;
    void refusedContent(ClientConnection *connection) override;

    // Another server node stored events of these pages (by the store's id) up to these heads:
    // the pages held here that are behind catch up.
    void storeMoved(const QList<std::pair<qint64, qint64>> &heads);
    // Who is viewing these pages (by the store's id) on other nodes changed.
    void presenceMoved(const QList<qint64> &pageIds);
    // The store's wake-ups may have been missed: every page held here catches up, and shares
    // its presence again.
    void storeReconnected();

Q_SIGNALS:
    void drained();

private:
    Hub *ownerOf(const QString &tenant, const QString &page) const;
    void track(ClientConnection *connection);
    // Hands a connection that has said hello to `owner`'s page over to `owner`.
    void handOver(ClientConnection *connection, Hub *owner, const Hello &hello);
    void adopt(ClientConnection *connection, const Hello &hello);
    void load(ClientConnection *connection, const Hello &hello);
    void enter(ClientConnection *connection, Page *page, const Hello &hello);
    void sendWelcome(ClientConnection *connection, Page *page, const Hello &hello);
    template<typename Op>
    void operate(ClientConnection *connection, const Op &op);
    template<typename Op>
    void apply(ClientConnection *connection, Page *page, const Op &op);
    void resync(ClientConnection *connection, const QString &epoch, qint64 since);
    // Routes `message` of `connection` on `page` when called, if the connection is still open
    // on the page then.
    std::function<void()> later(ClientConnection *connection, Page *page,
                                const ClientMessage &message);
    // Whether `message` must wait behind unstored writes or earlier waiting messages of its
    // page (CommitPipeline::defer()); if so it is routed once it may go.
    bool defer(ClientConnection *connection, Page *page, const ClientMessage &message);
    void onSettled(const QSet<Page *> &pages);
    void closeAll();
    void leave(ClientConnection *connection);
    void unloadIfIdle(Page *page);
    // A new version of a page's document, stored: its viewers here reload it.
    void showDocument(const QString &tenant, const Document &document);
    // Who is viewing `page` here changed, and, when `viewers`, who is viewing it at all.
    void presenceChanged(Page *page, bool viewers);

    ServerConfig m_config;
    StoreThread *m_reads;
    UsageMetrics *m_metrics;
    Authenticator m_authenticator;
    Batcher *m_batcher;
    MemoryReclaimer m_reclaimer;
    PageRegistry m_pages;
    PresenceNotifier m_presence;
    ClusterPresence *m_cluster = nullptr;
    PublishedDocuments m_documents;
    ContentTransfers m_contents;
    CommitPipeline m_pipeline;
    QTimer m_heartbeat;
    QList<ClientConnection *> m_connections;
    QList<Hub *> m_peers;
    std::atomic<int> m_connectionCount{0}; // of m_connections
    std::atomic<int> m_arriving{0};        // connections handed over, not adopted yet
    bool m_shuttingDown = false;
    bool m_closing = false;
};

} // namespace Glosa

#pragma once

#include "authenticator.h"
#include "memoryreclaimer.h"
#include "messagerouter.h"
#include "messages.h"
#include "pageregistry.h"
#include "presencenotifier.h"
#include "publisheddocuments.h"
#include "serverconfig.h"
#include "store.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace Glosa {

class Batcher;
class Connection;
class Page;
class ClientConnection;
class StoreThread;
class UsageMetrics;

// The pages of every tenant, the connections on them, presence, and the path of an operation:
// check, apply, store (the store thread commits what was queued while its last commit ran in
// one transaction), then broadcast the event, encoded once, to every connection on the page.
//
// `reader` serves the hub's reads on the hub's thread and sees every committed write; `writer`
// commits on a thread of its own. A join or sync for a page with writes not yet stored waits
// until they are, and the page's later messages wait behind it, so that every welcome, replay
// and snapshot is the stored state, with nothing missing and nothing that could still be lost.
class Hub : public QObject, public MessageRouter
{
    Q_OBJECT
public:
    Hub(const ServerConfig &config, Store *reader, StoreThread *reads, StoreThread *writer,
        UsageMetrics *metrics, QObject *parent = nullptr);
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
    struct PendingWrite
    {
        Page *page;
        QPointer<ClientConnection> sender;
        Store::Write write;
        quint64 generation; // the page's, when applied
    };
    // A message held back until the writes before it on its page are stored.
    struct Deferred
    {
        QPointer<ClientConnection> connection;
        ClientMessage message; // a Hello: a join waiting for its welcome
    };

    void sendWelcome(ClientConnection *connection, Page *page, const Hello &hello);
    template<typename Op>
    void operate(ClientConnection *connection, const Op &op);
    void resync(ClientConnection *connection, const QString &epoch, qint64 since);
    // Whether `message` from `connection` must wait behind unstored writes or earlier waiting
    // messages of its page; if so it is queued.
    bool defer(ClientConnection *connection, Page *page, const ClientMessage &message,
               bool barrier);
    void release(Page *page);
    // Hands the writes applied since the last call to the store thread.
    void flush();
    void onStored(const QList<bool> &stored, const QString &error);
    void closeAll();
    void leave(ClientConnection *connection);
    void unloadIfIdle(Page *page);

    ServerConfig m_config;
    Store *m_store;
    StoreThread *m_reads; // replays, off the hub's thread
    StoreThread *m_writer;
    UsageMetrics *m_metrics;
    Authenticator m_authenticator;
    Batcher *m_batcher;
    MemoryReclaimer m_reclaimer;
    PageRegistry m_pages;
    PresenceNotifier m_presence;
    PublishedDocuments m_documents;
    QTimer m_commitTimer;
    QTimer m_heartbeat;
    QList<ClientConnection *> m_connections;
    QList<PendingWrite> m_pending;       // applied, not handed to the store yet
    std::deque<PendingWrite> m_inFlight; // handed to the store, in order, not reported yet
    QHash<Page *, QList<Deferred>> m_deferred;
    bool m_shuttingDown = false;
    bool m_closing = false;
};

} // namespace Glosa

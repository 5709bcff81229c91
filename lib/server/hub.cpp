#include "hub.h"

#include "batcher.h"
#include "clientconnection.h"
#include "codec.h"
#include "connection.h"
#include "errorcode.h"
#include "page.h"
#include "serverlogging.h"
#include "storethread.h"

#include <QDateTime>
#include <QPointer>
#include <QWebSocketProtocol>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

Hub::Hub(const ServerConfig &config, StoreThread *reads, StoreThread *writer, UsageMetrics *metrics,
         StoreThread *presence, const QString &node, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_reads(reads)
    , m_metrics(metrics)
    , m_authenticator(config.tenants, config.credentialKey)
    , m_batcher(new Batcher(config.batchMs, this))
    , m_pages(config.tenants, reads, writer)
    , m_presence(config.presenceMs)
    , m_documents(reads, writer,
                  [this](const QString &tenant, const Document &document) {
                      Hub *owner = ownerOf(tenant, document.page);
                      QMetaObject::invokeMethod(owner, [owner, tenant, document] {
                          owner->showDocument(tenant, document);
                      });
                  })
    , m_contents(reads, writer)
    , m_pipeline(reads, writer, &m_pages)
{
    connect(&m_pipeline, &CommitPipeline::settled, this, &Hub::onSettled);
    if (presence)
        m_cluster = new ClusterPresence(node, presence, &m_pages, &m_presence, this);

    m_heartbeat.setInterval(config.pingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        const QList<ClientConnection *> connections = m_connections;
        for (ClientConnection *c : connections)
            c->heartbeat();
    });
    m_heartbeat.start();
}

Hub::~Hub()
{
    qDeleteAll(std::exchange(m_connections, {}));
}

void Hub::addConnection(Connection *socket)
{
    if (m_shuttingDown) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
        socket->deleteLater();
        return;
    }
    track(new ClientConnection(socket, this, m_batcher, m_metrics, m_config, this));
}

void Hub::track(ClientConnection *connection)
{
    m_connections.append(connection);
    m_connectionCount.store(int(m_connections.size()), std::memory_order_relaxed);
    // Queued: a connection may drop in the middle of a broadcast or a presence round, and the
    // page it leaves must stay put until they are over.
    connect(connection, &ClientConnection::closed, this, &Hub::leave, Qt::QueuedConnection);
}

Hub *Hub::ownerOf(const QString &tenant, const QString &page) const
{
    if (m_peers.size() < 2)
        return const_cast<Hub *>(this);
    return m_peers.at(qsizetype(qHashMulti(0, tenant, page) % size_t(m_peers.size())));
}

void Hub::join(ClientConnection *connection, const Hello &hello)
{
    const Authenticator::Result auth =
        m_authenticator.authenticate(hello, QDateTime::currentSecsSinceEpoch());
    if (!auth.error.isNull()) {
        connection->sendError(auth.error);
        connection->closeWith(auth.closeCode, auth.error.message);
        return;
    }
    if (m_shuttingDown) {
        connection->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
        return;
    }
    if (!hello.page) {
        connection->startJoining(hello.tenant, auth.user);
        connection->open(nullptr);
        Welcome welcome;
        welcome.connection = connection->id();
        welcome.user = auth.user;
        welcome.hasPage = false;
        connection->sendNow({Codec::encode(welcome)});
        return;
    }

    connection->startJoining(hello.tenant, auth.user);
    Hub *owner = ownerOf(hello.tenant, *hello.page);
    if (owner == this) {
        load(connection, hello);
        return;
    }
    // Once the connection has handled what it read with the hello: it moves between reads.
    QMetaObject::invokeMethod(
        this,
        [this, connection = QPointer<ClientConnection>(connection), owner, hello] {
            if (connection && connection->state() == ClientConnection::State::Joining)
                handOver(connection, owner, hello);
        },
        Qt::QueuedConnection);
}

void Hub::handOver(ClientConnection *connection, Hub *owner, const Hello &hello)
{
    m_connections.removeOne(connection);
    m_connectionCount.store(int(m_connections.size()), std::memory_order_relaxed);
    disconnect(connection, nullptr, this, nullptr);
    owner->m_arriving.fetch_add(1);
    connection->moveTo(owner, owner->m_batcher, owner->thread());
    QMetaObject::invokeMethod(
        owner, [owner, connection, hello] { owner->adopt(connection, hello); },
        Qt::QueuedConnection);
}

void Hub::adopt(ClientConnection *connection, const Hello &hello)
{
    m_arriving.fetch_sub(1);
    connection->setParent(this);
    track(connection);
    if (connection->state() == ClientConnection::State::Closed)
        leave(connection); // gone on the way
    else if (m_shuttingDown)
        connection->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    else
        load(connection, hello);
}

void Hub::load(ClientConnection *connection, const Hello &hello)
{
    m_pages.load(
        hello.tenant, *hello.page,
        [this, connection = QPointer<ClientConnection>(connection), hello](Page *page,
                                                                           const QString &error) {
            if (!page) {
                qCCritical(lcServer) << "cannot load" << hello.tenant << *hello.page << error;
                if (connection) {
                    connection->sendError(ErrorCode::Internal, u"the page cannot be loaded"_s);
                    connection->closeWith(QWebSocketProtocol::CloseCodeBadOperation,
                                          u"the page cannot be loaded"_s);
                }
                return;
            }
            if (connection && connection->state() == ClientConnection::State::Joining) {
                if (m_shuttingDown)
                    connection->closeWith(QWebSocketProtocol::CloseCodeGoingAway,
                                          u"server shutting down"_s);
                else
                    enter(connection, page, hello);
                return;
            }
            // Gone while the page was read: the page may be the only one left on it.
            QMetaObject::invokeMethod(
                this,
                [this, tenant = hello.tenant, name = *hello.page] {
                    if (Page *loaded = m_pages.find(tenant, name))
                        unloadIfIdle(loaded);
                },
                Qt::QueuedConnection);
        });
}

void Hub::enter(ClientConnection *connection, Page *page, const Hello &hello)
{
    if (m_cluster && page->recipients().isEmpty())
        m_cluster->readRemote({page->id()});
    connection->open(page);
    if (!defer(connection, page, hello))
        sendWelcome(connection, page, hello);
    connection->routeHeld();
}

void Hub::sendWelcome(ClientConnection *connection, Page *page, const Hello &hello)
{
    const bool newViewer = page->addRecipient(connection, connection->user());

    Welcome welcome;
    welcome.connection = connection->id();
    welcome.user = connection->user();
    welcome.credential = m_authenticator.credentialFor(connection->tenant(), connection->user());
    welcome.epoch = page->epoch();
    welcome.seq = page->head();
    welcome.viewers = page->viewers();
    welcome.users = page->users();
    welcome.document = page->document();
    auto catchUp =
        std::make_unique<CatchUp>(*page, m_reads, hello.resume ? hello.resume->epoch : QString(),
                                  hello.resume ? std::optional(hello.resume->seq) : std::nullopt);
    welcome.recovered = catchUp->isReplay();
    // The welcome leaves alone: a batch never carries it.
    connection->sendNow({Codec::encode(welcome)});
    connection->setPresenceSeen(page->presenceVersion());
    connection->startCatchUp(std::move(catchUp));
    presenceChanged(page, newViewer);
}

void Hub::presenceChanged(Page *page, bool viewers)
{
    if (viewers)
        m_presence.changed(page);
    if (m_cluster)
        m_cluster->changed(page);
}

void Hub::handle(ClientConnection *connection, const ClientMessage &message)
{
    std::visit(
        Overloaded{
            [&](const Hello &) {
                connection->sendError(ErrorCode::BadRequest, u"hello was already sent"_s);
            },
            [&](const SyncRequest &r) {
                Page *page = connection->page();
                if (!page || !defer(connection, page, r))
                    resync(connection, r.epoch, r.since);
            },
            [&](const NewChatOp &op) { operate(connection, op); },
            [&](const UpdateChatOp &op) { operate(connection, op); },
            [&](const DeleteChatOp &op) { operate(connection, op); },
            [&](const PublishDocumentOp &op) {
                m_documents.publish(connection, connection->tenant(), connection->user(), op);
            },
            [&](const ListDocumentsRequest &r) {
                m_documents.list(connection, connection->tenant(), r.requestId);
            },
            [&](const PutContent &put) {
                m_contents.put(connection, connection->tenant(), connection->user(), put);
            },
            [&](const GetContent &get) { m_contents.get(connection, connection->tenant(), get); },
        },
        message);
}

void Hub::refusedContent(ClientConnection *connection)
{
    m_contents.drop(connection);
}

template<typename Op>
void Hub::operate(ClientConnection *connection, const Op &op)
{
    Page *page = connection->page();
    if (!page) {
        connection->sendError(ErrorCode::BadRequest,
                              u"a lobby connection has no page: open a page to change its chats"_s,
                              op.broadcastId);
        return;
    }
    // A retry: the original event goes to the sender again, or is on its way to every viewer.
    if (page->isPending(op.broadcastId))
        return;
    // Not taken: the client sends it again once it has reconnected.
    if (m_shuttingDown)
        return;
    if (defer(connection, page, op))
        return;
    // Most operations are new, and the page knows so without asking the store. Otherwise the
    // page's messages wait while the store is asked.
    if (!page->mayHaveBroadcast(op.broadcastId)) {
        apply(connection, page, op);
        return;
    }
    struct Found
    {
        QByteArray event;
        QString error;
    };
    m_pipeline.hold(page);
    m_reads->request<Found>(
        [pageId = page->id(), broadcastId = op.broadcastId](Store &store) {
            Found found;
            found.event = store.findBroadcast(pageId, broadcastId, &found.error);
            return found;
        },
        this,
        [this, connection = QPointer<ClientConnection>(connection), page, op](Found found) {
            if (connection && connection->page() == page &&
                connection->state() == ClientConnection::State::Open) {
                if (!found.error.isEmpty()) {
                    qCCritical(lcServer) << "cannot look up" << op.broadcastId << found.error;
                    connection->sendError(ErrorCode::Internal, u"the change could not be checked"_s,
                                          op.broadcastId);
                } else if (!found.event.isEmpty()) {
                    connection->send(found.event);
                } else if (!m_shuttingDown) {
                    apply(connection, page, op);
                }
            }
            m_pipeline.unhold(page);
        });
}

template<typename Op>
void Hub::apply(ClientConnection *connection, Page *page, const Op &op)
{
    ProtocolError error;
    std::optional<Store::Write> write = page->apply(op, connection->user(), nowMs(), &error);
    if (!write) {
        connection->sendError(error, op.broadcastId);
        return;
    }
    m_pipeline.add(page, connection, std::move(*write), later(connection, page, op));
}

std::function<void()> Hub::later(ClientConnection *connection, Page *page,
                                 const ClientMessage &message)
{
    return [this, connection = QPointer<ClientConnection>(connection), page, message] {
        // Gone or closed while it waited.
        if (!connection || connection->page() != page ||
            connection->state() != ClientConnection::State::Open)
            return;
        if (const auto *hello = std::get_if<Hello>(&message))
            sendWelcome(connection, page, *hello);
        else
            handle(connection, message);
    };
}

bool Hub::defer(ClientConnection *connection, Page *page, const ClientMessage &message)
{
    const bool barrier =
        std::holds_alternative<Hello>(message) || std::holds_alternative<SyncRequest>(message);
    return m_pipeline.defer(page, connection, barrier, later(connection, page, message));
}

void Hub::storeMoved(const QList<std::pair<qint64, qint64>> &heads)
{
    for (const auto &[id, head] : heads) {
        Page *page = m_pages.find(id);
        if (page && head > page->head())
            m_pipeline.catchUp(page);
    }
}

void Hub::presenceMoved(const QList<qint64> &pageIds)
{
    if (m_cluster)
        m_cluster->readRemote(pageIds);
}

void Hub::storeReconnected()
{
    const QList<Page *> pages = m_pages.pages();
    for (Page *page : pages)
        m_pipeline.catchUp(page);
    if (m_cluster)
        m_cluster->refresh();
}

void Hub::onSettled(const QSet<Page *> &pages)
{
    for (Page *page : pages) {
        m_pipeline.release(page);
        unloadIfIdle(page);
    }
    if (m_shuttingDown && !m_closing && m_pipeline.isIdle())
        closeAll();
}

void Hub::resync(ClientConnection *connection, const QString &epoch, qint64 since)
{
    Page *page = connection->page();
    if (!page) {
        connection->sendError(ErrorCode::BadRequest, u"a lobby connection has no page to sync"_s);
        return;
    }
    // A catch-up on its way brings the client to the head already.
    connection->startCatchUp(std::make_unique<CatchUp>(*page, m_reads, epoch, since));
}

void Hub::leave(ClientConnection *connection)
{
    m_connections.removeOne(connection);
    m_connectionCount.store(int(m_connections.size()), std::memory_order_relaxed);
    connection->deleteLater();
    m_reclaimer.connectionsClosed();
    Page *page = connection->page();
    // A connection whose hello was still waiting when the server began to shut down holds no
    // place on its page, which the others may have unloaded meanwhile.
    if (page && m_pages.holds(page)) {
        connection->leavePage();
        presenceChanged(page, page->removeRecipient(connection, connection->user().id));
        unloadIfIdle(page);
    }
    if (m_shuttingDown && m_connections.isEmpty() && m_arriving.load() == 0)
        Q_EMIT drained();
}

void Hub::unloadIfIdle(Page *page)
{
    if (!page->recipients().isEmpty() || page->unstored() > 0 || m_pipeline.hasDeferred(page))
        return;
    m_presence.forget(page);
    m_pipeline.forget(page);
    if (m_cluster)
        m_cluster->forget(page);
    m_pages.unload(page);
}

void Hub::showDocument(const QString &tenant, const Document &document)
{
    Page *page = m_pages.find(tenant, document.page);
    if (!page)
        return;
    page->setDocument(document);
    const QByteArray frame = Codec::encode(DocumentUpdated{document});
    const QList<Recipient *> viewers = page->recipients();
    for (Recipient *r : viewers)
        r->send(frame);
}

void Hub::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_heartbeat.stop();
    m_pipeline.flush();
    if (m_pipeline.isIdle())
        closeAll();
}

void Hub::closeAll()
{
    m_closing = true;
    m_pipeline.clearDeferred();
    const QList<ClientConnection *> connections = m_connections;
    for (ClientConnection *c : connections)
        c->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    if (m_connections.isEmpty() && m_arriving.load() == 0)
        Q_EMIT drained();
}

} // namespace Glosa

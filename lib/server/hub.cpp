#include "hub.h"

#include "batcher.h"
#include "codec.h"
#include "connection.h"
#include "errorcode.h"
#include "logging.h"
#include "page.h"
#include "session.h"
#include "usagemetrics.h"

#include <QDateTime>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QString pageKey(const QString &tenant, const QString &page)
{
    return tenant + u'\n' + page;
}

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

Hub::Hub(const ServerConfig &config, Store *store, UsageMetrics *metrics, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
    , m_metrics(metrics)
    , m_authenticator(config.tenants)
    , m_batcher(new Batcher(config.batchMs, this))
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(0);
    connect(&m_commitTimer, &QTimer::timeout, this, &Hub::commit);

    m_heartbeat.setInterval(config.pingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        const QList<Session *> sessions = m_sessions;
        for (Session *s : sessions)
            s->heartbeat();
    });
    m_heartbeat.start();
}

Hub::~Hub()
{
    qDeleteAll(std::exchange(m_sessions, {}));
    qDeleteAll(m_pages);
}

void Hub::addConnection(Connection *connection)
{
    if (m_shuttingDown) {
        connection->close(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
        connection->deleteLater();
        return;
    }
    auto *session = new Session(connection, this, m_batcher, m_metrics, m_config);
    m_sessions.append(session);
    // Queued: a connection may drop in the middle of a broadcast or a presence round, and the
    // page it leaves must stay put until they are over.
    connect(session, &Session::closed, this, &Hub::leave, Qt::QueuedConnection);
}

void Hub::join(Session *session, const Hello &hello)
{
    const Authenticator::Result auth =
        m_authenticator.authenticate(hello, QDateTime::currentSecsSinceEpoch());
    if (!auth.error.isNull()) {
        session->sendError(auth.error);
        session->closeWith(auth.closeCode, auth.error.message);
        return;
    }
    if (!hello.page) {
        session->open(hello.tenant, auth.user, nullptr);
        Welcome welcome;
        welcome.connection = session->id();
        welcome.user = auth.user;
        welcome.hasPage = false;
        session->sendNow({Codec::encode(welcome)});
        return;
    }

    commit();
    QString error;
    Page *page = loadPage(hello.tenant, *hello.page, &error);
    if (!page) {
        session->sendError(ErrorCode::Internal, u"the page cannot be loaded"_s);
        session->closeWith(QWebSocketProtocol::CloseCodeAbnormalDisconnection, error);
        return;
    }
    session->open(hello.tenant, auth.user, page);
    const bool newViewer = page->addSession(session, auth.user);

    Welcome welcome;
    welcome.connection = session->id();
    welcome.user = auth.user;
    welcome.epoch = page->epoch();
    welcome.seq = page->head();
    welcome.viewers = page->viewers();
    welcome.users = page->users();
    welcome.document = page->document();
    welcome.recovered = hello.resume && hello.resume->epoch == page->epoch() &&
                        hello.resume->seq <= page->head() &&
                        page->head() - hello.resume->seq <= MaxReplay;
    QList<QByteArray> frames{Codec::encode(welcome)};
    if (welcome.recovered)
        frames += m_store->eventsAfter(page->id(), hello.resume->seq, int(MaxReplay));
    else
        frames.append(Codec::encode(Snapshot{page->epoch(), page->head(), page->chats()}));
    // The welcome leaves alone: a batch never carries it.
    session->sendNow({frames.takeFirst()});
    session->sendNow(frames);
    if (newViewer)
        presenceChanged(page, session);
}

void Hub::handle(Session *session, const ClientMessage &message)
{
    std::visit(Overloaded{
                   [&](const Hello &) {
                       session->sendError(ErrorCode::BadRequest, u"hello was already sent"_s);
                   },
                   [&](const SyncRequest &r) { resync(session, r.epoch, r.since); },
                   [&](const NewChatOp &op) { operate(session, op); },
                   [&](const UpdateChatOp &op) { operate(session, op); },
                   [&](const DeleteChatOp &op) { operate(session, op); },
                   [&](const PublishDocumentOp &op) { publish(session, op); },
                   [&](const ListDocumentsRequest &r) {
                       session->send(Codec::encode(
                           DocumentList{r.requestId, m_store->documents(session->tenant())}));
                   },
               },
               message);
}

template<typename Op>
void Hub::operate(Session *session, const Op &op)
{
    Page *page = session->page();
    if (!page) {
        session->sendError(ErrorCode::BadRequest,
                           u"a lobby connection has no page: open a page to change its chats"_s,
                           op.broadcastId);
        return;
    }
    // A retry: the original event goes to the sender again, or is on its way to every viewer.
    if (page->pendingBroadcasts().contains(op.broadcastId))
        return;
    if (const std::optional<qint64> seq = m_store->findBroadcast(page->id(), op.broadcastId)) {
        session->send(m_store->event(page->id(), *seq));
        return;
    }
    if (!session->user().canWrite()) {
        session->sendError(ErrorCode::Forbidden, u"viewers cannot change chats"_s, op.broadcastId);
        return;
    }
    ProtocolError error;
    std::optional<Page::Applied> applied = page->apply(op, session->user(), nowMs(), &error);
    if (!applied) {
        session->sendError(error, op.broadcastId);
        return;
    }
    m_pending.append({page, session, std::move(applied->write)});
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void Hub::commit()
{
    m_commitTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<PendingWrite> pending = std::exchange(m_pending, {});
    QList<Store::Write> writes;
    writes.reserve(pending.size());
    for (const PendingWrite &p : pending)
        writes.append(p.write);

    QString error;
    const bool ok = m_store->commit(writes, &error);
    QSet<Page *> pages;
    for (const PendingWrite &p : pending) {
        pages.insert(p.page);
        if (ok) {
            const QList<Session *> viewers = p.page->sessions();
            for (Session *s : viewers)
                s->send(p.write.event);
        } else if (p.sender) {
            p.sender->sendError(ErrorCode::Internal, u"the change could not be stored"_s,
                                p.write.broadcastId);
        }
    }
    for (Page *page : std::as_const(pages)) {
        page->pendingBroadcasts().clear();
        if (!ok) {
            qCCritical(lcStore) << "commit failed:" << error;
            QString loadError;
            if (std::optional<Store::PageState> state =
                    m_store->loadPage(page->tenant(), page->name(), &loadError))
                page->reset(std::move(*state));
        }
        unloadIfIdle(page);
    }
}

void Hub::resync(Session *session, const QString &epoch, qint64 since)
{
    Page *page = session->page();
    if (!page) {
        session->sendError(ErrorCode::BadRequest, u"a lobby connection has no page to sync"_s);
        return;
    }
    commit();
    if (epoch == page->epoch() && since <= page->head() && page->head() - since <= MaxReplay)
        session->sendNow(m_store->eventsAfter(page->id(), since, int(MaxReplay)));
    else
        session->sendNow({Codec::encode(Snapshot{page->epoch(), page->head(), page->chats()})});
}

void Hub::publish(Session *session, const PublishDocumentOp &op)
{
    if (!session->user().canWrite()) {
        session->sendError(ErrorCode::Forbidden, u"viewers cannot publish documents"_s,
                           op.broadcastId);
        return;
    }
    Document doc = op.document;
    doc.sha256 = Document::sha256Of(doc.content);
    if (doc.page.isEmpty())
        doc.page = u"doc/"_s + doc.sha256;
    const std::optional<Document> existing = m_store->document(session->tenant(), doc.page);
    if (existing && existing->title == doc.title && existing->format == doc.format &&
        existing->content == doc.content) {
        doc = *existing;
    } else {
        if (existing && !session->user().isModerator()) {
            session->sendError(
                ErrorCode::Forbidden,
                u"only a moderator may replace the document of page %1"_s.arg(doc.page),
                op.broadcastId);
            return;
        }
        doc.updatedAt = nowMs();
        QString error;
        if (!m_store->saveDocument(session->tenant(), doc, &error)) {
            qCCritical(lcStore) << "cannot save document:" << error;
            session->sendError(ErrorCode::Internal, u"the document could not be stored"_s,
                               op.broadcastId);
            return;
        }
        if (Page *page = m_pages.value(pageKey(session->tenant(), doc.page)))
            page->setDocument(doc);
    }
    doc.content.clear();
    session->send(Codec::encode(DocumentPublished{op.broadcastId, doc}));
}

void Hub::leave(Session *session)
{
    m_sessions.removeOne(session);
    session->deleteLater();
    if (Page *page = session->page()) {
        session->leavePage();
        if (page->removeSession(session, session->user().id))
            presenceChanged(page, nullptr);
        unloadIfIdle(page);
    }
    if (m_shuttingDown && m_sessions.isEmpty())
        Q_EMIT drained();
}

void Hub::presenceChanged(Page *page, Session *except)
{
    const QByteArray frame = Codec::encode(Presence{page->viewers(), page->users()});
    const QList<Session *> sessions = page->sessions();
    for (Session *s : sessions) {
        if (s != except)
            s->send(frame, true);
    }
}

Page *Hub::loadPage(const QString &tenant, const QString &name, QString *error)
{
    const QString key = pageKey(tenant, name);
    if (Page *page = m_pages.value(key))
        return page;
    std::optional<Store::PageState> state = m_store->loadPage(tenant, name, error);
    if (!state)
        return nullptr;
    auto *page = new Page(tenant, name, std::move(*state), m_store->document(tenant, name));
    m_pages.insert(key, page);
    return page;
}

void Hub::unloadIfIdle(Page *page)
{
    if (!page->sessions().isEmpty() || !page->pendingBroadcasts().isEmpty())
        return;
    m_pages.remove(pageKey(page->tenant(), page->name()));
    delete page;
}

void Hub::shutdown()
{
    m_shuttingDown = true;
    commit();
    m_heartbeat.stop();
    const QList<Session *> sessions = m_sessions;
    for (Session *s : sessions)
        s->closeWith(QWebSocketProtocol::CloseCodeGoingAway, u"server shutting down"_s);
    if (m_sessions.isEmpty())
        Q_EMIT drained();
}

} // namespace Glosa

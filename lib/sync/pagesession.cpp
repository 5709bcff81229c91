#include "pagesession.h"

#include "chatreducer.h"
#include "mentions.h"
#include "validation.h"

#include <QDateTime>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// A page kept on disk is named by its outbox, which outlives a server that moves to another
// port; otherwise by where it is: the server's URLs, tenant and page.
QString sessionKey(const SyncClient::Options &o)
{
    if (!o.outboxPath.isEmpty())
        return o.outboxPath;
    QStringList parts;
    for (const QUrl &url : o.urls)
        parts.append(url.toString());
    parts << o.tenant << o.page;
    return parts.join(u'\n');
}

QMap<QString, std::weak_ptr<PageSession>> &registry()
{
    static QMap<QString, std::weak_ptr<PageSession>> sessions;
    return sessions;
}

PageSession::RefusedText refusedTextOf(const ClientMessage &op)
{
    using Kind = PageSession::RefusedText::Kind;
    PageSession::RefusedText refused;
    if (const auto *create = std::get_if<NewChatOp>(&op)) {
        refused = {Kind::NewChat, create->commentId, create->anchor, create->text};
    } else if (const auto *update = std::get_if<UpdateChatOp>(&op)) {
        const Change &c = update->change;
        if (c.op == Change::Op::AddComment)
            refused = {Kind::Reply, c.comment.id, {}, c.comment.text};
        else if (c.op == Change::Op::EditComment)
            refused = {Kind::Edit, c.commentId, {}, c.text};
    }
    return refused;
}

} // namespace

PageSession::PageSession(const SyncClient::Options &options, QObject *parent)
    : QObject(parent)
    , m_client(new SyncClient(options, this))
    , m_cache(options.cachePath)
    , m_marks(options.readMarksPath)
    , m_firstVisit(!m_marks.existed())
    , m_unreadUser(m_client->user().id)
{
    m_marks.setPageIds([this] { return pageIds(); });
    // What was seen last time shows at once, and the first hello resumes from it.
    if (const std::optional<PageCache::State> cached = m_cache.load()) {
        for (const Chat &chat : cached->snapshot.chats) {
            m_confirmed.insert(chat.id, chat);
            m_visible.insert(chat.id, chat);
        }
        m_client->restore(cached->snapshot.epoch, cached->snapshot.seq, cached->document);
        markFirstVisitSeen();
    }
    recountUnread();
    m_shownUnread = m_unreadTotal;
    m_cacheTimer.setSingleShot(true);
    m_cacheTimer.setInterval(CacheDelayMs);
    connect(&m_cacheTimer, &QTimer::timeout, this, &PageSession::saveCache);
    connect(m_client, &SyncClient::welcomed, &m_cacheTimer, qOverload<>(&QTimer::start));
    connect(m_client, &SyncClient::snapshotReceived, this, &PageSession::onSnapshot);
    connect(m_client, &SyncClient::eventReceived, this, &PageSession::onEvent);
    connect(m_client, &SyncClient::operationAcknowledged, this, &PageSession::onSettled);
    connect(m_client, &SyncClient::operationRejected, this, &PageSession::onRejected);
    connect(m_client, &SyncClient::viewersChanged, this, &PageSession::viewersChanged);
    // Whose comments are the user's own is known for sure once welcomed.
    connect(m_client, &SyncClient::welcomed, this, [this] {
        if (m_client->user().id == m_unreadUser)
            return;
        m_unreadUser = m_client->user().id;
        recountUnread();
        Q_EMIT readChanged({});
        emitUnreadCount();
    });

    // Operations kept from an earlier run are still the user's, and still pending.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const ClientMessage &op : m_client->pendingOperations()) {
        m_pending.append({op, now});
        refresh(ChatReducer::chatIdOf(op));
    }
}

PageSession::~PageSession()
{
    flush();
}

void PageSession::flush()
{
    if (m_cacheTimer.isActive())
        saveCache();
    m_marks.save();
}

void PageSession::saveCache()
{
    m_cacheTimer.stop();
    if (m_client->epoch().isEmpty())
        return;
    PageCache::State state;
    state.snapshot.epoch = m_client->epoch();
    state.snapshot.seq = m_client->seq();
    state.snapshot.chats = m_confirmed.values();
    std::sort(state.snapshot.chats.begin(), state.snapshot.chats.end(),
              [](const Chat &a, const Chat &b) {
                  return std::tie(a.anchor.start, a.createdAt, a.id) <
                         std::tie(b.anchor.start, b.createdAt, b.id);
              });
    state.document = m_client->document();
    m_cache.save(state);
}

std::shared_ptr<PageSession> PageSession::open(const SyncClient::Options &options)
{
    const QString key = sessionKey(options);
    if (std::shared_ptr<PageSession> existing = registry().value(key).lock())
        return existing;
    std::shared_ptr<PageSession> session(new PageSession(options), [key](PageSession *s) {
        if (registry().value(key).expired())
            registry().remove(key);
        // A session opened on the page before this one is deleted finds what it kept.
        s->flush();
        s->deleteLater();
    });
    registry().insert(key, session);
    session->client()->start();
    return session;
}

const Chat *PageSession::chat(const QString &id) const
{
    const auto it = m_visible.constFind(id);
    return it == m_visible.constEnd() ? nullptr : &*it;
}

bool PageSession::isPending(const QString &chatId) const
{
    return pendingCount(chatId) > 0;
}

int PageSession::pendingCount(const QString &chatId) const
{
    return int(std::count_if(m_pending.cbegin(), m_pending.cend(), [&](const Pending &p) {
        return ChatReducer::chatIdOf(p.op) == chatId;
    }));
}

bool PageSession::isCommentPending(const QString &chatId, const QString &commentId) const
{
    for (const Pending &p : m_pending) {
        const ClientMessage &op = p.op;
        if (ChatReducer::chatIdOf(op) != chatId)
            continue;
        if (const auto *create = std::get_if<NewChatOp>(&op);
            create && create->commentId == commentId)
            return true;
        if (const auto *update = std::get_if<UpdateChatOp>(&op)) {
            const Change &c = update->change;
            if (c.commentId == commentId || c.comment.id == commentId)
                return true;
        }
    }
    return false;
}

QList<Author> PageSession::people() const
{
    QList<Author> people = m_client->viewerList();
    QSet<QString> known;
    for (const Author &viewer : people)
        known.insert(viewer.id);
    const auto add = [&](const Author &author) {
        if (!author.id.isEmpty() && !known.contains(author.id)) {
            known.insert(author.id);
            people.append(author);
        }
    };
    for (const Chat &chat : m_visible) {
        for (const Comment &comment : chat.comments) {
            add(comment.author);
            for (const Author &mentioned : comment.mentions)
                add(mentioned);
        }
    }
    return people;
}

Author PageSession::me() const
{
    return {m_client->user().id, m_client->user().name};
}

QString PageSession::startChat(const Anchor &anchor, const QString &text)
{
    const QString chatId = Validation::newUuid();
    submit(NewChatOp{Validation::newUuid(), chatId, anchor, Validation::newUuid(), text,
                     Mentions::in(text, people())});
    return chatId;
}

QString PageSession::reply(const QString &chatId, const QString &text)
{
    Change change;
    change.op = Change::Op::AddComment;
    change.comment.id = Validation::newUuid();
    change.comment.text = text;
    change.comment.mentions = Mentions::in(text, people());
    submit(UpdateChatOp{Validation::newUuid(), chatId, change});
    // Who replies has read the thread.
    markRead(chatId);
    return change.comment.id;
}

void PageSession::editComment(const QString &chatId, const QString &commentId, const QString &text)
{
    Change change;
    change.op = Change::Op::EditComment;
    change.commentId = commentId;
    change.text = text;
    change.mentions = Mentions::in(text, people());
    submit(UpdateChatOp{Validation::newUuid(), chatId, change});
}

void PageSession::deleteComment(const QString &chatId, const QString &commentId)
{
    Change change;
    change.op = Change::Op::DeleteComment;
    change.commentId = commentId;
    submit(UpdateChatOp{Validation::newUuid(), chatId, change});
}

void PageSession::setResolved(const QString &chatId, bool resolved)
{
    Change change;
    change.op = Change::Op::Resolve;
    change.resolved = resolved;
    submit(UpdateChatOp{Validation::newUuid(), chatId, change});
}

void PageSession::deleteChat(const QString &chatId)
{
    submit(DeleteChatOp{Validation::newUuid(), chatId});
}

bool PageSession::canWrite() const
{
    return m_client->user().canWrite();
}

QString PageSession::readOnlyReason()
{
    return tr("You can read this page but not change it: your role is viewer.");
}

bool PageSession::canDeleteChat(const QString &chatId) const
{
    const Chat *c = chat(chatId);
    return c && canWrite() && (m_client->user().isModerator() || c->author.id == me().id);
}

bool PageSession::canChangeComment(const QString &chatId, const QString &commentId) const
{
    const Chat *c = chat(chatId);
    if (!c || !canWrite())
        return false;
    const auto comment = std::find_if(c->comments.cbegin(), c->comments.cend(),
                                      [&](const Comment &x) { return x.id == commentId; });
    return comment != c->comments.cend() &&
           (m_client->user().isModerator() || comment->author.id == me().id);
}

QString PageSession::refusal(const ClientMessage &op) const
{
    // Before the first welcome the user may be unknown: the server decides then.
    if (m_client->user().id.isEmpty())
        return {};
    if (!canWrite())
        return readOnlyReason();
    if (std::holds_alternative<DeleteChatOp>(op) && !canDeleteChat(ChatReducer::chatIdOf(op)))
        return tr("Only the one who started this thread or a moderator may delete it.");
    if (const auto *update = std::get_if<UpdateChatOp>(&op)) {
        const Change::Op kind = update->change.op;
        if ((kind == Change::Op::EditComment || kind == Change::Op::DeleteComment) &&
            !canChangeComment(update->chatId, update->change.commentId))
            return tr("Only its author or a moderator may change this comment.");
    }
    return {};
}

void PageSession::submit(const ClientMessage &op)
{
    if (const QString why = refusal(op); !why.isEmpty()) {
        Q_EMIT changeRejected(ChatReducer::chatIdOf(op), why, refusedTextOf(op));
        return;
    }
    // The user has seen what they write.
    if (const auto *create = std::get_if<NewChatOp>(&op))
        m_marks.markSeen(create->commentId);
    else if (const auto *update = std::get_if<UpdateChatOp>(&op);
             update && update->change.op == Change::Op::AddComment)
        m_marks.markSeen(update->change.comment.id);
    m_pending.append({op, QDateTime::currentMSecsSinceEpoch()});
    refresh(ChatReducer::chatIdOf(op));
    m_client->submit(op);
}

std::optional<Chat> PageSession::visibleChat(const QString &chatId) const
{
    std::optional<Chat> chat;
    if (const auto it = m_confirmed.constFind(chatId); it != m_confirmed.constEnd())
        chat = *it;
    for (const Pending &p : m_pending) {
        if (ChatReducer::chatIdOf(p.op) == chatId)
            chat = ChatReducer::applyOperation(std::move(chat), p.op, me(), p.madeAt);
    }
    return chat;
}

void PageSession::refresh(const QString &chatId)
{
    const std::optional<Chat> now = visibleChat(chatId);
    const auto it = m_visible.find(chatId);
    if (!now) {
        m_shownPending.remove(chatId);
        if (it != m_visible.end()) {
            m_visible.erase(it);
            recountUnread(chatId);
            Q_EMIT chatRemoved(chatId);
            emitUnreadCount();
        }
        return;
    }
    const int pending = pendingCount(chatId);
    const bool pendingChanged = m_shownPending.value(chatId) != pending;
    m_shownPending.insert(chatId, pending);
    if (it == m_visible.end()) {
        m_visible.insert(chatId, *now);
        recountUnread(chatId);
        Q_EMIT chatAdded(chatId);
    } else if (!(*it == *now) || pendingChanged) {
        *it = *now;
        recountUnread(chatId);
        Q_EMIT chatChanged(chatId);
    }
    emitUnreadCount();
}

void PageSession::onSnapshot(const Snapshot &snapshot)
{
    m_confirmed.clear();
    for (const Chat &chat : snapshot.chats)
        m_confirmed.insert(chat.id, chat);
    m_visible.clear();
    m_shownPending.clear();
    QSet<QString> ids(m_confirmed.keyBegin(), m_confirmed.keyEnd());
    for (const Pending &p : std::as_const(m_pending))
        ids.insert(ChatReducer::chatIdOf(p.op));
    for (const QString &id : std::as_const(ids)) {
        if (std::optional<Chat> chat = visibleChat(id)) {
            m_visible.insert(id, *chat);
            m_shownPending.insert(id, pendingCount(id));
        }
    }
    markFirstVisitSeen();
    recountUnread();
    Q_EMIT chatsReset();
    emitUnreadCount();
    m_cacheTimer.start();
}

void PageSession::onEvent(const ServerMessage &event)
{
    const QString chatId = ChatReducer::chatIdOf(event);
    std::optional<Chat> chat;
    if (const auto it = m_confirmed.constFind(chatId); it != m_confirmed.constEnd())
        chat = *it;
    chat = ChatReducer::applyEvent(std::move(chat), event);
    if (chat)
        m_confirmed.insert(chatId, *chat);
    else
        m_confirmed.remove(chatId);
    // The echo of one of the user's own operations confirms it: it is not applied twice.
    const QString broadcastId = ChatReducer::broadcastIdOf(event);
    m_pending.removeIf(
        [&](const Pending &p) { return ChatReducer::broadcastIdOf(p.op) == broadcastId; });
    refresh(chatId);
    if (!m_cacheTimer.isActive())
        m_cacheTimer.start();
}

void PageSession::onSettled(const QString &broadcastId)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (ChatReducer::broadcastIdOf(m_pending.at(i).op) == broadcastId) {
            const QString chatId = ChatReducer::chatIdOf(m_pending.takeAt(i).op);
            refresh(chatId);
            return;
        }
    }
}

void PageSession::onRejected(const QString &broadcastId, const QString &reason)
{
    for (const Pending &p : std::as_const(m_pending)) {
        if (ChatReducer::broadcastIdOf(p.op) == broadcastId) {
            const QString chatId = ChatReducer::chatIdOf(p.op);
            const RefusedText refused = refusedTextOf(p.op);
            onSettled(broadcastId);
            Q_EMIT changeRejected(chatId, reason, refused);
            return;
        }
    }
}

bool PageSession::isUnreadComment(const Comment &comment) const
{
    return !comment.deleted && comment.author.id != m_client->user().id &&
           !m_marks.isSeen(comment.id);
}

int PageSession::countUnread(const Chat &chat) const
{
    return int(std::count_if(chat.comments.cbegin(), chat.comments.cend(),
                             [this](const Comment &c) { return isUnreadComment(c); }));
}

bool PageSession::isUnread(const QString &chatId, const QString &commentId) const
{
    const Chat *c = chat(chatId);
    if (!c || c->comments.isEmpty())
        return false;
    if (commentId.isEmpty())
        return isUnreadComment(c->comments.first());
    const auto comment = std::find_if(c->comments.cbegin(), c->comments.cend(),
                                      [&](const Comment &x) { return x.id == commentId; });
    return comment != c->comments.cend() && isUnreadComment(*comment);
}

int PageSession::unreadCount(const QString &chatId) const
{
    return m_unread.value(chatId);
}

void PageSession::markRead(const QString &chatId)
{
    const Chat *c = chat(chatId);
    if (!c)
        return;
    for (const Comment &comment : c->comments)
        m_marks.markSeen(comment.id);
    if (!m_unread.contains(chatId))
        return;
    recountUnread(chatId);
    Q_EMIT readChanged(chatId);
    emitUnreadCount();
}

void PageSession::markAllRead()
{
    const QStringList chats = m_unread.keys();
    for (const QString &chatId : chats) {
        for (const Comment &comment : m_visible.value(chatId).comments)
            m_marks.markSeen(comment.id);
        recountUnread(chatId);
    }
    for (const QString &chatId : chats)
        Q_EMIT readChanged(chatId);
    emitUnreadCount();
}

void PageSession::recountUnread(const QString &chatId)
{
    const Chat *c = chat(chatId);
    const int count = c ? countUnread(*c) : 0;
    m_unreadTotal += count - m_unread.value(chatId);
    if (count > 0)
        m_unread.insert(chatId, count);
    else
        m_unread.remove(chatId);
}

void PageSession::recountUnread()
{
    m_unread.clear();
    m_unreadTotal = 0;
    for (const Chat &chat : std::as_const(m_visible)) {
        if (const int count = countUnread(chat); count > 0) {
            m_unread.insert(chat.id, count);
            m_unreadTotal += count;
        }
    }
}

void PageSession::emitUnreadCount()
{
    if (m_unreadTotal == m_shownUnread)
        return;
    m_shownUnread = m_unreadTotal;
    Q_EMIT unreadCountChanged(m_unreadTotal);
}

void PageSession::markFirstVisitSeen()
{
    if (!m_firstVisit)
        return;
    m_firstVisit = false;
    for (const Chat &chat : std::as_const(m_visible)) {
        for (const Comment &comment : chat.comments)
            m_marks.markSeen(comment.id);
    }
    m_marks.keep();
}

std::optional<QSet<QString>> PageSession::pageIds() const
{
    // Only the live page says for sure what is gone from it.
    if (m_client->state() != SyncClient::State::Live)
        return std::nullopt;
    QSet<QString> ids;
    for (const QHash<QString, Chat> *chats : {&m_confirmed, &m_visible}) {
        for (const Chat &chat : *chats) {
            for (const Comment &comment : chat.comments)
                ids.insert(comment.id);
        }
    }
    return ids;
}

} // namespace Glosa

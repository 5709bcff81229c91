#include "page.h"

#include "codec.h"
#include "errorcode.h"
#include "protocollimits.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

ProtocolError usedId(const QString &id)
{
    return {ErrorCode::Conflict, u"the id %1 is already used on this page"_s.arg(id)};
}

ProtocolError viewerRole()
{
    return {ErrorCode::Forbidden, u"viewers cannot change chats"_s};
}

ProtocolError unknownChat(const QString &id)
{
    return {ErrorCode::NotFound, u"no chat %1 on this page"_s.arg(id)};
}

qsizetype utf8Bytes(QStringView text)
{
    qsizetype bytes = 0;
    for (const QChar c : text)
        bytes += c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 || c.isSurrogate() ? 2 : 3;
    return bytes;
}

} // namespace

Page::Page(QString tenant, QString name, PageLimits limits, Store::PageState state,
           std::optional<Document> document)
    : m_tenant(std::move(tenant))
    , m_name(std::move(name))
    , m_limits(limits)
    , m_document(std::move(document))
{
    reset(std::move(state));
    m_delivered = m_record.head;
}

void Page::loseUnstored()
{
    m_pending.clear();
    ++m_generation;
}

void Page::reset(Store::PageState state)
{
    m_record = state.record;
    m_bytes = state.bytes;
    m_usedIds = std::move(state.usedIds);
    m_chats.clear();
    for (Chat &chat : state.chats)
        m_chats.insert(chat.id, std::move(chat));
    m_broadcasts.clear();
    m_broadcasts.reserve(state.broadcastIds.size());
    for (const QString &id : std::as_const(state.broadcastIds))
        m_broadcasts.insert(qHash(id));
}

bool Page::follow(const QByteArray &event)
{
    ProtocolError error;
    const std::optional<QList<ServerMessage>> messages = Codec::decodeServer(event, &error);
    if (!messages || messages->size() != 1)
        return false;
    const ServerMessage &message = messages->first();
    QString broadcastId;
    if (const auto *created = std::get_if<NewChatEvent>(&message)) {
        if (created->seq != m_record.head + 1)
            return false;
        m_chats.insert(created->chat.id, created->chat);
        m_usedIds.insert(created->chat.id);
        for (const Comment &comment : created->chat.comments)
            m_usedIds.insert(comment.id);
        broadcastId = created->broadcastId;
    } else if (const auto *updated = std::get_if<UpdatedChatEvent>(&message)) {
        const auto it = m_chats.find(updated->chatId);
        if (updated->seq != m_record.head + 1 || it == m_chats.end())
            return false;
        const Change &change = updated->change;
        if (change.op == Change::Op::AddComment) {
            it->comments.append(change.comment);
            m_usedIds.insert(change.comment.id);
        } else if (change.op == Change::Op::Resolve) {
            it->resolve(change.resolved, change.resolvedBy, updated->updatedAt);
        } else if (Comment *comment = it->findComment(change.commentId)) {
            // A deleted comment's event carries only its id: it keeps its author and times.
            if (change.op == Change::Op::EditComment) {
                comment->text = change.text;
                comment->editedAt = change.comment.editedAt;
                comment->mentions = change.comment.mentions;
            } else {
                comment->text.clear();
                comment->deleted = true;
            }
        } else {
            return false;
        }
        it->updatedAt = updated->updatedAt;
        broadcastId = updated->broadcastId;
    } else if (const auto *deleted = std::get_if<DeletedChatEvent>(&message)) {
        if (deleted->seq != m_record.head + 1 || !m_chats.remove(deleted->chatId))
            return false;
        broadcastId = deleted->broadcastId;
    } else {
        return false;
    }
    ++m_record.head;
    m_bytes += event.size();
    m_broadcasts.insert(qHash(broadcastId));
    return true;
}

QList<Chat> Page::chats() const
{
    QList<Chat> list = m_chats.values();
    std::sort(list.begin(), list.end(), [](const Chat &a, const Chat &b) {
        return std::tie(a.anchor.start, a.createdAt, a.id) <
               std::tie(b.anchor.start, b.createdAt, b.id);
    });
    return list;
}

bool Page::hasRoomFor(qsizetype textBytes, ProtocolError *error) const
{
    if (m_bytes + textBytes <= m_limits.bytes)
        return true;
    *error = {ErrorCode::TooLarge,
              u"the page holds %1 MiB of comments, and may hold at most %2 MiB"_s
                  .arg(double(m_bytes) / (1024 * 1024), 0, 'f', 1)
                  .arg(double(m_limits.bytes) / (1024 * 1024), 0, 'f', 1)};
    return false;
}

Store::Write Page::finish(const QString &broadcastId, const Chat &chat, bool deleted,
                          const ServerMessage &event, const QString &commentId)
{
    Chat header = chat;
    header.comments.clear();
    Store::Write write{m_record.id, m_record.head,
                       broadcastId, Codec::encode(event),
                       chat.id,     Codec::encode(header),
                       deleted,     {},
                       0,           {}};
    for (qsizetype i = 0; i < chat.comments.size() && !commentId.isEmpty(); ++i) {
        if (chat.comments.at(i).id == commentId) {
            write.commentId = commentId;
            write.commentPosition = int(i);
            write.commentJson = Codec::encode(chat.comments.at(i));
            break;
        }
    }
    m_pending.insert(broadcastId);
    m_broadcasts.insert(qHash(broadcastId));
    m_bytes += write.event.size();
    return write;
}

std::optional<Store::Write> Page::apply(const NewChatOp &op, const User &user, qint64 now,
                                        ProtocolError *error)
{
    if (!user.canWrite())
        *error = viewerRole();
    else if (m_usedIds.contains(op.chatId))
        *error = usedId(op.chatId);
    else if (m_usedIds.contains(op.commentId) || op.commentId == op.chatId)
        *error = usedId(op.commentId);
    else if (m_chats.size() >= m_limits.chats)
        *error = {ErrorCode::TooLarge,
                  u"the page holds %1 chats, the most it may hold"_s.arg(m_chats.size())};
    else
        hasRoomFor(utf8Bytes(op.text) + utf8Bytes(op.anchor.exact), error);
    if (!error->isNull())
        return std::nullopt;

    const Author author{user.id, user.name};
    Chat chat{op.chatId, op.anchor, author, now, now, false, {}};
    chat.comments.append(
        Comment{op.commentId, author, op.text, now, std::nullopt, false, op.mentions});
    m_usedIds.insert(op.chatId);
    m_usedIds.insert(op.commentId);
    m_chats.insert(chat.id, chat);
    return finish(op.broadcastId, chat, false, NewChatEvent{++m_record.head, op.broadcastId, chat},
                  op.commentId);
}

std::optional<Store::Write> Page::apply(const UpdateChatOp &op, const User &user, qint64 now,
                                        ProtocolError *error)
{
    if (!user.canWrite()) {
        *error = viewerRole();
        return std::nullopt;
    }
    const auto it = m_chats.find(op.chatId);
    if (it == m_chats.end()) {
        *error = unknownChat(op.chatId);
        return std::nullopt;
    }
    Chat &chat = *it;
    Change change = op.change;
    if (change.op == Change::Op::AddComment) {
        if (m_usedIds.contains(change.comment.id))
            *error = usedId(change.comment.id);
        else if (chat.comments.size() >= m_limits.commentsPerChat)
            *error = {
                ErrorCode::TooLarge,
                u"the chat holds %1 comments, the most it may hold"_s.arg(chat.comments.size())};
        else
            hasRoomFor(utf8Bytes(change.comment.text), error);
        if (!error->isNull())
            return std::nullopt;
        change.comment = {change.comment.id,      {user.id, user.name},
                          change.comment.text,    now,
                          std::nullopt,           false,
                          change.comment.mentions};
        m_usedIds.insert(change.comment.id);
        chat.comments.append(change.comment);
    } else if (change.op == Change::Op::Resolve) {
        change.resolvedBy = change.resolved ? Author{user.id, user.name} : Author{};
        chat.resolve(change.resolved, change.resolvedBy, now);
    } else {
        Comment *comment = chat.findComment(change.commentId);
        if (!comment)
            *error = {ErrorCode::NotFound, u"no comment %1 in this chat"_s.arg(change.commentId)};
        else if (comment->deleted)
            *error = {ErrorCode::Conflict, u"the comment has already been deleted"_s};
        else if (comment->author.id != user.id && !user.isModerator())
            *error = {ErrorCode::Forbidden,
                      u"only its author or a moderator may change a comment"_s};
        else if (change.op == Change::Op::EditComment)
            hasRoomFor(utf8Bytes(change.text), error);
        if (!error->isNull())
            return std::nullopt;
        if (change.op == Change::Op::EditComment) {
            comment->text = change.text;
            comment->editedAt = now;
            comment->mentions = change.mentions;
        } else {
            comment->text.clear();
            comment->deleted = true;
        }
        change.comment = *comment;
    }
    chat.updatedAt = now;
    return finish(op.broadcastId, chat, false,
                  UpdatedChatEvent{++m_record.head, op.broadcastId, op.chatId, now, change},
                  change.op == Change::Op::AddComment ? change.comment.id : change.commentId);
}

std::optional<Store::Write> Page::apply(const DeleteChatOp &op, const User &user, qint64,
                                        ProtocolError *error)
{
    if (!user.canWrite()) {
        *error = viewerRole();
        return std::nullopt;
    }
    const auto it = m_chats.find(op.chatId);
    if (it == m_chats.end()) {
        *error = unknownChat(op.chatId);
        return std::nullopt;
    }
    if (it->author.id != user.id && !user.isModerator()) {
        *error = {ErrorCode::Forbidden, u"only its creator or a moderator may delete a chat"_s};
        return std::nullopt;
    }
    const Chat chat = *it;
    m_chats.erase(it);
    return finish(op.broadcastId, chat, true,
                  DeletedChatEvent{++m_record.head, op.broadcastId, op.chatId});
}

bool Page::addRecipient(Recipient *recipient, const User &user)
{
    m_recipients.append(recipient);
    if (!m_users.contains(user.id) && m_remote.contains(user.id))
        --m_remoteOnly;
    Viewer &viewer = m_users[user.id];
    const bool renamed = viewer.connections > 0 && viewer.name != user.name;
    if (viewer.connections == 0 || renamed) {
        m_byName.erase({viewer.name, user.id});
        viewer.name = user.name;
        m_byName.insert({viewer.name, user.id});
    }
    if (++viewer.connections > 1 && !renamed)
        return false;
    ++m_presenceVersion;
    return true;
}

QList<Author> Page::users() const
{
    QList<Author> users;
    if (m_remoteOnly > 0) {
        // Rare and small beside the local users: merged by name as they are asked for.
        std::set<std::pair<QString, QString>> byName = m_byName;
        for (auto it = m_remote.cbegin(); it != m_remote.cend(); ++it) {
            if (!m_users.contains(it.key()))
                byName.insert({it.value(), it.key()});
        }
        for (auto it = byName.cbegin();
             it != byName.cend() && users.size() < Limits::PresenceUsersMax; ++it)
            users.append({it->second, it->first});
        return users;
    }
    users.reserve(qMin<qsizetype>(qsizetype(m_byName.size()), Limits::PresenceUsersMax));
    for (auto it = m_byName.cbegin();
         it != m_byName.cend() && users.size() < Limits::PresenceUsersMax; ++it)
        users.append({it->second, it->first});
    return users;
}

QList<Author> Page::localUsers() const
{
    QList<Author> users;
    users.reserve(m_users.size());
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it)
        users.append({it.key(), it->name});
    return users;
}

bool Page::setRemoteUsers(const QList<Author> &users)
{
    QHash<QString, QString> remote;
    remote.reserve(users.size());
    int remoteOnly = 0;
    for (const Author &user : users) {
        if (!remote.contains(user.id) && !m_users.contains(user.id))
            ++remoteOnly;
        remote.insert(user.id, user.name);
    }
    // Who is viewing changes when a user only elsewhere came, left or took another name.
    bool changed = remoteOnly != m_remoteOnly;
    for (auto it = remote.cbegin(); !changed && it != remote.cend(); ++it) {
        if (!m_users.contains(it.key()))
            changed = m_remote.value(it.key()) != it.value();
    }
    m_remote = std::move(remote);
    m_remoteOnly = remoteOnly;
    if (changed)
        ++m_presenceVersion;
    return changed;
}

bool Page::removeRecipient(Recipient *recipient, const QString &userId)
{
    if (!m_recipients.removeOne(recipient))
        return false;
    auto it = m_users.find(userId);
    if (it == m_users.end() || --it->connections > 0)
        return false;
    m_byName.erase({it->name, userId});
    m_users.erase(it);
    // Still viewing on another node: the count stays.
    if (m_remote.contains(userId)) {
        ++m_remoteOnly;
        return false;
    }
    ++m_presenceVersion;
    return true;
}

} // namespace Glosa

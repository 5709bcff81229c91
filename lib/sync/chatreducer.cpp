#include "chatreducer.h"

namespace Glosa {

namespace {

void putComment(Chat &chat, const Comment &comment)
{
    if (Comment *existing = chat.findComment(comment.id))
        *existing = comment;
    else
        chat.comments.append(comment);
}

} // namespace

std::optional<Chat> ChatReducer::applyEvent(std::optional<Chat> chat, const ServerMessage &event)
{
    if (const auto *created = std::get_if<NewChatEvent>(&event))
        return created->chat;
    if (std::holds_alternative<DeletedChatEvent>(event))
        return std::nullopt;
    const auto *updated = std::get_if<UpdatedChatEvent>(&event);
    if (!updated || !chat)
        return chat;
    const Change &change = updated->change;
    switch (change.op) {
    case Change::Op::AddComment:
        putComment(*chat, change.comment);
        break;
    case Change::Op::EditComment:
    case Change::Op::DeleteComment: {
        Comment comment = change.comment;
        if (const Comment *old = chat->findComment(change.commentId); old && comment.deleted) {
            // The event carries only {id, deleted}; keep who wrote it and when.
            comment.author = old->author;
            comment.createdAt = old->createdAt;
            comment.editedAt = old->editedAt;
        }
        comment.id = change.commentId;
        putComment(*chat, comment);
        break;
    }
    case Change::Op::Resolve:
        chat->resolve(change.resolved, change.resolvedBy, updated->updatedAt);
        break;
    }
    chat->updatedAt = updated->updatedAt;
    return chat;
}

std::optional<Chat> ChatReducer::applyOperation(std::optional<Chat> chat, const ClientMessage &op,
                                                const Author &user, qint64 now)
{
    if (const auto *create = std::get_if<NewChatOp>(&op)) {
        if (chat)
            return chat;
        Chat c{create->chatId, create->anchor, user, now, now, false, {}};
        c.comments.append(
            {create->commentId, user, create->text, now, std::nullopt, false, create->mentions});
        return c;
    }
    if (std::holds_alternative<DeleteChatOp>(op))
        return std::nullopt;
    const auto *update = std::get_if<UpdateChatOp>(&op);
    if (!update || !chat)
        return chat;
    const Change &change = update->change;
    switch (change.op) {
    case Change::Op::AddComment:
        if (!chat->findComment(change.comment.id))
            chat->comments.append({change.comment.id, user, change.comment.text, now, std::nullopt,
                                   false, change.comment.mentions});
        break;
    case Change::Op::EditComment:
        if (Comment *c = chat->findComment(change.commentId); c && !c->deleted) {
            c->text = change.text;
            c->editedAt = now;
            c->mentions = change.mentions;
        }
        break;
    case Change::Op::DeleteComment:
        if (Comment *c = chat->findComment(change.commentId)) {
            c->text.clear();
            c->deleted = true;
        }
        break;
    case Change::Op::Resolve:
        chat->resolve(change.resolved, user, now);
        break;
    }
    chat->updatedAt = now;
    return chat;
}

QString ChatReducer::chatIdOf(const ServerMessage &event)
{
    if (const auto *e = std::get_if<NewChatEvent>(&event))
        return e->chat.id;
    if (const auto *e = std::get_if<UpdatedChatEvent>(&event))
        return e->chatId;
    if (const auto *e = std::get_if<DeletedChatEvent>(&event))
        return e->chatId;
    return {};
}

QString ChatReducer::chatIdOf(const ClientMessage &op)
{
    if (const auto *o = std::get_if<NewChatOp>(&op))
        return o->chatId;
    if (const auto *o = std::get_if<UpdateChatOp>(&op))
        return o->chatId;
    if (const auto *o = std::get_if<DeleteChatOp>(&op))
        return o->chatId;
    return {};
}

QString ChatReducer::broadcastIdOf(const ServerMessage &event)
{
    if (const auto *e = std::get_if<NewChatEvent>(&event))
        return e->broadcastId;
    if (const auto *e = std::get_if<UpdatedChatEvent>(&event))
        return e->broadcastId;
    if (const auto *e = std::get_if<DeletedChatEvent>(&event))
        return e->broadcastId;
    return {};
}

QString ChatReducer::broadcastIdOf(const ClientMessage &op)
{
    if (const auto *o = std::get_if<NewChatOp>(&op))
        return o->broadcastId;
    if (const auto *o = std::get_if<UpdateChatOp>(&op))
        return o->broadcastId;
    if (const auto *o = std::get_if<DeleteChatOp>(&op))
        return o->broadcastId;
    if (const auto *o = std::get_if<PublishDocumentOp>(&op))
        return o->broadcastId;
    return {};
}

bool ChatReducer::isPageEvent(const ServerMessage &message)
{
    return std::holds_alternative<NewChatEvent>(message) ||
           std::holds_alternative<UpdatedChatEvent>(message) ||
           std::holds_alternative<DeletedChatEvent>(message);
}

qint64 ChatReducer::seqOf(const ServerMessage &event)
{
    if (const auto *e = std::get_if<NewChatEvent>(&event))
        return e->seq;
    if (const auto *e = std::get_if<UpdatedChatEvent>(&event))
        return e->seq;
    if (const auto *e = std::get_if<DeletedChatEvent>(&event))
        return e->seq;
    return 0;
}

} // namespace Glosa

#pragma once

#include "chat.h"
#include "store.h"

// What the store tests write: a chat with one comment, and the write of an event about it, as a
// page makes them (the chat without its comments, the comment apart), with a broadcastId and an
// event body that name the seq.
namespace StoreTestData {

Glosa::Chat chat(const QString &id, const QString &commentId);
Glosa::Store::Write write(qint64 pageId, qint64 seq, const Glosa::Chat &chat, bool deleted = false);

} // namespace StoreTestData

#pragma once

#include <tuple>

#include "change.h"
#include "chat.h"
#include "document.h"
#include "user.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <variant>

namespace Glosa {

// The frames of docs/protocol.md, one struct each. Client to server first, then server to client.

struct ResumePoint
{
    QString epoch;
    qint64 seq = 0;
    friend bool operator==(const ResumePoint &a, const ResumePoint &b)
    {
        return std::tie(a.epoch, a.seq) == std::tie(b.epoch, b.seq);
    }
    friend bool operator!=(const ResumePoint &a, const ResumePoint &b) { return !(a == b); }
};

struct Hello
{
    int v = 1;
    QString tenant;
    std::optional<QString> page; // none: a lobby connection
    // None: the key is absent. Present, even empty, it is a token to check.
    std::optional<QString> token;
    std::optional<ResumePoint> resume;
    // Extension: the name an anonymous user asks to be shown by; ignored with a token.
    QString name;
    // The credential of an earlier welcome: the same anonymous user again. Present, even
    // empty, it is a credential to verify.
    std::optional<QString> credential;
    friend bool operator==(const Hello &a, const Hello &b)
    {
        return std::tie(a.v, a.tenant, a.page, a.token, a.resume, a.name, a.credential) ==
               std::tie(b.v, b.tenant, b.page, b.token, b.resume, b.name, b.credential);
    }
    friend bool operator!=(const Hello &a, const Hello &b) { return !(a == b); }
};

struct SyncRequest
{
    QString epoch;
    qint64 since = 0;
    friend bool operator==(const SyncRequest &a, const SyncRequest &b)
    {
        return std::tie(a.epoch, a.since) == std::tie(b.epoch, b.since);
    }
    friend bool operator!=(const SyncRequest &a, const SyncRequest &b) { return !(a == b); }
};

struct NewChatOp
{
    QString broadcastId;
    QString chatId;
    Anchor anchor;
    QString commentId;
    QString text;
    QList<Author> mentions{}; // of the comment, an extension
    friend bool operator==(const NewChatOp &a, const NewChatOp &b)
    {
        return std::tie(a.broadcastId, a.chatId, a.anchor, a.commentId, a.text, a.mentions) ==
               std::tie(b.broadcastId, b.chatId, b.anchor, b.commentId, b.text, b.mentions);
    }
    friend bool operator!=(const NewChatOp &a, const NewChatOp &b) { return !(a == b); }
};

struct UpdateChatOp
{
    QString broadcastId;
    QString chatId;
    Change change;
    friend bool operator==(const UpdateChatOp &a, const UpdateChatOp &b)
    {
        return std::tie(a.broadcastId, a.chatId, a.change) ==
               std::tie(b.broadcastId, b.chatId, b.change);
    }
    friend bool operator!=(const UpdateChatOp &a, const UpdateChatOp &b) { return !(a == b); }
};

struct DeleteChatOp
{
    QString broadcastId;
    QString chatId;
    friend bool operator==(const DeleteChatOp &a, const DeleteChatOp &b)
    {
        return std::tie(a.broadcastId, a.chatId) == std::tie(b.broadcastId, b.chatId);
    }
    friend bool operator!=(const DeleteChatOp &a, const DeleteChatOp &b) { return !(a == b); }
};

struct PublishDocumentOp
{
    QString broadcastId;
    Document document; // page empty: doc/<sha256 of content>
    friend bool operator==(const PublishDocumentOp &a, const PublishDocumentOp &b)
    {
        return std::tie(a.broadcastId, a.document) == std::tie(b.broadcastId, b.document);
    }
    friend bool operator!=(const PublishDocumentOp &a, const PublishDocumentOp &b)
    {
        return !(a == b);
    }
};

struct ListDocumentsRequest
{
    QString requestId;
    friend bool operator==(const ListDocumentsRequest &a, const ListDocumentsRequest &b)
    {
        return std::tie(a.requestId) == std::tie(b.requestId);
    }
    friend bool operator!=(const ListDocumentsRequest &a, const ListDocumentsRequest &b)
    {
        return !(a == b);
    }
};

// Extension: piece `piece` of a PDF's bytes for the server to keep, pieces sent in order.
struct PutContent
{
    QString requestId;
    QString sha256;  // of the whole content
    qint64 size = 0; // of the whole content
    int piece = 0;
    QByteArray data; // decoded
    friend bool operator==(const PutContent &a, const PutContent &b)
    {
        return std::tie(a.requestId, a.sha256, a.size, a.piece, a.data) ==
               std::tie(b.requestId, b.sha256, b.size, b.piece, b.data);
    }
    friend bool operator!=(const PutContent &a, const PutContent &b) { return !(a == b); }
};

// Extension: asks for piece `piece` of a PDF's bytes.
struct GetContent
{
    QString requestId;
    QString sha256;
    int piece = 0;
    friend bool operator==(const GetContent &a, const GetContent &b)
    {
        return std::tie(a.requestId, a.sha256, a.piece) == std::tie(b.requestId, b.sha256, b.piece);
    }
    friend bool operator!=(const GetContent &a, const GetContent &b) { return !(a == b); }
};

using ClientMessage = std::variant<Hello, SyncRequest, NewChatOp, UpdateChatOp, DeleteChatOp,
                                   PublishDocumentOp, ListDocumentsRequest, PutContent, GetContent>;

struct Welcome
{
    int v = 1;
    QString connection;
    User user;
    bool hasPage = true; // false: a lobby welcome, with no page fields
    QString epoch;
    qint64 seq = 0;
    int viewers = 0;
    bool recovered = false;
    std::optional<Document> document;
    // Extension: who is viewing the page, as in presence.
    QList<Author> users;
    // For an anonymous user: presented in a later hello, it makes that connection the same user.
    QString credential;
    friend bool operator==(const Welcome &a, const Welcome &b)
    {
        return std::tie(a.v, a.connection, a.user, a.hasPage, a.epoch, a.seq, a.viewers,
                        a.recovered, a.document, a.users, a.credential) ==
               std::tie(b.v, b.connection, b.user, b.hasPage, b.epoch, b.seq, b.viewers,
                        b.recovered, b.document, b.users, b.credential);
    }
    friend bool operator!=(const Welcome &a, const Welcome &b) { return !(a == b); }
};

struct Snapshot
{
    QString epoch;
    qint64 seq = 0;
    QList<Chat> chats;
    friend bool operator==(const Snapshot &a, const Snapshot &b)
    {
        return std::tie(a.epoch, a.seq, a.chats) == std::tie(b.epoch, b.seq, b.chats);
    }
    friend bool operator!=(const Snapshot &a, const Snapshot &b) { return !(a == b); }
};

struct NewChatEvent
{
    qint64 seq = 0;
    QString broadcastId;
    Chat chat;
    friend bool operator==(const NewChatEvent &a, const NewChatEvent &b)
    {
        return std::tie(a.seq, a.broadcastId, a.chat) == std::tie(b.seq, b.broadcastId, b.chat);
    }
    friend bool operator!=(const NewChatEvent &a, const NewChatEvent &b) { return !(a == b); }
};

struct UpdatedChatEvent
{
    qint64 seq = 0;
    QString broadcastId;
    QString chatId;
    qint64 updatedAt = 0;
    Change change;
    friend bool operator==(const UpdatedChatEvent &a, const UpdatedChatEvent &b)
    {
        return std::tie(a.seq, a.broadcastId, a.chatId, a.updatedAt, a.change) ==
               std::tie(b.seq, b.broadcastId, b.chatId, b.updatedAt, b.change);
    }
    friend bool operator!=(const UpdatedChatEvent &a, const UpdatedChatEvent &b)
    {
        return !(a == b);
    }
};

struct DeletedChatEvent
{
    qint64 seq = 0;
    QString broadcastId;
    QString chatId;
    friend bool operator==(const DeletedChatEvent &a, const DeletedChatEvent &b)
    {
        return std::tie(a.seq, a.broadcastId, a.chatId) == std::tie(b.seq, b.broadcastId, b.chatId);
    }
    friend bool operator!=(const DeletedChatEvent &a, const DeletedChatEvent &b)
    {
        return !(a == b);
    }
};

struct Presence
{
    int viewers = 0;
    // Extension: who is viewing, by name, up to Limits::PresenceUsersMax of them.
    QList<Author> users;
    friend bool operator==(const Presence &a, const Presence &b)
    {
        return std::tie(a.viewers, a.users) == std::tie(b.viewers, b.users);
    }
    friend bool operator!=(const Presence &a, const Presence &b) { return !(a == b); }
};

struct ErrorMessage
{
    QString broadcastId;
    QString requestId;
    QString code;
    QString message;
    friend bool operator==(const ErrorMessage &a, const ErrorMessage &b)
    {
        return std::tie(a.broadcastId, a.requestId, a.code, a.message) ==
               std::tie(b.broadcastId, b.requestId, b.code, b.message);
    }
    friend bool operator!=(const ErrorMessage &a, const ErrorMessage &b) { return !(a == b); }
};

struct DocumentPublished
{
    QString broadcastId;
    Document document; // without content
    friend bool operator==(const DocumentPublished &a, const DocumentPublished &b)
    {
        return std::tie(a.broadcastId, a.document) == std::tie(b.broadcastId, b.document);
    }
    friend bool operator!=(const DocumentPublished &a, const DocumentPublished &b)
    {
        return !(a == b);
    }
};

struct DocumentList
{
    QString requestId;
    QList<Document> documents; // without content
    friend bool operator==(const DocumentList &a, const DocumentList &b)
    {
        return std::tie(a.requestId, a.documents) == std::tie(b.requestId, b.documents);
    }
    friend bool operator!=(const DocumentList &a, const DocumentList &b) { return !(a == b); }
};

// Extension: a page's document was replaced by a new version, sent to every connection of the
// page; not an event of the page (it has no seq).
struct DocumentUpdated
{
    Document document; // with content
    friend bool operator==(const DocumentUpdated &a, const DocumentUpdated &b)
    {
        return a.document == b.document;
    }
    friend bool operator!=(const DocumentUpdated &a, const DocumentUpdated &b) { return !(a == b); }
};

// Extension: the answer to a put-content: how much of the content the server has, and whether it
// is stored (all of it arrived and was checked, or it was stored before).
struct ContentReceived
{
    QString requestId;
    QString sha256;
    qint64 size = 0;
    qint64 received = 0;
    bool stored = false;
    friend bool operator==(const ContentReceived &a, const ContentReceived &b)
    {
        return std::tie(a.requestId, a.sha256, a.size, a.received, a.stored) ==
               std::tie(b.requestId, b.sha256, b.size, b.received, b.stored);
    }
    friend bool operator!=(const ContentReceived &a, const ContentReceived &b) { return !(a == b); }
};

// Extension: the answer to a get-content: one piece of the content.
struct ContentPiece
{
    QString requestId;
    QString sha256;
    qint64 size = 0; // of the whole content
    int piece = 0;
    QByteArray data; // decoded
    friend bool operator==(const ContentPiece &a, const ContentPiece &b)
    {
        return std::tie(a.requestId, a.sha256, a.size, a.piece, a.data) ==
               std::tie(b.requestId, b.sha256, b.size, b.piece, b.data);
    }
    friend bool operator!=(const ContentPiece &a, const ContentPiece &b) { return !(a == b); }
};

// A batch frame is decoded into the messages it carries, so it has no struct of its own.
using ServerMessage = std::variant<Welcome, Snapshot, NewChatEvent, UpdatedChatEvent,
                                   DeletedChatEvent, Presence, ErrorMessage, DocumentPublished,
                                   DocumentList, DocumentUpdated, ContentReceived, ContentPiece>;

} // namespace Glosa

#pragma once

#include "messages.h"
#include "pagecache.h"
#include "readmarks.h"
#include "syncclient.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Glosa {

// One page as this process sees it: the chats the server has confirmed with the user's own
// pending operations applied over them. Every window on the page shares one PageSession
// (see open()); widgets and models read it and call its operations, never the protocol.
//
// It also knows what the user has not read yet (see ReadMarks): a comment is unread when it is
// not deleted, not the user's own and not marked seen; a chat's first comment stands for the
// chat. The user's own comments are marked seen as they are written, and the first time a page
// is opened here, whatever it has when its chats first arrive (from the cache or the first
// snapshot) is marked seen: a document opened for the first time is not all new.
class PageSession : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int viewers READ viewers NOTIFY viewersChanged)

public:
    // What the user wrote in a change that was refused, to give it back to them.
    struct RefusedText
    {
        enum class Kind { None, NewChat, Reply, Edit };
        Kind kind = Kind::None;
        QString commentId; // the comment it would have added, or the comment edited
        Anchor anchor;     // NewChat: the passage
        QString text;
    };

    explicit PageSession(const SyncClient::Options &options, QObject *parent = nullptr);
    ~PageSession() override;

    // The session of a page of a server and tenant, shared while anyone holds it.
    static std::shared_ptr<PageSession> open(const SyncClient::Options &options);

    SyncClient *client() const { return m_client; }
    int viewers() const { return m_client->viewers(); }

    // The chats as the user sees them.
    const QHash<QString, Chat> &chats() const { return m_visible; }
    const Chat *chat(const QString &id) const;
    // Whether the chat, or one of its comments, has a change the server has not confirmed.
    bool isPending(const QString &chatId) const;
    bool isCommentPending(const QString &chatId, const QString &commentId) const;

    // What the user may do, as the server will judge it: a viewer reads only; others change
    // their own comments and delete the chats they started; a moderator anything.
    bool canWrite() const;
    // Why a viewer cannot change anything, for people.
    static QString readOnlyReason();
    bool canDeleteChat(const QString &chatId) const;
    bool canChangeComment(const QString &chatId, const QString &commentId) const;

    // The people of the page, whom a comment may mention: those viewing it, those who wrote on it
    // and those mentioned there.
    QList<Author> people() const;

    // The user's operations; each is shown at once and returns the id it created or changed.
    // A comment's text mentions the people() it names as @name.
    // One the server would refuse (see canWrite()) is refused at once, never shown.
    QString startChat(const Anchor &anchor, const QString &text);
    QString reply(const QString &chatId, const QString &text);
    void editComment(const QString &chatId, const QString &commentId, const QString &text);
    void deleteComment(const QString &chatId, const QString &commentId);
    void setResolved(const QString &chatId, bool resolved);
    void deleteChat(const QString &chatId);

    // Whether the comment is unread; with no comment id, whether the chat is (its first comment).
    bool isUnread(const QString &chatId, const QString &commentId = {}) const;
    // The unread comments of the chat, its first one included.
    int unreadCount(const QString &chatId) const;
    // The unread comments of the page.
    int unreadCount() const { return m_unreadTotal; }
    // The user has looked at the chat: all its comments are read.
    void markRead(const QString &chatId);
    void markAllRead();

Q_SIGNALS:
    void chatAdded(const QString &chatId);
    void chatChanged(const QString &chatId);
    void chatRemoved(const QString &chatId);
    // Everything may have changed: a snapshot replaced the page.
    void chatsReset();
    // A change of the user's was refused and undone; `reason` is for people, `refused` is the
    // text the change carried (Kind::None for changes without one).
    void changeRejected(const QString &chatId, const QString &reason,
                        const Glosa::PageSession::RefusedText &refused);
    void viewersChanged(int viewers);
    // The chat's comments were read, or the chat's unread ones may have changed without a
    // change of the chat; an empty id: any chat's.
    void readChanged(const QString &chatId);
    void unreadCountChanged(int count);

private:
    void submit(const ClientMessage &op);
    // Why the server would refuse `op`, or an empty string.
    QString refusal(const ClientMessage &op) const;
    void onSnapshot(const Snapshot &snapshot);
    void onEvent(const ServerMessage &event);
    void onSettled(const QString &broadcastId);
    void onRejected(const QString &broadcastId, const QString &reason);
    std::optional<Chat> visibleChat(const QString &chatId) const;
    void refresh(const QString &chatId);
    Author me() const;
    void saveCache();
    // Saves at once what is waiting to be saved: the cache, the read marks.
    void flush();

    // The unread comments of a chat, as the user sees it.
    int countUnread(const Chat &chat) const;
    bool isUnreadComment(const Comment &comment) const;
    // Brings the unread count of the chat (of every chat) up to date with what is shown and seen.
    void recountUnread(const QString &chatId);
    void recountUnread();
    void emitUnreadCount();
    // The first time the page is opened here: what its chats first arrive with is seen.
    void markFirstVisitSeen();
    std::optional<QSet<QString>> pageIds() const;

    SyncClient *m_client;
    PageCache m_cache;
    // Confirmed state not yet in the cache; saved at most once per CacheDelayMs.
    QTimer m_cacheTimer;
    static constexpr int CacheDelayMs = 1000;
    QHash<QString, Chat> m_confirmed;
    QHash<QString, Chat> m_visible;
    // The user's operations not yet in the page, in the order they were made, with the time
    // they were made (what they show until the server's time replaces it).
    struct Pending
    {
        ClientMessage op;
        qint64 madeAt = 0;
    };
    QList<Pending> m_pending;
    // The pending operations each visible chat was last shown with, so that the end of
    // pending is signalled even when the confirmed chat looks the same.
    QHash<QString, int> m_shownPending;
    int pendingCount(const QString &chatId) const;

    ReadMarks m_marks;
    // The page had no read marks: the chats it arrives with first are to be marked seen.
    bool m_firstVisit = false;
    // The chats with unread comments, with how many, and the sum, for the user they count for.
    QHash<QString, int> m_unread;
    int m_unreadTotal = 0;
    int m_shownUnread = 0;
    QString m_unreadUser;
};

} // namespace Glosa

#pragma once

#include "chat.h"
#include "pagesession.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>
#include <unordered_map>
#include <vector>

namespace Glosa {

// The chats of a page as a two-level tree: top-level rows are the chats in document order
// (anchor start, then creation time, then id), their children the chat's comments in order.
// It follows the PageSession incrementally: one event inserts, removes, moves or changes only
// the rows it concerns, at a cost of O(log n + comments); only a snapshot resets the model.
class ChatModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    // Roles of chats and comments; those marked "chat" are empty on comments. Where a chat
    // role speaks of a comment (text, edited, deleted) it is the chat's first comment.
    // Qt::ToolTipRole gives the exact local times a chat was started, last changed and resolved
    // (and by whom), and a comment written and edited.
    enum Roles {
        IdRole = Qt::UserRole + 1, // chat id / comment id
        QuoteRole,                 // chat: anchor.exact
        AnchorStartRole,           // chat
        AnchorEndRole,             // chat
        AuthorIdRole,
        AuthorNameRole,
        TextRole,      // chat: its first comment's text; comment: its text
        CreatedAtRole, // QDateTime
        UpdatedAtRole, // QDateTime; a comment's editedAt, else its createdAt
        EditedRole,    // the comment has an editedAt
        DeletedRole,
        ResolvedRole,     // chat
        PendingRole,      // a change of the user's is not yet confirmed by the server
        CommentCountRole, // chat
        IsChatRole,
        SheetRole,      // chat: the PDF sheet its passage starts on, -1 where none
        ResolvedByRole, // chat: the name of who resolved it, where known
        ResolvedAtRole, // chat: QDateTime, when it was resolved, where known
        // Chat: the chat is new to the user (its first comment is unread); comment: the comment
        // is unread (see PageSession::isUnread()).
        UnreadRole,
        UnreadCountRole, // chat: its unread comments, the first one included
    };
    Q_ENUM(Roles)

    explicit ChatModel(PageSession *session, QObject *parent = nullptr);
    ~ChatModel() override;

    PageSession *session() const { return m_session; }

    // The index of a chat's row (column 0), invalid for an unknown id.
    QModelIndex indexOfChat(const QString &chatId) const;
    // The id of the chat of a chat row, or of the chat a comment row belongs to.
    QString chatIdAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // The model's own copy of a chat: what its rows show, updated in step with the row
    // signals so that the model is consistent at every signal. Copies are cheap (shared data).
    struct Entry
    {
        Chat chat;
        QSet<QString> pendingComments;
    };
    struct SortKey
    {
        int start = 0;
        qint64 createdAt = 0;
        QString id;
    };
    static SortKey keyOf(const Chat &chat);
    static bool lessThan(const SortKey &a, const SortKey &b);

    Entry *entryOf(const QModelIndex &index) const;
    int rowOf(const Entry *entry) const;
    int insertPosition(const SortKey &key) const;
    QSet<QString> pendingCommentsOf(const Chat &chat) const;

    void onChatAdded(const QString &chatId);
    void onChatChanged(const QString &chatId);
    void onChatRemoved(const QString &chatId);
    void onChatsReset();
    void onSessionDestroyed();
    void onReadChanged(const QString &chatId);
    void rebuild();
    void moveChatIfNeeded(Entry *entry, const Chat &chat);
    void syncComments(Entry *entry, int chatRow, const Chat &chat);

    QPointer<PageSession> m_session;
    // The chats in document order; the owner is m_entries.
    std::vector<Entry *> m_rows;
    std::unordered_map<QString, std::unique_ptr<Entry>> m_entries;
};

} // namespace Glosa

#pragma once

#include "chatfilter.h"
#include "draftstore.h"
#include "pagesession.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLineEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace Glosa {

class AnchorIndex;
class ChatModel;
class CommentField;
class ChatDelegate;

// The chats of the page in document order with their comments; replying, editing and
// deleting one's own comments, resolving, deleting a chat; filters on open/resolved, on text
// and on an author, and going from one chat to the next, or the next unread one. The chat
// selected in the active window is being looked at: it is read, and so is a reply arriving in it.
// The reply box writes to one chat, whose draft it keeps (DraftStore): selecting another chat
// shows that chat's draft, and when the chat is deleted by someone else the reply stays, with
// a notice that offers to start a new chat with it, copy it or discard it.
class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    using Filter = ChatFilter::Filter;

    explicit ChatPanel(QWidget *parent = nullptr);

    void setModel(ChatModel *model, AnchorIndex *index);
    void setFilter(Filter filter);
    void selectChat(const QString &chatId);
    // Selects the next chat listed after the selected one (the one before it, backwards), the
    // first (last) after the last (first).
    void selectNext(bool backwards);
    // Selects the first chat after the selected one (round the list) with something unread,
    // wherever the filters would hide it; false when there is none.
    bool selectNextUnread();
    // Lists only the chats whose quote, comments or authors contain `query`, and, with an
    // author's id, those they took part in.
    void search(const QString &query, const QString &authorId = {});
    QLineEdit *searchField() const { return m_search; }
    QComboBox *authorFilter() const { return m_author; }
    QString selectedChat() const;
    // A change of the user's was refused: say why, visibly, for a while; with an action, a link
    // that does it.
    void showProblem(const QString &message, const QString &action = {},
                     std::function<void()> onAction = {});
    DraftStore *drafts() const { return m_drafts.get(); }
    // The chat the reply box writes to.
    QString replyChat() const { return m_replyChat; }
    QWidget *deletedNotice() const { return m_deletedNotice; }

    QTreeView *view() const { return m_view; }
    QPlainTextEdit *replyEditor() const;
    CommentField *replyField() const { return m_reply; }
    QLabel *banner() const { return m_banner; }
    ChatDelegate *delegate() const { return m_delegate; }

Q_SIGNALS:
    void chatSelected(const QString &chatId);
    // The user asks to start a chat on the passage, from the draft kept under
    // DraftStore::newChatKey(anchor).
    void newChatRequested(const Glosa::Anchor &anchor);
    // The user asks for a link to the chat (Copy Link).
    void linkRequested(const QString &chatId);

protected:
    bool event(QEvent *event) override;

private:
    // The user looks at the selected chat: it is read.
    void readSelected();
    void updateActions();
    void updateEmpty();
    // The people who started or commented on the page's chats, to filter by.
    void updateAuthors();
    void sendReply();
    void cancelReply();
    void bindReply(const QString &chatId);
    void saveReply();
    void onChatRemoved(const QString &chatId);
    void findDeletedDrafts();
    void showDeleted(const QString &chatId);
    void leaveDeleted();
    void onRejected(const QString &chatId, const QString &reason,
                    const PageSession::RefusedText &refused);
    void editComment(const QString &chatId, const QString &commentId);
    // Deletes the comment once the user confirms it.
    void deleteComment(const QString &chatId, const QString &commentId);
    void contextMenu(const QPoint &at);

    QPointer<ChatModel> m_model;
    QPointer<PageSession> m_session;
    std::shared_ptr<DraftStore> m_drafts;
    QString m_replyChat;
    // The chat of m_replyChat was deleted; the reply stays on it until the user decides.
    bool m_replyDeleted = false;
    ChatFilter *m_proxy;
    QComboBox *m_filter;
    QLineEdit *m_search;
    QComboBox *m_author;
    QLabel *m_banner;
    QLabel *m_empty;
    QTreeView *m_view;
    ChatDelegate *m_delegate;
    CommentField *m_reply;
    QPushButton *m_send;
    QPushButton *m_resolve;
    QPushButton *m_delete;
    QTimer m_bannerTimer;
    std::function<void()> m_bannerAction;
    QWidget *m_deletedNotice;
    QLabel *m_deletedText;
    QPushButton *m_newFromDraft;
};

} // namespace Glosa

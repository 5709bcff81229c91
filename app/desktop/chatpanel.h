#pragma once

#include "draftstore.h"
#include "pagesession.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QComboBox;
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
// deleting one's own comments, resolving, deleting a chat, and a filter on open/resolved.
// The reply box writes to one chat, whose draft it keeps (DraftStore): selecting another chat
// shows that chat's draft, and when the chat is deleted by someone else the reply stays, with
// a notice that offers to start a new chat with it, copy it or discard it.
class ChatPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Filter { Open, Resolved, All };
    Q_ENUM(Filter)

    explicit ChatPanel(QWidget *parent = nullptr);

    void setModel(ChatModel *model, AnchorIndex *index);
    void setFilter(Filter filter);
    void selectChat(const QString &chatId);
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

private:
    void updateActions();
    void updateEmpty();
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
    void contextMenu(const QPoint &at);

    class ResolvedFilter : public QSortFilterProxyModel
    {
    public:
        using QSortFilterProxyModel::QSortFilterProxyModel;
        Filter filter = Filter::Open;
        void setFilter(Filter f);

    protected:
        bool filterAcceptsRow(int row, const QModelIndex &parent) const override;
    };

    QPointer<ChatModel> m_model;
    QPointer<PageSession> m_session;
    std::shared_ptr<DraftStore> m_drafts;
    QString m_replyChat;
    // The chat of m_replyChat was deleted; the reply stays on it until the user decides.
    bool m_replyDeleted = false;
    ResolvedFilter *m_proxy;
    QComboBox *m_filter;
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

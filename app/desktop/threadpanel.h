#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace Glosa {

class AnchorIndex;
class ChatModel;
class CommentField;
class PageSession;
class ThreadDelegate;

// The threads of the page in document order with their comments; replying, editing and
// deleting one's own comments, resolving, deleting a thread, and a filter on open/resolved.
class ThreadPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Filter { Open, Resolved, All };
    Q_ENUM(Filter)

    explicit ThreadPanel(QWidget *parent = nullptr);

    void setModel(ChatModel *model, AnchorIndex *index);
    void setFilter(Filter filter);
    void selectChat(const QString &chatId);
    QString selectedChat() const;
    // A change of the user's was refused: say why, visibly, for a while.
    void showProblem(const QString &message);

    QTreeView *view() const { return m_view; }
    QPlainTextEdit *replyEditor() const;
    CommentField *replyField() const { return m_reply; }
    QLabel *banner() const { return m_banner; }
    ThreadDelegate *delegate() const { return m_delegate; }

Q_SIGNALS:
    void chatSelected(const QString &chatId);

private:
    void updateActions();
    void updateEmpty();
    void sendReply();
    void contextMenu(const QPoint &at);
    bool isOwn(const QModelIndex &index) const;

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
    ResolvedFilter *m_proxy;
    QComboBox *m_filter;
    QLabel *m_banner;
    QLabel *m_empty;
    QTreeView *m_view;
    ThreadDelegate *m_delegate;
    CommentField *m_reply;
    QPushButton *m_send;
    QPushButton *m_resolve;
    QPushButton *m_delete;
    QTimer m_bannerTimer;
};

} // namespace Glosa

#pragma once

#include "syncclient.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Glosa {

class ChatModel;
class PageSession;

// The bar above the document: its title, how many people view the page, the state of the
// connection (with "Retry now" while waiting to reconnect, and "Open Settings" when only other
// settings can help; its tooltip names the server's URL in use), how many chats it has, open
// and resolved, and how many comments the user has not read, with a menu of what to do about
// them.
class TopBar : public QWidget
{
    Q_OBJECT
public:
    explicit TopBar(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setClient(SyncClient *client);
    void setModel(ChatModel *model);
    // What the unread count's menu offers.
    void addUnreadActions(const QList<QAction *> &actions);

    QString viewersText() const;
    QString viewersToolTip() const;
    QString connectionText() const;
    // Names the server's URL in use (several nodes may serve it) or the fault that stopped it.
    QString connectionToolTip() const;
    QString chatsText() const;
    // "N unread", empty where nothing is.
    QString unreadText() const;
    QToolButton *unreadButton() const { return m_unread; }
    QToolButton *settingsButton() const { return m_settings; }

Q_SIGNALS:
    // The connection needs other settings (server, tenant, token) to go on.
    void settingsRequested();

private:
    void updateConnection();
    void updateViewers();
    void updateChats();
    void updateUnread();

    QLabel *m_title;
    QLabel *m_viewers;
    QLabel *m_connection;
    QToolButton *m_retry;
    QToolButton *m_settings;
    QLabel *m_chats;
    QToolButton *m_unread;
    QPointer<SyncClient> m_client;
    QPointer<ChatModel> m_model;
    QPointer<PageSession> m_session;
    QTimer m_countdown;
};

} // namespace Glosa

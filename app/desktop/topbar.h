#pragma once

#include "syncclient.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Glosa {

class ChatModel;

// The bar above the document: its title, how many people view the page, the state of the
// connection (with "Retry now" while waiting to reconnect) and how many threads it has.
class TopBar : public QWidget
{
    Q_OBJECT
public:
    explicit TopBar(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setClient(SyncClient *client);
    void setModel(ChatModel *model);

    QString viewersText() const;
    QString viewersToolTip() const;
    QString connectionText() const;
    QString threadsText() const;

private:
    void updateConnection();
    void updateViewers();
    void updateThreads();

    QLabel *m_title;
    QLabel *m_viewers;
    QLabel *m_connection;
    QToolButton *m_retry;
    QLabel *m_threads;
    QPointer<SyncClient> m_client;
    QPointer<ChatModel> m_model;
    QTimer m_countdown;
};

} // namespace Glosa

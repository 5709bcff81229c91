#include "topbar.h"

#include "chatmodel.h"
#include "pagesession.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Glosa {

TopBar::TopBar(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_viewers(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_retry(new QToolButton(this))
    , m_settings(new QToolButton(this))
    , m_chats(new QLabel(this))
    , m_unread(new QToolButton(this))
{
    setObjectName(u"topBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(16);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setAccessibleName(tr("Document title"));
    m_viewers->setObjectName(u"viewers"_s);
    m_viewers->setAccessibleName(tr("People viewing this page"));
    m_connection->setObjectName(u"connection"_s);
    m_connection->setAccessibleName(tr("Connection"));
    m_chats->setObjectName(u"chats"_s);
    m_chats->setAccessibleName(tr("Threads"));
    m_unread->setObjectName(u"unread"_s);
    m_unread->setAccessibleName(tr("Unread comments"));
    m_unread->setToolTip(tr("Comments you have not read yet"));
    m_unread->setAutoRaise(true);
    m_unread->setPopupMode(QToolButton::InstantPopup);
    m_unread->setMenu(new QMenu(m_unread));
    m_unread->setStyleSheet(u"QToolButton { color: #2563eb; font-weight: 600; }"_s);
    m_unread->hide();
    m_retry->setObjectName(u"retry"_s);
    m_retry->setText(tr("Retry now"));
    m_retry->setAutoRaise(true);
    m_retry->hide();
    m_settings->setObjectName(u"openSettings"_s);
    m_settings->setText(tr("Open Settings"));
    m_settings->setAutoRaise(true);
    m_settings->hide();
    layout->addWidget(m_title, 1);
    layout->addWidget(m_chats);
    layout->addWidget(m_unread);
    layout->addWidget(m_viewers);
    layout->addWidget(m_connection);
    layout->addWidget(m_retry);
    layout->addWidget(m_settings);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &TopBar::updateConnection);
    connect(m_retry, &QToolButton::clicked, this, [this] {
        if (m_client)
            m_client->retryNow();
    });
    connect(m_settings, &QToolButton::clicked, this, &TopBar::settingsRequested);
    updateConnection();
    updateViewers();
    updateChats();
    updateUnread();
}

void TopBar::setTitle(const QString &title)
{
    m_title->setText(title);
}

void TopBar::setClient(SyncClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &SyncClient::stateChanged, this, &TopBar::updateConnection);
        connect(client, &SyncClient::stateChanged, this, &TopBar::updateViewers);
        connect(client, &SyncClient::pendingCountChanged, this, &TopBar::updateConnection);
        connect(client, &SyncClient::urlChanged, this, &TopBar::updateConnection);
        connect(client, &SyncClient::viewersChanged, this, &TopBar::updateViewers);
    }
    updateConnection();
    updateViewers();
}

void TopBar::setModel(ChatModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(model, signal, this, &TopBar::updateChats);
        connect(model, &QAbstractItemModel::modelReset, this, &TopBar::updateChats);
        connect(model, &QAbstractItemModel::dataChanged, this, &TopBar::updateChats);
    }
    if (m_session)
        m_session->disconnect(this);
    m_session = model ? model->session() : nullptr;
    if (m_session)
        connect(m_session, &PageSession::unreadCountChanged, this, &TopBar::updateUnread);
    updateChats();
    updateUnread();
}

void TopBar::addUnreadActions(const QList<QAction *> &actions)
{
    m_unread->menu()->addActions(actions);
}

QString TopBar::unreadText() const
{
    return m_unread->isHidden() ? QString() : m_unread->text();
}

void TopBar::updateUnread()
{
    const int count = m_session ? m_session->unreadCount() : 0;
    m_unread->setText(tr("%n unread", nullptr, count));
    m_unread->setVisible(count > 0);
}

QString TopBar::viewersText() const
{
    return m_viewers->text();
}

QString TopBar::viewersToolTip() const
{
    return m_viewers->toolTip();
}

QString TopBar::connectionText() const
{
    return m_connection->text();
}

QString TopBar::connectionToolTip() const
{
    return m_connection->toolTip();
}

QString TopBar::chatsText() const
{
    return m_chats->text();
}

void TopBar::updateViewers()
{
    // Who is viewing is known only while connected; an old number would mislead.
    const bool known = m_client && (m_client->state() == SyncClient::State::Live ||
                                    m_client->state() == SyncClient::State::Syncing);
    if (!known) {
        m_viewers->setText(tr("— viewing"));
        m_viewers->setToolTip(tr("Not connected: who is viewing this page is not known"));
        return;
    }
    const int viewers = m_client->viewers();
    m_viewers->setText(tr("%n viewing", nullptr, viewers));
    QStringList names;
    if (m_client) {
        for (const Author &a : m_client->viewerList())
            names.append(a.name.toHtmlEscaped());
    }
    if (viewers > names.size() && !names.isEmpty())
        names.append(tr("and %n more", nullptr, int(viewers - names.size())));
    const QString heading = viewers == 1 ? tr("Only you are viewing this page")
                                         : tr("%n people are viewing this page", nullptr, viewers);
    m_viewers->setToolTip(
        names.isEmpty() ? heading : u"<b>%1</b><br>%2"_s.arg(heading, names.join(u"<br>"_s)));
}

void TopBar::updateChats()
{
    int resolved = 0;
    const int chats = m_model ? m_model->rowCount() : 0;
    for (int row = 0; row < chats; ++row)
        resolved += m_model->index(row, 0).data(ChatModel::ResolvedRole).toBool();
    const QString open = tr("%n open thread(s)", nullptr, chats - resolved);
    m_chats->setText(resolved == 0 ? open : tr("%1, %n resolved", nullptr, resolved).arg(open));
}

void TopBar::updateConnection()
{
    QString text;
    QString color = u"#6b7280"_s;
    bool retry = false;
    const int pending = m_client ? m_client->pendingCount() : 0;
    switch (m_client ? m_client->state() : SyncClient::State::Offline) {
    case SyncClient::State::Live:
        text = tr("Live");
        color = u"#2e7d4f"_s;
        break;
    case SyncClient::State::Connecting:
        text = tr("Connecting…");
        break;
    case SyncClient::State::Syncing:
        text = tr("Syncing…");
        break;
    case SyncClient::State::Reconnecting: {
        const qint64 seconds = qMax<qint64>(
            0, (QDateTime::currentDateTime().msecsTo(m_client->nextAttempt()) + 999) / 1000);
        text = tr("Reconnecting in %n s", nullptr, int(seconds));
        color = u"#b7791f"_s;
        retry = true;
        break;
    }
    case SyncClient::State::Offline:
        text = tr("Offline");
        color = u"#a33a3a"_s;
        retry = m_client != nullptr;
        break;
    }
    const bool needsSettings = m_client && m_client->needsSettings();
    if (needsSettings)
        text = m_client->errorString();
    else if (m_client && m_client->showsLastSeen())
        text = tr("%1, showing what was last seen").arg(text);
    QString toolTip;
    if (m_client) {
        const QString url = m_client->url().toString();
        switch (m_client->state()) {
        case SyncClient::State::Live:
        case SyncClient::State::Syncing:
            toolTip = tr("Connected to %1").arg(url);
            break;
        case SyncClient::State::Connecting:
            toolTip = tr("Connecting to %1").arg(url);
            break;
        case SyncClient::State::Reconnecting:
            toolTip = tr("Next attempt: %1").arg(url);
            break;
        case SyncClient::State::Offline:
            toolTip = m_client->errorString().isEmpty() ? tr("Not connected to %1").arg(url)
                                                        : m_client->errorString();
            break;
        }
    }
    m_connection->setToolTip(toolTip);
    m_connection->setWordWrap(needsSettings);
    if (pending > 0 && (!m_client || m_client->state() != SyncClient::State::Live))
        text = tr("%1 · %n change(s) waiting", nullptr, pending).arg(text);
    m_connection->setText(text);
    m_connection->setStyleSheet(u"color: %1; font-weight: 600;"_s.arg(color));
    m_retry->setVisible(retry);
    m_settings->setVisible(needsSettings);
    const bool counting = m_client && m_client->state() == SyncClient::State::Reconnecting;
    if (counting && !m_countdown.isActive())
        m_countdown.start();
    else if (!counting)
        m_countdown.stop();
}

} // namespace Glosa

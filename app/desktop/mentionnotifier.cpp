#include "mentionnotifier.h"

#include "uilogging.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr int BodyMax = 200;

// Sends a notification to the desktop's notification server; false where there is none.
bool notifyDesktop(const QString &summary, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusInterface notifications(u"org.freedesktop.Notifications"_s,
                                 u"/org/freedesktop/Notifications"_s,
                                 u"org.freedesktop.Notifications"_s, bus);
    if (!notifications.isValid())
        return false;
    const QDBusReply<uint> reply = notifications.call(
        u"Notify"_s, QApplication::applicationDisplayName(), uint(0), u"org.glosa.Glosa"_s, summary,
        body.toHtmlEscaped(), QStringList(), QVariantMap(), -1);
    return reply.isValid();
}

} // namespace

MentionNotifier::MentionNotifier(MentionInbox *inbox, QObject *parent)
    : QObject(parent)
{
    connect(inbox, &MentionInbox::mentioned, this,
            [this](const MentionInbox::Mention &mention, bool fresh) {
                if (fresh)
                    notify(mention);
            });
}

void MentionNotifier::notify(const MentionInbox::Mention &mention)
{
    const QString summary = tr("%1 mentioned you in “%2”").arg(mention.author.name, mention.title);
    QString body = mention.text.simplified();
    if (body.size() > BodyMax)
        body = body.left(BodyMax - 1) + u'…';
    qCInfo(lcUi) << "mentioned by" << mention.author.name << "in thread" << mention.chatId
                 << "of page" << mention.page;
    if (!notifyDesktop(summary, body) && QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray->show();
        tray->showMessage(summary, body);
        QTimer::singleShot(10000, tray, &QObject::deleteLater);
    }
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (window->isWindow() && window->isVisible())
            QApplication::alert(window);
    }
    Q_EMIT notified(summary, body);
}

} // namespace Glosa

#include "presencenotifier.h"

#include "codec.h"
#include "page.h"
#include "recipient.h"

#include <QTimerEvent>

namespace Glosa {

PresenceNotifier::PresenceNotifier(int windowMs, QObject *parent)
    : QObject(parent)
    , m_windowMs(windowMs)
{}

void PresenceNotifier::changed(Page *page)
{
    if (!m_windows.contains(page))
        notify(page);
}

void PresenceNotifier::forget(Page *page)
{
    const auto it = m_windows.find(page);
    if (it == m_windows.end())
        return;
    killTimer(*it);
    m_pages.remove(*it);
    m_windows.erase(it);
}

void PresenceNotifier::timerEvent(QTimerEvent *event)
{
    Page *page = m_pages.take(event->timerId());
    if (!page) {
        QObject::timerEvent(event);
        return;
    }
    killTimer(event->timerId());
    m_windows.remove(page);
    notify(page);
}

void PresenceNotifier::notify(Page *page)
{
    const quint64 version = page->presenceVersion();
    QByteArray frame;
    const QList<Recipient *> recipients = page->recipients();
    for (Recipient *r : recipients) {
        if (r->presenceSeen() == version)
            continue;
        if (frame.isEmpty())
            frame = Codec::encode(Presence{page->viewers(), page->users()});
        r->setPresenceSeen(version);
        r->send(frame, true);
    }
    if (frame.isEmpty())
        return;
    const int timer = startTimer(m_windowMs);
    m_windows.insert(page, timer);
    m_pages.insert(timer, page);
}

} // namespace Glosa

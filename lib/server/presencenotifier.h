#pragma once

#include <QHash>
#include <QObject>

namespace Glosa {

class Page;

// Tells the connections on a page who is viewing it, in one frame encoded for all of them. A quiet
// page's presence goes out at once, and a window opens; the changes within it wait for its end
// and go out together, so that a crowd joining costs a frame per window, not one per join.
class PresenceNotifier : public QObject
{
    Q_OBJECT
public:
    explicit PresenceNotifier(int windowMs, QObject *parent = nullptr);

    // The page's presence changed: a new Page::presenceVersion() began.
    void changed(Page *page);
    // The page is going away; its window, if one is open, ends without a frame.
    void forget(Page *page);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    // Tells every connection not told yet the page's presence, and opens a window when any was.
    void notify(Page *page);

    int m_windowMs;
    QHash<Page *, int> m_windows; // the timer of each page's open window
    QHash<int, Page *> m_pages;   // the page of each window's timer
};

} // namespace Glosa

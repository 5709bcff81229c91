#pragma once

#include "author.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace Glosa {

class Page;
class PageRegistry;
class PresenceNotifier;
class StoreThread;

// Presence over the server nodes that share a store, for the pages of one hub. Who is viewing a
// page here goes to the store at most once per window (a crowd joining costs one write), and
// who is viewing it on the other nodes comes back when the store says it changed; a page's
// viewers are the distinct users over all of them.
class ClusterPresence : public QObject
{
    Q_OBJECT
public:
    // How long the changes of this node's presence wait to go to the store together.
    static constexpr int WindowMs = 200;

    ClusterPresence(QString node, StoreThread *store, PageRegistry *pages,
                    PresenceNotifier *notifier, QObject *parent = nullptr);

    // Who is viewing `page` here changed.
    void changed(Page *page);
    // `page` is going away: nobody views it here any more.
    void forget(Page *page);
    // Who is viewing these pages (by id) on the other nodes may have changed: the pages held
    // here read it again.
    void readRemote(const QList<qint64> &pageIds);
    // The store may have lost its presence, or its wake-ups been missed: every page held here
    // writes its own again and reads the others'.
    void refresh();

private:
    void flush();

    QString m_node;
    StoreThread *m_store;
    PageRegistry *m_pages;
    PresenceNotifier *m_notifier;
    QTimer m_window;
    QSet<Page *> m_changed;
    QSet<qint64> m_forgotten;
};

} // namespace Glosa

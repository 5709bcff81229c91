#include "clusterpresence.h"

#include "page.h"
#include "pageregistry.h"
#include "presencenotifier.h"
#include "serverlogging.h"
#include "storethread.h"

namespace Glosa {

ClusterPresence::ClusterPresence(QString node, StoreThread *store, PageRegistry *pages,
                                 PresenceNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_node(std::move(node))
    , m_store(store)
    , m_pages(pages)
    , m_notifier(notifier)
{
    m_window.setSingleShot(true);
    m_window.setInterval(WindowMs);
    connect(&m_window, &QTimer::timeout, this, &ClusterPresence::flush);
}

void ClusterPresence::changed(Page *page)
{
    m_changed.insert(page);
    m_forgotten.remove(page->id());
    if (!m_window.isActive())
        m_window.start();
}

void ClusterPresence::forget(Page *page)
{
    m_changed.remove(page);
    m_forgotten.insert(page->id());
    if (!m_window.isActive())
        m_window.start();
}

void ClusterPresence::flush()
{
    QHash<qint64, QList<Author>> pages;
    for (const Page *page : std::as_const(m_changed))
        pages.insert(page->id(), page->localUsers());
    for (const qint64 id : std::as_const(m_forgotten))
        pages.insert(id, {});
    m_changed.clear();
    m_forgotten.clear();
    if (pages.isEmpty())
        return;
    m_store->request<QString>(
        [node = m_node, pages](Store &store) {
            QString error;
            store.setPresence(node, pages, &error);
            return error;
        },
        this,
        [](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcServer) << "cannot share who is viewing:" << error;
        });
}

void ClusterPresence::readRemote(const QList<qint64> &pageIds)
{
    for (const qint64 id : pageIds) {
        if (!m_pages->find(id))
            continue;
        struct Read
        {
            QList<Author> users;
            QString error;
        };
        m_store->request<Read>(
            [node = m_node, id](Store &store) {
                Read read;
                read.users = store.presence(id, node, &read.error);
                return read;
            },
            this,
            [this, id](const Read &read) {
                Page *page = m_pages->find(id);
                if (!read.error.isEmpty())
                    qCWarning(lcServer) << "cannot read who is viewing:" << read.error;
                else if (page && page->setRemoteUsers(read.users))
                    m_notifier->changed(page);
            });
    }
}

void ClusterPresence::refresh()
{
    const QList<Page *> pages = m_pages->pages();
    QList<qint64> ids;
    for (Page *page : pages) {
        changed(page);
        ids.append(page->id());
    }
    readRemote(ids);
}

} // namespace Glosa

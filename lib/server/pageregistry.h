#pragma once

#include "serverconfig.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>

namespace Glosa {

class Page;
class StoreThread;

// The pages held in memory, by tenant and name. A page is read from the store when it is first
// joined, or created there when it is new, with the limits its tenant sets, and deleted when
// nothing holds it any more. Pages are read and created on the store's threads, never on the
// caller's.
class PageRegistry : public QObject
{
    Q_OBJECT
public:
    // Gets the page, or nullptr with why the store could not give it.
    using Loaded = std::function<void(Page *page, const QString &error)>;

    PageRegistry(const QList<TenantConfig> &tenants, StoreThread *reads, StoreThread *writer);
    ~PageRegistry() override;

    // The pages held; read from any thread.
    int count() const { return m_count.load(std::memory_order_relaxed); }
    // The page held under `name`, if any.
    Page *find(const QString &tenant, const QString &name) const;
    // The page held with the store's id `id`, if any.
    Page *find(qint64 id) const { return m_byId.value(id); }
    // Every page held.
    QList<Page *> pages() const { return m_byId.values(); }
    // Whether `page` is a page of the registry's, held or dropped, not yet unloaded: a pointer
    // kept by a connection whose hello never got its turn may outlive its page.
    bool holds(const Page *page) const { return m_live.contains(page); }
    // Hands `done` the page held under `name`: at once if there is one, otherwise from the event
    // loop once it has been read (or created, if it is new). Loads of one page at the same time
    // share one read.
    void load(const QString &tenant, const QString &name, Loaded done);
    // No longer holds `page` under its name: the next load() reads it afresh. Whoever is on it
    // keeps it until unload().
    void drop(Page *page);
    // Deletes a page that nothing holds any more.
    void unload(Page *page);

private:
    struct Found;
    void create(const QString &tenant, const QString &name);
    void loaded(const QString &tenant, const QString &name, Found found);

    QHash<QString, PageLimits> m_limits; // by tenant
    StoreThread *m_reads;
    StoreThread *m_writer;
    QHash<QString, Page *> m_pages;          // by tenant and name
    QHash<qint64, Page *> m_byId;            // the same pages, by the store's id
    QHash<QString, QList<Loaded>> m_loading; // by tenant and name: who waits for the page
    QSet<Page *> m_dropped;
    QSet<const Page *> m_live;   // every page made and not unloaded yet
    std::atomic<int> m_count{0}; // of m_pages
};

} // namespace Glosa

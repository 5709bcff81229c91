#pragma once

#include "serverconfig.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Glosa {

class Page;
class Store;
class StoreThread;

// The pages held in memory, by tenant and name. A page is read from the store when it is first
// joined, or created there when it is new, with the limits its tenant sets, and deleted when
// nothing holds it any more.
class PageRegistry
{
public:
    PageRegistry(const QList<TenantConfig> &tenants, Store *reader, StoreThread *writer);
    ~PageRegistry();
    PageRegistry(const PageRegistry &) = delete;
    PageRegistry &operator=(const PageRegistry &) = delete;

    int count() const { return int(m_pages.size()); }
    // The page held under `name`, if any.
    Page *find(const QString &tenant, const QString &name) const;
    // The page held under `name`, read or created if there is none; nullptr, with `error`, if the
    // store can do neither.
    Page *load(const QString &tenant, const QString &name, QString *error);
    // No longer holds `page` under its name: the next load() reads it afresh. Whoever is on it
    // keeps it until unload().
    void drop(Page *page);
    // Deletes a page that nothing holds any more.
    void unload(Page *page);

private:
    QHash<QString, PageLimits> m_limits; // by tenant
    Store *m_reader;
    StoreThread *m_writer;
    QHash<QString, Page *> m_pages; // by tenant and name
    QSet<Page *> m_dropped;
};

} // namespace Glosa

#include "pageregistry.h"

#include "page.h"
#include "store.h"
#include "storethread.h"

namespace Glosa {

namespace {

QString pageKey(const QString &tenant, const QString &page)
{
    return tenant + u'\n' + page;
}

} // namespace

PageRegistry::PageRegistry(const QList<TenantConfig> &tenants, Store *reader, StoreThread *writer)
    : m_reader(reader)
    , m_writer(writer)
{
    for (const TenantConfig &t : tenants)
        m_limits.insert(t.id, t.pageLimits);
}

PageRegistry::~PageRegistry()
{
    qDeleteAll(m_pages);
    qDeleteAll(m_dropped);
}

Page *PageRegistry::find(const QString &tenant, const QString &name) const
{
    return m_pages.value(pageKey(tenant, name));
}

Page *PageRegistry::load(const QString &tenant, const QString &name, QString *error)
{
    const QString key = pageKey(tenant, name);
    if (Page *page = m_pages.value(key))
        return page;
    // A new page is created where the store's writes run: the reader's connection would wait for
    // the store's lock between two commits.
    std::optional<Store::PageState> state = m_reader->findPage(tenant, name, error);
    if (!state && error->isEmpty())
        m_writer->call([&](Store &store) { state = store.loadPage(tenant, name, error); });
    if (!state)
        return nullptr;
    auto *page = new Page(tenant, name, m_limits.value(tenant), std::move(*state),
                          m_reader->document(tenant, name));
    m_pages.insert(key, page);
    return page;
}

void PageRegistry::drop(Page *page)
{
    const QString key = pageKey(page->tenant(), page->name());
    if (m_pages.value(key) != page)
        return;
    m_pages.remove(key);
    m_dropped.insert(page);
}

void PageRegistry::unload(Page *page)
{
    // A page dropped may have been loaded again meanwhile: its name is the new one's.
    const QString key = pageKey(page->tenant(), page->name());
    if (m_pages.value(key) == page)
        m_pages.remove(key);
    m_dropped.remove(page);
    delete page;
}

} // namespace Glosa

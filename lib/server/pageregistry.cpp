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

struct PageRegistry::Found
{
    std::optional<Store::PageState> state;
    std::optional<Document> document;
    QString error;
};

PageRegistry::PageRegistry(const QList<TenantConfig> &tenants, StoreThread *reads,
                           StoreThread *writer)
    : m_reads(reads)
    , m_writer(writer)
{
    for (const TenantConfig &t : tenants)
        m_limits.insert(t.id, t.pageLimits);
}

PageRegistry::~PageRegistry()
{
    for (const Page *page : std::as_const(m_live))
        delete page;
}

Page *PageRegistry::find(const QString &tenant, const QString &name) const
{
    return m_pages.value(pageKey(tenant, name));
}

void PageRegistry::load(const QString &tenant, const QString &name, Loaded done)
{
    const QString key = pageKey(tenant, name);
    if (Page *page = m_pages.value(key)) {
        done(page, {});
        return;
    }
    QList<Loaded> &waiting = m_loading[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return;
    // Read where replays are read; a new page is created where the store's writes run, since a
    // connection of its own would wait for the store's lock between two commits.
    m_reads->request<Found>(
        [tenant, name](Store &store) {
            Found found;
            found.state = store.findPage(tenant, name, &found.error);
            if (found.state)
                found.document = store.document(tenant, name);
            return found;
        },
        this,
        [this, tenant, name](Found found) {
            if (!found.state && found.error.isEmpty())
                create(tenant, name);
            else
                loaded(tenant, name, std::move(found));
        });
}

void PageRegistry::create(const QString &tenant, const QString &name)
{
    m_writer->request<Found>(
        [tenant, name](Store &store) {
            Found found;
            found.state = store.loadPage(tenant, name, &found.error);
            if (found.state)
                found.document = store.document(tenant, name);
            return found;
        },
        this, [this, tenant, name](Found found) { loaded(tenant, name, std::move(found)); });
}

void PageRegistry::loaded(const QString &tenant, const QString &name, Found found)
{
    const QString key = pageKey(tenant, name);
    const QList<Loaded> waiting = m_loading.take(key);
    Page *page = nullptr;
    if (found.state) {
        page = new Page(tenant, name, m_limits.value(tenant), std::move(*found.state),
                        std::move(found.document));
        m_pages.insert(key, page);
        m_byId.insert(page->id(), page);
        m_live.insert(page);
        m_count.store(int(m_pages.size()), std::memory_order_relaxed);
    }
    for (const Loaded &done : waiting)
        done(page, found.error);
}

void PageRegistry::drop(Page *page)
{
    const QString key = pageKey(page->tenant(), page->name());
    if (m_pages.value(key) != page)
        return;
    m_pages.remove(key);
    m_byId.remove(page->id());
    m_count.store(int(m_pages.size()), std::memory_order_relaxed);
    m_dropped.insert(page);
}

void PageRegistry::unload(Page *page)
{
    // A page dropped may have been loaded again meanwhile: its name is the new one's.
    const QString key = pageKey(page->tenant(), page->name());
    if (m_pages.value(key) == page) {
        m_pages.remove(key);
        m_byId.remove(page->id());
        m_count.store(int(m_pages.size()), std::memory_order_relaxed);
    }
    m_dropped.remove(page);
    m_live.remove(page);
    delete page;
}

} // namespace Glosa

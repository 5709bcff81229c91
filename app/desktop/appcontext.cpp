#include "appcontext.h"

#include "contenttransfer.h"
#include "datafile.h"
#include "documentdirectory.h"
#include "draftstore.h"
#include "embeddedhost.h"
#include "mentioninbox.h"
#include "mentionnotifier.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Glosa {

AppContext::AppContext(Settings settings, std::optional<Settings> saved, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_saved(saved.value_or(m_settings))
    , m_tenant(m_settings.tenant)
    , m_embedded(m_settings.servers.isEmpty())
    , m_mentions(new MentionInbox(
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/mentions.json"_s,
          this))
    , m_notifier(new MentionNotifier(m_mentions, this))
{}

AppContext::~AppContext() = default;

AppContext::Settings AppContext::loadSettings()
{
    QSettings s;
    Settings settings;
    // Glosa before clusters kept one URL in server/url, and it is still written (the first of
    // the list) for it; where it no longer matches the list, such a Glosa changed it since.
    const QStringList urls = s.value(u"server/urls"_s).toStringList();
    const QString url = s.value(u"server/url"_s).toString();
    if (s.contains(u"server/urls"_s) && urls.value(0) == url) {
        for (const QString &text : urls)
            settings.servers.append(QUrl(text));
    } else if (!url.isEmpty()) {
        settings.servers = {QUrl(url)};
    }
    settings.tenant = s.value(u"server/tenant"_s, settings.tenant).toString();
    settings.token = s.value(u"server/token"_s).toString();
    settings.tokenFile = s.value(u"server/tokenFile"_s).toString();
    settings.displayName = s.value(u"user/displayName"_s).toString();
    settings.language = s.value(u"ui/language"_s).toString();
    return settings;
}

std::optional<QList<QUrl>> AppContext::serversFrom(const QStringList &texts, QString *error)
{
    QList<QUrl> servers;
    for (const QString &text : texts) {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QUrl url(trimmed, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != "ws"_L1 && scheme != "wss"_L1) || url.host().isEmpty()) {
            *error = tr("“%1” is not a server URL: it must start with ws:// or wss:// and name a "
                        "host, as in wss://glosa.example.org/v1/ws.")
                         .arg(trimmed);
            return std::nullopt;
        }
        if (!servers.contains(url))
            servers.append(url);
    }
    return servers;
}

void AppContext::saveSettings(const Settings &changed)
{
    // What the user left as the command line set it stays as the file had it.
    const auto keep = [](const auto &now, const auto &inForce, const auto &inFile) {
        return now == inForce ? inFile : now;
    };
    Settings settings = changed;
    settings.servers = keep(changed.servers, m_settings.servers, m_saved.servers);
    settings.tenant = keep(changed.tenant, m_settings.tenant, m_saved.tenant);
    settings.tokenFile = keep(changed.tokenFile, m_settings.tokenFile, m_saved.tokenFile);
    m_saved = settings;
    m_settings = changed;
    Q_EMIT settingsChanged();

    QSettings s;
    QStringList urls;
    for (const QUrl &url : std::as_const(settings.servers))
        urls.append(url.toString());
    s.setValue(u"server/urls"_s, urls);
    s.setValue(u"server/url"_s, urls.value(0));
    s.setValue(u"server/tenant"_s, settings.tenant);
    s.setValue(u"server/token"_s, settings.token);
    s.setValue(u"server/tokenFile"_s, settings.tokenFile);
    s.setValue(u"user/displayName"_s, settings.displayName);
    s.setValue(u"ui/language"_s, settings.language);
}

void AppContext::installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *glosa = new QTranslator(qApp);
    // English is the fallback, and carries the plural forms of the source texts.
    if (glosa->load(locale, u"glosa"_s, u"_"_s, u":/i18n"_s) || glosa->load(u":/i18n/glosa_en"_s))
        QCoreApplication::installTranslator(glosa);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

bool AppContext::start(QString *error)
{
    if (!m_embedded) {
        m_urls = m_settings.servers;
        return true;
    }
    m_host = new EmbeddedHost(
        m_settings.embeddedDataDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/server"_s
            : m_settings.embeddedDataDir,
        m_settings.embeddedPort, this);
    if (!m_host->start(error))
        return false;
    m_urls = {m_host->url()};
    connect(m_host, &EmbeddedHost::sharingChanged, this, &AppContext::sharingChanged);
    connect(m_host, &EmbeddedHost::urlChanged, this, [this](const QUrl &url) {
        m_urls = {url};
        forEachSession([&](PageSession *s) { s->client()->setUrls({url}); });
    });
    // The host quit and this Glosa serves now: the windows need not wait for their next try.
    connect(m_host, &EmbeddedHost::tookOver, this,
            [this] { forEachSession([](PageSession *s) { s->client()->retryNow(); }); });
    return true;
}

bool AppContext::needsRestart() const
{
    return m_settings.tenant != m_tenant ||
           (m_embedded ? !m_settings.servers.isEmpty() : m_settings.servers != m_urls);
}

bool AppContext::hostsServer() const
{
    return m_host && m_host->isHosting();
}

bool AppContext::isSharing() const
{
    return m_host && m_host->isSharing();
}

bool AppContext::setSharing(bool on, QString *error)
{
    if (!m_host) {
        *error = tr("Only the Glosa that started the local server can share it.");
        return false;
    }
    return m_host->setSharing(on, error);
}

QStringList AppContext::shareAddresses() const
{
    return m_host ? m_host->shareAddresses() : QStringList();
}

QString AppContext::serverNotice() const
{
    return m_host ? m_host->notice() : QString();
}

void AppContext::forEachSession(const std::function<void(PageSession *)> &f)
{
    m_sessions.removeIf([](const std::weak_ptr<PageSession> &s) { return s.expired(); });
    for (const std::weak_ptr<PageSession> &weak : std::as_const(m_sessions)) {
        if (const std::shared_ptr<PageSession> s = weak.lock())
            f(s.get());
    }
}

QString AppContext::token() const
{
    if (!m_settings.tokenFile.isEmpty()) {
        QFile file(m_settings.tokenFile);
        if (file.open(QIODevice::ReadOnly))
            return QString::fromUtf8(file.readAll()).trimmed();
    }
    return m_settings.token;
}

SyncClient::Options AppContext::optionsFor(const QString &page) const
{
    SyncClient::Options o;
    o.urls = m_urls;
    o.tenant = m_tenant;
    o.page = page;
    o.tokenProvider = [this] { return token(); };
    o.displayName = m_settings.displayName;
    // The files of the embedded server's pages stay the same whatever port it serves on; those
    // of a cluster are named by its first URL: one identity and one outbox for all its nodes.
    const QUrl where =
        m_embedded ? QUrl::fromLocalFile(m_host ? m_host->dataDir() : QString()) : m_urls.value(0);
    o.outboxPath = Outbox::pathFor(where, m_tenant, page);
    o.credentialPath = CredentialStore::pathFor(where, m_tenant);
    o.cachePath = PageCache::pathFor(where, m_tenant, page);
    o.readMarksPath = ReadMarks::pathFor(where, m_tenant, page);
    // Where these files are not yet, they may be under another name of the same server: that
    // of the embedded server's address, which an earlier Glosa used, or another URL of the
    // cluster's (a node put in front of the list, or the list reordered). Nothing is lost.
    const QList<QUrl> otherNames =
        m_embedded ? QList<QUrl>{QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(m_settings.embeddedPort))}
                   : m_urls.mid(1);
    QStringList outboxes, credentials, caches, marks, drafts;
    for (const QUrl &name : otherNames) {
        SyncClient::Options other;
        other.outboxPath = Outbox::pathFor(name, m_tenant, page);
        outboxes.append(other.outboxPath);
        credentials.append(CredentialStore::pathFor(name, m_tenant));
        caches.append(PageCache::pathFor(name, m_tenant, page));
        marks.append(ReadMarks::pathFor(name, m_tenant, page));
        drafts.append(DraftStore::pathFor(other));
    }
    DataFile::adopt(o.outboxPath, outboxes);
    DataFile::adopt(o.credentialPath, credentials);
    DataFile::adopt(o.cachePath, caches);
    DataFile::adopt(o.readMarksPath, marks);
    DataFile::adopt(DraftStore::pathFor(o), drafts);
    return o;
}

std::shared_ptr<PageSession> AppContext::session(const QString &page)
{
    std::shared_ptr<PageSession> s = PageSession::open(optionsFor(page));
    m_sessions.append(s);
    return s;
}

DocumentDirectory *AppContext::newDirectory(QObject *parent) const
{
    return new DocumentDirectory(
        m_urls, m_tenant, [this] { return token(); }, optionsFor({}).credentialPath, parent);
}

ContentTransfer *AppContext::newTransfer(QObject *parent) const
{
    return new ContentTransfer(
        m_urls, m_tenant, [this] { return token(); }, optionsFor({}).credentialPath, {}, parent);
}

QStringList AppContext::recentFiles() const
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

QString AppContext::pageOfFile(const QString &path, const QString &page) const
{
    if (const QString known = rememberedPageOfFile(path); !known.isEmpty())
        return known;
    QSettings settings;
    QVariantMap pages = settings.value(u"filePages"_s).toMap();
    pages.insert(path, page);
    settings.setValue(u"filePages"_s, pages);
    return page;
}

QString AppContext::rememberedPageOfFile(const QString &path) const
{
    return QSettings().value(u"filePages"_s).toMap().value(path).toString();
}

QStringList AppContext::filesOfPage(const QString &page) const
{
    const QVariantMap pages = QSettings().value(u"filePages"_s).toMap();
    QStringList files;
    for (const QString &path : recentFiles()) {
        if (pages.value(path).toString() == page)
            files.append(path);
    }
    for (auto it = pages.cbegin(); it != pages.cend(); ++it) {
        if (it.value().toString() == page && !files.contains(it.key()))
            files.append(it.key());
    }
    return files;
}

void AppContext::watchMentions(PageSession *session, const QString &page, const QString &title)
{
    m_mentions->watch(session, m_urls.value(0), m_tenant, page, title);
}

ChatLink AppContext::linkTo(const QString &page, const QString &chatId) const
{
    const QStringList shared = isSharing() ? shareAddresses() : QStringList();
    return {shared.isEmpty() ? m_urls.value(0) : QUrl(shared.first()), m_tenant, page, chatId};
}

void AppContext::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    QSettings().setValue(u"recentFiles"_s, files);
    Q_EMIT recentFilesChanged();
}

} // namespace Glosa

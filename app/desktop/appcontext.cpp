#include "appcontext.h"

#include "documentdirectory.h"
#include "server.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLibraryInfo>
#include <QNetworkInterface>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Glosa {

AppContext::AppContext(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{}

AppContext::~AppContext() = default;

AppContext::Settings AppContext::loadSettings()
{
    QSettings s;
    Settings settings;
    settings.server = QUrl(s.value(u"server/url"_s).toString());
    settings.tenant = s.value(u"server/tenant"_s, settings.tenant).toString();
    settings.token = s.value(u"server/token"_s).toString();
    settings.tokenFile = s.value(u"server/tokenFile"_s).toString();
    settings.displayName = s.value(u"user/displayName"_s).toString();
    settings.language = s.value(u"ui/language"_s).toString();
    return settings;
}

void AppContext::saveSettings(const Settings &settings)
{
    QSettings s;
    s.setValue(u"server/url"_s, settings.server.toString());
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
    if (!isEmbedded()) {
        m_url = m_settings.server;
        return true;
    }
    return startServer(false, error);
}

bool AppContext::startServer(bool everywhere, QString *error)
{
    ServerConfig config;
    config.listenAddress =
        everywhere ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(QHostAddress::LocalHost);
    config.listenPort = m_settings.embeddedPort;
    config.adminEnabled = false;
    config.dataDir =
        m_settings.embeddedDataDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/server"_s
            : m_settings.embeddedDataDir;
    auto *server = new Server(config, this);
    QString why;
    if (server->start(&why)) {
        m_server = server;
        m_url = QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(server->url().port()));
        return true;
    }
    delete server;
    if (!everywhere && why.contains(u"address is already in use"_s, Qt::CaseInsensitive)) {
        // Another Glosa on this computer hosts the page server: meet there.
        m_url = QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(m_settings.embeddedPort));
        return true;
    }
    *error = why;
    return false;
}

bool AppContext::setSharing(bool on, QString *error)
{
    if (!m_server || on == m_sharing) {
        if (!m_server)
            *error = tr("Only the Glosa that started the local server can share it.");
        return m_server != nullptr;
    }
    // Clients reconnect by themselves and resume where they were.
    QEventLoop loop;
    connect(m_server, &Server::stopped, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    m_server->stop();
    loop.exec();
    m_server->deleteLater();
    m_server = nullptr;
    if (!startServer(on, error)) {
        startServer(false, error);
        return false;
    }
    m_sharing = on;
    Q_EMIT sharingChanged(on);
    return true;
}

QStringList AppContext::shareAddresses() const
{
    QStringList addresses;
    if (!m_server)
        return addresses;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            addresses.append(u"ws://%1:%2/v1/ws"_s.arg(a.toString()).arg(m_server->url().port()));
    }
    return addresses;
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
    o.url = m_url;
    o.tenant = m_settings.tenant;
    o.page = page;
    o.tokenProvider = [this] { return token(); };
    o.displayName = m_settings.displayName;
    o.outboxPath = Outbox::pathFor(m_url, m_settings.tenant, page);
    return o;
}

std::shared_ptr<PageSession> AppContext::session(const QString &page) const
{
    return PageSession::open(optionsFor(page));
}

DocumentDirectory *AppContext::newDirectory(QObject *parent) const
{
    return new DocumentDirectory(
        m_url, m_settings.tenant, [this] { return token(); }, parent);
}

QStringList AppContext::recentFiles() const
{
    return QSettings().value(u"recentFiles"_s).toStringList();
}

QString AppContext::pageOfFile(const QString &path, const QString &page) const
{
    QSettings settings;
    QVariantMap pages = settings.value(u"filePages"_s).toMap();
    if (const QString known = pages.value(path).toString(); !known.isEmpty())
        return known;
    pages.insert(path, page);
    settings.setValue(u"filePages"_s, pages);
    return page;
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

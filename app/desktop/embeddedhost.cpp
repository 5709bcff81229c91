#include "embeddedhost.h"

#include "server.h"
#include "uilogging.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkInterface>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr int StopTimeoutMs = 5000;

} // namespace

EmbeddedHost::EmbeddedHost(QString dataDir, quint16 port, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_port(port)
    , m_lock(QDir(m_dataDir).filePath(u"host.lock"_s))
{
    m_thread.setObjectName(u"embedded server"_s);
    m_thread.start();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_watch.setInterval(TakeOverIntervalMs);
    connect(&m_watch, &QTimer::timeout, this, &EmbeddedHost::watchHost);
}

EmbeddedHost::~EmbeddedHost()
{
    // The port is free before the lock is: a guest that takes over can listen on it.
    stopServer();
    m_lock.unlock();
    QMetaObject::invokeMethod(m_worker, &QObject::deleteLater);
    m_thread.quit();
    m_thread.wait();
}

bool EmbeddedHost::start(QString *error)
{
    if (!QDir().mkpath(m_dataDir)) {
        *error = tr("Cannot create the folder %1.").arg(m_dataDir);
        return false;
    }
    if (m_lock.tryLock(0))
        return host(m_port, error);
    // Another Glosa of this user hosts: meet there, and be ready to take over.
    setUrl(publishedPort());
    m_watch.start();
    return true;
}

bool EmbeddedHost::host(quint16 wanted, QString *error)
{
    QString why;
    if (startServer(false, wanted, &why))
        return true;
    if (!why.contains(u"address is already in use"_s, Qt::CaseInsensitive)) {
        *error = why;
        return false;
    }
    // This Glosa holds the lock, so what holds the port is another program.
    if (!startServer(false, 0, error))
        return false;
    m_notice = tr("Port %1 is used by another program; Glosa's own server uses port %2.")
                   .arg(wanted)
                   .arg(m_url.port());
    return true;
}

bool EmbeddedHost::startServer(bool everywhere, quint16 port, QString *error)
{
    ServerConfig config;
    config.listenAddress =
        everywhere ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(QHostAddress::LocalHost);
    config.listenPort = port;
    config.adminEnabled = false;
    config.dataDir = m_dataDir;
    bool started = false;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            auto *server = new Server(config);
            started = server->start(error);
            if (started)
                m_server = server;
            else
                delete server;
        },
        Qt::BlockingQueuedConnection);
    if (!started)
        return false;
    const quint16 serving = quint16(m_server->url().port());
    publishPort(serving);
    setUrl(serving);
    return true;
}

void EmbeddedHost::stopServer()
{
    if (!m_server)
        return;
    Server *server = std::exchange(m_server, nullptr);
    QMetaObject::invokeMethod(
        m_worker,
        [server] {
            QEventLoop loop;
            connect(server, &Server::stopped, &loop, &QEventLoop::quit);
            QTimer::singleShot(StopTimeoutMs, &loop, &QEventLoop::quit);
            server->stop();
            loop.exec();
            delete server;
        },
        Qt::BlockingQueuedConnection);
}

bool EmbeddedHost::setSharing(bool on, QString *error)
{
    if (!m_server) {
        *error = tr("Only the Glosa that hosts the local server can share it.");
        return false;
    }
    if (on == m_sharing)
        return true;
    // Clients reconnect by themselves and resume where they were.
    stopServer();
    if (!startServer(on, quint16(m_url.port()), error)) {
        QString ignored;
        startServer(m_sharing, quint16(m_url.port()), &ignored);
        return false;
    }
    m_sharing = on;
    Q_EMIT sharingChanged(on);
    return true;
}

QStringList EmbeddedHost::shareAddresses() const
{
    QStringList addresses;
    if (!m_server)
        return addresses;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &a : all) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            addresses.append(u"ws://%1:%2/v1/ws"_s.arg(a.toString()).arg(m_url.port()));
    }
    return addresses;
}

void EmbeddedHost::watchHost()
{
    if (!m_lock.tryLock(0)) {
        setUrl(publishedPort());
        return;
    }
    m_watch.stop();
    // On the port the guests already use.
    QString error;
    if (!host(publishedPort(), &error)) {
        qCWarning(lcUi) << "cannot take over the local server:" << error;
        m_lock.unlock();
        m_watch.start();
        return;
    }
    Q_EMIT tookOver();
}

quint16 EmbeddedHost::publishedPort() const
{
    QFile file(QDir(m_dataDir).filePath(u"host.port"_s));
    bool ok = false;
    const uint port = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toUInt(&ok) : 0;
    return ok && port > 0 && port <= 65535 ? quint16(port) : m_port;
}

void EmbeddedHost::publishPort(quint16 port) const
{
    QSaveFile file(QDir(m_dataDir).filePath(u"host.port"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0 ||
        !file.commit())
        qCWarning(lcUi) << "cannot write" << file.fileName() << file.errorString();
}

void EmbeddedHost::setUrl(quint16 port)
{
    const QUrl url(u"ws://127.0.0.1:%1/v1/ws"_s.arg(port));
    if (url == m_url)
        return;
    const bool first = m_url.isEmpty();
    m_url = url;
    if (!first)
        Q_EMIT urlChanged(url);
}

} // namespace Glosa

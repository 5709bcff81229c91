#include "server.h"

#include "adminhttp.h"
#include "authenticator.h"
#include "hub.h"
#include "iothread.h"
#include "listener.h"
#include "postgreslistener.h"
#include "postgresstore.h"
#include "qtwebsocketconnection.h"
#include "serverlogging.h"
#include "sqlitecheckpointer.h"
#include "sqlitestore.h"
#include "storethread.h"
#include "usagemetrics.h"
#include "validation.h"
#include "websocketconnection.h"
#include "websockethandshake.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr int DrainTimeoutMs = 3000;
// How long the viewers of a node that stopped renewing its lease (killed, or cut off from the
// store) still count on the other nodes.
constexpr int PresenceLeaseMs = 15000;
constexpr QByteArrayView ServerName{"glosa-server/" GLOSA_VERSION};

QUrl urlFor(const QString &scheme, const QHostAddress &address, quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(address.toString());
    url.setPort(port);
    url.setPath(path);
    return url;
}

// The key that signs anonymous users' credentials, kept beside the database so that they
// outlive restarts; made on the first start.
bool loadCredentialKey(const QString &dataDir, QByteArray *key, QString *error)
{
    const QString path = QDir(dataDir).filePath(u"credential.key"_s);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"%1: %2"_s.arg(path, file.errorString());
            return false;
        }
        *key = QByteArray::fromBase64(file.readAll().trimmed());
        if (key->size() < 32) {
            *error = u"%1: not a credential key; remove it to have a new one made"_s.arg(path);
            return false;
        }
        return true;
    }
    *key = Authenticator::newCredentialKey();
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly) ||
        !save.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        save.write(key->toBase64() + '\n') < 0 || !save.commit()) {
        *error = u"%1: %2"_s.arg(path, save.errorString());
        return false;
    }
    return true;
}

} // namespace

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_tls(!m_config.tlsCertificate.isEmpty() || !m_config.tlsKey.isEmpty())
    , m_metrics(std::make_unique<UsageMetrics>())
{
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = ServerConfig::defaultDataDir();
}

Server::~Server()
{
    finishStop();
}

bool Server::openStore(QString *error)
{
    if (!m_config.store.isEmpty())
        return openPostgres(error);
    // Two connections to one SQLite file in WAL mode, each on a thread of its own: the commits',
    // and beside them the reads'. The writer opens first: it creates or migrates the schema.
    const QString path = QDir(m_config.dataDir).filePath(u"glosa.sqlite3"_s);
    m_writer = std::make_unique<StoreThread>(std::make_unique<SqliteStore>(path));
    if (!m_writer->start(error))
        return false;
    m_reads = std::make_unique<StoreThread>(std::make_unique<SqliteStore>(path));
    if (!m_reads->start(error))
        return false;
    m_checkpointer = std::make_unique<SqliteCheckpointer>(path);
    m_checkpointer->start();
    return true;
}

bool Server::openPostgres(QString *error)
{
    // Connections to the database, each on a thread of its own: the commits', the reads' and
    // presence's, and the one that listens for the wake-ups. The writer opens first: it creates
    // or migrates the schema.
    const QString url = m_config.store;
    m_writer = std::make_unique<StoreThread>(std::make_unique<PostgresStore>(url));
    if (!m_writer->start(error))
        return false;
    m_reads = std::make_unique<StoreThread>(std::make_unique<PostgresStore>(url));
    if (!m_reads->start(error))
        return false;
    // Presence has a connection of its own, so that it never waits behind a long replay.
    m_presence = std::make_unique<StoreThread>(std::make_unique<PostgresStore>(url));
    if (!m_presence->start(error))
        return false;
    m_node = Validation::newUuid();
    const auto renewLease = [this] {
        m_presence->request<QString>(
            [node = m_node](Store &store) {
                QString error;
                store.renewLease(node, PresenceLeaseMs, &error);
                return error;
            },
            this,
            [](const QString &error) {
                if (!error.isEmpty())
                    qCWarning(lcServer) << "cannot renew the node's lease:" << error;
            });
    };
    renewLease();
    auto *leaseTimer = new QTimer(this);
    connect(leaseTimer, &QTimer::timeout, this, renewLease);
    leaseTimer->start(PresenceLeaseMs / 3);

    // What other nodes store reaches this one's pages through the database's wake-ups.
    m_storeListener = new PostgresListener(url,
                                           {QString::fromLatin1(PostgresStore::NotifyChannel),
                                            QString::fromLatin1(PostgresStore::PresenceChannel)},
                                           this);
    connect(m_storeListener, &PostgresListener::notified, this,
            [this](const QString &channel, const QByteArray &payload) {
                if (channel == QLatin1StringView(PostgresStore::PresenceChannel)) {
                    const PostgresStore::PresenceNotification moved =
                        PostgresStore::parsePresenceNotification(payload);
                    if (moved.node == m_node)
                        return;
                    for (Hub *hub : std::as_const(m_hubs))
                        QMetaObject::invokeMethod(
                            hub, [hub, ids = moved.pageIds] { hub->presenceMoved(ids); });
                    return;
                }
                const QList<std::pair<qint64, qint64>> heads =
                    PostgresStore::parseNotification(payload);
                for (Hub *hub : std::as_const(m_hubs))
                    QMetaObject::invokeMethod(hub, [hub, heads] { hub->storeMoved(heads); });
            });
    connect(m_storeListener, &PostgresListener::connectedChanged, this, [this](bool connected) {
        if (!connected) {
            qCWarning(lcServer) << "the store cannot be reached:" << m_storeListener->lastError();
            return;
        }
        for (Hub *hub : std::as_const(m_hubs))
            QMetaObject::invokeMethod(hub, &Hub::storeReconnected);
    });
    m_storeListener->start();
    // Anonymous users' credentials verify on every node: the nodes share one key.
    if (m_config.credentialKey.isEmpty()) {
        PostgresStore keys(url);
        if (!keys.open(error))
            return false;
        m_config.credentialKey = keys.credentialKey(Authenticator::newCredentialKey(), error);
        if (m_config.credentialKey.isEmpty())
            return false;
    }
    return true;
}

bool Server::start(QString *error)
{
    if (!openStore(error))
        return false;
    if (m_config.credentialKey.isEmpty() &&
        !loadCredentialKey(m_config.dataDir, &m_config.credentialKey, error))
        return false;

    const auto makeHub = [this] {
        return new Hub(m_config, m_reads.get(), m_writer.get(), m_metrics.get(), m_presence.get(),
                       m_node);
    };
    m_hubs.append(makeHub());
    // A wss connection cannot move between threads safely (its QSslSocket keeps parts on the
    // thread that made it): with TLS every connection stays on the server's own thread.
    if (m_tls && m_config.ioThreads > 1) {
        qCWarning(lcServer) << "wss:// connections are served on one I/O thread, not"
                            << m_config.ioThreads;
        m_config.ioThreads = 1;
    }
    for (int i = 1; i < m_config.ioThreads; ++i) {
        m_threads.push_back(std::make_unique<IoThread>(makeHub));
        m_threads.back()->setObjectName(u"glosa-io-%1"_s.arg(i));
        m_hubs.append(m_threads.back()->startHub());
    }
    for (Hub *hub : std::as_const(m_hubs))
        hub->setPeers(m_hubs);

    if (m_tls) {
        // wss: QSslSocket and QWebSocketServer, each connection a QWebSocket.
        m_webSockets = new QWebSocketServer(QString::fromLatin1(ServerName),
                                            QWebSocketServer::SecureMode, this);
        m_webSockets->setMaxPendingConnections(std::numeric_limits<int>::max());
        m_webSockets->setHandshakeTimeout(WebSocketHandshake::TimeoutMs);
        connect(m_webSockets, &QWebSocketServer::newConnection, this, &Server::onUpgraded);
        if (!setUpTls(error))
            return false;
        m_listener = new Listener([this](int fd) { acceptTls(fd); }, this);
    } else {
        // ws: the handshake and RFC 6455 of our own, on the bare socket descriptor.
        m_listener = new Listener([this](int fd) { acceptPlain(fd); }, this);
    }
    QString listenError;
    if (!m_listener->listen(m_config.listenAddress, m_config.listenPort, &listenError)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort)
                     .arg(listenError);
        return false;
    }

    if (m_config.adminEnabled) {
        m_admin = new AdminHttp(
            m_metrics.get(),
            [this] {
                return AdminHttp::Gauges{connectionCount(), pageCount(),
                                         !m_storeListener || m_storeListener->isConnected()};
            },
            this);
        QString adminError;
        if (!m_admin->listen(m_config.adminAddress, m_config.adminPort, &adminError)) {
            *error = u"cannot listen for admin on %1:%2: %3"_s.arg(m_config.adminAddress.toString())
                         .arg(m_config.adminPort)
                         .arg(adminError);
            return false;
        }
    }
    qCInfo(lcServer) << "serving" << url() << "data in"
                     << (m_config.store.isEmpty() ? m_config.dataDir
                                                  : PostgresStore::redacted(m_config.store))
                     << "on" << m_hubs.size() << "I/O threads";
    return true;
}

int Server::connectionCount() const
{
    int count = 0;
    for (const Hub *hub : m_hubs)
        count += hub->connectionCount();
    return count;
}

int Server::pageCount() const
{
    int count = 0;
    for (const Hub *hub : m_hubs)
        count += hub->pageCount();
    return count;
}

Hub *Server::nextHub()
{
    Hub *hub = m_hubs.at(m_nextHub);
    m_nextHub = (m_nextHub + 1) % m_hubs.size();
    return hub;
}

bool Server::setUpTls(QString *error)
{
    QFile certFile(m_config.tlsCertificate);
    QFile keyFile(m_config.tlsKey);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(m_config.tlsCertificate, certFile.errorString());
        return false;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(m_config.tlsKey, keyFile.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = u"%1: no PEM certificate found"_s.arg(m_config.tlsCertificate);
        return false;
    }
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = u"%1: no unencrypted PEM RSA or EC private key found"_s.arg(m_config.tlsKey);
        return false;
    }
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setLocalCertificateChain(chain);
    m_ssl.setPrivateKey(key);
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}

void Server::acceptPlain(int fd)
{
    if (m_stopping) {
        ::close(fd);
        return;
    }
    // The handshake runs on the hub's thread, where the connection then lives.
    Hub *hub = nextHub();
    QMetaObject::invokeMethod(hub, [hub, fd] {
        auto *handshake =
            new WebSocketHandshake(fd, QByteArrayView(Path.data(), Path.size()), ServerName, hub);
        connect(handshake, &WebSocketHandshake::upgraded, hub, &Hub::addConnection);
    });
}

// wss: the TLS handshake, within the same time as the WebSocket one.
void Server::acceptTls(int fd)
{
    auto *socket = new QSslSocket(this);
    if (m_stopping || !socket->setSocketDescriptor(fd)) {
        ::close(fd);
        delete socket;
        return;
    }
    socket->setSslConfiguration(m_ssl);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { accept(socket); });
    connect(socket, &QAbstractSocket::errorOccurred, socket,
            [socket](QAbstractSocket::SocketError e) {
                if (!socket->isEncrypted())
                    qCDebug(lcServer) << "TLS handshake failed" << e;
            });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(WebSocketHandshake::TimeoutMs, socket, [socket] {
        if (!socket->isEncrypted())
            socket->abort();
    });
    socket->startServerEncryption();
}

// wss: reads the HTTP request head so that a path other than /v1/ws is refused with 404 before the
// WebSocket handshake; the rest of the handshake is QWebSocketServer's.
void Server::accept(QTcpSocket *socket)
{
    if (m_stopping) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [socket] { socket->abort(); });
    timeout->start(WebSocketHandshake::TimeoutMs);

    const auto inspect = [this, socket, timeout] {
        const QByteArray head = socket->peek(WebSocketHandshake::MaxHeadBytes);
        if (!head.contains("\r\n\r\n") && head.size() < WebSocketHandshake::MaxHeadBytes)
            return;
        disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
        delete timeout;
        // Refused as on the plain listener; an upgrade goes on to QWebSocketServer.
        const qsizetype end = head.indexOf("\r\n\r\n");
        const WebSocketHandshake::Answer answer =
            WebSocketHandshake::answer(QByteArrayView(head).first(end < 0 ? head.size() : end),
                                       QByteArrayView(Path.data(), Path.size()), ServerName);
        if (answer.status != 101) {
            socket->write(answer.response);
            socket->disconnectFromHost();
            return;
        }
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        const std::pair peer{socket->peerAddress(), socket->peerPort()};
        m_upgrading.insert(peer, socket);
        // Refused by QWebSocketServer, or gone before the upgrade.
        connect(socket, &QTcpSocket::disconnected, this, [this, socket, peer] {
            m_upgrading.remove(peer);
            socket->deleteLater();
        });
        m_webSockets->handleConnection(socket);
    };
    connect(socket, &QTcpSocket::readyRead, this, inspect);
    if (socket->bytesAvailable())
        inspect();
}

void Server::onUpgraded()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        QTcpSocket *transport = m_upgrading.take({socket->peerAddress(), socket->peerPort()});
        if (transport)
            disconnect(transport, nullptr, this, nullptr);
        // A handshake may complete after the server has stopped: nobody serves it.
        if (m_stopping || !transport) {
            socket->abort();
            delete socket;
            delete transport;
            continue;
        }
        m_hubs.first()->addConnection(new QtWebSocketConnection(socket, transport));
    }
}

void Server::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_listener)
        m_listener->close();
    if (m_admin)
        m_admin->close();
    if (m_hubs.isEmpty()) {
        finishStop();
        return;
    }
    for (Hub *hub : std::as_const(m_hubs)) {
        connect(
            hub, &Hub::drained, this, [this, hub] { onDrained(hub); }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(hub, &Hub::shutdown);
    }
    QTimer::singleShot(DrainTimeoutMs, this, &Server::finishStop);
}

void Server::onDrained(Hub *hub)
{
    m_drained.insert(hub);
    if (m_drained.size() == m_hubs.size())
        finishStop();
}

void Server::finishStop()
{
    if (!m_writer)
        return;
    if (m_storeListener) {
        m_storeListener->disconnect(this);
        m_storeListener->stop();
    }
    // Whatever was handed to the stores is stored, and answered on the hubs' threads, before the
    // hubs go and the server reports it stopped.
    m_writer->stop();
    if (m_reads)
        m_reads->stop();
    if (m_presence) {
        // The node's viewers leave with it, at once rather than when its lease runs out.
        m_presence->request<bool>(
            [node = m_node](Store &store) {
                QString error;
                return store.renewLease(node, 0, &error);
            },
            this, [](bool) {});
        m_presence->stop();
    }
    // The other threads delete their own hubs.
    Hub *own = m_hubs.value(0);
    m_hubs.clear();
    m_threads.clear();
    delete own;
    m_reads.reset();
    m_writer.reset();
    m_presence.reset();
    m_checkpointer.reset();
    if (m_stopping) {
        qCInfo(lcServer) << "stopped";
        Q_EMIT stopped();
    }
}

QUrl Server::url() const
{
    return urlFor(m_tls ? u"wss"_s : u"ws"_s, m_config.listenAddress, m_listener->port(), Path);
}

QUrl Server::adminUrl() const
{
    if (!m_admin)
        return {};
    return urlFor(u"http"_s, m_config.adminAddress, m_admin->port(), {});
}

} // namespace Glosa

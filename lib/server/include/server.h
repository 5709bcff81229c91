#pragma once

#include "serverconfig.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpSocket;
class QWebSocketServer;

namespace Glosa {

class AdminHttp;
class Hub;
class IoThread;
class Listener;
class PostgresListener;
class SqliteCheckpointer;
class StoreThread;
class UsageMetrics;

// A whole Glosa server: the WebSocket listener on /v1/ws (ws, or wss with a certificate), one hub
// per I/O thread (ServerConfig::ioThreads: the thread that starts the server, and as many more as
// it takes), the store (SQLite in the data folder, or a PostgreSQL database that several nodes
// share) and the admin HTTP listener. glosa-server and the desktop app's
// embedded server are both one of these.
//
// The listener, the admin endpoint and TLS handshakes run on the server's own thread. A ws
// connection is handed to the hubs in turn as it is accepted, a wss one to the first hub once its
// handshakes are done; either moves to its page's hub after hello.
class Server : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1StringView Path{"/v1/ws"};

    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    bool start(QString *error);
    // Stops accepting, stores what is pending and closes every connection with 1001; emits
    // stopped() when done.
    void stop();

    QUrl url() const;
    QUrl adminUrl() const;
    const ServerConfig &config() const { return m_config; }
    // The hub on the server's own thread.
    Hub *hub() const { return m_hubs.value(0); }
    const QList<Hub *> &hubs() const { return m_hubs; }
    // Over every hub.
    int connectionCount() const;
    int pageCount() const;
    UsageMetrics *metrics() const { return m_metrics.get(); }

Q_SIGNALS:
    void stopped();

private:
    bool openStore(QString *error);
    bool openPostgres(QString *error);
    bool setUpTls(QString *error);
    void acceptPlain(int fd);
    void acceptTls(int fd);
    void accept(QTcpSocket *socket);
    void onUpgraded();
    Hub *nextHub();
    void onDrained(Hub *hub);
    void finishStop();

    ServerConfig m_config;
    const bool m_tls;
    QSslConfiguration m_ssl;
    std::unique_ptr<StoreThread> m_writer; // commits, on a thread of its own
    std::unique_ptr<StoreThread> m_reads;  // reads, on a thread of their own
    std::unique_ptr<SqliteCheckpointer> m_checkpointer;
    // On PostgreSQL: presence shared with the other nodes, under this node's id, and the
    // database's wake-ups, when other nodes store events or their viewers change.
    std::unique_ptr<StoreThread> m_presence;
    QString m_node;
    PostgresListener *m_storeListener = nullptr;
    std::unique_ptr<UsageMetrics> m_metrics;
    std::vector<std::unique_ptr<IoThread>> m_threads; // of every hub but the first
    QList<Hub *> m_hubs;
    qsizetype m_nextHub = 0;
    QSet<Hub *> m_drained;
    Listener *m_listener = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    // wss: the TCP sockets handed to m_webSockets, by peer, until they are upgraded.
    QHash<std::pair<QHostAddress, quint16>, QTcpSocket *> m_upgrading;
    AdminHttp *m_admin = nullptr;
    bool m_stopping = false;
};

} // namespace Glosa

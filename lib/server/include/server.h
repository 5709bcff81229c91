#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QTcpSocket;
class QWebSocketServer;

namespace Glosa {

class AdminHttp;
class Hub;
class Listener;
class SqliteCheckpointer;
class StoreThread;
class UsageMetrics;

// A whole Glosa server: the WebSocket listener on /v1/ws (ws, or wss with a certificate), the
// hub, the SQLite store and the admin HTTP listener. glosa-server and the desktop app's embedded
// server are both one of these.
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
    Hub *hub() const { return m_hub; }
    UsageMetrics *metrics() const { return m_metrics.get(); }

Q_SIGNALS:
    void stopped();

private:
    bool setUpTls(QString *error);
    void acceptPlain(int fd);
    void acceptTls(int fd);
    void accept(QTcpSocket *socket);
    void finishStop();

    ServerConfig m_config;
    const bool m_tls;
    QSslConfiguration m_ssl;
    std::unique_ptr<StoreThread> m_writer; // commits, on a thread of its own
    std::unique_ptr<StoreThread> m_reads;  // reads, on a thread of their own
    std::unique_ptr<SqliteCheckpointer> m_checkpointer;
    std::unique_ptr<UsageMetrics> m_metrics;
    Hub *m_hub = nullptr;
    Listener *m_listener = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    AdminHttp *m_admin = nullptr;
    bool m_stopping = false;
};

} // namespace Glosa

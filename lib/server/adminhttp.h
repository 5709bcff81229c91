#pragma once

#include <QHostAddress>
#include <QTcpServer>

#include <functional>

namespace Glosa {

class UsageMetrics;

// The admin listener: a minimal HTTP/1.1 server answering GET /healthz, GET /v1/usage (JSON)
// and GET /metrics (Prometheus text format 0.0.4). One request per connection.
class AdminHttp : public QObject
{
    Q_OBJECT
public:
    struct Gauges
    {
        int connections = 0;
        int pages = 0;
        // Whether the node can serve: false while its store cannot be reached, and /healthz
        // answers 503 so that a load balancer sends no one to it.
        bool ready = true;
    };

    AdminHttp(const UsageMetrics *metrics, std::function<Gauges()> gauges,
              QObject *parent = nullptr);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    void close() { m_server.close(); }

    QByteArray usageJson() const;
    QByteArray prometheusText() const;

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    const UsageMetrics *m_metrics;
    std::function<Gauges()> m_gauges;
};

} // namespace Glosa

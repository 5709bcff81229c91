#include "adminhttp.h"

#include "usagemetrics.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr qsizetype MaxRequestBytes = 8192;

QByteArray response(int status, const QByteArray &reason, const QByteArray &contentType,
                    const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
           "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body;
}

QByteArray escapeLabel(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

} // namespace

AdminHttp::AdminHttp(const UsageMetrics *metrics, std::function<Gauges()> gauges, QObject *parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_gauges(std::move(gauges))
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            serve(socket);
    });
}

bool AdminHttp::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server.listen(address, port))
        return true;
    *error = m_server.errorString();
    return false;
}

void AdminHttp::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
        if (socket->property("answered").toBool())
            return;
        const QByteArray head = socket->peek(MaxRequestBytes);
        const qsizetype end = head.indexOf("\r\n\r\n");
        QByteArray reply;
        if (end < 0) {
            if (head.size() < MaxRequestBytes)
                return;
            reply = response(431, "Request Header Fields Too Large", "text/plain", "too large\n");
        } else {
            const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
            const QByteArray method = requestLine.value(0);
            const QByteArray path = requestLine.value(1).split('?').first();
            if (method != "GET" && method != "HEAD")
                reply = response(405, "Method Not Allowed", "text/plain", "GET only\n");
            else if (path == "/healthz")
                reply = m_gauges().ready ? response(200, "OK", "text/plain", "ok\n")
                                         : response(503, "Service Unavailable", "text/plain",
                                                    "the store cannot be reached\n");
            else if (path == "/v1/usage")
                reply = response(200, "OK", "application/json", usageJson());
            else if (path == "/metrics")
                reply = response(200, "OK", "text/plain; version=0.0.4; charset=utf-8",
                                 prometheusText());
            else
                reply = response(404, "Not Found", "text/plain", "not found\n");
            if (method == "HEAD")
                reply = reply.left(reply.indexOf("\r\n\r\n") + 4);
        }
        socket->setProperty("answered", true);
        socket->write(reply);
        socket->disconnectFromHost();
    });
}

QByteArray AdminHttp::usageJson() const
{
    const QHash<QString, UsageMetrics::Tenant> usage = m_metrics->snapshot();
    QJsonObject tenants;
    for (auto it = usage.constBegin(); it != usage.constEnd(); ++it) {
        tenants.insert(it.key(), QJsonObject{{"pubSubMessageCount"_L1, it->pubSubMessageCount},
                                             {"pubSubBandwidth"_L1, it->pubSubBandwidth},
                                             {"connections"_L1, it->connections}});
    }
    return QJsonDocument(QJsonObject{{"tenants"_L1, tenants}}).toJson(QJsonDocument::Compact);
}

QByteArray AdminHttp::prometheusText() const
{
    const QHash<QString, UsageMetrics::Tenant> usage = m_metrics->snapshot();
    QStringList names = usage.keys();
    std::sort(names.begin(), names.end());
    const Gauges gauges = m_gauges();

    QByteArray out;
    const auto family = [&](const char *name, const char *type, const char *help, auto value) {
        out += "# HELP "_ba + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
        for (const QString &tenant : std::as_const(names))
            out += name + "{tenant=\""_ba + escapeLabel(tenant) + "\"} " +
                   QByteArray::number(value(usage.value(tenant))) + '\n';
    };
    family("glosa_pubsub_messages_total", "counter",
           "Frames the pub/sub layer sent to clients (pubSubMessageCount); a batch counts once.",
           [](const UsageMetrics::Tenant &t) { return t.pubSubMessageCount; });
    family("glosa_pubsub_bytes_total", "counter",
           "Payload bytes of those frames (pubSubBandwidth).",
           [](const UsageMetrics::Tenant &t) { return t.pubSubBandwidth; });
    family("glosa_tenant_connections", "gauge", "Open connections of the tenant.",
           [](const UsageMetrics::Tenant &t) { return t.connections; });
    out += "# HELP glosa_connections Open WebSocket connections, those awaiting hello included.\n"
           "# TYPE glosa_connections gauge\nglosa_connections " +
           QByteArray::number(gauges.connections) +
           "\n# HELP glosa_pages Pages held in memory.\n# TYPE glosa_pages gauge\nglosa_pages " +
           QByteArray::number(gauges.pages) + '\n';
    return out;
}

} // namespace Glosa

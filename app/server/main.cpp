#include "server.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using Glosa::ServerConfig;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "glosa-server: %s\n", qUtf8Printable(message));
    return 2;
}

void print(const QString &line)
{
    std::fprintf(stdout, "%s\n", qUtf8Printable(line));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Glosa"_s);
    QCoreApplication::setApplicationName(u"glosa-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GLOSA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The Glosa server: live discussion threads on shared documents over WebSocket."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s,
                                    u"Address and port for WebSocket clients (port 0: any free)."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:8765"_s);
    const QCommandLineOption adminListen(u"admin-listen"_s,
                                         u"Address and port of /healthz, /v1/usage and /metrics."_s,
                                         u"HOST:PORT"_s, u"127.0.0.1:8766"_s);
    const QCommandLineOption data(u"data"_s, u"Folder of the SQLite database."_s, u"DIR"_s,
                                  ServerConfig::defaultDataDir());
    const QCommandLineOption config(u"config"_s, u"JSON file with tenants and limits."_s,
                                    u"FILE"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"PEM certificate chain: serve wss://."_s,
                                     u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key of the certificate."_s,
                                    u"FILE"_s);
    const QCommandLineOption batchMs(
        u"batch-ms"_s, u"Batch window for busy connections, in ms (0: no batching)."_s, u"N"_s,
        u"20"_s);
    parser.addOptions({listen, adminListen, data, config, tlsCert, tlsKey, batchMs});
    parser.process(app);

    ServerConfig cfg;
    QString error;
    if (!ServerConfig::parseHostPort(parser.value(listen), &cfg.listenAddress, &cfg.listenPort,
                                     &error))
        return fail(u"--listen: "_s + error);
    if (!ServerConfig::parseHostPort(parser.value(adminListen), &cfg.adminAddress, &cfg.adminPort,
                                     &error))
        return fail(u"--admin-listen: "_s + error);
    cfg.dataDir = parser.value(data);
    if (parser.isSet(config) && !cfg.loadFile(parser.value(config), &error))
        return fail(u"--config "_s + error);
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(u"--tls-cert and --tls-key go together"_s);
    cfg.tlsCertificate = parser.value(tlsCert);
    cfg.tlsKey = parser.value(tlsKey);
    bool ok = false;
    cfg.batchMs = parser.value(batchMs).toInt(&ok);
    if (!ok || cfg.batchMs < 0 || cfg.batchMs > 10000)
        return fail(u"--batch-ms takes a number of milliseconds from 0 to 10000"_s);

    Glosa::Server server(cfg);
    if (!server.start(&error))
        return fail(error);
    print(u"listening "_s + server.url().toString());
    print(u"admin "_s + server.adminUrl().toString());

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &server, &Glosa::Server::stop);
    QObject::connect(&server, &Glosa::Server::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}

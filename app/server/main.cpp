#include "epolleventdispatcher.h"
#include "jwt.h"
#include "postgresstore.h"
#include "server.h"
#include "signalwatcher.h"
#include "user.h"
#include "validation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QThread>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

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

int failToken(const QString &message)
{
    std::fprintf(stderr, "glosa-server token: %s\n", qUtf8Printable(message));
    return 2;
}

// `glosa-server token ...`: prints a JWT for one user of a tenant, signed with the tenant's secret
// from the configuration file, as the server will verify it.
int mintToken(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Prints an access token for a user of a tenant: a JWT signed with HS256 and the tenant's "
        "secret from the configuration file, with the claims tid, sub, name, role, iat and exp."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Displays help on commandline options."_s);
    const QCommandLineOption config(
        u"config"_s, u"The server's JSON configuration file (required)."_s, u"FILE"_s);
    const QCommandLineOption tenant(u"tenant"_s, u"The tenant the token is for (required)."_s,
                                    u"T"_s);
    const QCommandLineOption sub(u"sub"_s, u"The user's id, the claim sub (required)."_s, u"ID"_s);
    const QCommandLineOption name(u"name"_s, u"The user's display name (default: the id)."_s,
                                  u"N"_s);
    const QCommandLineOption role(u"role"_s, u"viewer, member or moderator (default: member)."_s,
                                  u"ROLE"_s, u"member"_s);
    const QCommandLineOption days(u"days"_s, u"Days until the token expires (default: 30)."_s,
                                  u"D"_s, u"30"_s);
    parser.addOptions({help, config, tenant, sub, name, role, days});
    parser.process(arguments);
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(u" [options]"_s, u" token [options]"_s);
        std::fprintf(stdout, "%s", qUtf8Printable(text));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return failToken(u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().first()));
    for (const QCommandLineOption *required : {&config, &tenant, &sub}) {
        if (!parser.isSet(*required))
            return failToken(u"--%1 is required (see glosa-server token --help)"_s.arg(
                required->names().constFirst()));
    }

    ServerConfig cfg;
    QString error;
    if (!cfg.loadFile(parser.value(config), &error))
        return failToken(u"--config "_s + error);
    const QString tenantId = parser.value(tenant);
    const Glosa::TenantConfig *found = nullptr;
    QStringList known;
    for (const Glosa::TenantConfig &t : std::as_const(cfg.tenants)) {
        known.append(t.id);
        if (t.id == tenantId)
            found = &t;
    }
    if (!found)
        return failToken(u"tenant \"%1\" is not in %2 (its tenants: %3)"_s.arg(
            tenantId, parser.value(config), known.join(u", "_s)));
    if (found->secret.isEmpty())
        return failToken(u"tenant \"%1\" has no secret in %2, so it takes no tokens; give it a "
                         "\"secret\" to sign them with"_s.arg(tenantId, parser.value(config)));

    const QString userId = parser.value(sub);
    if (userId.isEmpty())
        return failToken(u"--sub must not be empty"_s);
    if (userId.startsWith(u"anon:"_s))
        return failToken(u"--sub must not start with \"anon:\", which names anonymous users"_s);
    QJsonObject claims{{u"tid"_s, tenantId}, {u"sub"_s, userId}};
    if (parser.isSet(name)) {
        const Glosa::ProtocolError invalid = Glosa::Validation::checkName(parser.value(name));
        if (!invalid.isNull())
            return failToken(u"--name: "_s + invalid.message);
        claims.insert(u"name"_s, parser.value(name));
    }
    Glosa::User::Role parsedRole = Glosa::User::Role::Member;
    if (!Glosa::User::roleFromName(parser.value(role), &parsedRole))
        return failToken(u"--role must be viewer, member or moderator"_s);
    claims.insert(u"role"_s, Glosa::User::roleName(parsedRole));
    bool ok = false;
    const double lifetimeDays = parser.value(days).toDouble(&ok);
    if (!ok || !(lifetimeDays > 0) || lifetimeDays > 3650)
        return failToken(u"--days takes a number of days above 0 and up to 3650"_s);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    claims.insert(u"iat"_s, now);
    claims.insert(u"exp"_s, now + qMax<qint64>(1, qint64(lifetimeDays * 86400)));

    const QByteArray token = Glosa::Jwt::sign(claims, found->secret);
    std::fprintf(stdout, "%s\n", token.constData());
    return 0;
}

// Each connection holds a file descriptor, and the soft limit a shell or service manager hands
// out (often 1024) is far below what the machine allows: serve up to the hard limit.
void raiseOpenFilesLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    raiseOpenFilesLimit();
#ifdef Q_OS_LINUX
    // Polling every socket on every wake-up, as Qt's dispatchers do, costs in proportion to the
    // connections held: the server waits on epoll instead.
    QCoreApplication::setEventDispatcher(new Glosa::EpollEventDispatcher);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Glosa"_s);
    QCoreApplication::setApplicationName(u"glosa-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GLOSA_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == "token"_L1)
        return mintToken(QStringList{arguments.constFirst()} + arguments.mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"The Glosa server: live discussion threads on shared documents over WebSocket.\n"
        "To print an access token for a user: glosa-server token --help."_s);
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
    const QCommandLineOption ioThreads(
        u"io-threads"_s, u"Threads that serve connections (default: one per core)."_s, u"N"_s,
        QString::number(qMax(1, QThread::idealThreadCount())));
    const QCommandLineOption store(
        u"store"_s,
        u"A PostgreSQL database to keep the state in, shared by every node of a cluster "
        "(postgresql://USER:PASSWORD@HOST:PORT/DATABASE); default: SQLite in the data folder."_s,
        u"URL"_s);
    parser.addOptions(
        {listen, adminListen, data, config, store, tlsCert, tlsKey, batchMs, ioThreads});
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
    if (parser.isSet(store)) {
        if (!Glosa::PostgresStore::isUrl(parser.value(store)))
            return fail(u"--store takes a postgresql:// URL"_s);
        cfg.store = parser.value(store);
    }
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(u"--tls-cert and --tls-key go together"_s);
    cfg.tlsCertificate = parser.value(tlsCert);
    cfg.tlsKey = parser.value(tlsKey);
    bool ok = false;
    cfg.batchMs = parser.value(batchMs).toInt(&ok);
    if (!ok || cfg.batchMs < 0 || cfg.batchMs > 10000)
        return fail(u"--batch-ms takes a number of milliseconds from 0 to 10000"_s);
    cfg.ioThreads = parser.value(ioThreads).toInt(&ok);
    if (!ok || cfg.ioThreads < 1 || cfg.ioThreads > ServerConfig::MaxIoThreads)
        return fail(u"--io-threads takes a number from 1 to %1"_s.arg(ServerConfig::MaxIoThreads));

    Glosa::Server server(cfg);
    if (!server.start(&error))
        return fail(error);
    print(u"listening "_s + server.url().toString());
    print(u"admin "_s + server.adminUrl().toString());

    Glosa::SignalWatcher signals;
    QObject::connect(&signals, &Glosa::SignalWatcher::terminationRequested, &server,
                     &Glosa::Server::stop);
    QObject::connect(&server, &Glosa::Server::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}

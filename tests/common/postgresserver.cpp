#include "postgresserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QThread>

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 60000;
constexpr int StopTimeoutMs = 60000;

// A TCP port of 127.0.0.1 that nothing listens on now.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// The processes whose parent is `parent`, from /proc.
QList<int> childrenOf(pid_t parent)
{
    QList<int> children;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const int pid = entry.toInt(&number);
        if (!number)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (name) state ppid …", where the name may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == int(parent))
            children.append(pid);
    }
    return children;
}

QString quoted(const QString &identifier)
{
    return u"\""_s + QString(identifier).replace(u"\""_s, u"\"\""_s) + u"\""_s;
}

} // namespace

PostgresServer::PostgresServer()
    : m_dir(QDir::tempPath() + u"/glosa-postgres-XXXXXX"_s)
{
    if (::geteuid() == 0) {
        if (const passwd *user = ::getpwnam("postgres")) {
            m_uid = int(user->pw_uid);
            m_gid = int(user->pw_gid);
        }
    }
}

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::binDir()
{
    return qEnvironmentVariable("GLOSA_POSTGRES_BINDIR", u"/usr/lib/postgresql/15/bin"_s);
}

QString PostgresServer::dataDir() const
{
    return m_dir.filePath(u"data"_s);
}

QString PostgresServer::url(const QString &database) const
{
    return u"postgresql://%1:%2@127.0.0.1:%3/%4"_s
        .arg(QLatin1StringView(User), QLatin1StringView(Password))
        .arg(m_port)
        .arg(database);
}

bool PostgresServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void PostgresServer::prepare(QProcess &process) const
{
    process.setWorkingDirectory(m_dir.path());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C"_s);
    environment.insert(u"LANG"_s, u"C"_s);
    process.setProcessEnvironment(environment);
    const bool switchUser = m_uid >= 0;
    const uid_t uid = uid_t(m_uid);
    const gid_t gid = gid_t(m_gid);
    process.setChildProcessModifier([switchUser, uid, gid] {
        // A session of its own: a Ctrl-C meant for the test does not reach the server, which
        // the test stops itself.
        ::setsid();
        if (switchUser && (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0))
            ::_exit(126);
    });
}

bool PostgresServer::start(QString *error)
{
    if (isRunning())
        return true;
    const QString bin = binDir();
    for (const QString &program : {u"initdb"_s, u"postgres"_s}) {
        const QString path = bin + u"/"_s + program;
        if (!QFileInfo(path).isExecutable()) {
            *error = u"PostgreSQL 15 is not installed: %1 is missing (.ci/install-deps installs "
                     u"postgresql-15; GLOSA_POSTGRES_BINDIR may name another folder)"_s.arg(path);
            return false;
        }
    }
    if (::geteuid() == 0 && m_uid < 0) {
        *error = u"the tests run as root, and there is no user `postgres` to run PostgreSQL as "
                 u"(the postgresql-common package makes it)"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"cannot make a temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    if (!m_initialized && !initialize(error))
        return false;

    // The free port found may be taken before PostgreSQL binds it: then another one.
    const bool firstStart = m_port == 0;
    for (int attempt = 0;; ++attempt) {
        if (firstStart)
            m_port = freePort();
        if (launch(error))
            break;
        if (!firstStart || attempt == 4 || !log().contains(u"Address already in use"_s))
            return false;
    }
    if (m_bootstrapped)
        return true;
    if (!execute(u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(QLatin1StringView(User),
                                                             QLatin1StringView(Password)),
                 u"postgres"_s, nullptr, error) ||
        !createDatabase(u"glosa"_s, {}, error))
        return false;
    m_bootstrapped = true;
    return true;
}

bool PostgresServer::initialize(QString *error)
{
    if (m_uid >= 0 &&
        ::chown(QFile::encodeName(m_dir.path()).constData(), uid_t(m_uid), gid_t(m_gid)) != 0) {
        *error = u"cannot give %1 to the user postgres"_s.arg(m_dir.path());
        return false;
    }
    QProcess initdb;
    prepare(initdb);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    // --no-sync only skips flushing the new cluster's files once; the server itself runs with
    // fsync on.
    initdb.start(binDir() + u"/initdb"_s,
                 {u"-D"_s, dataDir(), u"-U"_s, u"postgres"_s, u"-E"_s, u"UTF8"_s, u"--no-locale"_s,
                  u"--auth-local=trust"_s, u"--auth-host=scram-sha-256"_s, u"--no-sync"_s,
                  u"--no-instructions"_s});
    if (!initdb.waitForFinished(StartTimeoutMs) || initdb.exitStatus() != QProcess::NormalExit ||
        initdb.exitCode() != 0) {
        *error = u"initdb failed (%1): %2"_s.arg(
            initdb.errorString(), QString::fromLocal8Bit(initdb.readAll()).trimmed());
        initdb.kill();
        initdb.waitForFinished(StopTimeoutMs);
        return false;
    }
    m_initialized = true;
    return true;
}

bool PostgresServer::launch(QString *error)
{
    const QString logFile = m_dir.filePath(u"postgres.log"_s);
    QFile::remove(logFile);
    m_process = std::make_unique<QProcess>();
    prepare(*m_process);
    m_process->setStandardOutputFile(logFile, QIODevice::Append);
    m_process->setStandardErrorFile(logFile, QIODevice::Append);
    m_process->start(binDir() + u"/postgres"_s,
                     {u"-D"_s, dataDir(), u"-p"_s, QString::number(m_port), u"-k"_s, m_dir.path(),
                      u"-c"_s, u"listen_addresses=127.0.0.1"_s, u"-c"_s, u"shared_buffers=32MB"_s,
                      u"-c"_s, u"max_connections=100"_s, u"-c"_s, u"logging_collector=off"_s});
    if (!m_process->waitForStarted(StartTimeoutMs)) {
        *error = u"cannot start %1: %2"_s.arg(m_process->program(), m_process->errorString());
        m_process.reset();
        return false;
    }
    return waitUntilReady(error);
}

bool PostgresServer::waitUntilReady(QString *error)
{
    const QByteArray conninfo = "host=127.0.0.1 port=" + QByteArray::number(m_port) +
                                " dbname=postgres user=postgres connect_timeout=5";
    const QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            *error = u"PostgreSQL stopped while starting (exit code %1): %2"_s.arg(
                QString::number(m_process->exitCode()), log());
            m_process.reset();
            return false;
        }
        if (PQping(conninfo.constData()) == PQPING_OK)
            return true;
        // Returns at once when the server exits; otherwise the server is asked again.
        m_process->waitForFinished(50);
    }
    *error = u"PostgreSQL did not accept connections within %1 ms: %2"_s.arg(
        QString::number(StartTimeoutMs), log());
    kill();
    return false;
}

void PostgresServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // SIGINT is PostgreSQL's fast shutdown; the postmaster exits after all its processes.
        ::kill(pid_t(m_process->processId()), SIGINT);
        if (!m_process->waitForFinished(StopTimeoutMs))
            kill();
    }
    m_process.reset();
}

void PostgresServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // PostgreSQL makes each process it starts lead a process group of its own, so no
        // signal to a group reaches them all: the postmaster is stopped, so that it starts no
        // more, then it and every process it started are killed.
        const pid_t pid = pid_t(m_process->processId());
        ::kill(pid, SIGSTOP);
        const QList<int> children = childrenOf(pid);
        for (const int child : children)
            ::kill(pid_t(child), SIGKILL);
        ::kill(pid, SIGKILL);
        m_process->waitForFinished(StopTimeoutMs);
    }
    m_process.reset();
}

bool PostgresServer::restart(QString *error)
{
    QString failure;
    if (!m_initialized || m_port == 0) {
        failure = u"PostgreSQL was never started"_s;
    } else {
        stop();
        // After kill() the killed processes may still hold the shared memory or the port for
        // a moment: PostgreSQL then refuses to start, and is started again, for a bounded time.
        const QDeadlineTimer deadline(StartTimeoutMs);
        for (int attempt = 1;; ++attempt) {
            if (launch(&failure))
                return true;
            const QString text = log();
            const bool transient = text.contains(u"pre-existing shared memory block"_s) ||
                                   text.contains(u"Address already in use"_s) ||
                                   text.contains(u"lock file"_s);
            if (!transient || deadline.hasExpired())
                break;
            QThread::msleep(qMin(20 * attempt, 200));
        }
    }
    if (error)
        *error = failure;
    else
        qWarning("PostgreSQL did not start again: %s", qPrintable(failure));
    return false;
}

bool PostgresServer::createDatabase(const QString &name, const QString &templateDatabase,
                                    QString *error)
{
    QString sql = u"CREATE DATABASE %1 OWNER %2"_s.arg(quoted(name), QLatin1StringView(User));
    if (!templateDatabase.isEmpty())
        sql += u" TEMPLATE "_s + quoted(templateDatabase);
    return execute(sql, u"postgres"_s, nullptr, error);
}

bool PostgresServer::execute(const QString &sql, const QString &database, QString *value,
                             QString *error)
{
    // As the superuser, over the unix socket, which trusts it.
    const QByteArray host = QFile::encodeName(m_dir.path());
    const QByteArray port = QByteArray::number(m_port);
    const QByteArray name = database.toUtf8();
    const char *const keywords[] = {"host", "port", "user", "dbname", nullptr};
    const char *const values[] = {host.constData(), port.constData(), "postgres", name.constData(),
                                  nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 0);
    QString failure;
    if (PQstatus(conn) != CONNECTION_OK) {
        failure = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    } else {
        // Notices (what a DROP … CASCADE takes with it) are not the test's output.
        PQsetNoticeProcessor(
            conn, [](void *, const char *) {}, nullptr);
        PGresult *result = PQexec(conn, sql.toUtf8().constData());
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            failure = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        else if (value)
            *value = PQntuples(result) > 0 && PQnfields(result) > 0
                         ? QString::fromUtf8(PQgetvalue(result, 0, 0))
                         : QString();
        PQclear(result);
    }
    PQfinish(conn);
    if (failure.isEmpty())
        return true;
    failure = u"%1: %2"_s.arg(sql, failure);
    if (error)
        *error = failure;
    else
        qWarning("%s", qPrintable(failure));
    return false;
}

QString PostgresServer::log() const
{
    QFile file(m_dir.filePath(u"postgres.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const qint64 tail = 8192;
    if (file.size() > tail)
        file.seek(file.size() - tail);
    return QString::fromUtf8(file.readAll()).trimmed();
}

#include "serverprocess.h"

#include <QFile>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

#include <sys/resource.h>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(Timeout);
    }
}

QString ServerProcess::binary()
{
    // GLOSA_SERVER_BINARY in the environment tests another build, an installed one say.
    const QString fromEnvironment = qEnvironmentVariable("GLOSA_SERVER_BINARY");
    return fromEnvironment.isEmpty() ? QStringLiteral(GLOSA_SERVER_BINARY) : fromEnvironment;
}

bool ServerProcess::start(const QStringList &arguments)
{
    m_stdout.clear();
    m_stderr.clear();
    m_url.clear();
    m_adminUrl.clear();
    m_failure.clear();
    m_process.setProgram(binary());
    // GLOSA_TEST_IO_THREADS in the environment sets the server's I/O threads.
    const QString ioThreads = qEnvironmentVariable("GLOSA_TEST_IO_THREADS");
    m_process.setArguments(ioThreads.isEmpty() || arguments.contains(u"--io-threads"_s)
                               ? arguments
                               : arguments + QStringList{u"--io-threads"_s, ioThreads});
#ifdef Q_OS_LINUX
    // A test that crashes takes its server along instead of leaving it listening.
    m_process.setChildProcessModifier([soft = m_openFilesSoftLimit, hard = m_openFilesHardLimit] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (soft > 0) {
            rlimit limit{};
            ::getrlimit(RLIMIT_NOFILE, &limit);
            limit.rlim_cur = rlim_t(soft);
            if (hard > 0)
                limit.rlim_max = rlim_t(hard);
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
    });
#endif
    m_process.start();
    if (!m_process.waitForStarted(Timeout)) {
        m_failure = u"cannot start %1: %2"_s.arg(binary(), m_process.errorString());
        return false;
    }
    const bool ready = QTest::qWaitFor(
        [this] {
            m_url.clear();
            m_adminUrl.clear();
            for (const QByteArray &line : m_stdout.split('\n')) {
                const QString text = QString::fromUtf8(line).trimmed();
                if (text.startsWith("listening "_L1))
                    m_url = QUrl(text.mid(10));
                else if (text.startsWith("admin "_L1))
                    m_adminUrl = QUrl(text.mid(6));
            }
            return (m_url.isValid() && m_adminUrl.isValid()) ||
                   m_process.state() == QProcess::NotRunning;
        },
        Timeout);
    if (ready && m_url.isValid() && m_adminUrl.isValid())
        return true;
    m_failure = u"glosa-server did not print its listeners (exit code %1)\nstdout: %2\nstderr: %3"_s
                    .arg(m_process.state() == QProcess::NotRunning ? m_process.exitCode() : -1)
                    .arg(QString::fromUtf8(m_stdout), QString::fromUtf8(m_stderr));
    return false;
}

bool ServerProcess::startOn(const QString &dataDir, const QStringList &extra)
{
    return start(QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--admin-listen"_s, u"127.0.0.1:0"_s,
                             u"--data"_s, dataDir} +
                 extra);
}

void ServerProcess::signal(int signal)
{
    const qint64 pid = m_process.processId();
    if (pid > 0)
        ::kill(pid_t(pid), signal);
}

bool ServerProcess::waitForExit(int timeout)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    const bool done =
        QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeout);
    m_stdout += m_process.readAllStandardOutput();
    m_stderr += m_process.readAllStandardError();
    return done;
}

qint64 ServerProcess::statusKiB(const QByteArray &field) const
{
    QFile file(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

ServerProcess::Outcome ServerProcess::run(const QStringList &arguments, int timeout)
{
    QProcess process;
    process.start(binary(), arguments);
    Outcome outcome;
    outcome.finished = process.waitForFinished(timeout);
    if (!outcome.finished) {
        process.kill();
        process.waitForFinished(timeout);
    }
    outcome.status = process.exitStatus();
    outcome.exitCode = process.exitCode();
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

HttpReply httpRequest(const QString &host, quint16 port, const QByteArray &request, int timeout)
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    HttpReply reply;
    if (!socket.waitForConnected(timeout))
        return reply;
    socket.write(request);
    QByteArray data;
    // The server closes the connection after its answer.
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(timeout))
        data += socket.readAll();
    data += socket.readAll();
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return reply;
    reply.head = data.left(end);
    reply.body = data.mid(end + 4);
    const QList<QByteArray> statusLine = reply.head.left(reply.head.indexOf("\r\n")).split(' ');
    if (statusLine.size() >= 2 && statusLine.first().startsWith("HTTP/1."))
        reply.status = statusLine.at(1).toInt();
    return reply;
}

HttpReply httpGet(const QUrl &base, const QByteArray &path, const QByteArray &method)
{
    const QByteArray host = base.host().toUtf8();
    return httpRequest(base.host(), quint16(base.port()),
                       method + ' ' + path + " HTTP/1.1\r\nHost: " + host + ':' +
                           QByteArray::number(base.port()) + "\r\nConnection: close\r\n\r\n");
}

#include "testserver.h"

#include "jwt.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

TestServer::TestServer()
{
    config.listenPort = 0;
    config.adminPort = 0;
    config.dataDir = m_dir.path();
    config.pingIntervalMs = 60000;
    config.ioThreads = qMax(1, qEnvironmentVariableIntValue("GLOSA_TEST_IO_THREADS"));
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    m_server = std::make_unique<Glosa::Server>(config);
    QString error;
    if (!m_server->start(&error)) {
        qWarning() << "server did not start:" << error;
        m_server.reset();
        return false;
    }
    m_url = m_server->url();
    return true;
}

void TestServer::stop()
{
    if (!m_server)
        return;
    QSignalSpy stopped(m_server.get(), &Glosa::Server::stopped);
    m_server->stop();
    if (stopped.isEmpty())
        stopped.wait(5000);
    m_server.reset();
}

bool TestServer::restartEmpty()
{
    const quint16 port = quint16(m_url.port());
    stop();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(m_dir.filePath(u"glosa.sqlite3"_s + suffix));
    config.listenPort = port;
    return start();
}

bool TestServer::restart()
{
    const quint16 port = quint16(m_url.port());
    stop();
    config.listenPort = port;
    if (start())
        return true;
    config.listenPort = 0;
    return start();
}

QString TestServer::token(const QString &tenant, const QByteArray &secret, const QString &sub,
                          const QString &role, const QString &name, qint64 expiresIn)
{
    QJsonObject claims{{QStringLiteral("tid"), tenant},
                       {QStringLiteral("sub"), sub},
                       {QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() + expiresIn}};
    if (!role.isEmpty())
        claims.insert(QStringLiteral("role"), role);
    if (!name.isEmpty())
        claims.insert(QStringLiteral("name"), name);
    return QString::fromLatin1(Glosa::Jwt::sign(claims, secret));
}

#pragma once

#include "server.h"

#include <QTemporaryDir>

#include <memory>

// A real Glosa server in this process, on 127.0.0.1 with a free port and its SQLite file in a
// temporary folder that outlives restarts; on as many I/O threads as GLOSA_TEST_IO_THREADS says
// (1 without it).
class TestServer
{
public:
    TestServer();
    ~TestServer();

    Glosa::ServerConfig config;

    bool start();
    // Stops gracefully (1001 to every client) and waits until the server is gone.
    void stop();
    // Starts again on the same data, and on the same port where it is still free.
    bool restart();
    // Starts again on the same port with the data lost, as after a disk failure.
    bool restartEmpty();

    // An HS256 token for `tenant`, valid for an hour unless `expiresIn` (seconds) says otherwise.
    static QString token(const QString &tenant, const QByteArray &secret, const QString &sub,
                         const QString &role = QStringLiteral("member"), const QString &name = {},
                         qint64 expiresIn = 3600);

    Glosa::Server *server() const { return m_server.get(); }
    QUrl url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Glosa::Server> m_server;
    QUrl m_url;
};

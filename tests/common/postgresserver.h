#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real PostgreSQL 15 for tests, from Debian's binaries (/usr/lib/postgresql/15/bin, or the
// folder GLOSA_POSTGRES_BINDIR names): a cluster made with initdb in a temporary folder, served
// on a free TCP port of 127.0.0.1, with its unix socket in that folder. Durable as in
// production (fsync stays on). When the tests run as root, initdb and postgres run as the
// `postgres` system user, since PostgreSQL refuses root.
//
// start() also makes the role `glosa` (a login role that is not a superuser, with a password)
// and its database `glosa`; url() names them. Without the binaries start() fails with a message
// that says what to install.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();

    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    static constexpr char User[] = "glosa";
    static constexpr char Password[] = "glosa-test-secret";

    // The folder of the PostgreSQL programs used.
    static QString binDir();

    // Makes the cluster the first time, starts the server, and waits until it accepts
    // connections (at most 60 s).
    bool start(QString *error);
    // Fast shutdown: open transactions are rolled back, connections closed; waits until it is
    // gone.
    void stop();
    // SIGKILL to the server and every process of it at once, as in a crash.
    void kill();
    // Stops (unless it is already down) and starts again on the same data and port.
    bool restart(QString *error = nullptr);
    bool isRunning() const;

    // postgresql://glosa:…@127.0.0.1:PORT/`database`
    QString url(const QString &database = QStringLiteral("glosa")) const;
    int port() const { return m_port; }
    QString dataDir() const;

    // A database owned by the role glosa; a copy of `templateDatabase` when one is given (it
    // must have no connections then).
    bool createDatabase(const QString &name, const QString &templateDatabase = {},
                        QString *error = nullptr);
    // Runs `sql` as the superuser on `database`; `value` gets the first column of the first
    // row, as text, when there is one.
    bool execute(const QString &sql, const QString &database = QStringLiteral("glosa"),
                 QString *value = nullptr, QString *error = nullptr);

    // The last lines PostgreSQL wrote.
    QString log() const;

private:
    bool initialize(QString *error);
    bool launch(QString *error);
    bool waitUntilReady(QString *error);
    void prepare(QProcess &process) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    bool m_initialized = false;
    bool m_bootstrapped = false;
    int m_port = 0;
    // The user PostgreSQL runs as when the tests run as root; -1: the tests' own user.
    int m_uid = -1;
    int m_gid = -1;
};

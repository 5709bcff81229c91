#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace Glosa {

class Server;

// The server that Glosa runs on this computer when no team server is configured. One Glosa of
// the user hosts it at a time (it holds a lock file in the data folder) on a thread of its own,
// so that a slow commit never freezes a window; the others are its guests, and the first guest
// to find the lock free takes over on the same port and data when the host quits or dies.
// Where another program holds the port, the host serves on a free one and says so; guests
// learn the port from a file beside the lock.
class EmbeddedHost : public QObject
{
    Q_OBJECT
public:
    EmbeddedHost(QString dataDir, quint16 port, QObject *parent = nullptr);
    ~EmbeddedHost() override;

    // Hosts, or becomes a guest of the Glosa that hosts; false when neither is possible.
    bool start(QString *error);
    QUrl url() const { return m_url; }
    const QString &dataDir() const { return m_dataDir; }
    bool isHosting() const { return m_server != nullptr; }
    bool isSharing() const { return m_sharing; }
    // Makes the hosted server listen on every interface (or loopback only again).
    bool setSharing(bool on, QString *error);
    // Addresses others on the network can use to join.
    QStringList shareAddresses() const;
    // Something the user should know about the server, such as a port taken by another program.
    QString notice() const { return m_notice; }

    static constexpr int TakeOverIntervalMs = 500;

Q_SIGNALS:
    void urlChanged(const QUrl &url);
    // This Glosa took over hosting from one that quit.
    void tookOver();
    void sharingChanged(bool sharing);

private:
    // Serves on `wanted`, or on a free port where another program holds it.
    bool host(quint16 wanted, QString *error);
    bool startServer(bool everywhere, quint16 port, QString *error);
    void stopServer();
    // As a guest: takes over when the host is gone, and follows the port it serves on.
    void watchHost();
    quint16 publishedPort() const;
    void publishPort(quint16 port) const;
    void setUrl(quint16 port);

    QString m_dataDir;
    quint16 m_port;
    QLockFile m_lock;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; the server is created through it
    Server *m_server = nullptr;  // lives on m_thread
    QTimer m_watch;
    QUrl m_url;
    bool m_sharing = false;
    QString m_notice;
};

} // namespace Glosa

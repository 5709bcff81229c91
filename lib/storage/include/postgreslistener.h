#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

struct pg_conn;
class QSocketNotifier;
class QTimer;

namespace Glosa {

// A database connection of its own that LISTENs on channels of a PostgreSQL database and
// signals every notification that arrives, on the thread that owns it, without blocking it:
// the connection is made with PQconnectStart()/PQconnectPoll() and read when a QSocketNotifier
// on its socket says so. (A host given by name is resolved while connecting starts; give an
// address where that must not wait.)
//
// When the connection drops it emits connectedChanged(false) and connects again by itself,
// after 100 ms, then twice as long after each failed attempt up to 2 s; once it listens again it
// emits connectedChanged(true). Notifications sent while it was not connected are lost: the
// owner reads again, after connectedChanged(true), whatever it may have missed.
class PostgresListener : public QObject
{
    Q_OBJECT
public:
    explicit PostgresListener(QString url, QStringList channels = {}, QObject *parent = nullptr);
    ~PostgresListener() override;

    // How long one connection attempt may take before it is abandoned and tried again.
    static constexpr int AttemptTimeoutMs = 10000;
    static constexpr int FirstRetryMs = 100;
    static constexpr int LastRetryMs = 2000;

    // Starts connecting; it keeps connected until stop() or its destruction.
    void start();
    // Closes the connection and stops connecting again; emits connectedChanged(false) when it
    // was connected.
    void stop();
    // Adds a channel to the ones it listens on, at once when connected.
    void listen(const QString &channel);

    QStringList channels() const { return m_channels; }
    // Connected, and listening on every channel.
    bool isConnected() const { return m_state == State::Listening; }
    // Why the last attempt to connect failed, or why the connection dropped.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void notified(const QString &channel, const QByteArray &payload);
    void connectedChanged(bool connected);

private:
    enum class State { Idle, Waiting, Connecting, Subscribing, Listening };

    void connectNow();
    void poll();
    // Sends LISTEN for `channels`, and for those waiting for the query in flight.
    void subscribe(const QStringList &channels);
    void listening();
    void readInput();
    void writeOutput();
    // Watches the socket for reading and writing as asked; makes new notifiers when libpq
    // moved to another socket.
    void watch(bool read, bool write);
    void removeNotifiers();
    void fail(const QString &reason);
    void drop();

    QString m_url;
    QStringList m_channels;
    pg_conn *m_conn = nullptr;
    State m_state = State::Idle;
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_attemptTimer = nullptr;
    int m_retryMs = FirstRetryMs;
    int m_failures = 0; // attempts failed since it last listened
    bool m_queryBusy = false;
    QString m_queryError;
    QStringList m_unsubscribed;
    QString m_lastNotice; // the server's last FATAL notice on this connection
    QString m_lastError;
};

} // namespace Glosa

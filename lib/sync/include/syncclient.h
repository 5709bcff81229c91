#pragma once

#include "credentialstore.h"
#include "messages.h"
#include "outbox.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace Glosa {

// Keeps one page of one server in step over a WebSocket: hello and resume, events in seq order
// with gaps repaired, reconnection with backoff, heartbeats, and the outbox of the user's own
// operations, sent when live and retried until the server acknowledges or rejects them.
//
// The server may be a cluster of several nodes that share pages, epochs and seqs. The client
// connects to one URL at a time; when it cannot reach it (the connection fails, the handshake
// is refused, no welcome comes) or the node goes away, its next attempt goes to the next URL of
// the list, round the list. Every URL is tried once in a round: the first attempt of a round
// waits the backoff, the others follow it after a short delay, and the backoff grows from one
// round to the next. On the node it reaches it resumes from its epoch and seq and sends its
// outbox there, as after any reconnection.
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QUrl url READ url NOTIFY urlChanged)
    Q_PROPERTY(QDateTime nextAttempt READ nextAttempt NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(int viewers READ viewers NOTIFY viewersChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)

public:
    enum class State { Connecting, Syncing, Live, Reconnecting, Offline };
    Q_ENUM(State)

    struct Options
    {
        // The server's URL, or the URLs of the nodes of one cluster, tried in this order. Files
        // kept about the server (outbox, credential, cache) are named by the first URL.
        QList<QUrl> urls;
        QString tenant = QStringLiteral("local");
        QString page;
        // Asked for a token before every connection attempt; empty for anonymous.
        std::function<QString()> tokenProvider;
        // The name to be shown by when connecting without a token.
        QString displayName;
        // Where the outbox is kept; empty keeps it in memory.
        QString outboxPath;
        // Where the user and credential of the server and tenant are kept; empty: in memory.
        QString credentialPath;
        // Where the page's last seen state is kept (see PageCache); empty: nowhere.
        QString cachePath;
        // Where what the user has seen of the page is kept (see ReadMarks); empty: in memory.
        QString readMarksPath;
        int minBackoffMs = 500;
        int maxBackoffMs = 30000;
        int stableMs = 10000;
        // With several URLs, how long a node has from the opening of the connection to its
        // welcome before the client leaves it for the next; with one, the socket's own
        // timeouts apply.
        int connectTimeoutMs = 10000;
        int pingIntervalMs = 15000;
        int pongTimeoutMs = 10000;
        // Operations are sent in bursts of at most `sendBurst`, then `sendPerSecond`, below the
        // server's default rate limit, so that a long outbox does not get itself refused.
        int sendBurst = 40;
        double sendPerSecond = 15;
        bool watchNetwork = true;
    };

    explicit SyncClient(Options options, QObject *parent = nullptr);
    ~SyncClient() override;

    void start();
    void stop();
    // Connects at once, skipping the wait of Reconnecting or Offline.
    void retryNow();

    // Sends an operation, or queues it until the connection is live.
    void submit(const ClientMessage &op);
    // Where the server is now. A connection to a URL that is no longer listed is left for the
    // first of the new list; one to a URL still listed goes on.
    void setUrls(const QList<QUrl> &urls);
    // The name to be shown by without a token; a live connection reconnects to take it.
    void setDisplayName(const QString &name);
    // The page as it was last seen (from a cache): the first hello resumes from there.
    void restore(const QString &epoch, qint64 seq, const std::optional<Document> &document);

    State state() const { return m_state; }
    // The URL of the connection, or of the next attempt while there is none.
    QUrl url() const { return m_options.urls.value(m_urlIndex); }
    QDateTime nextAttempt() const { return m_nextAttempt; }
    int pendingCount() const { return int(m_outbox.size()); }
    const QList<ClientMessage> &pendingOperations() const { return m_outbox.operations(); }
    int viewers() const { return m_viewers; }
    // Who is viewing, as far as the server names them (it may name fewer than viewers()).
    const QList<Author> &viewerList() const { return m_viewerList; }
    QString errorString() const { return m_error; }
    // Offline because of the server, tenant or token: a retry cannot help, the settings can.
    bool needsSettings() const { return m_needsSettings; }
    // No welcome yet in this run: what is shown is what was seen last time.
    bool showsLastSeen() const { return !m_welcomed && !m_epoch.isEmpty(); }
    const User &user() const { return m_user; }
    const QString &epoch() const { return m_epoch; }
    qint64 seq() const { return m_seq; }
    const std::optional<Document> &document() const { return m_document; }
    const Options &options() const { return m_options; }

    static QString describe(const QString &code, const QString &message);

Q_SIGNALS:
    void stateChanged(Glosa::SyncClient::State state);
    // The client moved to another of its URLs (see url()).
    void urlChanged(const QUrl &url);
    void pendingCountChanged(int count);
    void viewersChanged(int viewers);
    void welcomed();
    // document() is another than before: the page's welcome brought it, or its publisher
    // published a new version while connected.
    void documentChanged();
    // The page's state is replaced by the snapshot's.
    void snapshotReceived(const Glosa::Snapshot &snapshot);
    // A page event, in seq order, each exactly once.
    void eventReceived(const Glosa::ServerMessage &event);
    // One of the user's operations is in the page (its event was received) or was refused.
    void operationAcknowledged(const QString &broadcastId);
    void operationRejected(const QString &broadcastId, const QString &reason);
    void serverError(const QString &reason);

private:
    void connectNow();
    void setState(State state);
    void onConnected();
    void onDisconnected();
    // The connection is over, the server closed it with `code` or it failed.
    void connectionLost(int code, const QString &reason);
    void onText(const QString &text);
    void handle(const ServerMessage &message);
    void handleEvent(const ServerMessage &event);
    void applyInOrder();
    // Takes one of the user's operations out of the outbox; false when it was not there.
    bool settle(const QString &broadcastId);
    // An event of the page carried the operation: it is done.
    void acknowledge(const QString &broadcastId);
    void becomeLiveIfCaughtUp();
    void flushOutbox();
    enum class Next { SameUrl, NextUrl };
    void scheduleReconnect(Next next);
    void requestSync();
    void send(const ClientMessage &message);
    // Goes offline for a fault only the settings can fix.
    void refuse(int code, const QString &reason);

    Options m_options;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Offline;
    bool m_running = false;
    QString m_error;
    bool m_needsSettings = false;
    QDateTime m_nextAttempt;
    int m_attempt = 0;
    qsizetype m_urlIndex = 0;
    QTimer m_reconnectTimer;
    QTimer m_welcomeTimer;
    QTimer m_stableTimer;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    QTimer m_retryTimer;
    QTimer m_paceTimer;
    double m_sendTokens = 0;
    QElapsedTimer m_sendClock;

    Outbox m_outbox;
    QSet<QString> m_sentOnThisConnection;

    CredentialStore m_identity;
    QString m_sentToken;
    bool m_sentCredential = false;
    bool m_welcomed = false;
    User m_user;
    QString m_epoch;
    qint64 m_seq = 0;
    qint64 m_target = 0; // the head announced by welcome
    bool m_syncRequested = false;
    QMap<qint64, ServerMessage> m_early; // events past a gap, until it is repaired
    void setViewers(int viewers, const QList<Author> &list);

    int m_viewers = 0;
    QList<Author> m_viewerList;
    std::optional<Document> m_document;
};

} // namespace Glosa

#include "syncclient.h"

#include "chatreducer.h"
#include "codec.h"
#include "jwt.h"
#include "synclogging.h"

#include <QLocale>
#include <QNetworkInformation>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

constexpr int RateLimitRetryMs = 1000;
constexpr int MinimumDelayMs = 50;

} // namespace

SyncClient::SyncClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_outbox(m_options.outboxPath)
    , m_identity(m_options.credentialPath)
    , m_user(m_identity.user())
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncClient::connectNow);
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_attempt = 0; });
    m_welcomeTimer.setSingleShot(true);
    connect(&m_welcomeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSync) << "no welcome from" << url() << "within" << m_options.connectTimeoutMs
                       << "ms; leaving it";
        m_socket->disconnect(this);
        m_socket->abort();
        connectionLost(QWebSocketProtocol::CloseCodeAbnormalDisconnection, QString());
    });
    m_pingTimer.setInterval(m_options.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        m_socket->ping();
        if (!m_pongTimer.isActive())
            m_pongTimer.start(m_options.pongTimeoutMs);
    });
    m_pongTimer.setSingleShot(true);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSync) << "the server stopped answering; reconnecting";
        m_socket->abort();
    });
    m_sendTokens = m_options.sendBurst;
    m_sendClock.start();
    m_paceTimer.setSingleShot(true);
    connect(&m_paceTimer, &QTimer::timeout, this, &SyncClient::flushOutbox);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        m_sentOnThisConnection.clear();
        flushOutbox();
    });

    if (m_options.watchNetwork &&
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability reachability) {
                    if (!m_running)
                        return;
                    if (reachability == QNetworkInformation::Reachability::Disconnected &&
                        m_state == State::Reconnecting) {
                        m_reconnectTimer.stop();
                        m_error = tr("No network");
                        setState(State::Offline);
                    } else if (reachability != QNetworkInformation::Reachability::Disconnected &&
                               (m_state == State::Reconnecting || m_state == State::Offline)) {
                        retryNow();
                    }
                });
    }
}

SyncClient::~SyncClient()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void SyncClient::start()
{
    m_running = true;
    connectNow();
}

void SyncClient::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_welcomeTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    setState(State::Offline);
}

void SyncClient::retryNow()
{
    m_running = true;
    if (m_state == State::Reconnecting || m_state == State::Offline)
        connectNow();
}

void SyncClient::connectNow()
{
    m_reconnectTimer.stop();
    m_nextAttempt = {};
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SyncClient::onText);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_pongTimer.stop(); });
    setState(State::Connecting);
    qCDebug(lcSync) << "connecting to" << url();
    if (m_options.urls.size() > 1)
        m_welcomeTimer.start(m_options.connectTimeoutMs);
    m_socket->open(url());
}

void SyncClient::setState(State state)
{
    if (state != State::Offline) {
        m_error.clear();
        m_needsSettings = false;
    }
    if (m_state == state && state != State::Reconnecting)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncClient::onConnected()
{
    Hello hello;
    hello.tenant = m_options.tenant;
    hello.page = m_options.page;
    m_sentToken = m_options.tokenProvider ? m_options.tokenProvider() : QString();
    m_sentCredential = false;
    if (!m_sentToken.isEmpty()) {
        hello.token = m_sentToken;
    } else {
        m_identity.reload();
        if (const QString credential = m_identity.credential(); !credential.isEmpty()) {
            hello.credential = credential;
            m_sentCredential = true;
        }
        hello.name = m_options.displayName;
    }
    if (!m_epoch.isEmpty())
        hello.resume = ResumePoint{m_epoch, m_seq};
    send(hello);
    setState(State::Syncing);
    m_pingTimer.start();
}

void SyncClient::onDisconnected()
{
    connectionLost(m_socket->closeCode(), m_socket->closeReason());
}

void SyncClient::connectionLost(int code, const QString &reason)
{
    m_welcomeTimer.stop();
    m_pingTimer.stop();
    m_pongTimer.stop();
    m_retryTimer.stop();
    m_paceTimer.stop();
    m_stableTimer.stop();
    m_sentOnThisConnection.clear();
    m_early.clear();
    m_syncRequested = false;
    if (!m_running)
        return;
    qCInfo(lcSync) << "disconnected" << code << reason;
    if (code == 4401 && m_sentCredential) {
        // The server no longer knows this anonymous user (its key changed): start anew.
        qCInfo(lcSync) << "the server refused the saved credential; connecting as a new user";
        m_identity.forgetCredential();
        scheduleReconnect(Next::SameUrl);
        return;
    }
    if (code == 4400 || code == 4401 || code == 4403) {
        refuse(code, reason);
        return;
    }
    scheduleReconnect(Next::NextUrl);
}

void SyncClient::refuse(int code, const QString &reason)
{
    if (code == 4401 && m_sentToken.isEmpty()) {
        m_error = tr("The server needs a token to let you into “%1”.").arg(m_options.tenant);
    } else if (code == 4401) {
        const QDateTime expiry = Jwt::expiry(m_sentToken.toUtf8());
        m_error = expiry.isValid() && expiry <= QDateTime::currentDateTime()
                      ? tr("Your token expired on %1.")
                            .arg(QLocale().toString(expiry, QLocale::ShortFormat))
                      : tr("The server did not accept your token (%1).").arg(reason);
    } else if (code == 4403) {
        m_error =
            tr("The server refused tenant “%1” or this page (%2).").arg(m_options.tenant, reason);
    } else {
        m_error = tr("The server refused this page (%1).").arg(reason);
    }
    m_needsSettings = true;
    setState(State::Offline);
}

void SyncClient::setUrls(const QList<QUrl> &urls)
{
    if (urls == m_options.urls)
        return;
    const QUrl inUse = url();
    m_options.urls = urls;
    const qsizetype index = urls.indexOf(inUse);
    m_urlIndex = qMax<qsizetype>(0, index);
    if (url() != inUse)
        Q_EMIT urlChanged(url());
    if (index >= 0 && (m_state == State::Live || m_state == State::Syncing))
        return;
    if (m_running)
        connectNow();
}

void SyncClient::setDisplayName(const QString &name)
{
    if (name == m_options.displayName)
        return;
    m_options.displayName = name;
    if (m_state == State::Live || m_state == State::Syncing)
        connectNow();
}

void SyncClient::restore(const QString &epoch, qint64 seq, const std::optional<Document> &document)
{
    m_epoch = epoch;
    m_seq = seq;
    m_document = document;
}

void SyncClient::scheduleReconnect(Next next)
{
    const qsizetype count = qMax<qsizetype>(1, m_options.urls.size());
    if (next == Next::NextUrl && count > 1) {
        m_urlIndex = (m_urlIndex + 1) % count;
        qCInfo(lcSync) << "next attempt goes to" << url();
        Q_EMIT urlChanged(url());
    }
    // A round tries every URL once: its first attempt waits the backoff of the round, the
    // others only a short delay. With one URL every attempt starts a round.
    const int round = int(m_attempt / count);
    const bool startsRound = m_attempt % count == 0;
    const qint64 ceiling =
        qMin<qint64>(m_options.maxBackoffMs, qint64(m_options.minBackoffMs)
                                                 << (startsRound ? qMin(round, 20) : 0));
    const int delay =
        int(qMax<qint64>(MinimumDelayMs, QRandomGenerator::global()->bounded(ceiling + 1)));
    ++m_attempt;
    m_nextAttempt = QDateTime::currentDateTime().addMSecs(delay);
    m_reconnectTimer.start(delay);
    setState(State::Reconnecting);
}

void SyncClient::send(const ClientMessage &message)
{
    m_socket->sendTextMessage(QString::fromUtf8(Codec::encode(message)));
}

void SyncClient::submit(const ClientMessage &op)
{
    m_outbox.append(op);
    Q_EMIT pendingCountChanged(pendingCount());
    flushOutbox();
}

void SyncClient::flushOutbox()
{
    if (m_state != State::Live)
        return;
    m_sendTokens = qMin<double>(
        m_options.sendBurst, m_sendTokens + m_sendClock.restart() * m_options.sendPerSecond / 1000);
    for (const ClientMessage &op : m_outbox.operations()) {
        const QString id = ChatReducer::broadcastIdOf(op);
        if (m_sentOnThisConnection.contains(id))
            continue;
        if (m_sendTokens < 1) {
            m_paceTimer.start(int(1000 / m_options.sendPerSecond) + 1);
            return;
        }
        m_sendTokens -= 1;
        m_sentOnThisConnection.insert(id);
        send(op);
    }
}

void SyncClient::onText(const QString &text)
{
    m_pongTimer.stop();
    ProtocolError error;
    const std::optional<QList<ServerMessage>> messages = Codec::decodeServer(text.toUtf8(), &error);
    if (!messages) {
        qCWarning(lcSync) << "ignoring a frame the client cannot read:" << error.message;
        return;
    }
    for (const ServerMessage &message : *messages)
        handle(message);
}

void SyncClient::handle(const ServerMessage &message)
{
    if (const auto *welcome = std::get_if<Welcome>(&message)) {
        m_welcomeTimer.stop();
        m_welcomed = true;
        m_user = welcome->user;
        // A token's welcome has no credential: the guest's is kept for a start without token.
        m_identity.save(welcome->user,
                        m_sentToken.isEmpty() ? welcome->credential : m_identity.credential());
        const bool newDocument = welcome->document != m_document;
        m_document = welcome->document;
        m_target = welcome->seq;
        setViewers(welcome->viewers, welcome->users);
        Q_EMIT welcomed();
        if (newDocument)
            Q_EMIT documentChanged();
        if (welcome->recovered)
            becomeLiveIfCaughtUp();
        return;
    }
    if (const auto *snapshot = std::get_if<Snapshot>(&message)) {
        m_epoch = snapshot->epoch;
        m_seq = snapshot->seq;
        m_syncRequested = false;
        m_early.erase(m_early.begin(), m_early.upperBound(m_seq));
        Q_EMIT snapshotReceived(*snapshot);
        applyInOrder();
        return;
    }
    if (ChatReducer::isPageEvent(message)) {
        handleEvent(message);
        return;
    }
    if (const auto *updated = std::get_if<DocumentUpdated>(&message)) {
        if (updated->document != m_document) {
            m_document = updated->document;
            Q_EMIT documentChanged();
        }
        return;
    }
    if (const auto *presence = std::get_if<Presence>(&message)) {
        setViewers(presence->viewers, presence->users);
        return;
    }
    if (const auto *error = std::get_if<ErrorMessage>(&message)) {
        if (!error->broadcastId.isEmpty() && m_outbox.contains(error->broadcastId)) {
            if (error->code == "rate-limited"_L1) {
                m_sentOnThisConnection.remove(error->broadcastId);
                m_retryTimer.start(RateLimitRetryMs);
                return;
            }
            settle(error->broadcastId);
            Q_EMIT operationRejected(error->broadcastId, describe(error->code, error->message));
            return;
        }
        qCWarning(lcSync) << "server error" << error->code << error->message;
        Q_EMIT serverError(describe(error->code, error->message));
    }
}

void SyncClient::setViewers(int viewers, const QList<Author> &list)
{
    if (m_viewers == viewers && m_viewerList == list)
        return;
    m_viewers = viewers;
    m_viewerList = list;
    Q_EMIT viewersChanged(viewers);
}

bool SyncClient::settle(const QString &broadcastId)
{
    if (!m_outbox.remove(broadcastId))
        return false;
    Q_EMIT pendingCountChanged(pendingCount());
    return true;
}

void SyncClient::acknowledge(const QString &broadcastId)
{
    if (settle(broadcastId))
        Q_EMIT operationAcknowledged(broadcastId);
}

void SyncClient::handleEvent(const ServerMessage &event)
{
    const qint64 seq = ChatReducer::seqOf(event);
    if (seq <= m_seq) {
        // Already applied: a replay overlapping what we have, or the answer to a retry.
        acknowledge(ChatReducer::broadcastIdOf(event));
        return;
    }
    m_early.insert(seq, event);
    applyInOrder();
    if (!m_early.isEmpty())
        requestSync();
}

void SyncClient::applyInOrder()
{
    while (!m_early.isEmpty() && m_early.firstKey() == m_seq + 1) {
        const ServerMessage event = m_early.take(m_early.firstKey());
        ++m_seq;
        Q_EMIT eventReceived(event);
        acknowledge(ChatReducer::broadcastIdOf(event));
    }
    if (m_early.isEmpty())
        m_syncRequested = false;
    becomeLiveIfCaughtUp();
}

void SyncClient::requestSync()
{
    if (m_syncRequested || m_state == State::Connecting)
        return;
    m_syncRequested = true;
    qCInfo(lcSync) << "gap after seq" << m_seq << "; asking the server to repair it";
    send(SyncRequest{m_epoch, m_seq});
}

void SyncClient::becomeLiveIfCaughtUp()
{
    if (m_state != State::Syncing || m_seq < m_target || !m_early.isEmpty() || m_epoch.isEmpty())
        return;
    setState(State::Live);
    m_stableTimer.start(m_options.stableMs);
    flushOutbox();
}

QString SyncClient::describe(const QString &code, const QString &message)
{
    QString what;
    if (code == "forbidden"_L1)
        what = tr("You are not allowed to make this change.");
    else if (code == "not-found"_L1)
        what = tr("The thread or comment no longer exists.");
    else if (code == "conflict"_L1)
        what = tr("The change conflicts with one made by someone else.");
    else if (code == "too-large"_L1)
        what = tr("The text is too long.");
    else if (code == "bad-request"_L1)
        what = tr("The server could not accept the change.");
    else if (code == "unauthorized"_L1)
        what = tr("You are not signed in.");
    else
        what = tr("The server could not store the change.");
    return message.isEmpty() ? what : tr("%1 (%2)").arg(what, message);
}

} // namespace Glosa

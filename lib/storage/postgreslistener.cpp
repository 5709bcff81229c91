#include "postgreslistener.h"

#include "postgresstore.h"
#include "storagelogging.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QString connectionMessage(const PGconn *conn)
{
    if (!conn)
        return u"out of memory"_s;
    return QString::fromUtf8(PQerrorMessage(conn)).simplified();
}

} // namespace

PostgresListener::PostgresListener(QString url, QStringList channels, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_channels(std::move(channels))
    , m_retryTimer(new QTimer(this))
    , m_attemptTimer(new QTimer(this))
{
    m_channels.removeDuplicates();
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &PostgresListener::connectNow);
    m_attemptTimer->setSingleShot(true);
    m_attemptTimer->setInterval(AttemptTimeoutMs);
    connect(m_attemptTimer, &QTimer::timeout, this,
            [this] { fail(u"no connection within %1 ms"_s.arg(AttemptTimeoutMs)); });
}

PostgresListener::~PostgresListener()
{
    drop();
}

void PostgresListener::start()
{
    if (m_state != State::Idle)
        return;
    m_retryMs = FirstRetryMs;
    connectNow();
}

void PostgresListener::stop()
{
    const bool wasConnected = isConnected();
    m_retryTimer->stop();
    drop();
    m_state = State::Idle;
    if (wasConnected)
        Q_EMIT connectedChanged(false);
}

void PostgresListener::listen(const QString &channel)
{
    if (m_channels.contains(channel))
        return;
    m_channels.append(channel);
    // A connection still being made listens on it with the others.
    if (m_state == State::Subscribing || m_state == State::Listening)
        subscribe({channel});
}

void PostgresListener::connectNow()
{
    drop();
    m_state = State::Connecting;
    // Defaults the URL may override; the keepalives notice a database gone without a word.
    const QByteArray url = m_url.toUtf8();
    const char *const keywords[] = {"keepalives_idle",
                                    "keepalives_interval",
                                    "keepalives_count",
                                    "application_name",
                                    "dbname",
                                    "client_encoding",
                                    nullptr};
    const char *const values[] = {"10",   "5",    "3", "glosa-listener", url.constData(),
                                  "UTF8", nullptr};
    m_conn = PQconnectStartParams(keywords, values, 1);
    if (!m_conn || PQstatus(m_conn) == CONNECTION_BAD) {
        fail(connectionMessage(m_conn));
        return;
    }
    // What the server says as it ends the connection (a shutdown, a crash) arrives as a
    // notice; it names the cause better than the closed socket that follows.
    PQsetNoticeProcessor(
        m_conn,
        [](void *listener, const char *message) {
            const QString text = QString::fromUtf8(message).simplified();
            qCDebug(lcStore) << "database:" << text;
            if (text.startsWith(u"FATAL"_s))
                static_cast<PostgresListener *>(listener)->m_lastNotice = text;
        },
        this);
    m_attemptTimer->start();
    // As PQconnectPoll() asks: wait for the socket to be writable first.
    watch(false, true);
}

void PostgresListener::poll()
{
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        watch(true, false);
        return;
    case PGRES_POLLING_WRITING:
        watch(false, true);
        return;
    case PGRES_POLLING_OK:
        if (PQsetnonblocking(m_conn, 1) != 0) {
            fail(connectionMessage(m_conn));
            return;
        }
        m_state = State::Subscribing;
        watch(true, false);
        subscribe(m_channels);
        return;
    case PGRES_POLLING_FAILED:
    default:
        fail(connectionMessage(m_conn));
        return;
    }
}

void PostgresListener::subscribe(const QStringList &channels)
{
    m_unsubscribed += channels;
    if (m_queryBusy)
        return; // sent when the query in flight is done
    if (m_unsubscribed.isEmpty()) {
        listening();
        return;
    }
    QByteArray sql;
    for (const QString &channel : std::as_const(m_unsubscribed)) {
        const QByteArray name = channel.toUtf8();
        char *quoted = PQescapeIdentifier(m_conn, name.constData(), size_t(name.size()));
        if (!quoted) {
            fail(connectionMessage(m_conn));
            return;
        }
        sql += "LISTEN " + QByteArray(quoted) + ';';
        PQfreemem(quoted);
    }
    m_unsubscribed.clear();
    if (PQsendQuery(m_conn, sql.constData()) != 1) {
        fail(connectionMessage(m_conn));
        return;
    }
    m_queryBusy = true;
    writeOutput();
}

void PostgresListener::listening()
{
    if (m_state == State::Listening)
        return;
    m_state = State::Listening;
    m_attemptTimer->stop();
    m_retryMs = FirstRetryMs;
    m_failures = 0;
    m_lastError.clear();
    qCInfo(lcStore) << "listening on" << m_channels << "of" << PostgresStore::redacted(m_url);
    Q_EMIT connectedChanged(true);
}

void PostgresListener::readInput()
{
    if (m_state == State::Connecting) {
        poll();
        return;
    }
    if (!m_conn)
        return;
    if (PQconsumeInput(m_conn) != 1 || PQstatus(m_conn) == CONNECTION_BAD) {
        fail(connectionMessage(m_conn));
        return;
    }
    QPointer<PostgresListener> self(this);
    // The answers of the LISTEN statements in flight.
    while (m_queryBusy && !PQisBusy(m_conn)) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) {
            m_queryBusy = false;
            if (!m_queryError.isEmpty()) {
                fail(std::exchange(m_queryError, QString()));
                return;
            }
            subscribe({});
            if (!self || !m_conn)
                return;
            break;
        }
        if (PQresultStatus(result) != PGRES_COMMAND_OK && m_queryError.isEmpty())
            m_queryError = QString::fromUtf8(PQresultErrorMessage(result)).simplified();
        PQclear(result);
    }
    while (PGnotify *notify = PQnotifies(m_conn)) {
        const QString channel = QString::fromUtf8(notify->relname);
        const QByteArray payload(notify->extra);
        PQfreemem(notify);
        Q_EMIT notified(channel, payload);
        // A receiver may have stopped or deleted the listener.
        if (!self || !m_conn)
            return;
    }
}

void PostgresListener::writeOutput()
{
    if (m_state == State::Connecting) {
        poll();
        return;
    }
    if (!m_conn)
        return;
    const int left = PQflush(m_conn);
    if (left < 0) {
        fail(connectionMessage(m_conn));
        return;
    }
    watch(true, left > 0);
}

void PostgresListener::watch(bool read, bool write)
{
    const int socket = PQsocket(m_conn);
    if (socket != m_socket) {
        removeNotifiers();
        m_socket = socket;
        if (socket < 0) {
            fail(u"the connection has no socket"_s);
            return;
        }
        m_readNotifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &PostgresListener::readInput);
        m_writeNotifier = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &PostgresListener::writeOutput);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
}

void PostgresListener::removeNotifiers()
{
    // Disabled at once, before libpq closes their socket; deleted once their signal is done.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_socket = -1;
}

void PostgresListener::fail(const QString &failure)
{
    const bool wasConnected = isConnected();
    const QString reason = m_lastNotice.isEmpty() ? failure : m_lastNotice;
    m_lastError = reason;
    drop();
    m_state = State::Waiting;
    const QString url = PostgresStore::redacted(m_url);
    if (wasConnected)
        qCWarning(lcStore) << "listening connection to" << url << "lost:" << reason;
    else if (m_failures++ == 0)
        qCWarning(lcStore) << "cannot listen on" << url << ":" << reason << "- trying again";
    else
        qCDebug(lcStore) << "cannot listen on" << url << ":" << reason;
    m_retryTimer->start(m_retryMs);
    m_retryMs = qMin(m_retryMs * 2, LastRetryMs);
    if (wasConnected)
        Q_EMIT connectedChanged(false);
}

void PostgresListener::drop()
{
    removeNotifiers();
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
    m_attemptTimer->stop();
    m_queryBusy = false;
    m_queryError.clear();
    m_unsubscribed.clear();
    m_lastNotice.clear();
}

} // namespace Glosa

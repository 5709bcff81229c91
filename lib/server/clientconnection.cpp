#include "clientconnection.h"

#include "batcher.h"
#include "codec.h"
#include "connection.h"
#include "errorcode.h"
#include "messagerouter.h"
#include "serverlogging.h"
#include "usagemetrics.h"
#include "validation.h"

#include <QTimerEvent>
#include <QWebSocketProtocol>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// A batch grows up to this size; one larger event travels alone.
constexpr qsizetype MaxBatchBytes = 256 * 1024;
// A peer that does not answer the close handshake in this time is dropped.
constexpr int CloseTimeoutMs = 5000;

} // namespace

ClientConnection::ClientConnection(Connection *connection, MessageRouter *router, Batcher *batcher,
                                   UsageMetrics *metrics, const ServerConfig &config,
                                   QObject *parent)
    : Recipient(parent)
    , m_connection(connection)
    , m_router(router)
    , m_batcher(batcher)
    , m_metrics(metrics)
    , m_limits(config.limits)
    , m_id(Validation::newUuid())
    , m_lastWrite(Batcher::now() - batcher->windowMs())
    , m_tokens(config.limits.burst)
    , m_lastRefill(Batcher::now())
{
    m_connection->setParent(this);
    connect(m_connection, &Connection::textReceived, this, &ClientConnection::onTextMessage);
    connect(m_connection, &Connection::binaryReceived, this, &ClientConnection::onBinaryMessage);
    connect(m_connection, &Connection::disconnected, this, &ClientConnection::onDisconnected);
    connect(m_connection, &Connection::messageTooLarge, this, &ClientConnection::onMessageTooLarge);
    connect(m_connection, &Connection::drained, this, &ClientConnection::onDrained);
    connect(m_connection, &Connection::pinged, this, &ClientConnection::onControlFrame);
    connect(m_connection, &Connection::pong, this, [this] {
        m_awaitingPong = false;
        onControlFrame();
    });
    // Until hello, a connection holds no more than one frame of input.
    m_connection->setMessageLimit(m_limits.frameBytes);
    m_timer.start(config.helloTimeoutMs, this);
}

ClientConnection::~ClientConnection()
{
    m_connection->disconnect(this);
    m_batcher->cancel(this);
}

void ClientConnection::startJoining(const QString &tenant, const User &user)
{
    m_state = State::Joining;
    m_tenant = tenant;
    m_user = user;
    m_connection->setMessageLimit(Limits::PublishFrameBytes);
    m_metrics->connectionOpened(tenant);
}

void ClientConnection::open(Page *page)
{
    Q_ASSERT(m_state == State::Joining);
    m_state = State::Open;
    m_page = page;
}

void ClientConnection::moveTo(MessageRouter *router, Batcher *batcher, QThread *thread)
{
    Q_ASSERT(m_state == State::Joining && m_queue.isEmpty() && !m_catchUp);
    m_batcher->cancel(this);
    m_router = router;
    m_batcher = batcher;
    setParent(nullptr);
    moveToThread(thread);
}

void ClientConnection::routeHeld()
{
    const QList<ClientMessage> held = std::exchange(m_held, {});
    for (const ClientMessage &message : held) {
        if (m_state != State::Open)
            return;
        m_router->handle(this, message);
    }
}

void ClientConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    if (m_state == State::AwaitingHello)
        closeWith(CloseCode::HelloTimeout, u"no hello in time"_s);
    else if (m_state == State::Closed)
        m_connection->abort(); // no answer to the close frame
}

void ClientConnection::onTextMessage(const QByteArray &frame)
{
    m_awaitingPong = false;
    if (m_state == State::AwaitingHello) {
        readHello(frame);
        return;
    }
    if (m_state != State::Open && m_state != State::Joining)
        return;

    ProtocolError error;
    Codec::Correlation correlation;
    std::optional<ClientMessage> message = Codec::decodeClient(frame, &error, &correlation);
    // The pieces of a content are bounded by its size and by ContentTransfers, not by the rate;
    // while the connection joins its page they wait here, and count like any frame.
    const bool content = m_state == State::Open && message &&
                         (std::holds_alternative<PutContent>(*message) ||
                          std::holds_alternative<GetContent>(*message));
    if (!content && !admit()) {
        if (m_state != State::Closed)
            sendRateLimited(correlation);
        return;
    }
    // Only these may be larger than an ordinary frame; one of them with a fault gets its own error.
    if (frame.size() > m_limits.frameBytes && correlation.type != "publish-document"_L1 &&
        correlation.type != "put-content"_L1) {
        error = {ErrorCode::TooLarge,
                 u"frame of %1 bytes exceeds %2"_s.arg(frame.size()).arg(m_limits.frameBytes)};
        message.reset();
    }
    if (!message) {
        sendError(error, correlation.broadcastId, correlation.requestId);
        if (correlation.type == "put-content"_L1 && m_state == State::Open)
            m_router->refusedContent(this);
        return;
    }
    if (m_state == State::Joining)
        m_held.append(std::move(*message));
    else
        m_router->handle(this, *message);
}

// Pings and pongs are frames like any other for the rate limit, before hello too; one without a
// token is still answered (one pong stands for many, see WebSocketConnection) but counts among the
// frames dropped in a row.
void ClientConnection::onControlFrame()
{
    if (m_state != State::Closed)
        admit();
}

void ClientConnection::onBinaryMessage()
{
    if (m_state == State::AwaitingHello) {
        readHello({});
        return;
    }
    if (m_state != State::Open && m_state != State::Joining)
        return;
    if (!admit()) {
        if (m_state != State::Closed)
            sendRateLimited();
        return;
    }
    sendError(ErrorCode::BadRequest, u"frames must be UTF-8 JSON text frames"_s);
}

void ClientConnection::readHello(const QByteArray &frame)
{
    ProtocolError error;
    std::optional<ClientMessage> message = Codec::decodeClient(frame, &error);
    if (message && !std::holds_alternative<Hello>(*message))
        error = {ErrorCode::BadRequest, u"the first frame must be a hello"_s};
    else if (frame.isEmpty())
        error = {ErrorCode::BadRequest, u"the first frame must be a JSON hello"_s};
    if (!error.isNull()) {
        refuseHello(error);
        return;
    }
    m_timer.stop();
    m_router->join(this, std::get<Hello>(*message));
}

void ClientConnection::refuseHello(const ProtocolError &error)
{
    m_timer.stop();
    sendError(error);
    closeWith(CloseCode::BadHello, error.message);
}

// Only a hello can be too large for the connection: later, its limit is the largest frame.
void ClientConnection::onMessageTooLarge()
{
    if (m_state == State::AwaitingHello)
        refuseHello(
            {ErrorCode::TooLarge, u"hello is larger than %1 bytes"_s.arg(m_limits.frameBytes)});
}

void ClientConnection::sendRateLimited(const Codec::Correlation &correlation)
{
    sendError(ErrorCode::RateLimited,
              u"more than %1 frames per second; this one was dropped"_s.arg(m_limits.opsPerSecond),
              correlation.broadcastId, correlation.requestId);
}

// Takes a token for a frame of the peer's. Without one the frame is to be dropped, and a peer
// whose frames keep being dropped, more than a burst in a row, is closed with 4429.
bool ClientConnection::admit()
{
    if (takeToken()) {
        m_droppedInARow = 0;
        return true;
    }
    if (++m_droppedInARow > m_limits.burst)
        closeWith(CloseCode::RateLimited, u"kept sending while rate-limited"_s);
    return false;
}

bool ClientConnection::takeToken()
{
    const qint64 now = Batcher::now();
    m_tokens = qMin<double>(m_limits.burst,
                            m_tokens + double(now - m_lastRefill) * m_limits.opsPerSecond / 1000.0);
    m_lastRefill = now;
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void ClientConnection::send(const QByteArray &frame, bool presence)
{
    if (m_state == State::Closed)
        return;
    const qint64 now = Batcher::now();
    m_rate.add(now);
    if (m_batcher->windowMs() == 0 && m_queue.isEmpty() && !m_catchUp) {
        write(frame);
        return;
    }
    if (presence && m_presenceIndex >= 0) {
        m_queuedBytes += frame.size() - m_queue.at(m_presenceIndex).size();
        m_queue[m_presenceIndex] = m_batcher->queued(frame);
        return;
    }
    if (presence)
        m_presenceIndex = m_queue.size();
    m_queue.append(m_batcher->queued(frame));
    m_queuedBytes += frame.size();
    if (m_catchUp) {
        if (m_queuedBytes > m_limits.sendQueueBytes)
            abort("slow consumer: frames waiting behind a catch-up over the limit");
        return;
    }
    // Frames count against the limit once they wait for the socket: before that, the kernel may
    // take them at once.
    const qint64 unsent = m_connection->bytesToWrite();
    if (unsent > 0 && unsent + m_queuedBytes > m_limits.sendQueueBytes) {
        abort("slow consumer: send queue over the limit");
        return;
    }
    if (m_queue.size() > 1 || m_waitsForSocket)
        return; // already waiting: for the end of the pass, for the window or for the socket
    if (unsent > 0)
        m_waitsForSocket = true;
    else if (m_rate.isBusy(now) && now < batchDue())
        m_batcher->schedule(this);
    else
        m_batcher->schedulePass(this);
}

void ClientConnection::sendNow(const QList<QByteArray> &frames)
{
    if (m_catchUp) {
        for (const QByteArray &frame : frames)
            send(frame);
        return;
    }
    if (!m_queue.isEmpty()) {
        m_batcher->cancel(this);
        flushBatch();
    }
    for (const QByteArray &frame : frames)
        write(frame);
}

void ClientConnection::startCatchUp(std::unique_ptr<CatchUp> catchUp)
{
    if (m_state == State::Closed || m_catchUp)
        return;
    if (!m_queue.isEmpty()) {
        m_batcher->cancel(this);
        flushBatch();
    }
    m_catchUp = std::move(catchUp);
    connect(m_catchUp.get(), &CatchUp::partReady, this, &ClientConnection::writeCatchUp);
    writeCatchUp();
}

// One part at a time, when everything written before it has reached the kernel, and where the
// kernel takes it at once, the next in the loop's next pass: a client that reads fast gets its
// catch-up at full speed without holding up the other connections, and one that reads slowly
// holds one part.
void ClientConnection::writeCatchUp()
{
    m_catchUpPosted = false;
    if (!m_catchUp || m_state == State::Closed || m_connection->bytesToWrite() > 0)
        return;
    if (m_catchUp->atEnd()) {
        endCatchUp();
        return;
    }
    CatchUp::Part part;
    const CatchUp::Status status = m_catchUp->next(&part);
    if (status == CatchUp::Status::Reading)
        return;
    if (status == CatchUp::Status::Failed) {
        m_catchUp.reset();
        m_queue.clear();
        m_queuedBytes = 0;
        sendError(ErrorCode::Internal, u"the page's history cannot be read"_s);
        closeWith(QWebSocketProtocol::CloseCodeBadOperation,
                  u"the page's history cannot be read"_s);
        return;
    }
    if (part.startsMessage && part.endsMessage)
        m_connection->sendText(part.bytes);
    else
        m_connection->sendTextPart(part.bytes, part.endsMessage);
    m_lastWrite = Batcher::now();
    m_metrics->recordSent(m_tenant, part.bytes.size(), part.startsMessage ? 1 : 0);
    if (m_connection->bytesToWrite() == 0 && !m_catchUpPosted) {
        m_catchUpPosted = true;
        QMetaObject::invokeMethod(this, &ClientConnection::writeCatchUp, Qt::QueuedConnection);
    }
}

void ClientConnection::endCatchUp()
{
    m_catchUp.reset();
    writeQueue(false);
}

qint64 ClientConnection::batchDue() const
{
    return m_lastWrite + m_batcher->windowMs();
}

void ClientConnection::flushBatch()
{
    writeQueue(true);
}

void ClientConnection::writeQueued()
{
    if (!m_catchUp)
        writeQueue(false);
}

// The queue leaves in batches of at most MaxBatchBytes. A batch is a copy of the frames made for
// the connection (unless the batcher made the same one for another connection in the same pass),
// so where the socket is backed up a batch is written only once the kernel has taken everything
// before it: the connection holds of its own at most the part of one batch that the kernel has
// not taken, and the frames that wait are references to bytes every recipient shares. Unless
// `all`: then what is left once the socket is backed up is written one by one, shared.
void ClientConnection::writeQueue(bool all)
{
    m_waitsForSocket = false;
    QList<QueuedFrame> batch;
    while (!m_queue.isEmpty() && m_state != State::Closed) {
        const bool backedUp = m_connection->bytesToWrite() > 0;
        if (backedUp && !all) {
            m_waitsForSocket = true;
            return;
        }
        qsizetype count = 1;
        if (!backedUp) {
            qsizetype bytes = m_queue.first().size() + 1;
            while (count < m_queue.size() && bytes + m_queue.at(count).size() <= MaxBatchBytes) {
                bytes += m_queue.at(count).size() + 1;
                ++count;
            }
        }
        batch = m_queue.first(count);
        m_queue.remove(0, count);
        for (const QueuedFrame &frame : std::as_const(batch))
            m_queuedBytes -= frame.size();
        m_presenceIndex = m_presenceIndex < count ? -1 : m_presenceIndex - count;
        write(batch.size() == 1 ? batch.first().bytes() : m_batcher->batch(batch));
    }
    if (m_queue.isEmpty()) {
        m_queue = {}; // gives its memory back
        m_queuedBytes = 0;
        m_presenceIndex = -1;
    }
}

void ClientConnection::onDrained()
{
    if (m_catchUp)
        writeCatchUp();
    else if (m_waitsForSocket)
        writeQueue(false);
}

void ClientConnection::write(const QByteArray &frame)
{
    if (m_state == State::Closed && !m_connection->isOpen())
        return;
    m_connection->sendText(frame);
    m_lastWrite = Batcher::now();
    if (!m_tenant.isEmpty())
        m_metrics->recordSent(m_tenant, frame.size());
    // What is still queued waits for the socket once the kernel has not taken all of this.
    const qint64 unsent = m_connection->bytesToWrite();
    if (unsent > 0 && unsent + (m_catchUp ? 0 : m_queuedBytes) > m_limits.sendQueueBytes)
        abort("slow consumer: send queue over the limit");
}

void ClientConnection::closeWith(int code, const QString &reason)
{
    if (m_state == State::Closed)
        return;
    // Within a catch-up no other message may go out, and the client resumes after the close.
    if (m_catchUp) {
        m_catchUp.reset();
        m_queue.clear();
        m_queuedBytes = 0;
    }
    if (!m_queue.isEmpty()) {
        m_batcher->cancel(this);
        flushBatch();
    }
    m_state = State::Closed;
    qCDebug(lcServer) << "closing" << m_id << code << reason;
    m_connection->close(code, reason);
    // A peer that never answers the close handshake is dropped.
    m_timer.start(CloseTimeoutMs, this);
}

void ClientConnection::abort(const char *why)
{
    qCInfo(lcServer) << "dropping connection" << m_id << why;
    m_state = State::Closed;
    m_queue.clear();
    m_queuedBytes = 0;
    m_catchUp.reset();
    m_batcher->cancel(this);
    m_timer.stop();
    m_connection->abort();
}

void ClientConnection::heartbeat()
{
    if (m_awaitingPong) {
        abort("no answer to ping");
        return;
    }
    m_awaitingPong = true;
    m_connection->ping();
}

void ClientConnection::onDisconnected()
{
    m_state = State::Closed;
    m_batcher->cancel(this);
    m_queue.clear();
    m_queuedBytes = 0;
    m_catchUp.reset();
    m_timer.stop();
    if (!m_tenant.isEmpty())
        m_metrics->connectionClosed(m_tenant);
    Q_EMIT closed(this);
}

} // namespace Glosa

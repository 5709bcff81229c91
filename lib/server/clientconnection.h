#pragma once

#include "catchup.h"
#include "codec.h"
#include "framequeue.h"
#include "framerate.h"
#include "messages.h"
#include "protocolerror.h"
#include "queuedframe.h"
#include "recipient.h"
#include "serverconfig.h"

#include <QBasicTimer>
#include <QList>

namespace Glosa {

class Batcher;
class Connection;
class MessageRouter;
class Page;
class UsageMetrics;

// One client's connection as the server holds it: reads and checks its frames (hello first, rate
// limit, sizes), hands what is valid to the router, and writes to it through the batcher, watching
// its send queue.
class ClientConnection : public Recipient, public FrameQueue
{
    Q_OBJECT
public:
    // Joining: signed in, its page on its way; what it sends meanwhile is held.
    enum class State { AwaitingHello, Joining, Open, Closed };

    ClientConnection(Connection *connection, MessageRouter *router, Batcher *batcher,
                     UsageMetrics *metrics, const ServerConfig &config, QObject *parent = nullptr);
    ~ClientConnection() override;

    const QString &id() const { return m_id; }
    State state() const { return m_state; }
    const User &user() const { return m_user; }
    const QString &tenant() const { return m_tenant; }
    Page *page() const { return m_page; }

    void startJoining(const QString &tenant, const User &user);
    // Its page has come, or it has none (a lobby connection).
    void open(Page *page);
    // Routes what it sent while it joined.
    void routeHeld();
    void leavePage() { m_page = nullptr; }
    // Hands a joining connection to the router and batcher of another thread, where it goes on
    // at once (what it reads meanwhile is held); called on its own thread, which then no longer
    // touches it.
    void moveTo(MessageRouter *router, Batcher *batcher, QThread *thread);

    // Queues a frame. It leaves at the end of this pass of the event loop, with the others queued
    // in the pass, in one write (one batch frame where there are several); for a busy connection
    // (more than FrameRate::BusyPerSecond frames a second) written to less than a batch window
    // ago, once the window has passed; for a connection whose socket is backed up, once it is
    // writable. With batching off (a window of 0) it leaves alone and at once. A newer presence
    // frame replaces one still queued.
    void send(const QByteArray &frame, bool presence = false) override;
    // Writes queued frames, then these, at once and in order.
    void sendNow(const QList<QByteArray> &frames);
    // Writes queued frames, then the catch-up, one part each time the connection has taken the
    // last, then what was sent meanwhile. Frames sent meanwhile wait, and count against the
    // send queue limit; the catch-up does not.
    void startCatchUp(std::unique_ptr<CatchUp> catchUp);
    bool isCatchingUp() const { return m_catchUp != nullptr; }
    void closeWith(int code, const QString &reason) override;
    void abort(const char *why);

    qint64 batchDue() const override;
    // Writes every queued frame now: in batches, or one by one, shared, where the socket is
    // backed up.
    void flushBatch();
    // Writes queued frames, as the batcher asks at the end of a pass or of a window: in batches
    // while the kernel takes each whole; once the socket is backed up, the rest waits for it.
    void writeQueued() override;
    void heartbeat();

Q_SIGNALS:
    // The connection is gone. Its owner, told later through a queued connection, deletes it.
    void closed(Glosa::ClientConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onTextMessage(const QByteArray &frame);
    void onBinaryMessage();
    void onControlFrame();
    void onDisconnected();
    void readHello(const QByteArray &frame);
    void refuseHello(const ProtocolError &error);
    void onMessageTooLarge();
    bool admit();
    void sendRateLimited(const Codec::Correlation &correlation = {});
    bool takeToken();
    void write(const QByteArray &frame);
    void writeQueue(bool all);
    void onDrained();
    void writeCatchUp();
    void endCatchUp();

    Connection *m_connection;
    MessageRouter *m_router;
    Batcher *m_batcher;
    UsageMetrics *m_metrics;
    const ServerLimits m_limits;
    QString m_id;
    State m_state = State::AwaitingHello;
    QString m_tenant;
    User m_user;
    Page *m_page = nullptr;

    QList<ClientMessage> m_held; // while joining
    QList<QueuedFrame> m_queue;
    qint64 m_queuedBytes = 0; // their payloads
    qsizetype m_presenceIndex = -1;
    std::unique_ptr<CatchUp> m_catchUp;
    bool m_catchUpPosted = false; // writeCatchUp() is to run in the next pass of the loop
    qint64 m_lastWrite;
    FrameRate m_rate;              // of the frames given to send()
    bool m_waitsForSocket = false; // m_queue is to be written once the connection drains

    double m_tokens;
    qint64 m_lastRefill;
    int m_droppedInARow = 0;
    bool m_awaitingPong = false;
    // Until hello: its deadline; once closing: the deadline of the close handshake.
    QBasicTimer m_timer;
};

} // namespace Glosa

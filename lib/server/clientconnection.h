#pragma once

#include "catchup.h"
#include "codec.h"
#include "messages.h"
#include "protocolerror.h"
#include "serverconfig.h"

#include <QBasicTimer>
#include <QList>
#include <QObject>

namespace Glosa {

class Batcher;
class Connection;
class Hub;
class Page;
class UsageMetrics;

// One client connection: reads and checks its frames (hello first, rate limit, sizes), hands
// what is valid to the hub, and writes to it through the batcher, watching its send queue.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { AwaitingHello, Open, Closed };

    ClientConnection(Connection *connection, Hub *hub, Batcher *batcher, UsageMetrics *metrics,
                     const ServerConfig &config);
    ~ClientConnection() override;

    const QString &id() const { return m_id; }
    State state() const { return m_state; }
    const User &user() const { return m_user; }
    const QString &tenant() const { return m_tenant; }
    Page *page() const { return m_page; }

    void open(const QString &tenant, const User &user, Page *page);
    void leavePage() { m_page = nullptr; }

    // Queues a frame; it leaves at once unless the connection was written to within the batch
    // window. A newer presence frame replaces one still queued.
    void send(const QByteArray &frame, bool presence = false);
    // Writes queued frames, then these, at once and in order.
    void sendNow(const QList<QByteArray> &frames);
    // Writes queued frames, then the catch-up, one part each time the connection has taken the
    // last, then what was sent meanwhile. Frames sent meanwhile wait, and count against the
    // send queue limit; the catch-up does not.
    void startCatchUp(std::unique_ptr<CatchUp> catchUp);
    void sendError(const QString &code, const QString &message, const QString &broadcastId = {},
                   const QString &requestId = {});
    void sendError(const ProtocolError &error, const QString &broadcastId = {},
                   const QString &requestId = {});
    void closeWith(int code, const QString &reason);
    void abort(const char *why);

    // The presence version of its page (Page::presenceVersion()) it was last told.
    quint64 presenceSeen() const { return m_presenceSeen; }
    void setPresenceSeen(quint64 version) { m_presenceSeen = version; }

    qint64 batchDue() const;
    void flushBatch();
    void heartbeat();

Q_SIGNALS:
    // The connection is gone. The hub, told later through a queued connection, deletes it.
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
    void writeBatched(const QList<QByteArray> &frames);
    void writeCatchUp();
    void endCatchUp();

    Connection *m_connection;
    Hub *m_hub;
    Batcher *m_batcher;
    UsageMetrics *m_metrics;
    const ServerLimits m_limits;
    QString m_id;
    State m_state = State::AwaitingHello;
    QString m_tenant;
    User m_user;
    Page *m_page = nullptr;

    QList<QByteArray> m_queue;
    qint64 m_queuedBytes = 0;
    qsizetype m_presenceIndex = -1;
    std::unique_ptr<CatchUp> m_catchUp;
    bool m_catchUpPosted = false; // writeCatchUp() is to run in the next pass of the loop
    quint64 m_presenceSeen = 0;
    qint64 m_lastWrite;

    double m_tokens;
    qint64 m_lastRefill;
    int m_droppedInARow = 0;
    bool m_awaitingPong = false;
    // Until hello: its deadline; once closing: the deadline of the close handshake.
    QBasicTimer m_timer;
};

} // namespace Glosa

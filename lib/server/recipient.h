#pragma once

#include "protocolerror.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Glosa {

// A connection as a page and the parts of the server that serve it see it: where frames for its
// client go, and what it was last told of its page's presence. ClientConnection is the one the
// server holds; nothing here knows of sockets, hellos or batches.
class Recipient : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Queues a frame for the client. A newer presence frame replaces one still queued.
    virtual void send(const QByteArray &frame, bool presence = false) = 0;
    // Closes the connection with a WebSocket close code, after what was queued before.
    virtual void closeWith(int code, const QString &reason) = 0;

    void sendError(const QString &code, const QString &message, const QString &broadcastId = {},
                   const QString &requestId = {});
    void sendError(const ProtocolError &error, const QString &broadcastId = {},
                   const QString &requestId = {});

    // The presence version of its page (Page::presenceVersion()) it was last told.
    quint64 presenceSeen() const { return m_presenceSeen; }
    void setPresenceSeen(quint64 version) { m_presenceSeen = version; }

private:
    quint64 m_presenceSeen = 0;
};

} // namespace Glosa

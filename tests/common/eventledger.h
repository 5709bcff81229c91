#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// What the clients of a load test sent and saw, over every server (or node) they met: each
// operation by broadcastId, and the seq each event carried. Faults are recorded, not asserted, so
// that a test reports them all at its end.
struct EventLedger
{
    struct Op
    {
        QJsonObject frame;
        QString chatId;
        QString commentId; // the new chat's first comment, or the added comment
    };

    QHash<QString, Op> sent;          // by broadcastId
    QHash<QString, qint64> echoed;    // broadcastId -> seq, as any client saw it
    QHash<qint64, QString> seqOwners; // seq -> broadcastId, as any client saw it
    qint64 maxSeq = 0;
    int refused = 0; // operations refused for a fault of the server's, and sent again
    QStringList faults;

    // `client` saw `event`: its seq must be the one every client saw for its operation, and no
    // other operation's.
    void sawEvent(const QString &client, const QJsonObject &event);
};

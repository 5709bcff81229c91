#include "eventledger.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

void EventLedger::sawEvent(const QString &client, const QJsonObject &event)
{
    const QString id = event.value("broadcastId"_L1).toString();
    const qint64 seq = event.value("seq"_L1).toInteger();
    if (id.isEmpty() || seq <= 0) {
        faults.append(client + u": event without broadcastId or seq: "_s +
                      QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)));
        return;
    }
    if (!sent.contains(id))
        faults.append(client + u": event for an operation nobody sent: "_s + id);
    if (echoed.contains(id) && echoed.value(id) != seq)
        faults.append(u"%1: %2 has seq %3 here and %4 elsewhere"_s.arg(client, id)
                          .arg(seq)
                          .arg(echoed.value(id)));
    if (seqOwners.contains(seq) && seqOwners.value(seq) != id)
        faults.append(u"%1: seq %2 carries two operations"_s.arg(client).arg(seq));
    echoed.insert(id, seq);
    seqOwners.insert(seq, id);
    maxSeq = qMax(maxSeq, seq);
}

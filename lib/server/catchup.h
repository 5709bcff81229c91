#pragma once

#include "chat.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Glosa {

class Page;
class StoreThread;

// What a client that joins a page, or asks to sync, gets before anything newer: the events it
// missed (a replay) when it holds the page's epoch and is at most MaxReplay events behind, the
// page's chats as they stand (a snapshot) otherwise. Either is made in parts of about PartBytes,
// each only when asked for, so that a client holds one part of it at a time whatever the size
// of the page: a replay part is one message (a batch of events, or one event), a snapshot is
// one message and its parts are pieces of it. A replay's events are read on the store's read
// thread, a few at a time, ahead of the parts that need them.
class CatchUp : public QObject
{
    Q_OBJECT
public:
    // The most events sent as a replay; a client further behind gets a snapshot.
    static constexpr qint64 MaxReplay = 100000;
    static constexpr qsizetype PartBytes = 256 * 1024;

    // For a client that last applied `since` of `epoch` (none: it holds nothing of the page).
    CatchUp(const Page &page, StoreThread *reads, const QString &epoch,
            std::optional<qint64> since);

    bool isReplay() const { return !m_snapshot; }
    bool atEnd() const;

    struct Part
    {
        QByteArray bytes;
        bool startsMessage = true;
        bool endsMessage = true;
    };
    enum class Status {
        Ready,
        Reading, // the events of the next part are on their way; partReady() follows
        Failed,  // the store could not read them
    };
    Status next(Part *part);

Q_SIGNALS:
    // After next() said Reading: the events it waited for have been read, or could not be.
    void partReady();

private:
    void read();
    Status nextEvents(Part *part);
    Part nextPiece();

    // A replay: the events after `m_after` up to the head when it began.
    StoreThread *m_reads;
    qint64 m_pageId;
    qint64 m_after;
    qint64 m_until;
    qint64 m_readUpTo;          // the events read or being read end here
    QList<QByteArray> m_events; // read, not yet sent
    bool m_reading = false;
    bool m_failed = false;

    // A snapshot: the chats as they stood, encoded as the parts are taken.
    struct Snapshot
    {
        QList<Chat> chats;
        QString epoch;
        qint64 seq = 0;
        qsizetype nextChat = 0;
        QByteArray encoded; // not yet taken from `offset` on
        qsizetype offset = 0;
        bool started = false;
        bool finished = false; // the tail is encoded
    };
    std::optional<Snapshot> m_snapshot;
};

} // namespace Glosa

#pragma once

#include "chat.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Glosa {

class Page;
class Store;

// What a client that joins a page, or asks to sync, gets before anything newer: the events it
// missed (a replay) when it holds the page's epoch and is at most MaxReplay events behind, the
// page's chats as they stand (a snapshot) otherwise. Either is made in parts of about PartBytes,
// each only when asked for, so that a client holds one part of it at a time whatever the size
// of the page: a replay part is one message (a batch of events read from the store, or one
// event), a snapshot is one message and its parts are pieces of it.
class CatchUp
{
public:
    // The most events sent as a replay; a client further behind gets a snapshot.
    static constexpr qint64 MaxReplay = 100000;
    static constexpr qsizetype PartBytes = 256 * 1024;

    // For a client that last applied `since` of `epoch` (none: it holds nothing of the page).
    CatchUp(const Page &page, Store *store, const QString &epoch, std::optional<qint64> since);

    bool isReplay() const { return !m_snapshot; }
    bool atEnd() const;

    struct Part
    {
        QByteArray bytes;
        bool startsMessage = true;
        bool endsMessage = true;
    };
    // The next part; nullopt when the store cannot read the events of a replay.
    std::optional<Part> next();

private:
    std::optional<Part> nextEvents();
    Part nextPiece();

    // A replay: the events after `m_after` up to the head when it began, read as they are sent.
    Store *m_store;
    qint64 m_pageId;
    qint64 m_after;
    qint64 m_until;
    QList<QByteArray> m_events;
    qsizetype m_nextEvent = 0;

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

#include "catchup.h"

#include "codec.h"
#include "page.h"
#include "store.h"

namespace Glosa {

namespace {

// Events read from the store at a time, so that a replay holds few of them in memory.
constexpr int ReadEvents = 32;

} // namespace

CatchUp::CatchUp(const Page &page, Store *store, const QString &epoch, std::optional<qint64> since)
    : m_store(store)
    , m_pageId(page.id())
    , m_after(since.value_or(0))
    , m_until(page.head())
{
    if (!since || epoch != page.epoch() || *since > page.head() ||
        page.head() - *since > MaxReplay) {
        m_snapshot.emplace();
        m_snapshot->chats = page.chats();
        m_snapshot->epoch = page.epoch();
        m_snapshot->seq = page.head();
        m_after = m_until;
    }
}

bool CatchUp::atEnd() const
{
    if (m_snapshot)
        return m_snapshot->finished && m_snapshot->offset == m_snapshot->encoded.size();
    return m_after == m_until;
}

std::optional<CatchUp::Part> CatchUp::next()
{
    if (m_snapshot)
        return nextPiece();
    return nextEvents();
}

std::optional<CatchUp::Part> CatchUp::nextEvents()
{
    if (m_nextEvent == m_events.size()) {
        m_events = m_store->eventsAfter(m_pageId, m_after,
                                        int(qMin(m_until - m_after, qint64(ReadEvents))));
        m_nextEvent = 0;
        if (m_events.isEmpty())
            return std::nullopt; // the history holds every seq up to the head
    }
    QList<QByteArray> batch;
    qsizetype bytes = 0;
    while (m_nextEvent < m_events.size() && m_after < m_until) {
        const QByteArray &event = m_events.at(m_nextEvent);
        if (!batch.isEmpty() && bytes + event.size() > PartBytes)
            break;
        batch.append(event);
        bytes += event.size() + 1;
        ++m_nextEvent;
        ++m_after;
    }
    if (m_nextEvent == m_events.size()) {
        m_events.clear();
        m_nextEvent = 0;
    }
    return Part{batch.size() == 1 ? batch.first() : Codec::encodeBatch(batch)};
}

CatchUp::Part CatchUp::nextPiece()
{
    Snapshot &s = *m_snapshot;
    // What is left of the last part's chat moves to the front: the buffer holds one part and
    // one chat at most.
    s.encoded.remove(0, s.offset);
    s.offset = 0;
    if (!s.started)
        s.encoded = Codec::snapshotHead();
    while (!s.finished && s.encoded.size() - s.offset < PartBytes) {
        if (s.nextChat == s.chats.size()) {
            s.encoded += Codec::snapshotTail(s.epoch, s.seq);
            s.finished = true;
            s.chats.clear();
            break;
        }
        if (s.nextChat > 0)
            s.encoded += ',';
        s.encoded += Codec::encode(s.chats.at(s.nextChat++));
    }
    const qsizetype size = qMin(PartBytes, s.encoded.size() - s.offset);
    Part part{size == s.encoded.size() ? s.encoded : s.encoded.mid(s.offset, size), !s.started};
    s.started = true;
    s.offset += size;
    part.endsMessage = atEnd();
    return part;
}

} // namespace Glosa

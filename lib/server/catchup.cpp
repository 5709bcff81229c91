#include "catchup.h"

#include "codec.h"
#include "page.h"
#include "storethread.h"

namespace Glosa {

namespace {

// Events read from the store at a time, so that a replay holds few of them in memory.
constexpr int ReadEvents = 32;

} // namespace

CatchUp::CatchUp(const Page &page, StoreThread *reads, const QString &epoch,
                 std::optional<qint64> since)
    : m_reads(reads)
    , m_pageId(page.id())
    , m_after(since.value_or(0))
    , m_until(page.head())
    , m_readUpTo(m_after)
{
    if (!since || epoch != page.epoch() || *since > page.head() ||
        page.head() - *since > MaxReplay) {
        m_snapshot.emplace();
        m_snapshot->chats = page.chats();
        m_snapshot->epoch = page.epoch();
        m_snapshot->seq = page.head();
        m_after = m_until;
        return;
    }
    read();
}

bool CatchUp::atEnd() const
{
    if (m_snapshot)
        return m_snapshot->finished && m_snapshot->offset == m_snapshot->encoded.size();
    return m_after == m_until;
}

CatchUp::Status CatchUp::next(Part *part)
{
    if (m_snapshot) {
        *part = nextPiece();
        return Status::Ready;
    }
    return nextEvents(part);
}

// Reads the next events ahead of the part that needs them.
void CatchUp::read()
{
    if (m_reading || m_readUpTo == m_until)
        return;
    m_reading = true;
    const qint64 pageId = m_pageId, after = m_readUpTo;
    const int count = int(qMin(m_until - after, qint64(ReadEvents)));
    m_readUpTo += count;
    m_reads->request<QList<QByteArray>>(
        [pageId, after, count](Store &store) { return store.eventsAfter(pageId, after, count); },
        this,
        [this, count](QList<QByteArray> events) {
            m_reading = false;
            // The history holds every seq up to the head: fewer events is a failed read.
            m_failed = events.size() != count;
            m_events += std::move(events);
            Q_EMIT partReady();
        });
}

CatchUp::Status CatchUp::nextEvents(Part *part)
{
    if (m_failed)
        return Status::Failed;
    if (m_events.isEmpty()) {
        read();
        return Status::Reading;
    }
    QList<QByteArray> batch;
    qsizetype bytes = 0;
    while (!m_events.isEmpty() &&
           (batch.isEmpty() || bytes + m_events.first().size() <= PartBytes)) {
        bytes += m_events.first().size() + 1;
        batch.append(m_events.takeFirst());
        ++m_after;
    }
    if (m_events.size() < ReadEvents)
        read();
    *part = {batch.size() == 1 ? batch.first() : Codec::encodeBatch(batch)};
    return Status::Ready;
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

#include "pagecache.h"

#include "codec.h"
#include "datafile.h"
#include "synclogging.h"

using namespace Qt::StringLiterals;

namespace Glosa {

PageCache::PageCache(QString path)
    : m_path(std::move(path))
{}

// The file holds the frames a server would send for the page: a welcome with its document,
// and the snapshot of its chats, in one batch.
std::optional<PageCache::State> PageCache::load() const
{
    if (m_path.isEmpty())
        return std::nullopt;
    const QByteArray content = DataFile::read(m_path);
    if (content.isEmpty())
        return std::nullopt;
    ProtocolError error;
    const std::optional<QList<ServerMessage>> frames = Codec::decodeServer(content, &error);
    const Welcome *welcome =
        frames && frames->size() == 2 ? std::get_if<Welcome>(&frames->first()) : nullptr;
    const Snapshot *snapshot = welcome ? std::get_if<Snapshot>(&frames->last()) : nullptr;
    if (!snapshot || snapshot->epoch.isEmpty()) {
        qCWarning(lcSync) << "ignoring an unreadable page cache" << m_path << error.message;
        return std::nullopt;
    }
    return State{*snapshot, welcome->document};
}

void PageCache::save(const State &state) const
{
    if (m_path.isEmpty())
        return;
    Welcome welcome;
    welcome.epoch = state.snapshot.epoch;
    welcome.seq = state.snapshot.seq;
    welcome.document = state.document;
    DataFile::write(m_path,
                    Codec::encodeBatch({Codec::encode(welcome), Codec::encode(state.snapshot)}));
}

QString PageCache::pathFor(const QUrl &server, const QString &tenant, const QString &page)
{
    return DataFile::pathFor(u"pages"_s, server, {tenant, page});
}

} // namespace Glosa

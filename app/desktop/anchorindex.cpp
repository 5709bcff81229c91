#include "anchorindex.h"

#include "pagesession.h"

namespace Glosa {

AnchorIndex::AnchorIndex(PageSession *session, QString plainText, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_text(std::move(plainText))
{
    connect(session, &PageSession::chatAdded, this, [this](const QString &id) {
        locate(id);
        Q_EMIT changed();
    });
    connect(session, &PageSession::chatChanged, this, [this](const QString &id) {
        locate(id);
        Q_EMIT changed();
    });
    connect(session, &PageSession::chatRemoved, this, [this](const QString &id) {
        m_matches.remove(id);
        Q_EMIT changed();
    });
    connect(session, &PageSession::chatsReset, this, [this] {
        locateAll();
        Q_EMIT changed();
    });
    locateAll();
}

void AnchorIndex::locate(const QString &chatId)
{
    if (const Chat *chat = m_session->chat(chatId)) {
        const auto known = m_matches.constFind(chatId);
        // A chat's anchor never changes: locate it once.
        if (known == m_matches.constEnd())
            m_matches.insert(chatId, Anchoring::locate(m_text, chat->anchor));
    }
}

void AnchorIndex::locateAll()
{
    m_matches.clear();
    for (auto it = m_session->chats().constBegin(); it != m_session->chats().constEnd(); ++it)
        m_matches.insert(it.key(), Anchoring::locate(m_text, it->anchor));
}

QString AnchorIndex::chatAt(int position) const
{
    QString best;
    int bestLength = std::numeric_limits<int>::max();
    for (auto it = m_matches.constBegin(); it != m_matches.constEnd(); ++it) {
        const Anchoring::Match &m = *it;
        if (!m.isOrphan() && m.start <= position && position < m.end &&
            m.end - m.start < bestLength) {
            best = it.key();
            bestLength = m.end - m.start;
        }
    }
    return best;
}

} // namespace Glosa

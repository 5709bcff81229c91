#include "anchorindex.h"

#include "pagesession.h"

#include <algorithm>

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

void AnchorIndex::setText(QString plainText)
{
    m_text = std::move(plainText);
    m_awaitingText = false;
    locateAll();
    Q_EMIT changed();
}

void AnchorIndex::awaitText()
{
    m_text.clear();
    m_awaitingText = true;
    m_matches.clear();
    Q_EMIT changed();
}

void AnchorIndex::locate(const QString &chatId)
{
    if (m_awaitingText)
        return;
    if (const Chat *chat = m_session->chat(chatId)) {
        const auto known = m_matches.constFind(chatId);
        // A chat's anchor never changes: locate it once.
        if (known == m_matches.constEnd())
            m_matches.insert(chatId, Anchoring::locate(m_text, chat->anchor));
    }
}

void AnchorIndex::locateAll()
{
    // In document order, each chat is looked for first where the one before it moved to.
    QList<const Chat *> chats;
    chats.reserve(m_session->chats().size());
    for (const Chat &chat : m_session->chats())
        chats.append(&chat);
    std::sort(chats.begin(), chats.end(),
              [](const Chat *a, const Chat *b) { return a->anchor.start < b->anchor.start; });
    m_matches.clear();
    if (m_awaitingText)
        return;
    int shift = 0;
    for (const Chat *chat : std::as_const(chats)) {
        const Anchoring::Match match = Anchoring::locate(m_text, chat->anchor, shift);
        if (!match.isOrphan())
            shift = match.start - chat->anchor.start;
        m_matches.insert(chat->id, match);
    }
}

AnchorIndex::Summary AnchorIndex::summary() const
{
    Summary s;
    for (const Anchoring::Match &m : m_matches) {
        if (m.isOrphan())
            ++s.orphans;
        else if (m.kind != Anchoring::Match::Kind::Exact)
            ++s.moved;
    }
    return s;
}

QStringList AnchorIndex::orphans() const
{
    QList<std::pair<int, QString>> found;
    for (auto it = m_matches.constBegin(); it != m_matches.constEnd(); ++it) {
        if (const Chat *chat = m_session->chat(it.key()); chat && it->isOrphan())
            found.append({chat->anchor.start, it.key()});
    }
    std::sort(found.begin(), found.end());
    QStringList ids;
    for (const auto &[start, id] : std::as_const(found))
        ids.append(id);
    return ids;
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

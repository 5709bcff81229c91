#pragma once

#include "anchoring.h"
#include "pagesession.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Glosa {

// Where each chat of a page stands in the open document's text, kept up to date as chats
// come and go; chats whose text can no longer be found are orphans.
class AnchorIndex : public QObject
{
    Q_OBJECT
public:
    AnchorIndex(PageSession *session, QString plainText, QObject *parent = nullptr);

    // Another version of the document: every chat is located in its text afresh.
    void setText(QString plainText);
    // The text is still being read: no chat is located, and none is an orphan, until setText().
    void awaitText();

    const QHash<QString, Anchoring::Match> &matches() const { return m_matches; }
    Anchoring::Match match(const QString &chatId) const { return m_matches.value(chatId); }
    bool isOrphan(const QString &chatId) const
    {
        const auto it = m_matches.constFind(chatId);
        return it != m_matches.constEnd() && it->isOrphan();
    }
    // The chat whose highlight covers `position`, the shortest one where several do.
    QString chatAt(int position) const;
    // How the chats stand in the text: found elsewhere than their anchor says (moved, or
    // approximately), or not found at all.
    struct Summary
    {
        int moved = 0;
        int orphans = 0;
    };
    Summary summary() const;
    // The chats whose text cannot be found, by their old position.
    QStringList orphans() const;
    const QString &plainText() const { return m_text; }

Q_SIGNALS:
    void changed();

private:
    void locate(const QString &chatId);
    void locateAll();

    QPointer<PageSession> m_session;
    QString m_text;
    QHash<QString, Anchoring::Match> m_matches;
    bool m_awaitingText = false;
};

} // namespace Glosa

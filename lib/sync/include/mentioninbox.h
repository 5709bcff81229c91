#pragma once

#include "author.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

namespace Glosa {

class PageSession;

// The comments that mention the user, in every page the user has opened on this computer,
// newest first, kept on disk (at most MaxMentions). Pages are watched while they are open: a
// mention found there is added, and said to be new when its comment is unread (see
// PageSession::isUnread), so that mentions written while the user was away count as new and
// those of a page's first visit do not.
class MentionInbox : public QObject
{
    Q_OBJECT
public:
    struct Mention
    {
        QUrl server;
        QString tenant;
        QString page;
        QString title; // of the page's document, as the user saw it
        QString chatId;
        QString commentId;
        Author author;
        QString text;
        qint64 at = 0; // when the comment was written (ms since the epoch)
        friend bool operator==(const Mention &a, const Mention &b)
        {
            return a.page == b.page && a.commentId == b.commentId && a.server == b.server &&
                   a.tenant == b.tenant;
        }
    };

    // `path`: the file it is kept in; empty, kept in memory only.
    explicit MentionInbox(QString path, QObject *parent = nullptr);
    ~MentionInbox() override;

    const QList<Mention> &mentions() const { return m_mentions; }
    // Watches the page of `session` (on `server`, `tenant`, `page`) for mentions of its user
    // while the session lives, and looks through what it has now.
    void watch(PageSession *session, const QUrl &server, const QString &tenant, const QString &page,
               const QString &title);

    static constexpr int MaxMentions = 500;

Q_SIGNALS:
    // A mention was found; `fresh` when its comment is new to the user.
    void mentioned(const Glosa::MentionInbox::Mention &mention, bool fresh);
    void changed();

private:
    void look(PageSession *session, const Mention &where, const QString &chatId);
    void save();

    QString m_path;
    QList<Mention> m_mentions;
    QSet<PageSession *> m_watched;
    QTimer m_saveTimer;
};

} // namespace Glosa

#pragma once

#include <tuple>

#include "anchor.h"
#include "comment.h"

#include <QList>

namespace Glosa {

// A discussion on a passage of a page's document.
struct Chat
{
    QString id;
    Anchor anchor;
    Author author;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    bool resolved = false;
    QList<Comment> comments;
    // Who resolved a resolved chat, and when (an extension: empty and 0 for a chat resolved
    // before the server recorded it, and for an open one).
    Author resolvedBy{};
    qint64 resolvedAt = 0;

    // Resolves the chat (`by` at `at`) or reopens it.
    void resolve(bool on, const Author &by, qint64 at);

    Comment *findComment(QStringView commentId);
    const Comment *findComment(QStringView commentId) const;

    friend bool operator==(const Chat &a, const Chat &b)
    {
        return std::tie(a.id, a.anchor, a.author, a.createdAt, a.updatedAt, a.resolved, a.comments,
                        a.resolvedBy, a.resolvedAt) ==
               std::tie(b.id, b.anchor, b.author, b.createdAt, b.updatedAt, b.resolved, b.comments,
                        b.resolvedBy, b.resolvedAt);
    }
    friend bool operator!=(const Chat &a, const Chat &b) { return !(a == b); }
};

} // namespace Glosa

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

    Comment *findComment(QStringView commentId);
    const Comment *findComment(QStringView commentId) const;

    friend bool operator==(const Chat &a, const Chat &b)
    {
        return std::tie(a.id, a.anchor, a.author, a.createdAt, a.updatedAt, a.resolved,
                        a.comments) ==
               std::tie(b.id, b.anchor, b.author, b.createdAt, b.updatedAt, b.resolved, b.comments);
    }
    friend bool operator!=(const Chat &a, const Chat &b) { return !(a == b); }
};

} // namespace Glosa

#pragma once

#include <tuple>

#include "comment.h"

namespace Glosa {

// The `change` of an updated-text-chat operation or event.
// add-comment: `comment` (id and text from a client; complete in an event).
// edit-comment: `commentId`, `text`, `mentions` (an extension); the event adds the complete
// edited `comment`.
// delete-comment: `commentId`; the event adds `comment` as {id, deleted}.
// resolve: `resolved`; the event of a resolve to true adds `resolvedBy` (an extension), its
// `updatedAt` being when.
struct Change
{
    enum class Op { AddComment, EditComment, DeleteComment, Resolve };

    Op op = Op::AddComment;
    QString commentId;
    QString text;
    QList<Author> mentions{};
    Comment comment;
    bool resolved = false;
    Author resolvedBy;

    friend bool operator==(const Change &a, const Change &b)
    {
        return std::tie(a.op, a.commentId, a.text, a.comment, a.resolved, a.resolvedBy,
                        a.mentions) ==
               std::tie(b.op, b.commentId, b.text, b.comment, b.resolved, b.resolvedBy, b.mentions);
    }
    friend bool operator!=(const Change &a, const Change &b) { return !(a == b); }
};

} // namespace Glosa

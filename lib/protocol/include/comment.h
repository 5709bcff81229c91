#pragma once

#include <tuple>

#include "author.h"

#include <QList>

#include <optional>

namespace Glosa {

struct Comment
{
    QString id;
    Author author;
    QString text;
    qint64 createdAt = 0;
    std::optional<qint64> editedAt;
    bool deleted = false;
    // The users its text mentions as @name (an extension).
    QList<Author> mentions{};

    friend bool operator==(const Comment &a, const Comment &b)
    {
        return std::tie(a.id, a.author, a.text, a.createdAt, a.editedAt, a.deleted, a.mentions) ==
               std::tie(b.id, b.author, b.text, b.createdAt, b.editedAt, b.deleted, b.mentions);
    }
    friend bool operator!=(const Comment &a, const Comment &b) { return !(a == b); }
};

} // namespace Glosa

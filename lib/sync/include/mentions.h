#pragma once

#include "author.h"

#include <QList>

namespace Glosa {

// Mentions of people in a comment's text: "@" and the person's name, not followed by a letter
// or a digit, at the start of the text or after a character that is not a letter or a digit.
class Mentions
{
public:
    // The `people` the text mentions, each once, in the order of `people`; at most
    // Limits::MentionsMax of them. Where names overlap, the longest one named is meant.
    static QList<Author> in(const QString &text, const QList<Author> &people);
    // Whether the comment mentions the user `userId`.
    static bool mentions(const QList<Author> &mentions, const QString &userId);
};

} // namespace Glosa

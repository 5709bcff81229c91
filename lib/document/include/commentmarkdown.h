#pragma once

#include <QString>

class QTextDocument;

namespace Glosa {

// A comment's text read as the safe subset of Markdown that Glosa shows: GitHub's dialect
// (emphasis, code, lists, links), with HTML shown as written and images as their description,
// so that nothing is fetched for a comment. The comment itself stays the plain text its author
// typed.
class CommentMarkdown
{
public:
    // Fills `document` with `text`.
    static void read(QTextDocument *document, const QString &text);
    // `text` read so, as HTML to put inside a page's body: every character the author typed is
    // escaped, and a link is one only where it is safe (any other is its text alone).
    static QString toHtml(const QString &text);
    // Whether a comment's link may be followed: to the web, a mail address or a Glosa thread.
    static bool isSafeLink(const QString &href);
};

} // namespace Glosa

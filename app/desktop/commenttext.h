#pragma once

#include <QString>

class QFont;
class QTextDocument;

namespace Glosa {

// A comment's text as the thread list shows it: a safe subset of Markdown (emphasis, code,
// lists, links, as GitHub writes them), with HTML shown as written and images as their
// description. The comment itself stays the plain text its author typed.
class CommentText
{
public:
    // Fills `document` with `text`, laid out `width` pixels wide in `font`.
    static void layOut(QTextDocument *document, const QString &text, const QFont &font, int width);
};

} // namespace Glosa

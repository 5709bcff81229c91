#include "commenttext.h"

#include "commentmarkdown.h"

#include <QTextDocument>

namespace Glosa {

void CommentText::layOut(QTextDocument *document, const QString &text, const QFont &font, int width)
{
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    CommentMarkdown::read(document, text);
    document->setTextWidth(width);
}

} // namespace Glosa

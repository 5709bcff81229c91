#include "commenttext.h"

#include <QRegularExpression>
#include <QTextDocument>

namespace Glosa {

void CommentText::layOut(QTextDocument *document, const QString &text, const QFont &font, int width)
{
    // An image is its description: nothing is fetched for a comment.
    static const QRegularExpression image(QStringLiteral(R"(!\[([^\]]*)\]\([^)]*\))"));
    QString markdown = text;
    markdown.replace(image, QStringLiteral("\\1"));
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    document->setMarkdown(markdown,
                          QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                          QTextDocument::MarkdownNoHTML));
    document->setTextWidth(width);
}

} // namespace Glosa

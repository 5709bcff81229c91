#include "commentmarkdown.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

// Changes the character format of `document` wherever `change` gives a new one for it; where
// the text was an object (an image), the run becomes `text` in the new format instead.
template<typename Change>
void reformat(QTextDocument *document, Change change)
{
    QList<QTextCursor> runs;
    QList<std::pair<QTextCharFormat, QString>> changed;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QString text;
            if (const std::optional<QTextCharFormat> format =
                    change(fragment.charFormat(), &text)) {
                QTextCursor cursor(document);
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor::KeepAnchor);
                runs.append(cursor);
                changed.append({*format, text});
            }
        }
    }
    // Cursors follow the edits made before them.
    for (qsizetype i = 0; i < runs.size(); ++i) {
        if (runs[i].charFormat().isImageFormat())
            runs[i].insertText(changed[i].second, changed[i].first);
        else
            runs[i].setCharFormat(changed[i].first);
    }
}

} // namespace

void CommentMarkdown::read(QTextDocument *document, const QString &text)
{
    document->setMarkdown(text,
                          QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                          QTextDocument::MarkdownNoHTML));
    // An image is its description: nothing is fetched for a comment.
    reformat(document, [](QTextCharFormat format, QString *text) -> std::optional<QTextCharFormat> {
        if (!format.isImageFormat())
            return std::nullopt;
        *text = format.property(QTextFormat::ImageAltText).toString();
        for (const int property : {int(QTextFormat::ObjectType), int(QTextFormat::ImageName),
                                   int(QTextFormat::ImageAltText), int(QTextFormat::ImageTitle),
                                   int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight)})
            format.clearProperty(property);
        return format;
    });
}

bool CommentMarkdown::isSafeLink(const QString &href)
{
    const QString scheme = QUrl(href).scheme().toLower();
    return scheme == "https"_L1 || scheme == "http"_L1 || scheme == "mailto"_L1 ||
           scheme == "glosa"_L1;
}

QString CommentMarkdown::toHtml(const QString &text)
{
    QTextDocument document;
    read(&document, text);
    reformat(&document, [](QTextCharFormat format, QString *) -> std::optional<QTextCharFormat> {
        if (!format.isAnchor() || isSafeLink(format.anchorHref()))
            return std::nullopt;
        format.setAnchor(false);
        for (const int property : {int(QTextFormat::AnchorHref), int(QTextFormat::ForegroundBrush),
                                   int(QTextFormat::TextUnderlineStyle)})
            format.clearProperty(property);
        return format;
    });
    const QString html = document.toHtml();
    const qsizetype body = html.indexOf(u'>', html.indexOf("<body"_L1)) + 1;
    return html.mid(body, html.lastIndexOf("</body>"_L1) - body).trimmed();
}

} // namespace Glosa

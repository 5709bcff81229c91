#include "chatexport.h"

#include "commentmarkdown.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QDateTime utc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

// To the second, for people: 2026-12-07T07:12:40Z.
QString timeOf(qint64 msecs)
{
    return utc(msecs).toString(Qt::ISODate);
}

// To the millisecond, for programs: 2026-12-07T07:12:40.123Z.
QString exactTimeOf(qint64 msecs)
{
    return utc(msecs).toString(Qt::ISODateWithMs);
}

// Plain text that Markdown shows as written: its punctuation escaped where Markdown would read
// it as formatting, links, HTML or entities, or at the start of a line as a heading or a list.
QString escapeMarkdown(const QString &text)
{
    static const QRegularExpression punctuation(uR"(([\\`*_\[\]<>#|~]|&(?=[#A-Za-z0-9])))"_s);
    static const QRegularExpression lineStart(uR"((^|\n)([ \t]*\d*)([-+=.)]))"_s);
    QString escaped = text;
    escaped.replace(punctuation, uR"(\\1)"_s);
    escaped.replace(lineStart, uR"(\1\2\\3)"_s);
    return escaped;
}

QString escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

QJsonObject authorJson(const Author &author)
{
    return {{u"id"_s, author.id}, {u"name"_s, author.name}};
}

QJsonObject commentJson(const Comment &comment)
{
    if (comment.deleted)
        return {{u"id"_s, comment.id}, {u"deleted"_s, true}};
    QJsonObject json{{u"id"_s, comment.id},
                     {u"author"_s, authorJson(comment.author)},
                     {u"text"_s, comment.text},
                     {u"createdAt"_s, exactTimeOf(comment.createdAt)}};
    if (comment.editedAt)
        json.insert(u"editedAt"_s, exactTimeOf(*comment.editedAt));
    return json;
}

const char *const Stylesheet = R"(
body { font: 11pt/1.45 serif; color: #000; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
.summary { color: #444; margin: 0 0 1.5em; }
.thread { border-top: 1px solid #999; padding-top: .6em; margin-top: 1.2em; }
h2 { font-size: 1.1em; margin: 0 0 .4em; break-after: avoid; page-break-after: avoid; }
.resolved > h2 { color: #2d6a2d; }
blockquote { margin: .4em 0 .8em; padding: .1em .8em; border-left: 3px solid #888;
             white-space: pre-wrap; font-style: italic; }
.comment { margin: .6em 0 .6em 1em; break-inside: avoid; page-break-inside: avoid; }
.byline { margin: 0; font-size: .9em; color: #333; }
.deleted .byline { font-style: italic; color: #666; }
.text p, .text li { white-space: pre-wrap; }
.text pre { white-space: pre-wrap; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a { color: #000; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .85em; }
}
)";

} // namespace

std::optional<ChatExport::Format> ChatExport::formatNamed(const QString &name)
{
    const QString n = name.toLower();
    if (n == "md"_L1 || n == "markdown"_L1)
        return Format::Markdown;
    if (n == "json"_L1)
        return Format::Json;
    if (n == "html"_L1 || n == "htm"_L1)
        return Format::Html;
    return std::nullopt;
}

QString ChatExport::suffix(Format format)
{
    switch (format) {
    case Format::Markdown:
        return u"md"_s;
    case Format::Json:
        return u"json"_s;
    case Format::Html:
        break;
    }
    return u"html"_s;
}

ChatExport::ChatExport(const Document &document, QList<Chat> chats, const QDateTime &exportedAt)
    : m_document(document)
    , m_chats(std::move(chats))
    , m_exportedAt(exportedAt.toUTC())
{
    std::sort(m_chats.begin(), m_chats.end(), [](const Chat &a, const Chat &b) {
        return std::tie(a.anchor.start, a.createdAt, a.id) <
               std::tie(b.anchor.start, b.createdAt, b.id);
    });
}

QByteArray ChatExport::to(Format format) const
{
    switch (format) {
    case Format::Markdown:
        return toMarkdown();
    case Format::Json:
        return toJson();
    case Format::Html:
        break;
    }
    return toHtml();
}

QString ChatExport::placeOf(const Chat &chat) const
{
    return chat.anchor.hasSheet() ? tr("page %1").arg(chat.anchor.sheet + 1) : QString();
}

QString ChatExport::quoteOf(const Chat &chat) const
{
    if (chat.anchor.isWholeSheet())
        return tr("All of page %1").arg(chat.anchor.sheet + 1);
    // A PDF's text ends its lines with CR LF and its sheets with a form feed.
    QString quote = chat.anchor.exact;
    quote.replace(u"\r\n"_s, u"\n"_s).replace(u'\f', u'\n').replace(u'\r', u'\n');
    return quote;
}

QString ChatExport::headingOf(int number, const Chat &chat) const
{
    QStringList parts{tr("Thread %1").arg(number)};
    if (const QString place = placeOf(chat); !place.isEmpty())
        parts.append(place);
    if (!chat.resolved)
        parts.append(tr("open"));
    else if (chat.resolvedAt > 0)
        parts.append(tr("resolved by %1, %2").arg(chat.resolvedBy.name, timeOf(chat.resolvedAt)));
    else
        parts.append(tr("resolved"));
    return parts.join(u" · "_s);
}

QString ChatExport::bylineOf(const Comment &comment) const
{
    return comment.editedAt
               ? tr("%1 · edited %2").arg(timeOf(comment.createdAt), timeOf(*comment.editedAt))
               : timeOf(comment.createdAt);
}

QString ChatExport::summary() const
{
    const auto resolved = std::count_if(m_chats.cbegin(), m_chats.cend(),
                                        [](const Chat &chat) { return chat.resolved; });
    return tr("Page %1, exported %2. Threads: %3, resolved: %4.")
        .arg(m_document.page, timeOf(m_exportedAt.toMSecsSinceEpoch()))
        .arg(m_chats.size())
        .arg(resolved);
}

QByteArray ChatExport::toMarkdown() const
{
    QString md = u"# "_s + escapeMarkdown(tr("Threads of “%1”").arg(m_document.title)) + u"\n\n"_s +
                 escapeMarkdown(summary()) + u"\n"_s;
    int number = 0;
    for (const Chat &chat : m_chats) {
        md += u"\n## "_s + escapeMarkdown(headingOf(++number, chat)) + u"\n\n"_s;
        const QString quote = chat.anchor.isWholeSheet() ? u'*' + quoteOf(chat) + u'*'
                                                         : escapeMarkdown(quoteOf(chat));
        for (const QString &line : quote.split(u'\n'))
            md += line.isEmpty() ? u">\n"_s : u"> "_s + line + u'\n';
        for (const Comment &comment : chat.comments) {
            if (comment.deleted) {
                md += u"\n*"_s + tr("(deleted)") + u"*\n"_s;
                continue;
            }
            md += u"\n**"_s + escapeMarkdown(comment.author.name) + u"** · "_s + bylineOf(comment) +
                  u"\n\n"_s + comment.text.trimmed() + u'\n';
        }
    }
    return md.toUtf8();
}

QByteArray ChatExport::toJson() const
{
    QJsonArray threads;
    for (const Chat &chat : m_chats) {
        QJsonArray comments;
        for (const Comment &comment : chat.comments)
            comments.append(commentJson(comment));
        QJsonObject thread{{u"id"_s, chat.id},
                           {u"quote"_s, chat.anchor.exact},
                           {u"prefix"_s, chat.anchor.prefix},
                           {u"suffix"_s, chat.anchor.suffix},
                           {u"start"_s, chat.anchor.start},
                           {u"end"_s, chat.anchor.end},
                           {u"resolved"_s, chat.resolved},
                           {u"author"_s, authorJson(chat.author)},
                           {u"createdAt"_s, exactTimeOf(chat.createdAt)},
                           {u"updatedAt"_s, exactTimeOf(chat.updatedAt)},
                           {u"comments"_s, comments}};
        if (chat.anchor.hasSheet())
            thread.insert(u"sheet"_s, chat.anchor.sheet);
        if (chat.resolvedAt > 0) {
            thread.insert(u"resolvedBy"_s, authorJson(chat.resolvedBy));
            thread.insert(u"resolvedAt"_s, exactTimeOf(chat.resolvedAt));
        }
        threads.append(thread);
    }
    const QJsonObject root{{u"glosaExport"_s, Version},
                           {u"document"_s, QJsonObject{{u"title"_s, m_document.title},
                                                       {u"page"_s, m_document.page},
                                                       {u"format"_s, m_document.format}}},
                           {u"exportedAt"_s, exactTimeOf(m_exportedAt.toMSecsSinceEpoch())},
                           {u"threads"_s, threads}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray ChatExport::toHtml() const
{
    const QString title = escapeHtml(tr("Threads of “%1”").arg(m_document.title));
    QString html = u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                   // Nothing in the page runs or is fetched, whatever a comment says.
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'\">\n<title>"_s +
                   title + u"</title>\n<style>"_s + QString::fromUtf8(Stylesheet) +
                   u"</style>\n</head>\n<body>\n<h1>"_s + title +
                   u"</h1>\n<p class=\"summary\">"_s + escapeHtml(summary()) + u"</p>\n"_s;
    int number = 0;
    for (const Chat &chat : m_chats) {
        const QString state = chat.resolved ? u"resolved"_s : u"open"_s;
        html += u"<section class=\"thread %1\" id=\"thread-%2\">\n<h2>"_s.arg(state,
                                                                              escapeHtml(chat.id)) +
                escapeHtml(headingOf(++number, chat)) + u"</h2>\n"_s;
        html += chat.anchor.isWholeSheet()
                    ? u"<blockquote class=\"sheet\">"_s + escapeHtml(quoteOf(chat))
                    : u"<blockquote>"_s + escapeHtml(quoteOf(chat));
        html += u"</blockquote>\n"_s;
        for (const Comment &comment : chat.comments) {
            if (comment.deleted) {
                html += u"<div class=\"comment deleted\"><p class=\"byline\">"_s +
                        escapeHtml(tr("(deleted)")) + u"</p></div>\n"_s;
                continue;
            }
            html += u"<div class=\"comment\">\n<p class=\"byline\"><strong>"_s +
                    escapeHtml(comment.author.name) + u"</strong> · "_s +
                    escapeHtml(bylineOf(comment)) + u"</p>\n<div class=\"text\">"_s +
                    CommentMarkdown::toHtml(comment.text) + u"</div>\n</div>\n"_s;
        }
        html += u"</section>\n"_s;
    }
    html += u"</body>\n</html>\n"_s;
    return html.toUtf8();
}

bool ChatExport::write(const QString &path, Format format, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(to(format)) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace Glosa

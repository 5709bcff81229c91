#pragma once

#include "chat.h"
#include "document.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace Glosa {

// A page's threads written out, for people (Markdown, HTML for printing) and for programs
// (JSON, see docs/export.md): the threads in document order, resolved ones marked, each with
// its passage, state and comments in the order they were written; times in ISO 8601, UTC.
// A comment's text is Markdown: as written in Markdown and JSON, and in HTML as the safe subset
// the app shows (see CommentMarkdown), every character of it escaped.
class ChatExport
{
    Q_DECLARE_TR_FUNCTIONS(Glosa::ChatExport)

public:
    enum class Format { Markdown, Json, Html };

    // The format named on the command line ("md", "json", "html"), or by a file's suffix.
    static std::optional<Format> formatNamed(const QString &name);
    static QString suffix(Format format);

    // The threads `chats` of the page of `document` (its title, page and format are used).
    ChatExport(const Document &document, QList<Chat> chats,
               const QDateTime &exportedAt = QDateTime::currentDateTimeUtc());

    QByteArray to(Format format) const;
    QByteArray toMarkdown() const;
    QByteArray toJson() const;
    QByteArray toHtml() const;
    // Writes the threads in `format` to `path`, all of them or, when that fails, nothing; false
    // with `error` for people.
    bool write(const QString &path, Format format, QString *error) const;

    // The version of the JSON shape, its "glosaExport": a new version for any change that a
    // reader of an older one could misread.
    static constexpr int Version = 1;

private:
    // Where the thread's passage is, for people: "page 3" in a PDF, else empty.
    QString placeOf(const Chat &chat) const;
    // The passage as people read it: its text, or "All of page N" for a whole sheet.
    QString quoteOf(const Chat &chat) const;
    QString headingOf(int number, const Chat &chat) const;
    QString bylineOf(const Comment &comment) const;
    QString summary() const;

    Document m_document;
    QList<Chat> m_chats;
    QDateTime m_exportedAt;
};

} // namespace Glosa

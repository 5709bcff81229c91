#pragma once

#include "document.h"

#include <QString>

#include <optional>

namespace Glosa {

// A document opened from a file or from the server, with the plain text that anchors count in.
struct LoadedDocument
{
    Document document;  // page, title, format and content
    QString plainText;  // what anchor offsets refer to
    QString sourcePath; // empty for a document from the server
    bool local = false; // lives on this computer (a file, or built in), not on the server

    static bool isMarkdownPath(const QString &path);
    // Reads a UTF-8 text or Markdown file; its page is file/<sha256 of content> (the caller
    // keeps a file on the page of its first content, see AppContext::pageOfFile()).
    static std::optional<LoadedDocument> fromFile(const QString &path, QString *error);
    static LoadedDocument fromDocument(const Document &document);
    // A document that lives on this computer, on its page file/<sha256 of content>.
    static LoadedDocument fromLocalText(const QString &title, const QString &format,
                                        const QString &content);
    // The plain text of content as the document view lays it out.
    static QString plainTextOf(const QString &format, const QString &content);

    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
};

} // namespace Glosa

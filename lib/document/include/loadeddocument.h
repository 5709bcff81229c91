#pragma once

#include "document.h"
#include "pdftext.h"
#include "protocollimits.h"

#include <QByteArray>

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
    // A PDF: its bytes, the password that opens it if it has one, and its text layer, unless
    // that is still to be read (see PdfTextReader).
    QByteArray pdf;
    QString password;
    PdfText pdfText;
    bool textPending = false;

    bool isPdf() const { return document.format == QLatin1StringView("pdf"); }

    // Why a document could not be loaded.
    struct Failure
    {
        QString message;
        bool needsPassword = false; // an encrypted PDF, and no password or a wrong one
    };

    static bool isMarkdownPath(const QString &path);
    // Reads a UTF-8 text or Markdown file, or a PDF (opened with `password` if encrypted); its
    // page is file/<sha256 of content> (the caller keeps a file on the page of its first
    // content, see AppContext::pageOfFile()).
    // A PDF's text layer is read at once, or left to the caller (textPending).
    enum class PdfTextLayer { Read, Later };
    static std::optional<LoadedDocument> fromFile(const QString &path, Failure *failure,
                                                  const QString &password = {},
                                                  PdfTextLayer layer = PdfTextLayer::Read);
    // The page of the file at `path` by its content, file/<sha256>, as fromFile() has it (a PDF
    // is not opened for it); std::nullopt with `failure` where fromFile() would fail to read it.
    static std::optional<QString> contentPageOf(const QString &path, Failure *failure);
    // The page of a local document whose content has `sha256`.
    static QString pageOfContent(const QString &sha256);
    // The PDF `bytes` as the content of `document`, whose sha256 they must have.
    static std::optional<LoadedDocument> fromPdf(Document document, const QByteArray &bytes,
                                                 const QString &password, Failure *failure,
                                                 PdfTextLayer layer = PdfTextLayer::Read);
    // Takes the PDF's text layer, read apart.
    void setPdfText(const PdfText &text);
    static LoadedDocument fromDocument(const Document &document);
    // A document that lives on this computer, on its page file/<sha256 of content>.
    static LoadedDocument fromLocalText(const QString &title, const QString &format,
                                        const QString &content);
    // The plain text of content as the document view lays it out.
    static QString plainTextOf(const QString &format, const QString &content);

    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
    static constexpr qint64 MaxPdfBytes = Limits::ContentBytes;
};

} // namespace Glosa

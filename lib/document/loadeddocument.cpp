#include "loadeddocument.h"

#include "openedpdf.h"

#include <QFile>
#include <QFileInfo>
#include <QPdfDocument>
#include <QStringDecoder>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace Glosa {

bool LoadedDocument::isMarkdownPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "md"_L1 || suffix == "markdown"_L1 || suffix == "mdown"_L1;
}

namespace {

// A file's bytes, and whether they are a PDF; std::nullopt with `failure` when it cannot be read
// or is too large.
struct FileBytes
{
    QByteArray bytes;
    bool pdf = false;
};

std::optional<FileBytes> readFile(const QString &path, LoadedDocument::Failure *failure)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        failure->message = QFile::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const bool pdf = file.peek(5) == "%PDF-" || QFileInfo(path).suffix().toLower() == "pdf"_L1;
    if (const qint64 max = pdf ? LoadedDocument::MaxPdfBytes : LoadedDocument::MaxFileBytes;
        file.size() > max) {
        failure->message = QFile::tr("%1 is larger than %2 MB.").arg(path).arg(max / (1024 * 1024));
        return std::nullopt;
    }
    return FileBytes{file.readAll(), pdf};
}

// The text of a UTF-8 file, without its byte-order mark.
std::optional<QString> decodeText(const QByteArray &bytes, const QString &path,
                                  LoadedDocument::Failure *failure)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString content = decoder(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        failure->message = QFile::tr("%1 is not a UTF-8 text file.").arg(path);
        return std::nullopt;
    }
    if (content.startsWith(QChar(0xfeff)))
        content.remove(0, 1);
    return content;
}

} // namespace

std::optional<LoadedDocument> LoadedDocument::fromFile(const QString &path, Failure *failure,
                                                       const QString &password, PdfTextLayer layer)
{
    const std::optional<FileBytes> file = readFile(path, failure);
    if (!file)
        return std::nullopt;
    if (file->pdf) {
        Document d;
        d.title = QFileInfo(path).completeBaseName();
        d.format = u"pdf"_s;
        d.sha256 = Document::sha256Of(file->bytes);
        d.page = pageOfContent(d.sha256);
        std::optional<LoadedDocument> loaded = fromPdf(d, file->bytes, password, failure, layer);
        if (loaded) {
            loaded->local = true;
            loaded->sourcePath = QFileInfo(path).absoluteFilePath();
        } else if (!failure->needsPassword) {
            failure->message = QFile::tr("%1: %2").arg(path, failure->message);
        }
        return loaded;
    }
    const std::optional<QString> content = decodeText(file->bytes, path, failure);
    if (!content)
        return std::nullopt;
    LoadedDocument loaded =
        fromLocalText(QFileInfo(path).completeBaseName(),
                      isMarkdownPath(path) ? u"markdown"_s : u"text"_s, *content);
    loaded.sourcePath = QFileInfo(path).absoluteFilePath();
    return loaded;
}

std::optional<QString> LoadedDocument::contentPageOf(const QString &path, Failure *failure)
{
    const std::optional<FileBytes> file = readFile(path, failure);
    if (!file)
        return std::nullopt;
    if (file->pdf)
        return pageOfContent(Document::sha256Of(file->bytes));
    const std::optional<QString> content = decodeText(file->bytes, path, failure);
    if (!content)
        return std::nullopt;
    return pageOfContent(Document::sha256Of(*content));
}

QString LoadedDocument::pageOfContent(const QString &sha256)
{
    return u"file/"_s + sha256;
}

LoadedDocument LoadedDocument::fromLocalText(const QString &title, const QString &format,
                                             const QString &content)
{
    Document d;
    d.title = title;
    d.format = format;
    d.content = content;
    d.sha256 = Document::sha256Of(content);
    d.page = pageOfContent(d.sha256);
    LoadedDocument loaded = fromDocument(d);
    loaded.local = true;
    return loaded;
}

LoadedDocument LoadedDocument::fromDocument(const Document &document)
{
    LoadedDocument loaded;
    loaded.document = document;
    loaded.plainText = plainTextOf(document.format, document.content);
    return loaded;
}

std::optional<LoadedDocument> LoadedDocument::fromPdf(Document document, const QByteArray &bytes,
                                                      const QString &password, Failure *failure,
                                                      PdfTextLayer layer)
{
    if (Document::sha256Of(bytes) != document.sha256) {
        failure->message = QPdfDocument::tr("The PDF's content is not the one expected.");
        return std::nullopt;
    }
    OpenedPdf opened(bytes, password);
    QPdfDocument &pdf = *opened.document();
    switch (pdf.error()) {
    case QPdfDocument::Error::None:
        break;
    case QPdfDocument::Error::IncorrectPassword:
        failure->needsPassword = true;
        failure->message = password.isEmpty()
                               ? QPdfDocument::tr("This PDF is protected by a password.")
                               : QPdfDocument::tr("The password is not correct.");
        return std::nullopt;
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        failure->message = QPdfDocument::tr("This PDF is encrypted in a way Glosa cannot read.");
        return std::nullopt;
    default:
        failure->message = QPdfDocument::tr("This is not a PDF, or it is damaged.");
        return std::nullopt;
    }
    if (pdf.status() != QPdfDocument::Status::Ready || pdf.pageCount() < 1) {
        failure->message = QPdfDocument::tr("This PDF has no pages, or it is damaged.");
        return std::nullopt;
    }
    LoadedDocument loaded;
    loaded.document = std::move(document);
    loaded.pdf = bytes;
    loaded.password = password;
    if (layer == PdfTextLayer::Read)
        loaded.setPdfText(PdfText::of(pdf));
    else
        loaded.textPending = true;
    return loaded;
}

void LoadedDocument::setPdfText(const PdfText &text)
{
    pdfText = text;
    plainText = text.plainText();
    textPending = false;
}

QString LoadedDocument::plainTextOf(const QString &format, const QString &content)
{
    if (format != "markdown"_L1)
        return content;
    QTextDocument doc;
    doc.setMarkdown(content);
    return doc.toPlainText();
}

} // namespace Glosa

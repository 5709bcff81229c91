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

std::optional<LoadedDocument> LoadedDocument::fromFile(const QString &path, Failure *failure,
                                                       const QString &password, PdfTextLayer layer)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        failure->message = QFile::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const bool pdf = file.peek(5) == "%PDF-" || QFileInfo(path).suffix().toLower() == "pdf"_L1;
    if (const qint64 max = pdf ? MaxPdfBytes : MaxFileBytes; file.size() > max) {
        failure->message = QFile::tr("%1 is larger than %2 MB.").arg(path).arg(max / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (pdf) {
        Document d;
        d.title = QFileInfo(path).completeBaseName();
        d.format = u"pdf"_s;
        d.sha256 = Document::sha256Of(bytes);
        d.page = u"file/"_s + d.sha256;
        std::optional<LoadedDocument> loaded = fromPdf(d, bytes, password, failure, layer);
        if (loaded) {
            loaded->local = true;
            loaded->sourcePath = QFileInfo(path).absoluteFilePath();
        } else if (!failure->needsPassword) {
            failure->message = QFile::tr("%1: %2").arg(path, failure->message);
        }
        return loaded;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString content = decoder(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        failure->message = QFile::tr("%1 is not a UTF-8 text file.").arg(path);
        return std::nullopt;
    }
    if (content.startsWith(QChar(0xfeff)))
        content.remove(0, 1);
    LoadedDocument loaded =
        fromLocalText(QFileInfo(path).completeBaseName(),
                      isMarkdownPath(path) ? u"markdown"_s : u"text"_s, content);
    loaded.sourcePath = QFileInfo(path).absoluteFilePath();
    return loaded;
}

LoadedDocument LoadedDocument::fromLocalText(const QString &title, const QString &format,
                                             const QString &content)
{
    Document d;
    d.title = title;
    d.format = format;
    d.content = content;
    d.sha256 = Document::sha256Of(content);
    d.page = u"file/"_s + d.sha256;
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

#include "loadeddocument.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace Glosa {

bool LoadedDocument::isMarkdownPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == "md"_L1 || suffix == "markdown"_L1 || suffix == "mdown"_L1;
}

std::optional<LoadedDocument> LoadedDocument::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QFile::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        *error = QFile::tr("%1 is larger than %2 MB.").arg(path).arg(MaxFileBytes / (1024 * 1024));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString content = decoder(bytes);
    if (decoder.hasError() || bytes.contains('\0')) {
        *error = QFile::tr("%1 is not a UTF-8 text file.").arg(path);
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
    return {document, plainTextOf(document.format, document.content), {}, false};
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

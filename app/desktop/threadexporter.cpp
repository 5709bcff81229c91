#include "threadexporter.h"

#include "loadeddocument.h"
#include "mainwindow.h"
#include "pagesession.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>

#include <array>

using namespace Qt::StringLiterals;

namespace Glosa {

void ThreadExporter::ask(MainWindow *window)
{
    using Format = ChatExport::Format;
    const std::array formats{Format::Markdown, Format::Json, Format::Html};
    const QStringList filters{tr("Markdown (*.md)"), tr("JSON (*.json)"),
                              tr("HTML for printing (*.html)")};
    const auto formatOf = [&](const QString &filter) {
        return formats.at(size_t(qMax(qsizetype(0), filters.indexOf(filter))));
    };
    QFileDialog dialog(window, tr("Export Threads"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilters(filters);
    dialog.setDefaultSuffix(ChatExport::suffix(Format::Markdown));
    if (const LoadedDocument &document = window->document(); !document.sourcePath.isEmpty())
        dialog.setDirectory(QFileInfo(document.sourcePath).absolutePath());
    dialog.selectFile(proposedName(window->document(), Format::Markdown));
    // A name without a suffix takes that of the format chosen.
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
        dialog.setDefaultSuffix(ChatExport::suffix(formatOf(filter)));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().first();
    exportTo(window, path,
             ChatExport::formatNamed(QFileInfo(path).suffix())
                 .value_or(formatOf(dialog.selectedNameFilter())));
}

bool ThreadExporter::exportTo(MainWindow *window, const QString &path, ChatExport::Format format)
{
    const QList<Chat> chats =
        window->session() ? window->session()->chats().values() : QList<Chat>();
    QString error;
    if (!ChatExport(window->document().document, chats).write(path, format, &error)) {
        QMessageBox::warning(window, tr("Export Threads"), error);
        return false;
    }
    window->statusBar()->showMessage(tr("Threads exported to %1.").arg(path), 8000);
    return true;
}

QString ThreadExporter::proposedName(const LoadedDocument &document, ChatExport::Format format)
{
    // What no file system of the user's takes in a name.
    static const QRegularExpression unsafe(uR"([\x00-\x1f/\\:*?"<>|]+)"_s);
    QString title = document.document.title;
    title = title.replace(unsafe, u"-"_s).trimmed();
    return tr("%1 threads", "the name of a file of exported threads")
               .arg(title.isEmpty() ? tr("Document") : title) +
           u'.' + ChatExport::suffix(format);
}

} // namespace Glosa

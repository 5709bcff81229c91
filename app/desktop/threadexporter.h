#pragma once

#include "chatexport.h"

namespace Glosa {

struct LoadedDocument;
class MainWindow;

// File → Export Threads…: the threads of a window's page as the window shows them, the user's
// changes that the server has not confirmed yet included, written to a file in Markdown, JSON
// or HTML for printing.
class ThreadExporter
{
    Q_DECLARE_TR_FUNCTIONS(Glosa::ThreadExporter)

public:
    // Asks for the file, whose name (else the filter chosen) says the format, and exports.
    static void ask(MainWindow *window);
    // Exports to `path`, all at once or nothing; says so on the window's status bar, or why
    // not in a message box. Whether it was written.
    static bool exportTo(MainWindow *window, const QString &path, ChatExport::Format format);
    // The name proposed for the export of `document`'s threads.
    static QString proposedName(const LoadedDocument &document, ChatExport::Format format);
};

} // namespace Glosa

#pragma once

#include "appcontext.h"

#include <QCoreApplication>

namespace Glosa {

// `glosa export FILE [--format md|json|html] [--output PATH]`: writes the threads of a file's
// page (see ChatExport), as the server has them or, where it cannot be reached, as this
// computer last saw them, with a warning. It takes the server options and settings of the app,
// and with no server configured joins this computer's own as the app does. It needs no
// display: it runs on Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(Glosa::ExportCommand)

public:
    // The command line asks for the command: its first argument is "export".
    static bool isRequested(int argc, char **argv);
    // One line on the command for the app's --help.
    static QString synopsis();
    // Runs the command; its exit code is 0 when the threads were written, 1 when they could
    // not be, 2 for a wrong command line.
    static int run(int argc, char **argv);

    // How long the server has to bring the page before the threads last seen are taken.
    static constexpr int TimeoutMs = 10000;

private:
    static int exec(const QStringList &arguments, const AppContext::Settings &saved);
    // Waits until the client is live, is refused, has tried every server once, or the time is
    // up; whether it is live.
    static bool waitUntilLive(SyncClient *client);
};

} // namespace Glosa

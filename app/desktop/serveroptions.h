#pragma once

#include "appcontext.h"
#include "linkopener.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace Glosa {

// The command line's options that choose the server, the same for the app and its commands:
// --server (repeated for the nodes of a cluster), --tenant, --token-file and --local-port.
class ServerOptions
{
public:
    ServerOptions();

    void addTo(QCommandLineParser *parser) const;
    // Puts the options `parser` found over `settings`; false, with `error` for people, when one
    // has a wrong value.
    bool apply(const QCommandLineParser &parser, AppContext::Settings *settings,
               QString *error) const;
    // Which of the server's settings `parser` found on the command line.
    LinkOpener::Given given(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_server;
    QCommandLineOption m_tenant;
    QCommandLineOption m_tokenFile;
    QCommandLineOption m_localPort;
};

} // namespace Glosa

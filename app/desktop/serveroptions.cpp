#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Glosa {

ServerOptions::ServerOptions()
    : m_server(u"server"_s,
               QCoreApplication::translate("main",
                                           "The server to use (ws:// or wss://); repeated, the "
                                           "nodes of one cluster, tried in turn; none: this "
                                           "computer's own."),
               u"URL"_s)
    , m_tenant(u"tenant"_s, QCoreApplication::translate("main", "The tenant on the server."),
               u"T"_s)
    , m_tokenFile(u"token-file"_s,
                  QCoreApplication::translate("main", "A file holding the access token."), u"F"_s)
    , m_localPort(u"local-port"_s,
                  QCoreApplication::translate(
                      "main", "The port of this computer's own server (default: 8765)."),
                  u"PORT"_s)
{}

void ServerOptions::addTo(QCommandLineParser *parser) const
{
    parser->addOptions({m_server, m_tenant, m_tokenFile, m_localPort});
}

bool ServerOptions::apply(const QCommandLineParser &parser, AppContext::Settings *settings,
                          QString *error) const
{
    if (parser.isSet(m_server)) {
        const std::optional<QList<QUrl>> servers =
            AppContext::serversFrom(parser.values(m_server), error);
        if (!servers)
            return false;
        settings->servers = *servers;
    }
    if (parser.isSet(m_tenant))
        settings->tenant = parser.value(m_tenant);
    if (parser.isSet(m_tokenFile))
        settings->tokenFile = parser.value(m_tokenFile);
    if (parser.isSet(m_localPort)) {
        const uint port = parser.value(m_localPort).toUInt();
        if (port == 0 || port > 65535) {
            *error = QCoreApplication::translate("main", "--local-port needs a port from 1 "
                                                         "to 65535.");
            return false;
        }
        settings->embeddedPort = quint16(port);
    }
    return true;
}

LinkOpener::Given ServerOptions::given(const QCommandLineParser &parser) const
{
    return {parser.isSet(m_server), parser.isSet(m_tenant), parser.isSet(m_tokenFile)};
}

} // namespace Glosa

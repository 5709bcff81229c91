#pragma once

#include "appcontext.h"
#include "chatlink.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Glosa {

class MainWindow;
class PageSession;

// Opens links to chats in one window. The link's page opens as it would by hand: a published
// document's as Open from Server does, a local file's from the user's copy (a file Glosa knows
// on that page, or one the user chooses). Its chat is then selected and its passage shown once
// the page has it (a page still syncing may bring it later); a chat the page does not have once
// it is synced is said to be gone. A link to a server or tenant other than the one in use is
// offered to a new Glosa on that server.
class LinkOpener : public QObject
{
    Q_OBJECT
public:
    LinkOpener(MainWindow *window, AppContext *context);

    // Whether the window opens the link's page (its chat follows); false when the user gave up
    // or the link went to another Glosa. A link opened before whose chat is still awaited is
    // dropped.
    bool open(const ChatLink &link);

    // Starts a Glosa with `arguments`; by default this program, detached.
    using Launcher = std::function<bool(const QStringList &arguments)>;
    void setLauncher(Launcher launcher) { m_launch = std::move(launcher); }

    // Whether `server` is one of `urls`, the server in use (`embedded`: this computer's own,
    // reached at `urls` on loopback), whatever name or address of this computer the link uses
    // and with default ports and path filled in.
    static bool isServerOf(const QUrl &server, const QList<QUrl> &urls, bool embedded);
    // The settings a Glosa started on `link` runs with: the link's server and tenant where
    // `settings` (those of the command line over the `saved` ones) name others, unless the
    // command line gave them (`given`). The saved token is kept only where the saved server and
    // tenant are in force, so that a link never gets it sent to another server.
    struct Given
    {
        bool server = false;
        bool tenant = false;
        bool tokenFile = false;
    };
    static AppContext::Settings settingsFor(const ChatLink &link, AppContext::Settings settings,
                                            const AppContext::Settings &saved, Given given);

private:
    // The server and tenant of the link are not those in use: asks whether to open it in a new
    // Glosa.
    void offerNewProcess(const ChatLink &link);
    // Opens the page of a local document from a copy the user has; false when there is none.
    bool openLocalPage(const QString &page);
    // A file of the user's on `page`, known or chosen; empty when the user gives up.
    QString chooseCopy(const QString &page);
    // Waits for the link's chat on the window's page, and selects it.
    void await(const ChatLink &link);
    void settle();
    void stop();

    MainWindow *m_window;
    AppContext *m_context;
    Launcher m_launch;
    std::optional<ChatLink> m_awaited;
    QPointer<PageSession> m_session;
    QPointer<QObject> m_watch; // the context of the connections that wait
};

} // namespace Glosa

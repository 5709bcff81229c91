#pragma once

#include "chatlink.h"
#include "pagesession.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Glosa {

class ContentTransfer;
class MentionInbox;
class MentionNotifier;
class DocumentDirectory;
class EmbeddedHost;

// What every window of the process shares: the settings, the server it talks to (its own
// embedded one unless a team server is configured) and the page sessions.
class AppContext : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        // Empty: the embedded server; several: the nodes of one cluster, tried in this order.
        QList<QUrl> servers;
        QString tenant = QStringLiteral("local");
        QString token;
        QString tokenFile;   // read afresh before every connection; wins over token
        QString displayName; // for anonymous use
        QString language;    // empty: the system's
        quint16 embeddedPort = 8765;
        QString embeddedDataDir; // empty: the app-data folder
    };

    // `settings` are in force; `saved` are those in the settings file, which the command line
    // may have overridden (the same as `settings` when omitted).
    explicit AppContext(Settings settings, std::optional<Settings> saved = std::nullopt,
                        QObject *parent = nullptr);
    ~AppContext() override;

    static Settings loadSettings();
    // The servers named in `texts`, one URL each (blank ones are skipped, a repeated one is
    // kept once); std::nullopt, with `error` for people, when one is not a ws:// or wss:// URL.
    static std::optional<QList<QUrl>> serversFrom(const QStringList &texts, QString *error);
    // Loads Glosa's and Qt's translations for `language` (empty: the system's).
    static void installTranslations(const QString &language);
    // Puts `settings` in force and saves them; a value the command line set is saved only where
    // the user changed it.
    void saveSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Starts the embedded server when no server is configured. Where another Glosa on this
    // computer already serves the port, this one connects to it instead.
    bool start(QString *error);
    // The URLs of the server in use: the embedded server's, or those start() took from the
    // settings.
    QList<QUrl> serverUrls() const { return m_urls; }
    bool isEmbedded() const { return m_embedded; }
    // The tenant in use, which start() took from the settings.
    QString tenant() const { return m_tenant; }
    // The server or tenant in the settings is not the one in use, which start() chose.
    bool needsRestart() const;
    bool hostsServer() const;
    bool isSharing() const;
    // Makes the embedded server listen on every interface (or loopback only again).
    bool setSharing(bool on, QString *error);
    // Addresses others on the network can use to join.
    QStringList shareAddresses() const;
    // What the user should know about the embedded server (e.g. the port it had to take).
    QString serverNotice() const;

    QString token() const;
    SyncClient::Options optionsFor(const QString &page) const;
    std::shared_ptr<PageSession> session(const QString &page);
    // The mentions of the user in the pages opened, and who tells the user of new ones.
    MentionInbox *mentions() const { return m_mentions; }
    MentionNotifier *notifier() const { return m_notifier; }
    // Looks for mentions of the user in `session`'s page, whose document is `title`.
    void watchMentions(PageSession *session, const QString &page, const QString &title);
    DocumentDirectory *newDirectory(QObject *parent) const;
    ContentTransfer *newTransfer(QObject *parent) const;

    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    // The page of the file at `path`: the one of the content it had when it was first opened
    // (remembered from then on), so that its chats stay with it as it is edited while anyone
    // with that first content still meets on the same page. `page` is the page of its content.
    QString pageOfFile(const QString &path, const QString &page) const;
    // The page remembered for the file at `path` (see pageOfFile()); empty for a file never
    // opened.
    QString rememberedPageOfFile(const QString &path) const;
    // The files remembered on `page`, the recent ones first; some may be gone since.
    QStringList filesOfPage(const QString &page) const;
    // A link to the chat `chatId` of `page` on the server in use (while this computer's server is
    // shared on the network, at the first address others can join it at).
    ChatLink linkTo(const QString &page, const QString &chatId) const;

    static constexpr int MaxRecentFiles = 8;

Q_SIGNALS:
    void sharingChanged(bool sharing);
    void settingsChanged();
    void recentFilesChanged();

private:
    void forEachSession(const std::function<void(PageSession *)> &f);

    Settings m_settings;
    Settings m_saved;
    QString m_tenant;
    bool m_embedded;
    EmbeddedHost *m_host = nullptr;
    QList<QUrl> m_urls;
    QList<std::weak_ptr<PageSession>> m_sessions;
    MentionInbox *m_mentions;
    MentionNotifier *m_notifier;
};

} // namespace Glosa
